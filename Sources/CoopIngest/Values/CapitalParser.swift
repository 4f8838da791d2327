/// Reads a share capital in Moroccan dirhams (CONTRACT §1.3) into exact centimes.
///
/// Accepted, after trimming and with any digit form:
/// - an optional currency word before or after the number, any case, with or without a space:
///   `DH`, `DHS`, `Dhs`, `Dh.`, `MAD`, `dirham(s)`, `درهم`, `دراهم`, `د.م.`;
/// - an optional sign: `-500`, `+500`, `−500` (U+2212) or accounting parentheses `(500)`; negative
///   amounts are returned as negative centimes so that validation can reject them as "negative";
/// - French (`12 500,50`) or English (`12,500.50`, `12500.50`) notation. White space (space,
///   no-break, thin, narrow no-break, U+066C) always groups thousands. When both `,` and `.` appear,
///   the last one is the decimal mark (it must then occur once) and the other groups thousands.
///   A lone `,` followed by exactly three digits groups thousands (`1,500` = 1500) — provided the
///   whole number then reads as a well-grouped integer (first group 1–3 digits without leading zero,
///   later groups 3 digits); otherwise a lone `,` is the decimal mark (`1500,5`, `0,500`, `1500,500`).
///   Several `,` group thousands (`1,500,000`). A lone `.` is the decimal mark (`1.500` = 1.50);
///   several `.` group thousands (`1.500.000`). Grouping is always checked (`1,50,000` is invalid).
/// - More than two decimals are rounded to the centime, half away from zero
///   (`0.005` → 1 centime, `-0.005` → −1, `1.234` → 123).
/// Anything else (letters, other currencies, exponents, several signs) is `.invalid`; a
/// well-formed amount beyond `largestCents` (10^12 MAD, CONTRACT §3.0), however many digits it
/// has, is `.tooLarge`; an empty or all-blank field is `.empty`.
/// Invariant: the result does not depend on the digits' script, `.cents(c)` is exact (no
/// floating point is involved anywhere) and `|c| <= largestCents`.
public enum CapitalParser: FieldValueParser {
    /// What a capital field holds: nothing, an amount in centimes (possibly negative), or garbage.
    public enum Outcome: Equatable, Sendable {
        case empty
        case cents(Int64)
        case invalid
        /// A well-formed amount beyond `largestCents` (either sign).
        case tooLarge
    }

    /// The largest capital coopstat counts with, in centimes: 10^12 MAD.
    public static let largestCents: Int64 = 100_000_000_000_000

