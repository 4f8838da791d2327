/// A memo keyed on a field's raw bytes, for one file: open addressing over a 64-bit FNV-1a of the
/// bytes, each hit verified against the stored bytes, so no String is made to look a value up.
/// Invariant: an entry's value is what `resolve` gave for exactly its bytes; at most `limit`
/// entries are held (the memo starts again when full), and values longer than `longestKey` bytes
/// are resolved every time, never stored.
struct ByteMemo<Value: Sendable>: Sendable {
    /// Entry number + 1 per slot, 0 for a free slot; its size is a power of two, at least twice the entries.
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    private var hashes: [UInt64] = []
    /// End offset in `stored` of each entry's bytes (entry `i` is `stored[ends[i-1] ..< ends[i]]`).
    private var ends: [Int] = []
    private var stored: [UInt8] = []
    private var values: [Value] = []
    static var limit: Int { 4_096 }
    static var longestKey: Int { 1_024 }

    /// The value stored for exactly `bytes`, if any.
    subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        if bytes.count > Self.longestKey { return nil }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Self.home(hash) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash && matches(entry, bytes) { return values[entry] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Resolves `bytes` (not stored yet) with `resolve`, stores the value unless the bytes are too
    /// long to keep, and returns it.
    mutating func store(
        _ bytes: UnsafeBufferPointer<UInt8>, resolve: (UnsafeBufferPointer<UInt8>) -> Value
    ) -> Value {
        let value = resolve(bytes)
        if bytes.count > Self.longestKey { return value }
        if values.count >= Self.limit {
            self = ByteMemo()
        } else if (values.count + 1) * 2 > slots.count {
            grow()
        }
        insert(bytes, hash: Self.hash(bytes), value: value)
        return value
    }

    private func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entry == 0 ? 0 : ends[entry - 1]
        guard ends[entry] - start == bytes.count else { return false }
        return stored.withUnsafeBufferPointer { all in
            for k in 0..<bytes.count where all[start + k] != bytes[k] { return false }
            return true
        }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) {
        let entry = values.count
        stored.append(contentsOf: bytes)
        ends.append(stored.count)
        hashes.append(hash)
        values.append(value)
        place(entry)
    }

    /// Puts entry `entry` in the first free slot from its hash.
    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Self.home(hashes[entry]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in values.indices { place(entry) }
    }

    /// The first slot tried for `hash` (before masking): its high half, which every byte's bits reach.
    @inline(__always)
    private static func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 32) }

    /// FNV-1a over 64 bits.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
