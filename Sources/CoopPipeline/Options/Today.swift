import CoopDomain
import Foundation

/// The run's today when none is given (`--today`, config `today`): the system's local date (CONTRACT §2.1).
/// Invariant: the only place that turns the wall clock into a `Day`.
public enum Today {
    /// The system's local date now.
    public static var day: Day { day(at: Date()) }

    /// The local calendar day of `date` in `timeZone`.
    public static func day(at date: Date, timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        if let year = parts.year, let month = parts.month, let day = parts.day, let local = Day(year: year, month: month, day: day) {
            return local
        }
        return Day(unixTime: Int(date.timeIntervalSince1970.rounded(.down))) ?? DateRange.everything.end
    }
}
