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
        case .year(let y): Quarter.fourDigits(y)
        case .years(let a, let b): Quarter.fourDigits(a) + ".." + Quarter.fourDigits(b)
        case .all: "all"
        }
    }

    /// The period's own days, whatever the analysed range (nil for `all`, and for years the
    /// calendar does not hold).
    public var calendarDays: DateRange? {
        switch self {
        case .quarter(let q): return q.range
        case .year(let y):
            guard let bounds = Day.yearBounds(y) else { return nil }
            return DateRange(ordered: bounds.first, bounds.last)
        case .years(let a, let b):
            guard let first = Day.yearBounds(a)?.first, let last = Day.yearBounds(b)?.last else { return nil }
            return DateRange(ordered: first, last)
        case .all: return nil
        }
    }

    /// The days the period covers, within the analysed `range`; nil when they do not meet.
    public func days(within range: DateRange) -> DateRange? {
        guard let own = calendarDays else { return self == .all ? DateRange(ordered: range.start, range.end) : nil }
        return own.clamped(to: range)
    }

    /// The periods compared with this one in the `comparison` table, after the period itself:
    /// for a quarter the quarter before and the same quarter a year earlier; for a year the year before
    /// (fewer at the calendar's first quarter or year).
    public var comparisons: [Period] {
        switch self {
        case .quarter(let q): [q.previous, q.yearEarlier].compactMap { $0.map(Period.quarter) }
        case .year(let y): y > 1 ? [.year(y - 1)] : []
        case .years, .all: []
        }
    }
}

/// A period as a user writes it, before the data is seen: a fixed period, `latest` (the most recent
/// quarter that has ended by today and holds accepted creations) or `previous-quarter` (the quarter
/// before today's). The one grammar of the command line and the config file (CONTRACT §2).
/// Invariant: parsing then `description` gives back the canonical spelling.
public enum PeriodSpec: Hashable, Sendable, CustomStringConvertible {
    case fixed(Period)
    case latest
    case previousQuarter

    /// Parses `2024Q3` (or `2024q3`), `2024`, `2020..2024`, `all`, `latest`, `previous-quarter`.
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
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 4, let a = Int(parts[0]), let b = Int(parts[1]),
                a > 0, b > 0
            else {
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

    /// Whether `text` is a period in the grammar of `init(parsing:)`.
    public static func isValid(_ text: String) -> Bool { (try? PeriodSpec(parsing: text)) != nil }

    public var description: String {
        switch self {
        case .fixed(let p): p.label
        case .latest: "latest"
        case .previousQuarter: "previous-quarter"
        }
    }

    /// The last day a creation may fall on to count for `latest` on `today`: the last day of the
    /// quarter before today's (nil in 0001Q1).
    public static func latestCutoff(today: Day) -> Day? { today.quarter.previous?.lastDay }

    /// Settles the spec against today and the analysed range. `latestEnded` is the last accepted
    /// creation date on or before `latestCutoff(today:)` (nil when none, or when the data is not
    /// read yet: then `latest` is checked only as far as it can be).
    /// The period must meet the range and must not start after today.
    public func resolve(range: DateRange, today: Day, latestEnded: Day?, dataKnown: Bool = true) throws(PeriodError) -> Period {
        let period: Period
        switch self {
        case .fixed(let p): period = p
        case .latest:
            if let latestEnded {
                period = .quarter(latestEnded.quarter)
            } else if let cutoff = Self.latestCutoff(today: today), !dataKnown {
                // Before the data is read: at the latest, the last ended quarter within the range.
                period = .quarter(min(cutoff, range.end).quarter)
            } else {
                throw PeriodError(
                    text: description,
                    reason:
                        "no quarter that has ended by \(today) holds an accepted creation; add the registries or name a period (e.g. --period \(today.quarter))",
                    isDataError: true)
            }
        case .previousQuarter:
            guard let previous = today.quarter.previous else {
                throw PeriodError(text: description, reason: "\(today) has no quarter before it")
            }
            period = .quarter(previous)
        }
        if let first = period.calendarDays?.start, first > today {
            throw PeriodError(text: description, reason: "it starts on \(first), after today (\(today)); use a period that has begun")
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
    /// True when the data, not the wording, is at fault (`latest` with no ended quarter holding creations).
    public let isDataError: Bool

    public init(text: String, reason: String, isDataError: Bool = false) {
        self.text = text
        self.reason = reason
        self.isDataError = isDataError
    }

    public var description: String {
        isDataError ? "period '\(text)': \(reason)" : "invalid period '\(text)': \(reason)"
    }
}
