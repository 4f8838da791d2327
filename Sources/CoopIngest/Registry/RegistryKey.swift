import CoopDomain

/// The matching key of a registration id (CONTRACT §1.5): a 128-bit hash of the id trimmed and
/// case-folded, so the ledger never holds the id itself. Invariant: ids whose `duplicateKey`s are
/// equal get equal keys.
///
/// Collision bound: the key is FNV-1a over 128 bits followed by a 64-bit finaliser on each half;
/// treated as a random function of the folded id, the chance that any two of n distinct ids share
/// a key is at most n(n−1)/2 · 2⁻¹²⁸ < n² · 2⁻¹²⁹. For 10⁹ cooperatives — a hundred times the
/// largest registry in view — that is below 10¹⁸ / 6.8 · 10³⁸ ≈ 1.5 · 10⁻²¹: far below the chance
/// of a memory error in the machine. (It is not a keyed hash: ids crafted to collide could merge
/// two cooperatives; registries come from the offices, not from an adversary.)
public struct RegistryKey: Hashable, Sendable {
    public let high: UInt64
    public let low: UInt64

    /// The key of these two halves (tests; the empty slot of a `CooperativeShard`).
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The key of an already folded id (the bytes of `CooperativeRecord.duplicateKey`).
    public init<Bytes: Sequence>(folded bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = FNV128()
        for byte in bytes { hash.add(byte) }
        (high, low) = hash.finished
    }

    /// The key of an ASCII id without surrounding white space, folded on the fly (upper-case
    /// letters lowered): what `init(registrationId:)` gives for such an id, without a String.
    init(lowercasingASCII bytes: UnsafeBufferPointer<UInt8>) {
        var hash = FNV128()
        for byte in bytes { hash.add(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
        (high, low) = hash.finished
    }

    /// The key of a registration id as the row spelled it: folded as `duplicateKey` folds it.
    public init(registrationId id: String) {
        var hash = FNV128()
        CooperativeRecord.forEachFoldedIdByte(id) { hash.add($0) }
        (high, low) = hash.finished
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(low)
    }

    public static func == (a: RegistryKey, b: RegistryKey) -> Bool { a.low == b.low && a.high == b.high }
}

/// FNV-1a over 128 bits (prime 2⁸⁸ + 0x13B), with a murmur finaliser so both halves avalanche.
struct FNV128 {
    private var high: UInt64 = 0x6C62_272E_07BB_0142
    private var low: UInt64 = 0x62B8_2175_6295_C58D

    mutating func add(_ byte: UInt8) {
        low ^= UInt64(byte)
        // (high·2⁶⁴ + low) · (2⁸⁸ + 0x13B) mod 2¹²⁸
        let product = low.multipliedFullWidth(by: 0x13B)
        high = high &* 0x13B &+ product.high &+ (low << 24)
        low = product.low
    }

    var finished: (UInt64, UInt64) {
        let a = Self.mix(high ^ (low >> 29))
        let b = Self.mix(low ^ a)
        return (a, b)
    }

    /// MurmurHash3's 64-bit finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }
}

/// A 32-bit FNV-1a of a text field's bytes: enough to tell, with a 2⁻³² chance of a miss per pair
/// of different values, whether two versions of a cooperative spell a field alike.
enum TextHash {
    static func of(_ text: String) -> UInt32 {
        text.utf8.withContiguousStorageIfAvailable { of(bytes: $0) } ?? of(bytes: text.utf8)
    }

    static func of<Bytes: Sequence>(bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    /// The hash of no bytes.
    static let seed: UInt32 = 0x811C_9DC5

    /// The hash of the bytes hashed into `hash` followed by `byte`.
    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt32) -> UInt32 {
        (hash ^ UInt32(byte)) &* 0x0100_0193
    }
}