    /// The byte-level entry: `bytes` is the field's UTF-8.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        FoldedBytes.with(bytes) { parseFolded($0) }
    }

    /// Currency words, lower-case UTF-8, longest first so that `dhs` wins over `dh`.
    static let currencyWords: [[UInt8]] = [
        "dirhams", "dirham", "دراهم", "درهم", "د.م.", "د.م", "dhs.", "dhs", "dh.", "dh", "mad",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }

    static func parseFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var w = ByteWindow(bytes)
        w.trim()
        if w.isEmpty { return .empty }
        var currencyTaken = stripCurrency(&w)
        var negative = false
        if w.first == UInt8(ascii: "("), w.last == UInt8(ascii: ")") {
            negative = true
            w.start += 1
            w.end -= 1
            w.trim()
            if !currencyTaken { currencyTaken = stripCurrency(&w) }
        }
        if let sign = w.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            guard !negative else { return .invalid }  // "(-500)": one sign is enough
            negative = sign == UInt8(ascii: "-")
            w.start += 1
            w.trim()
            if !currencyTaken { _ = stripCurrency(&w) }
        }
        var overflowed = false
        guard let magnitude = centimes(w, overflowed: &overflowed) else { return overflowed ? .tooLarge : .invalid }
        guard magnitude <= largestCents else { return .tooLarge }
        return .cents(negative ? -magnitude : magnitude)
    }

    /// Drops one currency word at the front or the back (with the white space next to it).
    static func stripCurrency(_ w: inout ByteWindow) -> Bool {
        // Every currency word starts and ends with a byte that is not a digit: a window with a
        // digit at an end has no word there (the usual amount has one at both).
        guard let first = w.first, let last = w.last, !(ByteWindow.isDigit(first) && ByteWindow.isDigit(last)) else {
            return false
        }
        for word in currencyWords where w.hasPrefix(word) {
            let after = w.start + word.count
            if after == w.end || isBoundary(w.bytes[after]) {
                w.start = after
                w.trim()
                return true
            }
        }
        for word in currencyWords where w.hasSuffix(word) {
            let before = w.end - word.count - 1
            if before < w.start || isBoundary(w.bytes[before]) {
                w.end = before + 1
                w.trim()
                return true
            }
        }
        return false
    }

    /// Bytes that may touch a currency word: white space, digits, signs and parentheses.
    private static func isBoundary(_ byte: UInt8) -> Bool {
        ByteWindow.isSpace(byte) || ByteWindow.isDigit(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    /// The unsigned amount in `w` in centimes, nil when it is not a well-formed number or overflows.
    static func centimes(_ w: ByteWindow, overflowed: inout Bool) -> Int64? {
        let comma = UInt8(ascii: ",")
        let dot = UInt8(ascii: ".")
        var commas = 0
        var dots = 0
        var lastComma = -1
        var lastDot = -1
        for i in w.start..<w.end {
            let byte = w.bytes[i]
            if byte == comma {
                commas += 1
                lastComma = i
            } else if byte == dot {
                dots += 1
                lastDot = i
            } else if !ByteWindow.isDigit(byte), !ByteWindow.isSpace(byte) {
                return nil
            }
        }
        var decimalAt: Int? = nil
        var groupSeparator: UInt8? = nil
        if commas > 0, dots > 0 {
            if lastComma > lastDot {
                guard commas == 1 else { return nil }
                (decimalAt, groupSeparator) = (lastComma, dot)
            } else {
                guard dots == 1 else { return nil }
                (decimalAt, groupSeparator) = (lastDot, comma)
            }
        } else if commas > 1 {
            groupSeparator = comma
        } else if commas == 1 {
            var trial = w
            if w.end - lastComma - 1 == 3,
                let value = GroupedInteger.read(&trial, groupSeparator: comma, overflowed: &overflowed), trial.isEmpty
            {
                return scaled(value, fraction: nil, overflowed: &overflowed)
            }
            decimalAt = lastComma
        } else if dots > 1 {
            groupSeparator = dot
        } else if dots == 1 {
            decimalAt = lastDot
        }

        var integerPart = w
        integerPart.end = decimalAt ?? w.end
        var fraction = w
        fraction.start = decimalAt.map { $0 + 1 } ?? w.end
        guard !(integerPart.isEmpty && fraction.isEmpty) else { return nil }
        var integer: Int64 = 0
        if !integerPart.isEmpty {
            guard let value = GroupedInteger.read(&integerPart, groupSeparator: groupSeparator, overflowed: &overflowed),
                integerPart.isEmpty
            else { return nil }
            integer = value
        }
        for i in fraction.start..<fraction.end where !ByteWindow.isDigit(w.bytes[i]) {
            overflowed = false  // not a number at all
            return nil
        }
        return scaled(integer, fraction: fraction, overflowed: &overflowed)
    }

    /// `integer` dirhams plus the decimal `fraction` digits, in centimes rounded half away from zero.
    private static func scaled(_ integer: Int64, fraction: ByteWindow?, overflowed: inout Bool) -> Int64? {
        var cents: Int64 = 0
        if let fraction {
            func digit(_ k: Int) -> Int64 {
                k < fraction.count ? Int64(fraction.bytes[fraction.start + k] &- 0x30) : 0
            }
            cents = digit(0) * 10 + digit(1) + (digit(2) >= 5 ? 1 : 0)
        }
        let (hundreds, o1) = integer.multipliedReportingOverflow(by: 100)
        let (total, o2) = hundreds.addingReportingOverflow(cents)
        if o1 || o2 { overflowed = true }
        return o1 || o2 ? nil : total
    }
}
