import CoopDomain
import CoopParallel
import Foundation

/// Lists conflicting duplicates in full from the ledger's pairs: the ledger keeps no record, so the
/// two rows of each pair are read again from their files (each from the offset of its line, or one
/// pass per file holding such a row, validating only the rows named). Invariant: the listing follows the pairs' order, and a pair is
/// listed with the records exactly as the first read made them.
enum ConflictListing {
    static func conflicts(
        _ pairs: [ConflictPair], sources: [RegistryIngest.Source], reference: ReferenceData, range: DateRange
    ) -> [DuplicateConflict] {
        guard !pairs.isEmpty else { return [] }
        var wanted: [Int: Set<Int>] = [:]
        for pair in pairs {
            wanted[pair.replacedFile, default: []].insert(pair.replacedLine)
            wanted[pair.keptFile, default: []].insert(pair.keptLine)
        }
        // The files are read again in parallel, each only up to the last row it must give.
        let lines = wanted
        let files = lines.keys.sorted()
        let found = ResultSlots<[Int: CooperativeRecord]>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { slot in
            let file = files[slot]
            found.store(records(at: lines[file] ?? [], in: sources[file], reference: reference, range: range), at: slot)
        }
        var rows: [Int: [Int: CooperativeRecord]] = [:]
        for (slot, file) in files.enumerated() {
            rows[file] = found.value(at: slot) ?? records(at: lines[file] ?? [], in: sources[file], reference: reference, range: range)
        }
        return pairs.compactMap { pair in
            // A row missing now, or of another cooperative, means its file changed during the run: the pair
            // is counted but not listed.
            guard let replaced = rows[pair.replacedFile]?[pair.replacedLine], let kept = rows[pair.keptFile]?[pair.keptLine],
                replaced.duplicateKey == kept.duplicateKey
            else {
                return nil
            }
            return DuplicateConflict(
                replacedFile: sources[pair.replacedFile].displayName, replacedLine: pair.replacedLine,
                keptFile: sources[pair.keptFile].displayName, keptLine: pair.keptLine, replaced: replaced, kept: kept)
        }
    }

    /// The accepted records of `source` that start at `lines`: each read from the offset of its
    /// line (`LineStarts`), else in one pass from the top.
    static func records(at lines: Set<Int>, in source: RegistryIngest.Source, reference: ReferenceData, range: DateRange)
        -> [Int: CooperativeRecord]
    {
        if let found = recordsByOffset(at: lines, in: source, reference: reference, range: range) { return found }
        return recordsFromTop(at: lines, in: source, reference: reference, range: range)
    }

    /// Bytes read at a time from a row's offset (a longer row is read on, block after block).
    static let rowBlock = 16 * 1024

    /// The records at `lines`, each parsed alone from the offset its line starts at, with the
    /// encoding, delimiter and header of the file's head; nil when that cannot be done (a header
    /// beyond the head, the head refused, a read error), and the caller reads from the top.
    static func recordsByOffset(at lines: Set<Int>, in source: RegistryIngest.Source, reference: ReferenceData, range: DateRange)
        -> [Int: CooperativeRecord]?
    {
        guard var encoding = source.format.encoding, !lines.contains(1),
            let head = try? RegistryFileReader.head(path: source.path, count: RegistryParser.headSize)
        else { return nil }
        var utf16BigEndian: Bool?
        if encoding == .utf16LE || encoding == .utf16BE {
            // A BOM first in the file decides the byte order, whatever was declared (as `UTF8Transcoder` does).
            let bigEndian = head.starts(with: [0xFE, 0xFF]) || (encoding == .utf16BE && !head.starts(with: [0xFF, 0xFE]))
            utf16BigEndian = bigEndian
            encoding = bigEndian ? .utf16BE : .utf16LE
        }
        // The head is read for its header only: no row of it is built.
        var probe = RegistryParser(file: source.displayName, reference: reference, range: range, format: source.format)
        probe.onlyLines = []
        probe.feed(head) { _, _ in }
        probe.finish { _, _ in }
        guard let settled = probe.continuation,
            let offsets = try? LineStarts.offsets(of: lines, in: source.path, utf16BigEndian: utf16BigEndian)
        else {
            return nil
        }
        let continuation = RegistryContinuation(encoding: encoding, delimiter: settled.delimiter, layout: settled.layout)
        var found: [Int: CooperativeRecord] = [:]
        for (line, offset) in offsets {
            var parser = RegistryParser(file: source.displayName, reference: reference, range: range, continuing: continuation)
            parser.onlyLines = [1]
            do {
                try RegistryFileReader.read(path: source.path, bytes: offset..<Int.max, into: &parser, chunkSize: rowBlock) {
                    outcome, _ in
                    if case .accepted(let record, _) = outcome { found[line] = record }
                    throw AllRowsFound()
                }
            } catch {
                // AllRowsFound ends the reading at the row; a read error leaves it not found.
            }
        }
        return found
    }

    /// The records at `lines`, reading `source` from its first byte up to the last of them.
    static func recordsFromTop(at lines: Set<Int>, in source: RegistryIngest.Source, reference: ReferenceData, range: DateRange)
        -> [Int: CooperativeRecord]
    {
        var parser = RegistryParser(file: source.displayName, reference: reference, range: range, format: source.format)
        parser.onlyLines = lines
        var found: [Int: CooperativeRecord] = [:]
        do {
            try RegistryFileReader.read(path: source.path, bytes: nil, into: &parser) { outcome, line in
                if case .accepted(let record, _) = outcome { found[line] = record }
                if found.count == lines.count { throw AllRowsFound() }
            }
        } catch {
            // AllRowsFound ends the reading early; a read error leaves the rows not found unlisted.
        }
        return found
    }

    /// Stops reading a file once every row wanted from it was found.
    struct AllRowsFound: Error {}
}
