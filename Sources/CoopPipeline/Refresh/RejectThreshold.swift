import Foundation

/// How many rejected rows a run tolerates before it ends with exit 65 (after publishing).
/// Invariant: a percent lies in 0...100 and a count is >= 0.
public enum RejectThreshold: Sendable, Equatable, CustomStringConvertible, OptionValue {
    /// At most this share of the rows read, in percent (`"5%"` -> 5).
    case percent(Double)
    /// At most this many rejected rows.
    case count(Int)

    /// Parses `"5%"`, `"2.5%"` or `"12"` (a string holding a count); nil when malformed.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") {
            guard let p = Double(t.dropLast().trimmingCharacters(in: .whitespaces)),
                p.isFinite, p >= 0, p <= 100
            else { return nil }
            self = .percent(p)
        } else {
            guard let n = Int(t), n >= 0 else { return nil }
            self = .count(n)
        }
    }

    /// `5%` or `12` (`--reject-threshold`, a config string); throws with the fix when malformed.
    public init(optionText: String) throws(OptionError) {
        guard let threshold = RejectThreshold(text: optionText) else {
            throw OptionError(text: optionText, reason: "neither a percentage like 5% nor a count like 12")
        }
        self = threshold
    }

    /// True when `rejected` out of `rowsRead` goes beyond the threshold (equal is tolerated).
    public func isExceeded(rejected: Int, rowsRead: Int) -> Bool {
        switch self {
        case .count(let n):
            return rejected > n
        case .percent(let p):
            guard rowsRead > 0 else { return false }
            // Compare rejected/rowsRead > p/100 without dividing rows.
            return Double(rejected) * 100 > p * Double(rowsRead)
        }
    }

    public var description: String {
        switch self {
        case .count(let n): return String(n)
        case .percent(let p):
            return p == p.rounded() ? "\(Int(p))%" : "\(p)%"
        }
    }
}
