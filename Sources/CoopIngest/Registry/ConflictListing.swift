import CoopDomain
import Foundation

/// Lists conflicting duplicates in full from the ledger's pairs: the ledger keeps no record, so the
/// two rows of each pair are read again from their files (one pass per file holding such a row,
/// validating only the rows named). Invariant: the listing follows the pairs' order, and a pair is
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
            // A row missing now means its file changed during the run: the pair is counted but not listed.
            guard let replaced = rows[pair.replacedFile]?[pair.replacedLine], let kept = rows[pair.keptFile]?[pair.keptLine] else {
                return nil
            }
            return DuplicateConflict(
                replacedFile: sources[pair.replacedFile].displayName, replacedLine: pair.replacedLine,
                keptFile: sources[pair.keptFile].displayName, keptLine: pair.keptLine, replaced: replaced, kept: kept)
        }
    }

    /// The accepted records of `source` that start at `lines`.
    static func records(at lines: Set<Int>, in source: RegistryIngest.Source, reference: ReferenceData, range: DateRange)
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
