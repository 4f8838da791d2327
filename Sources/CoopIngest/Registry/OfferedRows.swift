/// The accepted rows of one parse job (a file, or a part of one) as the duplicate ledger will be
/// offered them: each row's key and packed state, split by `LedgerSettlement.partition(of:)` and
/// handed to a shared `LedgerSpill` block by block, so that a job holds at most one open block per
/// partition. Invariant: within each partition, the states read back in the order appended.
struct OfferedRows: Sendable {
    /// Slots in a full block (28 KiB).
    static let blockSlots = 512
    private let spill: LedgerSpill
    /// The block being filled, per partition.
    private var open: [[CooperativeShard.Slot]]
    /// The blocks handed over, per partition, in order.
    private(set) var blocks: [[LedgerSpill.Block]]
    /// States appended, per partition.
    private(set) var counts: [Int]

    init(spill: LedgerSpill) {
        self.spill = spill
        open = Array(repeating: [], count: LedgerSettlement.partitionCount)
        blocks = Array(repeating: [], count: LedgerSettlement.partitionCount)
        counts = Array(repeating: 0, count: LedgerSettlement.partitionCount)
    }

    /// Number of states appended.
    var count: Int { counts.reduce(0, +) }

    /// Appends the state of the next accepted row, with its key.
    mutating func append(_ state: CooperativeState, key: RegistryKey) {
        let partition = LedgerSettlement.partition(of: key)
        if open[partition].isEmpty { open[partition].reserveCapacity(Self.blockSlots) }
        open[partition].append(CooperativeShard.Slot(key: key, state: state))
        counts[partition] += 1
        if open[partition].count == Self.blockSlots { handOver(partition) }
    }

    /// Hands the blocks still open over to the spill (call once the job's last row is appended).
    mutating func finish() {
        for partition in open.indices where !open[partition].isEmpty { handOver(partition) }
    }

    private mutating func handOver(_ partition: Int) {
        var full: [CooperativeShard.Slot] = []
        swap(&full, &open[partition])
        blocks[partition].append(spill.keep(full))
    }

    /// Calls `body` with the key and state of each row of `partition` in the order appended
    /// (`finish()` first); false when the spill could not read a block back.
    func forEach(
        in partition: Int, buffer: inout [CooperativeShard.Slot], _ body: (CooperativeShard.Slot) -> Void
    ) -> Bool {
        for block in blocks[partition] {
            guard spill.forEachSlot(of: block, buffer: &buffer, body) else { return false }
        }
        return true
    }
}
