import CoopDomain

/// Settles duplicates across all files (CONTRACT §1.5): rows are offered in file order then row
/// order; a later row with the same registration id (trimmed, case-folded) replaces the earlier
/// one, which counts as a duplicate — and a conflict when the versions differ — in its own file.
/// Invariant: each key has at most one live record.
public struct DuplicateLedger: Sendable {
    private var slots: [CooperativeRecord?] = []
    private var origins: [(file: Int, line: Int)] = []
    private var slotByKey: [String: Int] = [:]
    public private(set) var duplicatesByFile: [Int: Int] = [:]
    public private(set) var conflictsByFile: [Int: Int] = [:]
    public private(set) var conflicts: [DuplicateConflict] = []

    public init() {}

    /// Makes room for `count` more rows, so offering them never regrows the storage.
    public mutating func reserve(_ count: Int) {
        slots.reserveCapacity(slots.count + count)
        origins.reserveCapacity(origins.count + count)
        slotByKey.reserveCapacity(slotByKey.count + count)
    }

    /// Offers an accepted record read from file number `file` (in read order) at `line`.
    public mutating func offer(_ record: CooperativeRecord, file: Int, line: Int, fileNames: [String]) {
        let key = record.duplicateKey
        if let previous = slotByKey[key], let old = slots[previous] {
            let origin = origins[previous]
            duplicatesByFile[origin.file, default: 0] += 1
            if !CooperativeRecord.differingFields(old, record).isEmpty {
                conflictsByFile[origin.file, default: 0] += 1
                conflicts.append(
                    DuplicateConflict(
                        replacedFile: fileNames[origin.file], replacedLine: origin.line,
                        keptFile: fileNames[file], keptLine: line, replaced: old, kept: record))
            }
            slots[previous] = nil
        }
        slotByKey[key] = slots.count
        slots.append(record)
        origins.append((file, line))
    }

    /// Hands over the live records in read order and how many came from each file, emptying the ledger.
    public mutating func takeLiveRecords(fileCount: Int) -> (records: [CooperativeRecord], acceptedByFile: [Int]) {
        var records: [CooperativeRecord] = []
        records.reserveCapacity(slotByKey.count)
        var acceptedByFile = [Int](repeating: 0, count: fileCount)
        slotByKey = [:]
        let taken = slots
        slots = []
        for (index, slot) in taken.enumerated() {
            guard let record = slot else { continue }
            records.append(record)
            acceptedByFile[origins[index].file] += 1
        }
        origins = []
        return (records, acceptedByFile)
    }
}
