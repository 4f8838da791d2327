/// What the injected report builder tells the refresh after writing a report into staging.
/// Invariant: `periodLabel` names the folder the report is published as (`2024Q4`).
public struct BuildOutcome: Sendable, Equatable {
    /// Counts for the manifest (`rows_read`, `accepted`, `rejected`, `duplicates`, …).
    public var counts: [ManifestCount: Int]
    /// Non-blank rows read over all inputs.
    public var rowsRead: Int
    /// Rejected rows over all inputs.
    public var rejected: Int
    /// Files refused as a whole (missing required column); any -> exit 65 after publishing.
    public var refusedFiles: [String]
    /// Period folder name.
    public var periodLabel: String

    public init(counts: [ManifestCount: Int], rowsRead: Int, rejected: Int, refusedFiles: [String], periodLabel: String) {
        self.counts = counts
        self.rowsRead = rowsRead
        self.rejected = rejected
        self.refusedFiles = refusedFiles
        self.periodLabel = periodLabel
    }

    /// Accepted rows: `counts[.accepted]` when given, else rows read minus rejected.
    public var accepted: Int { counts[.accepted] ?? max(0, rowsRead - rejected) }

    /// The counts as `manifest.json` writes them, keyed by their JSON names.
    public var manifestCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
    }
}
