import Foundation

/// The period a report covers: a quarter, a year, a range of years, or the whole analysed range.
/// Invariant: a `.years` range has `first <= last`.
public enum Period: Hashable, Sendable {
    case quarter(Quarter)
    case year(Int)
    case years(Int, Int)
    case all

    /// The label used in tables, file names and folder names: `2024Q3`, `2024`, `2020..2024`, `all`.
    public var label: String {
        switch self {
        case .quarter(let q): q.description
        case .year(let y): String(y)
        case .years(let a, let b): "\(a)..\(b)"
        case .all: "all"
        }
    }

    /// The days the period covers, within the analysed `range`; nil when they do not meet.
    public func days(within range: DateRange) -> DateRange? {
        switch self {
        case .quarter(let q): return q.range.clamped(to: range)
        case .year(let y):
            return DateRange(start: Day(year: y, month: 1, day: 1)!, end: Day(year: y, month: 12, day: 31)!)!.clamped(to: range)
        case .years(let a, let b):
            return DateRange(start: Day(year: a, month: 1, day: 1)!, end: Day(year: b, month: 12, day: 31)!)!.clamped(to: range)
        case .all: return range
        }
    }

    /// The periods compared with this one in the `comparison` table, after the period itself:
    /// for a quarter the quarter before and the same quarter a year earlier; for a year the year before.
    public var comparisons: [Period] {
        switch self {
        case .quarter(let q): [.quarter(q.previous), .quarter(q.yearEarlier)]
        case .year(let y): [.year(y - 1)]
        case .years, .all: []
        }
    }
}

/// A period as a user writes it, before the data is seen: a fixed period, `latest` (latest quarter
/// present in the data) or `previous-quarter` (the quarter before today's). Invariant: parsing then
/// `description` gives back the canonical spelling.
public enum PeriodSpec: Hashable, Sendable, CustomStringConvertible {
    case fixed(Period)
    case latest
    case previousQuarter

    /// Parses `2024Q3`, `2024`, `2020..2024`, `all`, `latest`, `previous-quarter`.
    public init(parsing raw: String) throws(PeriodError) {
        let text = raw.trimmingSpaces.lowercased()
        switch text {
        case "latest":
            self = .latest
            return
        case "previous-quarter", "previous_quarter":
            self = .previousQuarter
            return
        case "all":
            self = .fixed(.all)
            return
        default: break
        }
        if text.contains("q") {
            guard let q = Quarter(text) else {
                throw PeriodError(text: raw, reason: "a quarter is written YEARQ1 to YEARQ4, e.g. 2024Q3")
            }
            self = .fixed(.quarter(q))
            return
        }
        if text.contains("..") {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), parts[0].count == 4, parts[1].count == 4 else {
                throw PeriodError(text: raw, reason: "a range of years is written FIRST..LAST, e.g. 2020..2024")
            }
            guard a <= b else { throw PeriodError(text: raw, reason: "the range is reversed; write \(b)..\(a)") }
            self = .fixed(a == b ? .year(a) : .years(a, b))
            return
        }
        guard text.count == 4, let year = Int(text), year > 0 else {
            throw PeriodError(text: raw, reason: "use 2024Q3, 2024, 2020..2024, all, latest or previous-quarter")
        }
        self = .fixed(.year(year))
    }

    public var description: String {
        switch self {
        case .fixed(let p): p.label
        case .latest: "latest"
        case .previousQuarter: "previous-quarter"
        }
    }

    /// Settles the spec: `latest` needs the latest creation date in the data, `previous-quarter` today.
    /// The period must meet the analysed range.
    public func resolve(range: DateRange, latestData: Day?, today: Day) throws(PeriodError) -> Period {
        let period: Period
        switch self {
        case .fixed(let p): period = p
        case .latest: period = .quarter((latestData ?? range.end).quarter)
        case .previousQuarter: period = .quarter(today.quarter.previous)
        }
        guard period.days(within: range) != nil else {
            throw PeriodError(text: description, reason: "it lies outside the analysed range \(range.start)..\(range.end)")
        }
        return period
    }
}

/// A period the user wrote that cannot be used. Invariant: `description` is one line saying how to write it.
public struct PeriodError: Error, CustomStringConvertible, Sendable, Equatable {
    public let text: String
    public let reason: String

    public var description: String { "invalid period '\(text)': \(reason)" }
}
