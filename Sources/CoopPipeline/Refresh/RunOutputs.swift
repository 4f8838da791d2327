/// Names of the files a `coopstat run` produces in its output folder (CONTRACT §3), so that a
/// folder swap knows which old files belong to the previous run and must not be carried over.
/// Invariant: relative paths, `/`-separated; anything else in the folder belongs to the user.
public enum RunOutputs {
    /// True for `coopstat.xlsx`, `coopstat.txt`, `coopstat.LANG.xlsx|txt`, `summary.json`,
    /// `rejects.csv`, `manifest.json`, `.published-at` and everything under `tables/`.
    @Sendable public static func isProduced(_ relativePath: String) -> Bool {
        if relativePath.hasPrefix("tables/") { return true }
        if ["summary.json", "rejects.csv", "manifest.json", AtomicPublisher.markerName].contains(relativePath) {
            return true
        }
        let name = relativePath
        guard !name.contains("/"), name.hasPrefix("coopstat.") else { return false }
        return name.hasSuffix(".xlsx") || name.hasSuffix(".txt")
    }
}
