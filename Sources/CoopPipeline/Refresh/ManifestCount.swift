/// A count a refresh records in `manifest.json` (`counts`). Invariant: `rawValue` is the JSON key.
public enum ManifestCount: String, Sendable, CaseIterable, Hashable {
    case files
    case rowsRead = "rows_read"
    case accepted
    case rejected
    case duplicates
    case duplicateConflicts = "duplicate_conflicts"
    case skippedBlank = "skipped_blank"
}
