import CoopDomain
import CoopTransform

/// Everything the ingest made of a set of registry files: the cube of the live (deduplicated)
/// cooperatives, every reject, the per-file accounting, duplicate conflicts and refused files.
/// Invariant: for every file and in total, `rowsRead == accepted + rejected + duplicates`, and the
/// cube counts exactly the accepted cooperatives (`verifyAccounting`).
public struct IngestedRegistry: Sendable {
    /// Metrics of every live cooperative by quarter × region × province × sector × community (no scope applied).
    public var cube: MetricsCube
    /// The latest creation date among the live cooperatives.
    public var latestCreation: Day?
    /// Every rejected row in read order: the first in memory, the rest spilled (`RejectLog`).
    public var rejects: RejectLog
    public var files: [FileQuality]
    public var conflicts: [DuplicateConflict]
    public var refusals: [RegistryRefusal]

    public init(
        cube: MetricsCube, latestCreation: Day?, rejects: RejectLog, files: [FileQuality],
        conflicts: [DuplicateConflict], refusals: [RegistryRefusal]
    ) {
        self.cube = cube
        self.latestCreation = latestCreation
        self.rejects = rejects
        self.files = files
        self.conflicts = conflicts
        self.refusals = refusals
    }

    /// The TOTAL row of the data-quality table.
    public var total: FileQuality {
        FileQuality.total(of: files)
    }

    /// Number of live (accepted, deduplicated) cooperatives, as the cube counts them.
    public var accepted: Int { cube.total { _ in true }.cooperatives }

    /// Checks the accounting of every file and of the total; returns the first file that does not balance.
    public func verifyAccounting() -> AccountingError? {
        for file in files where !file.isBalanced {
            return AccountingError(file: file)
        }
        let total = self.total
        if !total.isBalanced || total.accepted != accepted || total.rejected != rejects.count {
            return AccountingError(file: total)
        }
        return nil
    }
}

/// Rows that are not accounted for: an internal error (exit 70), never a silent pass.
/// Invariant: `description` gives the counts that do not add up.
public struct AccountingError: Error, CustomStringConvertible, Sendable {
    public let file: FileQuality

    public var description: String {
        "internal error: rows of \(file.file) are not accounted for: read \(file.rowsRead) ≠ accepted \(file.accepted) + rejected \(file.rejected) + duplicates \(file.duplicates); please report this with the input file"
    }
}
