/// Reads a member count (CONTRACT §1.3, §1.4): a non-negative integer in any digit form, with an
/// optional leading `+`, optionally grouped by thousands with white space (space, no-break U+00A0,
/// thin U+2009, narrow no-break U+202F, …) or the Arabic thousands separator U+066C: `1 250` = 1250.
/// Grouping is checked: the first group has 1–3 digits and no leading zero, every later group
/// exactly 3 (`12 5` and `0 250` are invalid). Kept strict: `-3`, `3.5`, `12.0`, `1,250`, `1e3`,
/// `abc` are `.invalid`; a count beyond `largest` (10^7, CONTRACT §3.0) is `.tooLarge`, however
/// many digits it has; an empty or all-blank field is `.empty`.
/// Invariant: `.value(n)` always has `0 <= n <= largest`, and the result does not depend on the digits' script.
public enum CountParser: FieldValueParser {
    /// What a count field holds: nothing (field not given), a count, or something that is not one.
    public enum Outcome: Equatable, Sendable {
        case empty
        case value(Int)
        case invalid
        /// A well-formed count beyond `largest`.
        case tooLarge
    }

    /// The largest member count coopstat counts with (CONTRACT §3.0: a count beyond 10^7 is a rejected row).
    public static let largest = 10_000_000

    /// The byte-level entry: `bytes` is the field's UTF-8.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        FoldedBytes.with(bytes) { parseFolded($0) }
    }

    static func parseFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var w = ByteWindow(bytes)
        w.trim()
        if w.isEmpty { return .empty }
        _ = w.take(UInt8(ascii: "+"))
        var tooLarge = false
        guard let value = GroupedInteger.read(&w, groupSeparator: nil, overflowed: &tooLarge), w.isEmpty else {
            return tooLarge && w.isEmpty ? .tooLarge : .invalid
        }
        return value > Int64(largest) ? .tooLarge : .value(Int(value))
    }
}

/// Reads a non-negative integer whose thousands may be grouped by runs of white space or, when
/// given, by one `groupSeparator` byte. Invariant: a grouped number has a first group of 1–3 digits
/// without a leading zero and later groups of exactly 3 digits; nil on overflow or malformed grouping.
enum GroupedInteger {
    /// Reads from the front of `w` as far as the number goes (stopping before anything that is not a
    /// digit or a separator followed by a digit group); nil when no digit is there or grouping is wrong.
    static func read(_ w: inout ByteWindow, groupSeparator: UInt8?) -> Int64? {
        var overflowed = false
        return read(&w, groupSeparator: groupSeparator, overflowed: &overflowed)
    }

    /// As `read(_:groupSeparator:)`; on overflow sets `overflowed` and still consumes the digits,
    /// so the caller can tell "too large" from "not a number".
    static func read(_ w: inout ByteWindow, groupSeparator: UInt8?, overflowed: inout Bool) -> Int64? {
        var value: Int64 = 0
        var groups = 0
        var firstGroupIsShort = false  // 1–3 digits, not starting with 0
        while true {
            let groupStart = w.start
            var length = 0
            while let byte = w.first, ByteWindow.isDigit(byte) {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int64(byte &- 0x30))
                if o1 || o2 { overflowed = true }
                value = overflowed ? Int64.max : sum
                length += 1
                w.start += 1
            }
            if groups == 0 {
                guard length > 0 else { return nil }
                firstGroupIsShort = length <= 3 && w.bytes[groupStart] != UInt8(ascii: "0")
            } else {
                guard length == 3, firstGroupIsShort else { return nil }
            }
            groups += 1
            // A separator counts only when a digit follows it.
            var lookahead = w
            if lookahead.skipSpaces() == 0 {
                guard let separator = groupSeparator, lookahead.take(separator) else { return overflowed ? nil : value }
            }
            guard let next = lookahead.first, ByteWindow.isDigit(next) else { return overflowed ? nil : value }
            w = lookahead
        }
    }
}
