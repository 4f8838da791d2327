import Foundation
import CoopDomain

/// Everything the ingest made of a set of registry files: the live records, every reject, the
/// per-file accounting, duplicate conflicts and refused files.
/// Invariant: for every file and in total, `rowsRead == accepted + rejected + duplicates` (`verifyAccounting`).
public struct IngestedRegistry: Sendable {
    public var records: [CooperativeRecord]
    public var rejects: [RejectedRow]
    public var files: [FileQuality]
    public var conflicts: [DuplicateConflict]
    public var refusals: [RegistryRefusal]

    public init(records: [CooperativeRecord], rejects: [RejectedRow], files: [FileQuality],
                conflicts: [DuplicateConflict], refusals: [RegistryRefusal]) {
        self.records = records
        self.rejects = rejects
        self.files = files
        self.conflicts = conflicts
        self.refusals = refusals
    }

    /// The TOTAL row of the data-quality table.
    public var total: FileQuality {
        var total = FileQuality(file: "TOTAL")
        for file in files { total.add(file) }
        return total
    }

    /// The latest creation date among the live records.
    public var latestCreation: Day? { records.lazy.map(\.creationDate).max() }

    /// Checks the accounting of every file and of the total; returns the first file that does not balance.
    public func verifyAccounting() -> AccountingError? {
        for file in files where !file.isBalanced {
            return AccountingError(file: file)
        }
        let total = self.total
        if !total.isBalanced || total.accepted != records.count || total.rejected != rejects.count {
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

/// Reads registry files in order and settles duplicates across them. The I/O is in
/// `RegistryFileReader`; this assembles the results. Invariant: files are processed in the order given.
public enum RegistryIngest {
    /// One file to read: its path on disk, the name shown in outputs, and its format overrides.
    public struct Source: Sendable {
        public let path: String
        public let displayName: String
        public let format: RegistryFormat

        public init(path: String, displayName: String, format: RegistryFormat = RegistryFormat()) {
            self.path = path
            self.displayName = displayName
            self.format = format
        }
    }

    /// Reads every source (files in parallel, results settled in order) and returns the registry.
    public static func ingest(_ sources: [Source], reference: ReferenceData, range: DateRange,
                              progress: (@Sendable (String) -> Void)? = nil) -> IngestedRegistry {
        let parsed = parseAll(sources, reference: reference, range: range, progress: progress)
        var ledger = DuplicateLedger()
        var files: [FileQuality] = []
        var rejects: [RejectedRow] = []
        var refusals: [RegistryRefusal] = []
        let names = sources.map(\.displayName)
        // Files are settled in order; each file's rows are released once offered.
        var pending = parsed
        for index in pending.indices {
            let result = pending[index]
            pending[index] = ParsedFile(quality: result.quality)
            files.append(result.quality)
            if let refusal = result.refusal { refusals.append(refusal) }
            rejects.append(contentsOf: result.rejects)
            for (record, line) in zip(result.accepted, result.lines) {
                ledger.offer(record, file: index, line: Int(line), fileNames: names)
            }
        }
        let live = ledger.takeLiveRecords(fileCount: files.count)
        let acceptedByFile = live.acceptedByFile
        for index in files.indices {
            files[index].accepted = acceptedByFile[index]
            files[index].duplicates = ledger.duplicatesByFile[index] ?? 0
            files[index].duplicateConflicts = ledger.conflictsByFile[index] ?? 0
        }
        return IngestedRegistry(records: live.records, rejects: rejects, files: files,
                                conflicts: ledger.conflicts, refusals: refusals)
    }

    /// One file's rows as parsed: accepted records with their lines, and rejects, in file order.
    struct ParsedFile: Sendable {
        var quality: FileQuality
        var refusal: RegistryRefusal? = nil
        var accepted: [CooperativeRecord] = []
        var lines: [Int32] = []
        var rejects: [RejectedRow] = []
    }

    static func parseAll(_ sources: [Source], reference: ReferenceData, range: DateRange,
                         progress: (@Sendable (String) -> Void)?) -> [ParsedFile] {
        let results = ResultSlots<ParsedFile>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let source = sources[index]
            progress?(source.displayName)
            var parsed = ParsedFile(quality: FileQuality(file: source.displayName))
            do {
                let read = try RegistryFileReader.read(path: source.path, displayName: source.displayName, reference: reference,
                                                       range: range, format: source.format) { outcome, line in
                    switch outcome {
                    case .accepted(let record, _):
                        parsed.accepted.append(record)
                        parsed.lines.append(Int32(clamping: line))
                    case .rejected(let reject):
                        parsed.rejects.append(reject)
                    }
                }
                parsed.quality = read.quality
                parsed.refusal = read.refusal
                if read.refusal != nil {
                    parsed.accepted = []
                    parsed.lines = []
                    parsed.rejects = []
                }
            } catch {
                let reason = RegistryRefusal(file: source.displayName, reason: .unreadable(String(describing: error)))
                parsed = ParsedFile(quality: FileQuality(file: source.displayName), refusal: reason)
                parsed.quality.refusal = reason.description
            }
            results.store(parsed, at: index)
        }
        return results.values()
    }
}
