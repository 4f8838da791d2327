import CoopDomain
import CoopTransform

/// Settles duplicates (CONTRACT §1.5) while folding every accepted row into the cube: rows are
/// offered in file order then row order; a later row with the same registration id (trimmed,
/// case-folded: its `RegistryKey`) replaces the earlier one — whose metrics leave the cube — and the
/// replaced row counts as a duplicate, and a conflict when a field both report differs, in its own
/// file. A ledger of one part of a file merges into the ledger of what came before it
/// (`absorb`), so parts are settled in parallel and merged in file order with the same result as
/// one pass. Invariant: each key has one live state, and `cube` holds exactly the live states'
/// metrics; nothing but `live` (and `firstOfKey`, for keys repeated within it) grows with rows.
/// The ingest keeps one ledger per partition of the keys at a time (`LedgerSettlement`).
/// `live` is a `CooperativeTable` of 56-byte slots cut into shards, so that a merge releases the
/// later ledger shard by shard: the peak while two parts' ledgers merge is about the merged
/// ledger, not the merged plus both parts.
public struct DuplicateLedger: Sendable {
    /// The live (latest) state of every cooperative seen.
    private(set) var live: CooperativeTable
    /// For keys offered more than once here: the first state offered, which a merge compares with
    /// the live state of an earlier ledger.
    private var firstOfKey = CooperativeTable()
    /// Metrics of the live states, by cell.
    public private(set) var cube = MetricsCube()
    private var duplicates = FileCounts()
    private var conflictCounts = FileCounts()
    private var accepted = FileCounts()
    /// Replaced rows by file (files with none left out).
    public var duplicatesByFile: [Int: Int] { duplicates.nonZero }
    /// Replaced rows that conflict with the row kept, by file (files with none left out).
    public var conflictsByFile: [Int: Int] { conflictCounts.nonZero }
    /// Rows still live by file (files with none left out).
    public var acceptedByFile: [Int: Int] { accepted.nonZero }
    /// Conflicting pairs found, by file and line only (the rows are read again to list them).
    public private(set) var conflicts: [ConflictPair] = []

    /// A ledger sized for about `expectedCooperatives` live states before its table grows.
    public init(expectedCooperatives: Int = 0) {
        live = CooperativeTable(expected: expectedCooperatives)
    }

    /// Number of live cooperatives; the storage the ledger holds grows with this number only.
    public var liveCount: Int { live.count }

    /// The latest creation date among the live cooperatives.
    public var latestCreation: Day? {
        [latestForgotten, live.lazy.map(\.state.creation).max()].compactMap { $0 }.max()
    }

    /// The latest creation date of the live states forgotten (`forgetStates`).
    private var latestForgotten: Day?

    /// Drops the live states (their metrics stay in the cube, their counts and conflicts stay) and
    /// empties the table, keeping its slots and making room for `expected` states: the ledger then
    /// settles keys that none of the forgotten ones may share (`LedgerSettlement`'s next partition).
    /// With `releasing`, the slots go back to the system instead.
    mutating func forgetStates(expecting expected: Int, releasing: Bool = false) {
        latestForgotten = latestCreation
        if releasing {
            live = CooperativeTable()
        } else {
            live.removeAll(reservingFor: expected)
        }
        firstOfKey = CooperativeTable()
    }

    /// Adds a ledger of keys that none of this one's share (another partition of the keys): its
    /// cube, counts, conflicts and states.
    mutating func absorb(disjoint other: DuplicateLedger) {
        for (key, state) in other.live { live.updateValue(state, forKey: key) }
        if let latest = other.latestCreation { latestForgotten = max(latestForgotten ?? latest, latest) }
        cube.merge(other.cube)
        duplicates.add(other.duplicates)
        conflictCounts.add(other.conflictCounts)
        accepted.add(other.accepted)
        conflicts += other.conflicts
    }

