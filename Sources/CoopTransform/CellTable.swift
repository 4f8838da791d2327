/// A key of a `CellTable`: its fields packed into one word for the table's multiplicative hash.
protocol CellTableKey: Equatable, Sendable {
    /// The key's fields in one word: equal keys give equal words (distinct keys may share one; `==` decides).
    var packed: UInt64 { get }
}

/// Metrics by key for the cube's hot path: keys and metrics in two dense arrays (in the order keys were
/// first added), found through an open-addressing index with linear probing and a multiplicative hash
/// of `packed` — no `Hasher` (SipHash) per lookup, no box per entry. A cell whose metrics are back to
/// zero stays in place (to be reused) but counts as absent: `entries` skips it.
/// Invariant: each key is in `keys` once; `slots` holds each key's index at the first position from its
/// home slot that is not taken by another key, and is at most half full (its size a power of two).
struct CellTable<Key: CellTableKey>: Sendable {
    private(set) var keys: [Key] = []
    private(set) var values: [Metrics] = []
    /// Index into `keys` + 1 per slot; 0 is a free slot.
    private var slots: [Int] = []
    /// 64 − log2(slots.count): the home slot is the top bits of the hashed key.
    private var shift: UInt64 = 64

    init() {}

    /// Calls `body` with each cell whose metrics are not zero, in the order their keys were first added.
    func forEachEntry(_ body: (Key, Metrics) -> Void) {
        let zero = Metrics()
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                for index in 0..<min(keys.count, values.count) where values[index] != zero { body(keys[index], values[index]) }
            }
        }
    }

    /// The index of `key` in `keys`, nil when it was never added.
    func index(of key: Key) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = home(key)
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if keys[stored - 1] == key { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `metrics` to the cell `key` (made, with zero metrics, if it was never added).
    mutating func add(_ metrics: Metrics, at key: Key) {
        values[indexAdding(key)].add(metrics)
    }

    /// Takes `metrics` away from the cell at `index` (from `index(of:)`).
    mutating func subtract(_ metrics: Metrics, atIndex index: Int) {
        values[index].subtract(metrics)
    }

    /// The index of `key`, added with zero metrics when new.
    private mutating func indexAdding(_ key: Key) -> Int {
        if (keys.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = home(key)
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if keys[stored - 1] == key { return stored - 1 }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        values.append(Metrics())
        slots[slot] = keys.count
        return keys.count - 1
    }

    private func home(_ key: Key) -> Int {
        // Fibonacci hashing: the top bits of packed × 2^64/φ spread nearby keys over the table.
        Int(truncatingIfNeeded: (key.packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Doubles the index (64 slots at first) and places every key again.
    private mutating func grow() {
        let count = max(64, slots.count * 2)
        shift = UInt64(64 - count.trailingZeroBitCount)
        slots = [Int](repeating: 0, count: count)
        let mask = count - 1
        for (index, key) in keys.enumerated() {
            var slot = home(key)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = index + 1
        }
    }
}

extension CubeKey: CellTableKey {
    /// quarter (32 bits) | region (8) | province (16) | sector (8), community in the top two bits.
    var packed: UInt64 {
        (UInt64(UInt32(bitPattern: quarter)) << 32 | UInt64(UInt8(bitPattern: region)) << 24
            | UInt64(UInt16(bitPattern: province)) << 8 | UInt64(UInt8(bitPattern: sector)))
            ^ UInt64(UInt8(bitPattern: community.rawValue)) << 62
    }
}

extension DayKey: CellTableKey {
    /// day (32 bits) | region (8) | community (8).
    var packed: UInt64 {
        UInt64(UInt32(bitPattern: day)) << 16 | UInt64(UInt8(bitPattern: region)) << 8
            | UInt64(UInt8(bitPattern: community.rawValue))
    }
}
