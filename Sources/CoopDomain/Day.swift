/// A calendar day (proleptic Gregorian), as registries record creation dates.
/// Invariant: always a real date (no 31 February); ordering is chronological.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    // Compact storage: registries hold millions of days.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// A day, or nil when the date does not exist (31/02/2019, month 13, year outside 1..9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.storedYear = Int16(year)
        self.storedMonth = UInt8(month)
        self.storedDay = UInt8(day)
    }

    /// A day known to exist (year 1…9999, month 1…12, day within the month): the calendar's own
    /// arithmetic (quarter bounds, clamped ends) only. Out-of-range parts are clamped, never trapped.
    init(validYear year: Int, month: Int, day: Int) {
        let y = min(max(year, 1), 9999)
        let m = min(max(month, 1), 12)
        self.storedYear = Int16(y)
        self.storedMonth = UInt8(m)
        self.storedDay = UInt8(min(max(day, 1), Day.daysIn(month: m, year: y)))
    }

    /// The first and the last day of `year`; nil outside 1…9999.
    public static func yearBounds(_ year: Int) -> (first: Day, last: Day)? {
        guard (1...9999).contains(year) else { return nil }
        return (Day(validYear: year, month: 1, day: 1), Day(validYear: year, month: 12, day: 31))
    }

    /// The day `count` days later (earlier when negative); nil outside 0001-01-01 … 9999-12-31.
    public func adding(days count: Int) -> Day? { Day(daysSinceEpoch: daysSinceEpoch + count) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    private enum CodingKeys: String, CodingKey { case year, month, day }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let (y, m, d) = (
            try container.decode(Int.self, forKey: .year), try container.decode(Int.self, forKey: .month),
            try container.decode(Int.self, forKey: .day)
        )
        guard let valid = Day(year: y, month: m, day: d) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(y)-\(m)-\(d) is not a date"))
        }
        self = valid
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(day, forKey: .day)
    }

    /// Days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The UTC day of a Unix time (seconds since 1970-01-01T00:00:00Z).
    public init?(unixTime seconds: Int) {
        self.init(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init?(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        guard let day = Day(year: y, month: m, day: d) else { return nil }
        self = day
    }

    /// The largest Excel serial day number (9999-12-31).
    public static let maximumExcelSerial = 2_958_465

    /// The day of an Excel serial day number (1900 date system: 1 = 1900-01-01, 38718 = 2006-01-01);
    /// nil for 60, Excel's fictitious 1900-02-29, and outside 1…9999-12-31.
    public init?(excelSerial: Int) {
        guard excelSerial >= 1, excelSerial <= Day.maximumExcelSerial, excelSerial != 60 else { return nil }
        // Before the fictitious 29 February 1900 the serials count real days from 1900-01-01 = 1.
        self.init(daysSinceEpoch: excelSerial < 60 ? excelSerial - 25_568 : excelSerial - 25_569)
    }

    /// The Excel serial day number of this day (1900 date system).
    public var excelSerial: Int {
        let days = daysSinceEpoch
        return days < -25_509 ? days + 25_568 : days + 25_569  // -25509 = 1900-03-01
    }

    /// The quarter the day falls in.
    public var quarter: Quarter { Quarter(validYear: year, index: (month - 1) / 3 + 1) }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601 form, `2024-07-01`.
    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    /// Parses the ISO form `YYYY-MM-DD` only (configuration values).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

/// A span of days, first to last: the analysed range of creation dates (default 2005-01-01 to
/// today, CONTRACT §2.1) or the days of a period. Invariant: `start <= end`.
public struct DateRange: Hashable, Sendable, Codable {
    public let start: Day
    public let end: Day
    /// The run's today, when this is the analysed range: creation dates after it are rejected as
    /// dates in the future, whatever the end (nil for the days of a period).
    public let today: Day?

    public init?(start: Day, end: Day, today: Day? = nil) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
        self.today = today
    }

    /// The span between two days, whichever comes first.
    public init(ordered a: Day, _ b: Day) {
        self.start = min(a, b)
        self.end = max(a, b)
        self.today = nil
    }

    /// The same days, with the run's today attached (creation dates after it are in the future).
    public func judged(on today: Day) -> DateRange {
        DateRange(start: start, end: end, today: today) ?? self
    }

    /// Why a creation date on `day` is not analysed: after today (a date in the future), or
    /// outside the range; nil when it is analysed.
    public func rejection(of day: Day) -> RejectReason? {
        if let today, day > today { return .dateInFuture(today: today) }
        return contains(day) ? nil : .dateOutOfRange(DateRange(ordered: start, end))
    }

    /// The first day analysed unless configured: 2005-01-01, when the registries begin.
    public static let defaultStart = Day(validYear: 2005, month: 1, day: 1)

    /// The default analysed range on `today`: 2005-01-01 … today (just `today` should today come first).
    public static func analysed(until today: Day) -> DateRange {
        DateRange(ordered: min(defaultStart, today), today).judged(on: today)
    }

    /// The span of the bundled registries, 2005-01-01 … 2024-12-31 (fixtures and tests; never a default).
    public static let standard = DateRange(ordered: defaultStart, Day(validYear: 2024, month: 12, day: 31))

    /// Every day the calendar knows, 0001-01-01 … 9999-12-31.
    public static let everything = DateRange(ordered: Day(validYear: 1, month: 1, day: 1), Day(validYear: 9999, month: 12, day: 31))

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// How many days the span holds (1 for a single day).
    public var dayCount: Int { start.days(to: end) + 1 }

    /// The first `count` days of the span (the whole span when it is shorter; at least its first day).
    public func prefix(days count: Int) -> DateRange {
        guard count < dayCount, let last = start.adding(days: max(count, 1) - 1) else { return self }
        return DateRange(ordered: start, last)
    }

    /// The overlap of two ranges, nil when they do not meet.
    public func clamped(to other: DateRange) -> DateRange? {
        DateRange(start: max(start, other.start), end: min(end, other.end))
    }
}
