import CoopDomain
import CoopParallel
import CoopTransform
import Foundation

/// Reads registry files and settles duplicates across them, folding every accepted row into the
/// cube as it is parsed. The I/O is in `RegistryFileReader`; this plans the work, runs it on every
/// core and merges the per-part ledgers in file order. Invariant: the result is the one a single
/// pass over the files in the order given would give.
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

    /// Reads every source (files and parts of large files in parallel, settled in order) and returns the registry.
    /// Files of at least two `minimumPartSize` are cut into parts parsed in parallel (same result).
    /// `meter` learns, chunk by chunk and from any thread, the bytes read and the rows they held.
    public static func ingest(
        _ sources: [Source], reference: ReferenceData, range: DateRange,
        minimumPartSize: Int = FileSplit.minimumPartSize, maximumParts: Int? = nil,
        progress: (@Sendable (String) -> Void)? = nil,
        meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil
    ) -> IngestedRegistry {
        _ = ReleasedMemory.pinned
        var parsed = parseAll(
            sources, reference: reference, range: range, minimumPartSize: minimumPartSize,
            maximumParts: maximumParts, progress: progress, meter: meter)
        var files: [FileQuality] = []
        var rejects = RejectLogBuilder(spillingTo: RejectSpillWriter.init(file:))
        var refusals: [RegistryRefusal] = []
        var offered: [(rows: OfferedRows, lineShift: Int)] = []
        for index in parsed.indices {
            files.append(parsed[index].quality)
            if let refusal = parsed[index].refusal { refusals.append(refusal) }
            rejects.append(contentsOf: parsed[index].rejects)
            offered += parsed[index].parts
            parsed[index] = ParsedFile(quality: parsed[index].quality)
        }
        let ledger = LedgerSettlement.settle(offered, workers: ProcessInfo.processInfo.activeProcessorCount)
        offered = []
        for index in files.indices {
            files[index].accepted = ledger.acceptedByFile[index] ?? 0
            files[index].duplicates = ledger.duplicatesByFile[index] ?? 0
            files[index].duplicateConflicts = ledger.conflictsByFile[index] ?? 0
        }
        // The rows are read again with the encoding and delimiter the first read settled (no second detection).
        let settled = zip(sources, files).map { source, quality in
            Source(
                path: source.path, displayName: source.displayName,
                format: RegistryFormat(
                    encoding: source.format.encoding ?? TextEncoding(rawValue: quality.encoding),
                    delimiter: source.format.delimiter ?? DelimiterSniffer.parse(userName: quality.delimiter)))
        }
        let conflicts = ConflictListing.conflicts(ledger.conflictsInReadOrder, sources: settled, reference: reference, range: range)
        return IngestedRegistry(
            cube: ledger.cube, latestCreation: ledger.latestCreation, rejects: rejects.finish(), files: files,
            conflicts: conflicts, refusals: refusals)
    }

    /// One file as parsed: its accounting, refusal, rejects in file order (beyond the bound in
    /// spills), and the rows its parts offer the ledger, in order with the line shift of each.
    struct ParsedFile: Sendable {
        var quality: FileQuality
        var refusal: RegistryRefusal? = nil
        var parts: [(rows: OfferedRows, lineShift: Int)] = []
        var rejects = RejectLog()
    }

    static func parseAll(
        _ sources: [Source], reference: ReferenceData, range: DateRange, minimumPartSize: Int,
        maximumParts: Int?, progress: (@Sendable (String) -> Void)?,
        meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil, spill: LedgerSpill = LedgerSpill()
    ) -> [ParsedFile] {
        // Plan: one job per file, or per part of a large file (parts parsed in parallel).
        let cores = maximumParts ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let sizes = sources.map { (try? FileManager.default.attributesOfItem(atPath: $0.path))?[.size] as? Int }
        let splits: [FileSplit?] = zip(sources, sizes).map { source, size in
            guard cores > 1, let size else { return nil }
            return FileSplit.plan(
                path: source.path, size: size, format: source.format, reference: reference,
                range: range, maximumParts: cores, minimumPartSize: minimumPartSize)
        }
        var jobs: [(file: Int, part: Int)] = []
        var jobBytes: [Int] = []
        for (index, split) in splits.enumerated() {
            for part in 0..<(split?.parts.count ?? 1) {
                jobs.append((index, part))
                jobBytes.append(split?.parts[part].count ?? sizes[index] ?? 0)
            }
        }
        let plannedJobs = jobs
        // The largest jobs start first, so that a large file read last does not run alone at the end.
        let startOrder = jobs.indices.sorted { (jobBytes[$0], $1) > (jobBytes[$1], $0) }
        let results = ResultSlots<ParsedPart>(count: plannedJobs.count)
        let parseJob = { @Sendable (jobIndex: Int) -> ParsedPart in
            let (file, part) = plannedJobs[jobIndex]
            let source = sources[file]
            if part == 0 { progress?(source.displayName) }
            if let split = splits[file] {
                return parsePart(
                    source, index: file, bytes: split.parts[part], continuation: part == 0 ? nil : split.continuation,
                    reference: reference, range: range, spill: spill, meter: meter)
            }
            return parsePart(
                source, index: file, bytes: nil, continuation: nil, reference: reference, range: range, spill: spill, meter: meter)
        }
        DispatchQueue.concurrentPerform(iterations: plannedJobs.count) { started in
            let jobIndex = startOrder[started]
            results.store(parseJob(jobIndex), at: jobIndex)
        }
        var parts = plannedJobs.indices.map { results.value(at: $0) ?? parseJob($0) }

        // Assemble each file's parts in order, shifting line numbers; a part that ended inside
        // quotes means a cut fell inside a quoted field: that file is read again in one pass.
        var files: [ParsedFile] = []
        var cursor = 0
        for (index, source) in sources.enumerated() {
            let count = splits[index]?.parts.count ?? 1
            let own = cursor..<cursor + count
            cursor += count
            if count == 1 {
                files.append(parts[own.lowerBound].file)
                continue
            }
            // So does a file of more lines than the ledger holds (the one pass refuses it at the first line beyond).
            let lines = parts[own].reduce(0) { $0 + $1.lineBreaks }
            if parts[own.dropLast()].contains(where: { $0.endedInsideQuotes }) || parts[own].contains(where: { $0.file.refusal != nil })
                || lines >= CooperativeState.largestLine
            {
                for part in own { parts[part] = ParsedPart(file: ParsedFile(quality: parts[part].file.quality)) }
                files.append(
                    parsePart(source, index: index, bytes: nil, continuation: nil, reference: reference, range: range, spill: spill).file)
                continue
            }
            var merged = parts[own.lowerBound].file
            var rejects = RejectLogBuilder(spillingTo: RejectSpillWriter.init(file:))
            rejects.append(contentsOf: merged.rejects)
            var linesBefore = parts[own.lowerBound].lineBreaks
            for position in own.dropFirst() {
                let part = parts[position]
                parts[position] = ParsedPart(file: ParsedFile(quality: part.file.quality))
                merged.parts += part.file.parts.map { ($0.rows, $0.lineShift + linesBefore) }
                rejects.append(contentsOf: part.file.rejects, lineShift: linesBefore)
                // The ledger fills accepted, duplicates and conflicts later; parts carry none yet.
                merged.quality = merged.quality + part.file.quality
                linesBefore += part.lineBreaks
            }
            merged.rejects = rejects.finish()
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

    /// Parses `bytes` of file number `index` (the whole file when nil) into the rows it offers the
    /// ledger, kept through `spill`; a later part continues the file's head settings. A row the ledger
    /// cannot hold exactly (`StateOverflow`) refuses the file as unreadable.
    static func parsePart(
        _ source: Source, index: Int, bytes: Range<Int>?, continuation: RegistryContinuation?,
        reference: ReferenceData, range: DateRange, spill: LedgerSpill = LedgerSpill(),
        meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil
    ) -> ParsedPart {
        var parsed = ParsedFile(quality: FileQuality(file: source.displayName))
        var parser =
            continuation.map {
                RegistryParser(file: source.displayName, reference: reference, range: range, continuing: $0)
            } ?? RegistryParser(file: source.displayName, reference: reference, range: range, format: source.format)
        var lineBreaks = 0
        var offered = OfferedRows(spill: spill)
        var rejects = RejectLogBuilder(spillingTo: RejectSpillWriter.init(file:))
        do {
            lineBreaks = try RegistryFileReader.readRows(
                path: source.path, bytes: bytes, into: &parser, countingLines: bytes != nil, meter: meter
            ) { (outcome: CompactOutcome, line: Int) in
                switch outcome {
                case .accepted(let row):
                    offered.append(try CooperativeState(row, file: index, line: line), key: row.key)
                case .rejected(let reject):
                    rejects.append(reject)
                }
            }
            parsed.quality = parser.quality
            parsed.refusal = parser.refusal
            if parser.refusal == nil {
                offered.finish()
                parsed.parts = [(offered, 0)]
                parsed.rejects = rejects.finish()
            }
        } catch {
            let why = String(describing: error)
            let reason = RegistryRefusal(file: source.displayName, reason: error is StateOverflow ? .beyondLimits(why) : .unreadable(why))
            parsed = ParsedFile(quality: FileQuality(file: source.displayName), refusal: reason)
            parsed.quality.refusal = reason.description
            parsed.quality.refusalValues = reason.values
        }
        return ParsedPart(file: parsed, lineBreaks: lineBreaks, endedInsideQuotes: parser.endedInsideQuotes)
    }
}
