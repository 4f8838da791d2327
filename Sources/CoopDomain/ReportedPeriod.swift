/// A resolved period as the outputs report it: its days within the analysed range, cut at today
/// while it is still running ("to date"), and the spans of days its comparisons cover.
/// Invariant: when `runsTo` is set, `days.end == runsTo` and every comparison covers the same number
/// of days from its own start (`sameSpan`), never 40 days against 91.
public struct ReportedPeriod: Sendable, Hashable {
    public let period: Period
    /// The days reported: the period within the range, up to today.
    public let days: DateRange
    /// The day a period still in progress runs to (today); nil when the period has ended by today.
    public let runsTo: Day?
    /// The comparison periods with the days compared.
    public let comparisons: [ComparedSpan]

    /// `period` as reported on `today` within `range`; nil `today` reports whole periods.
    public init(period: Period, range: DateRange, today: Day?) {
        self.period = period
        let inRange = period.days(within: range) ?? DateRange(ordered: range.start, range.end)
        let own = period.calendarDays
        if let today, let own, own.end > today, own.start <= today {
            runsTo = today
            days = DateRange(ordered: inRange.start, min(inRange.end, today))
            let elapsed = own.start.days(to: today) + 1
            comparisons = period.comparisons.compactMap { other in
                other.calendarDays.map { ComparedSpan(period: other, days: $0.prefix(days: elapsed), sameSpan: true) }
            }
        } else {
            runsTo = nil
            days = inRange
            comparisons = period.comparisons.compactMap { other in
                other.calendarDays.map { ComparedSpan(period: other, days: $0, sameSpan: false) }
            }
        }
    }

    /// Whether the period is still in progress on today (labelled "to date").
    public var isToDate: Bool { runsTo != nil }

    /// The label with its state: `2025Q2` or `2025Q2 to date 2025-05-10` (logs, manifests).
    public var statedLabel: String {
        guard let runsTo else { return period.label }
        return "\(period.label) to date \(runsTo)"
    }
}

/// One comparison of a reported period: the earlier period and the days of it compared.
/// Invariant: `sameSpan` is true exactly when `days` is cut to the reported period's span of days.
public struct ComparedSpan: Sendable, Hashable {
    public let period: Period
    public let days: DateRange
    public let sameSpan: Bool

    public init(period: Period, days: DateRange, sameSpan: Bool) {
        self.period = period
        self.days = days
        self.sameSpan = sameSpan
    }
}

/// How far the registries reach: their last accepted creation date (CONTRACT §2.1, coverage).
/// Invariant: a period that starts after `lastCreation` is refused; one that ends after it is covered
/// only up to it.
public struct Coverage: Sendable, Hashable {
    /// The last accepted creation date of the registries (all of them, whatever the scope); nil when none.
    public let lastCreation: Day?

    public init(lastCreation: Day?) { self.lastCreation = lastCreation }

    /// The refusal for a period whose registries have not arrived (it starts after the last creation
    /// date); nil when the period can be reported.
    public func refusal(for reported: ReportedPeriod) -> CoverageRefusal? {
        guard let lastCreation, reported.days.start > lastCreation else { return nil }
        return CoverageRefusal(period: reported.period.label, lastCreation: lastCreation)
    }

    /// The day the period is covered up to, when it ends after the last creation date; nil when covered whole.
    public func coveredOnlyTo(_ reported: ReportedPeriod) -> Day? {
        guard let lastCreation, reported.days.end > lastCreation else { return nil }
        return lastCreation
    }
}

/// A period refused because its registries have not arrived. Invariant: `description` is the one line
/// a cron mail shows, naming the period and the last creation date.
public struct CoverageRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public let period: String
    public let lastCreation: Day

    public var description: String {
        "the registries for \(period) have not arrived: the last creation date is \(lastCreation); "
            + "nothing was written — rerun once they are added"
    }
}
