/// The live states of a `DuplicateLedger` by key: `shardCount` open-addressing shards
/// (`CooperativeShard`), a key's shard chosen by its top six bits and its slot by its low half, so
/// that a merge releases the later table shard by shard and a growth copies one shard only.
/// Invariant: a key is only ever in `shards[shard(of: key)]`; iteration visits shards, then slots,
/// in order — the same order for the same offers.
struct CooperativeTable: Sendable {
    /// Number of shards (a power of two: `shard(of:)` takes the top bits).
    static let shardCount = 64
    private(set) var shards: [CooperativeShard]

    /// A table with room for about `expected` states before any shard grows: each shard is sized
    /// for its share plus four standard deviations of how keys spread over shards (√share).
    init(expected: Int = 0) {
        let perShard = Self.perShard(expected: expected)
        shards = (0..<Self.shardCount).map { _ in CooperativeShard(expected: perShard) }
    }

    /// The states each shard is sized for when the table expects `expected`.
    private static func perShard(expected: Int) -> Int {
        let share = Swift.max(0, expected) / Self.shardCount
        return expected > 0 ? share + 4 * Int(Double(share).squareRoot()) + 8 : 0
    }

    /// The shard holding `key`.
    static func shard(of key: RegistryKey) -> Int { Int(truncatingIfNeeded: key.high >> 58) }

    /// Number of states held.
    var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// Number of slots, over all shards.
    var capacity: Int { shards.reduce(0) { $0 + $1.capacity } }

    /// The state of `key`, nil when it has none.
    func value(forKey key: RegistryKey) -> CooperativeState? { shards[Self.shard(of: key)].value(forKey: key) }

    /// Stores `state` for `key` and returns the state it replaced, nil when the key is new.
    @discardableResult
    mutating func updateValue(_ state: CooperativeState, forKey key: RegistryKey) -> CooperativeState? {
        shards[Self.shard(of: key)].updateValue(state, forKey: key)
    }

    /// Shard `index`, taken out of the table (left empty, its slots released once the caller drops it).
    mutating func take(shard index: Int) -> CooperativeShard {
        defer { shards[index] = CooperativeShard() }
        return shards[index]
    }

    /// Empties every shard, keeping its slots, and makes room for about `expected` states in all
    /// (spread over the shards as `init(expected:)` spreads them).
    mutating func removeAll(reservingFor expected: Int) {
        let perShard = Self.perShard(expected: expected)
        for index in shards.indices {
            shards[index].removeAll()
            shards[index].reserve(perShard)
        }
    }

    /// Makes room in shard `index` for `states` in all.
    mutating func reserve(shard index: Int, states: Int) { shards[index].reserve(states) }
}

extension CooperativeTable: Sequence {
    /// Every key and state, shard by shard in slot order.
    func makeIterator() -> FlattenSequence<[CooperativeShard]>.Iterator { shards.joined().makeIterator() }
}