    /// Offers an accepted record read from file number `file` (in read order) at `line`; throws,
    /// offering nothing, when a value does not fit the ledger's packed state (`CooperativeState`).
    public mutating func offer(_ record: CooperativeRecord, file: Int, line: Int, reference: ReferenceData) throws(StateOverflow) {
        offer(
            try CooperativeState(record, file: file, line: line, reference: reference),
            key: RegistryKey(registrationId: record.registrationId))
    }

    mutating func offer(_ state: CooperativeState, key: RegistryKey) {
        if let old = live.updateValue(state, forKey: key) {
            if firstOfKey.value(forKey: key) == nil { firstOfKey.updateValue(old, forKey: key) }
            replace(old, by: state)
        }
        accepted.add(1, to: state.file)
        cube.add(state.metrics, at: state.cubeKey, created: state.creation)
    }

    /// Counts `old` as replaced by the later `new`: a duplicate, maybe a conflict, out of the cube.
    private mutating func replace(_ old: CooperativeState, by new: CooperativeState) {
        let file = old.file
        duplicates.add(1, to: file)
        accepted.add(-1, to: file)
        cube.subtract(old.metrics, at: old.cubeKey, created: old.creation)
        let differing = old.differingFields(from: new)
        if !differing.isEmpty {
            conflictCounts.add(1, to: file)
            conflicts.append(ConflictPair(replacedFile: file, replacedLine: old.line, keptFile: new.file, keptLine: new.line))
        }
    }

    /// Merges the ledger of rows read after all of this one's (the next part of the file, or the
    /// next file), whose lines are shifted by `lineShift` (the line breaks before its part).
    public mutating func absorb(_ later: DuplicateLedger, lineShift: Int = 0) {
        var taken = later
        absorb(emptying: &taken, lineShift: lineShift)
    }

    /// `absorb(_:lineShift:)` that empties `later` shard by shard as it merges, so that the memory
    /// of a merged shard is released before the next one grows (`later` is empty afterwards).
    /// Each shard grows at most once, to the size of both.
    public mutating func absorb(emptying later: inout DuplicateLedger, lineShift: Int = 0) {
        if liveCount == 0 && latestForgotten == nil && lineShift == 0 {
            // Nothing offered here yet (every key ever offered stays in `live`): take the later one whole, without copying.
            self = later
            later = DuplicateLedger()
            return
        }
        for index in 0..<CooperativeTable.shardCount {
            let incoming = later.live.take(shard: index)
            live.reserve(shard: index, states: live.shards[index].count + incoming.count)
            for (key, latest) in incoming {
                let repeated = later.firstOfKey.value(forKey: key)
                if let old = live.updateValue(latest.shifted(by: lineShift), forKey: key) {
                    replace(old, by: (repeated ?? latest).shifted(by: lineShift))
                } else if let repeated {
                    firstOfKey.updateValue(repeated.shifted(by: lineShift), forKey: key)
                }
            }
        }
        later.firstOfKey = CooperativeTable()
        cube.merge(later.cube)
        duplicates.add(later.duplicates)
        conflictCounts.add(later.conflictCounts)
        accepted.add(later.accepted)
        conflicts += later.conflicts.map {
            ConflictPair(
                replacedFile: $0.replacedFile, replacedLine: $0.replacedLine + lineShift, keptFile: $0.keptFile,
                keptLine: $0.keptLine + lineShift)
        }
    }

    /// The conflicts in the order their kept rows were read (as one pass would have found them).
    public var conflictsInReadOrder: [ConflictPair] {
        conflicts.sorted { ($0.keptFile, $0.keptLine) < ($1.keptFile, $1.keptLine) }
    }
}

/// Two rows of one cooperative that conflict, by file (read order) and line.
/// Invariant: the replaced row was read before the kept one.
public struct ConflictPair: Sendable, Equatable {
    public let replacedFile: Int
    public let replacedLine: Int
    public let keptFile: Int
    public let keptLine: Int

    public init(replacedFile: Int, replacedLine: Int, keptFile: Int, keptLine: Int) {
        self.replacedFile = replacedFile
        self.replacedLine = replacedLine
        self.keptFile = keptFile
        self.keptLine = keptLine
    }
}
