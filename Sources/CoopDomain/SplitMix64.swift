import Foundation

/// Deterministic pseudo-random numbers (SplitMix64): the sample generator's, and the tests' chunk
/// cuts and kill plans, so a seed always gives the same sequence on every platform and process.
/// Invariant: the sequence depends only on the seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for one purpose, derived from a seed and a label number.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in `range` (which must not be empty).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return range.lowerBound &+ Int(truncatingIfNeeded: next()) }
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// An index drawn with the given non-negative weights; the last positive one when rounding runs out.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var target = unit() * total
        var last = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            last = index
            if target < weight { return index }
            target -= weight
        }
        return last
    }

    /// An exponential draw with the given mean.
    public mutating func exponential(mean: Double) -> Double { -log(1 - unit()) * mean }
}
