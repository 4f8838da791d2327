import Foundation

/// A calendar quarter, written `2024Q3`.
/// Invariant: `index` is 1…4.
public struct Quarter: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let index: Int

    public init?(year: Int, index: Int) {
        guard (1...4).contains(index), (1...9999).contains(year) else { return nil }
        self.year = year
        self.index = index
    }

    /// Parses `2024Q3` (also `2024-Q3`, lower-case q); nil otherwise.
    public init?(_ text: String) {
        let upper = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = upper.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1,
            let y = Int(parts[0]), let q = Int(parts[1])
        else { return nil }
        self.init(year: y, index: q)
    }

    public var firstDay: Day { Day(year: year, month: (index - 1) * 3 + 1, day: 1)! }
    public var lastDay: Day {
        let month = index * 3
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
    }
    public var range: DateRange { DateRange(start: firstDay, end: lastDay)! }

    /// The quarter before.
    public var previous: Quarter { index == 1 ? Quarter(year: year - 1, index: 4)! : Quarter(year: year, index: index - 1)! }
    /// The quarter after.
    public var next: Quarter { index == 4 ? Quarter(year: year + 1, index: 1)! : Quarter(year: year, index: index + 1)! }
    /// The same quarter a year earlier.
    public var yearEarlier: Quarter { Quarter(year: year - 1, index: index)! }

    /// Sequential number, for arithmetic (`year * 4 + index - 1`).
    public var ordinal: Int { year * 4 + index - 1 }

    public init(ordinal: Int) {
        self.year = ordinal / 4
        self.index = ordinal % 4 + 1
    }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.ordinal < rhs.ordinal }
    public var description: String { "\(year)Q\(index)" }
}
