/// One shard of a `CooperativeTable`: an open-addressing hash table with linear probing whose
/// slots hold the key and the packed state inline (56 bytes, no box per entry). A slot is empty
/// when its state is `CooperativeState.empty` (a cooperative has at least one member), so any
/// 128-bit key, the all-zero one included, can be stored. Invariant: `count ≤ maximumLoad ×
/// capacity`, so a probe always meets an empty slot; each key is in one slot, reached from its
/// home slot (`key.low` scaled to the capacity) without crossing an empty slot.
struct CooperativeShard: Sendable {
    /// One slot: a key and its state, or `empty` (all bits zero).
    struct Slot: Sendable, Equatable {
        var key: RegistryKey
        var state: CooperativeState

        static let empty = Slot(key: RegistryKey(high: 0, low: 0), state: .empty)
    }

    /// The slots, nil before the first state (shared with copies of the shard until written).
    private var memory: SlotMemory?
    /// Number of occupied slots.
    private(set) var count = 0

    /// The largest share of occupied slots: 17/20 = 0.85.
    static let maximumLoad = (numerator: 17, denominator: 20)
    /// The capacity of the first allocation of a shard grown from nothing.
    static let smallestCapacity = 16

    /// A shard with room for `expected` states before it grows (no slots when 0).
    init(expected: Int = 0) {
        if expected > 0 { memory = SlotMemory(count: Self.capacity(for: expected)) }
    }

    /// Number of slots.
    var capacity: Int { memory?.slots.count ?? 0 }

    /// The fewest slots that hold `states` within the maximum load.
    static func capacity(for states: Int) -> Int {
        let (numerator, denominator) = maximumLoad
        return Swift.max(smallestCapacity, (states * denominator + numerator - 1) / numerator)
    }

    /// The home slot of `key` in a table of `capacity` slots: the high half of `key.low × capacity`
    /// (uniform over the slots for a uniform `key.low`, with no power-of-two capacity needed).
    private static func home(of key: RegistryKey, capacity: Int) -> Int {
        Int(truncatingIfNeeded: key.low.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// The slot holding `key`, or the empty slot where it would go (`slots` is not full).
    private static func probe(_ key: RegistryKey, in slots: UnsafeMutableBufferPointer<Slot>) -> Int {
        var index = home(of: key, capacity: slots.count)
        while !slots[index].state.isEmpty && slots[index].key != key {
            index += 1
            if index == slots.count { index = 0 }
        }
        return index
    }

    /// The state of `key`, nil when it has none.
    func value(forKey key: RegistryKey) -> CooperativeState? {
        guard let slots = memory?.slots, !slots.isEmpty else { return nil }
        let found = slots[Self.probe(key, in: slots)]
        return found.state.isEmpty ? nil : found.state
    }

    /// Stores `state` for `key` and returns the state it replaced, nil when the key is new. Grows
    /// (doubling) only when a new key would pass the maximum load.
    @discardableResult
    mutating func updateValue(_ state: CooperativeState, forKey key: RegistryKey) -> CooperativeState? {
        if !isKnownUniquelyReferenced(&memory), let shared = memory { memory = shared.copy() }
        if let slots = memory?.slots {
            let index = Self.probe(key, in: slots)
            if !slots[index].state.isEmpty {
                defer { slots[index].state = state }
                return slots[index].state
            }
            let (numerator, denominator) = Self.maximumLoad
            if (count + 1) * denominator <= slots.count * numerator {
                slots[index] = Slot(key: key, state: state)
                count += 1
                return nil
            }
        }
        grow(to: Swift.max(Self.smallestCapacity, capacity * 2))
        if let slots = memory?.slots { slots[Self.probe(key, in: slots)] = Slot(key: key, state: state) }
        count += 1
        return nil
    }

    /// Empties the shard and keeps its slots (zeroed in place when not shared), so that the next
    /// keys it takes fault in no new pages.
    mutating func removeAll() {
        if isKnownUniquelyReferenced(&memory), let slots = memory?.slots {
            slots.update(repeating: .empty)
        } else {
            memory = capacity > 0 ? SlotMemory(count: capacity) : nil
        }
        count = 0
    }

    /// Makes room for `states` in all, so that as many keys can be added without growing (a merge's known size).
    mutating func reserve(_ states: Int) {
        let needed = Self.capacity(for: states)
        if needed > capacity { grow(to: needed) }
    }

    /// Moves every state into `newCapacity` new slots, in slot order; the old slots are released.
    private mutating func grow(to newCapacity: Int) {
        let moved = SlotMemory(count: newCapacity)
        for (key, state) in self { moved.slots[Self.probe(key, in: moved.slots)] = Slot(key: key, state: state) }
        memory = moved
    }
}

extension CooperativeShard: Sequence {
    /// Walks the occupied slots in slot order (the same order for the same offers).
    struct Iterator: IteratorProtocol {
        /// Holds the slots alive while they are walked.
        let memory: SlotMemory?
        var index = 0

        mutating func next() -> (key: RegistryKey, state: CooperativeState)? {
            guard let slots = memory?.slots else { return nil }
            while index < slots.count {
                defer { index += 1 }
                if !slots[index].state.isEmpty { return (slots[index].key, slots[index].state) }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(memory: memory) }

    var underestimatedCount: Int { count }
}
