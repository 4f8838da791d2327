import CoopDomain
import Foundation

/// Everything the ingest made of a set of registry files: the live records, every reject, the
/// per-file accounting, duplicate conflicts and refused files.
/// Invariant: for every file and in total, `rowsRead == accepted + rejected + duplicates` (`verifyAccounting`).
public struct IngestedRegistry: Sendable {
    public var records: [CooperativeRecord]
    public var rejects: [RejectedRow]
    public var files: [FileQuality]
    public var conflicts: [DuplicateConflict]
    public var refusals: [RegistryRefusal]

    public init(
        records: [CooperativeRecord], rejects: [RejectedRow], files: [FileQuality],
        conflicts: [DuplicateConflict], refusals: [RegistryRefusal]
    ) {
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
    /// Files of at least two `minimumPartSize` are cut into parts parsed in parallel (same result).
    /// `meter` learns, chunk by chunk and from any thread, the bytes read and the rows they held.
    public static func ingest(
        _ sources: [Source], reference: ReferenceData, range: DateRange,
        minimumPartSize: Int = FileSplit.minimumPartSize, maximumParts: Int? = nil,
        progress: (@Sendable (String) -> Void)? = nil,
        meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil
    ) -> IngestedRegistry {
        let parsed = parseAll(
            sources, reference: reference, range: range, minimumPartSize: minimumPartSize,
            maximumParts: maximumParts, progress: progress, meter: meter)
        var ledger = DuplicateLedger()
        var files: [FileQuality] = []
        var rejects: [RejectedRow] = []
        var refusals: [RegistryRefusal] = []
        let names = sources.map(\.displayName)
        // Files are settled in order; each file's rows are released once offered.
        ledger.reserve(parsed.reduce(0) { $0 + $1.accepted.count })
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
        return IngestedRegistry(
            records: live.records, rejects: rejects, files: files,
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

    static func parseAll(
        _ sources: [Source], reference: ReferenceData, range: DateRange, minimumPartSize: Int,
        maximumParts: Int?, progress: (@Sendable (String) -> Void)?,
        meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil
    ) -> [ParsedFile] {
        // Plan: one job per file, or per part of a large file (parts parsed in parallel).
        let cores = maximumParts ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let splits: [FileSplit?] = sources.map { source in
            guard cores > 1, let size = (try? FileManager.default.attributesOfItem(atPath: source.path))?[.size] as? Int else { return nil }
            return FileSplit.plan(
                path: source.path, size: size, format: source.format, reference: reference,
                range: range, maximumParts: cores, minimumPartSize: minimumPartSize)
        }
        var jobs: [(file: Int, part: Int)] = []
        for (index, split) in splits.enumerated() {
            for part in 0..<(split?.parts.count ?? 1) { jobs.append((index, part)) }
        }
        let plannedJobs = jobs
        let results = ResultSlots<ParsedPart>(count: plannedJobs.count)
        let parseJob = { @Sendable (jobIndex: Int) -> ParsedPart in
            let (file, part) = plannedJobs[jobIndex]
            let source = sources[file]
            if part == 0 { progress?(source.displayName) }
            if let split = splits[file] {
                return parsePart(
                    source, bytes: split.parts[part], continuation: part == 0 ? nil : split.continuation,
                    reference: reference, range: range, meter: meter)
            }
            return parsePart(source, bytes: nil, continuation: nil, reference: reference, range: range, meter: meter)
        }
        DispatchQueue.concurrentPerform(iterations: plannedJobs.count) { jobIndex in
            results.store(parseJob(jobIndex), at: jobIndex)
        }
        let parts = plannedJobs.indices.map { results.value(at: $0) ?? parseJob($0) }

        // Assemble each file's parts in order, shifting line numbers; a part that ended inside
        // quotes means a cut fell inside a quoted field: that file is read again in one pass.
        var files: [ParsedFile] = []
        var cursor = 0
        for (index, source) in sources.enumerated() {
            let count = splits[index]?.parts.count ?? 1
            let own = Array(parts[cursor..<cursor + count])
            cursor += count
            if count == 1 {
                files.append(own[0].file)
                continue
            }
            if own.dropLast().contains(where: { $0.endedInsideQuotes }) || own[0].file.refusal != nil {
                files.append(parsePart(source, bytes: nil, continuation: nil, reference: reference, range: range).file)
                continue
            }
            var merged = own[0].file
            var linesBefore = own[0].lineBreaks
            for part in own.dropFirst() {
                let shift = Int32(clamping: linesBefore)
                merged.accepted.append(contentsOf: part.file.accepted)
                merged.lines.append(contentsOf: part.file.lines.map { $0 + shift })
                merged.rejects.append(
                    contentsOf: part.file.rejects.map {
                        RejectedRow(
                            file: $0.file, line: $0.line + linesBefore, registrationId: $0.registrationId,
                            field: $0.field, value: $0.value, reason: $0.reason)
                    })
                merged.quality.rowsRead += part.file.quality.rowsRead
                merged.quality.rejected += part.file.quality.rejected
                merged.quality.unknownSector += part.file.quality.unknownSector
                merged.quality.skippedBlank += part.file.quality.skippedBlank
                merged.quality.replacedBytes += part.file.quality.replacedBytes
                for (value, n) in part.file.quality.unknownSectorValues { merged.quality.unknownSectorValues[value, default: 0] += n }
                linesBefore += part.lineBreaks
            }
            files.append(merged)
        }
        return files
    }

    /// One part of a file as parsed, with the line breaks it holds and whether it ended inside quotes.
    struct ParsedPart: Sendable {
        var file: ParsedFile
        var lineBreaks = 0
        var endedInsideQuotes = false
    }

    /// Parses `bytes` of a file (the whole file when nil); a later part continues the file's head settings.
    static func parsePart(
        _ source: Source, bytes: Range<Int>?, continuation: RegistryContinuation?,
        reference: ReferenceData, range: DateRange, meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil
    ) -> ParsedPart {
        var parsed = ParsedFile(quality: FileQuality(file: source.displayName))
        var parser =
            continuation.map {
                RegistryParser(file: source.displayName, reference: reference, range: range, continuing: $0)
            } ?? RegistryParser(file: source.displayName, reference: reference, range: range, format: source.format)
        var lineBreaks = 0
        do {
            lineBreaks = try RegistryFileReader.read(
                path: source.path, bytes: bytes, into: &parser, countingLines: bytes != nil, meter: meter
            ) {
                outcome, line in
                switch outcome {
                case .accepted(let record, _):
                    parsed.accepted.append(record)
                    parsed.lines.append(Int32(clamping: line))
                case .rejected(let reject):
                    parsed.rejects.append(reject)
                }
            }
            parsed.quality = parser.quality
            parsed.refusal = parser.refusal
            if parser.refusal != nil {
                parsed.accepted = []
                parsed.lines = []
                parsed.rejects = []
            }
        } catch {
            let reason = RegistryRefusal(file: source.displayName, reason: .unreadable(String(describing: error)))
            parsed = ParsedFile(quality: FileQuality(file: source.displayName), refusal: reason)
            parsed.quality.refusal = reason.description
            parsed.quality.refusalValues = reason.values
        }
        return ParsedPart(file: parsed, lineBreaks: lineBreaks, endedInsideQuotes: parser.endedInsideQuotes)
    }
}
