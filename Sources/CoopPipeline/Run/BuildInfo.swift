import CoopExport

/// What this binary is: coopstat's version, the git commit it was built from, and the libxlsxwriter
/// it runs with. Invariant: `commit` is "unknown" for a build outside a git checkout, never empty.
public enum BuildInfo {
    public static var version: String { CoopstatVersion.current }
    public static var commit: String { BuildCommit.id.isEmpty ? "unknown" : BuildCommit.id }

    /// What `coopstat --version` prints: `0.1.0 (commit 1a2b3c4d5e6f, libxlsxwriter 1.1.4)`.
    public static var versionText: String {
        "\(version) (commit \(commit), libxlsxwriter \(WorkbookLibrary.runtimeVersion))"
    }

    /// Checks, at startup, that the linked libxlsxwriter is the one coopstat was compiled for.
    public static func checkLibraries() throws(PipelineError) {
        do {
            try WorkbookLibrary.check()
        } catch {
            throw PipelineError(.software, error.description, cause: error)
        }
    }
}
