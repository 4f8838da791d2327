#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The slots of one `CooperativeShard`, zero-filled (every slot `empty`). Large blocks are mapped
/// from the system directly: pages cost resident memory only once written, and go back to the
/// system when the block is released — wherever it was allocated (a part's ledger is built on a
/// worker thread, whose malloc arena the merging thread never reuses). Invariant: `slots` stays
/// valid, `count` slots long, for the object's life; it is written only through a uniquely
/// referenced owner (the shard copies it first otherwise), which is what makes it `Sendable`.
final class SlotMemory: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<CooperativeShard.Slot>
    /// Whether `slots` is a mapping of its own (else a Swift allocation).
    private let mapped: Bool

    /// Blocks of at least this many bytes are mapped (below, allocated and zeroed).
    static let smallestMapping = 64 << 10

    /// `count` empty slots.
    init(count: Int) {
        let bytes = count * MemoryLayout<CooperativeShard.Slot>.stride
        #if canImport(Glibc) || canImport(Darwin)
            if bytes >= Self.smallestMapping, let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                address != MAP_FAILED
            {
                // Anonymous pages read as zero: every slot is `empty` (all bits zero) already.
                slots = UnsafeMutableBufferPointer(start: address.bindMemory(to: CooperativeShard.Slot.self, capacity: count), count: count)
                mapped = true
                return
            }
        #endif
        let start = UnsafeMutablePointer<CooperativeShard.Slot>.allocate(capacity: max(count, 1))
        start.initialize(repeating: .empty, count: count)
        slots = UnsafeMutableBufferPointer(start: start, count: count)
        mapped = false
    }

    /// A copy of these slots (a shard about to be written while shared).
    func copy() -> SlotMemory {
        let copied = SlotMemory(count: slots.count)
        for index in slots.indices where !slots[index].state.isEmpty { copied.slots[index] = slots[index] }
        return copied
    }

    deinit {
        #if canImport(Glibc) || canImport(Darwin)
            if mapped, let base = slots.baseAddress {
                munmap(UnsafeMutableRawPointer(base), slots.count * MemoryLayout<CooperativeShard.Slot>.stride)
                return
            }
        #endif
        slots.baseAddress?.deallocate()
    }
}
