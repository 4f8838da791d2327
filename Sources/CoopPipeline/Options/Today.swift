import CoopDomain
import Foundation

/// Today's date (UTC) from the system clock, for `previous-quarter`.
/// Invariant: a clock outside the calendar's years gives the standard range's last day.
public enum Today {
    public static var day: Day {
        Day(unixTime: Int(Date().timeIntervalSince1970.rounded(.down))) ?? DateRange.standard.end
    }
}
