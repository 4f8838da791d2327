/// A count per file number (read order), kept in an array indexed by the file: the ledger bumps one
/// per row, where a `[Int: Int]` would hash the file number with SipHash each time.
/// Invariant: `counts[file]` is the count of `file`; files past the end count 0.
struct FileCounts: Sendable, Equatable {
    private var counts: [Int] = []

    /// The count of `file`.
    subscript(file: Int) -> Int { file < counts.count ? counts[file] : 0 }

    /// Adds `amount` (maybe negative) to the count of `file` (a file number, ≥ 0).
    mutating func add(_ amount: Int, to file: Int) {
        if file >= counts.count { counts += repeatElement(0, count: file + 1 - counts.count) }
        counts[file] += amount
    }

    /// Adds every count of `other`.
    mutating func add(_ other: FileCounts) {
        for (file, count) in other.counts.enumerated() where count != 0 { add(count, to: file) }
    }

    /// The files whose count is not zero, with their counts.
    var nonZero: [Int: Int] {
        Dictionary(uniqueKeysWithValues: counts.enumerated().filter { $0.element != 0 }.map { ($0.offset, $0.element) })
    }
}
