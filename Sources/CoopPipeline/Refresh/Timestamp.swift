import Foundation

/// ISO 8601 UTC text for the times coopstat writes (lock file, manifest, markers, logs).
/// Invariant: fixed width for a given `fractional` setting, so text order is time order.
enum Timestamp {
    /// `2026-11-29T03:00:00Z`, or `2026-11-29T03:00:00.123Z` with `fractional`.
    static func iso(_ date: Date, fractional: Bool = false) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return f.string(from: date)
    }
}
