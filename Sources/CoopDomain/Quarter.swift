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

    /// A quarter whose parts are known valid (a real day's year and quarter); clamped, never trapped.
    init(validYear year: Int, index: Int) {
        self.year = min(max(year, 1), 9999)
        self.index = min(max(index, 1), 4)
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

    /// The quarter's first day (1 January, 1 April, 1 July or 1 October).
    public var firstDay: Day { Day(validYear: year, month: (index - 1) * 3 + 1, day: 1) }
    /// The quarter's last day (31 March, 30 June, 30 September or 31 December).
    public var lastDay: Day {
        let month = index * 3
        return Day(validYear: year, month: month, day: Day.daysIn(month: month, year: year))
    }
    /// The quarter's days, first to last.
    public var range: DateRange { DateRange(ordered: firstDay, lastDay) }

    /// The quarter before; nil before 0001Q1.
    public var previous: Quarter? { Quarter(ordinal: ordinal - 1) }
    /// The quarter after; nil after 9999Q4.
    public var next: Quarter? { Quarter(ordinal: ordinal + 1) }
    /// The same quarter a year earlier; nil in year 1.
    public var yearEarlier: Quarter? { Quarter(year: year - 1, index: index) }

    /// Sequential number, for arithmetic (`year * 4 + index - 1`).
    public var ordinal: Int { year * 4 + index - 1 }

    /// The quarter of a sequential number; nil outside 0001Q1 … 9999Q4.
    public init?(ordinal: Int) {
        guard ordinal >= 0 else { return nil }
        self.init(year: ordinal / 4, index: ordinal % 4 + 1)
    }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.ordinal < rhs.ordinal }
    /// `2024Q3` (the year on four digits, `0001Q1`, so the label parses back).
    public var description: String { Quarter.fourDigits(year) + "Q\(index)" }

    /// A year on four digits (`0001`), as labels write it.
    public static func fourDigits(_ year: Int) -> String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
