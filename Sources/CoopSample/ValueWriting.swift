import CoopDomain
import Foundation

/// The ways offices write numbers, dates and capital, and RFC 4180 lines.
/// Invariant: every form written here is one CONTRACT §1.3 accepts and reads back to the same value.
enum ValueWriting {
    /// Digits as an office types them.
    enum Digits { case ascii, arabicIndic, easternArabicIndic }

    static func digits(_ text: String, _ style: Digits) -> String {
        let base: UInt32
        switch style {
        case .ascii: return text
        case .arabicIndic: base = 0x0660
        case .easternArabicIndic: base = 0x06F0
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar), let digit = Unicode.Scalar(base + scalar.value - 0x30) {
                out.append(digit)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `value` with `separator` between groups of three digits (non-negative values).
    static func grouped(_ value: Int64, separator: String) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(character)
        }
        return out
    }

    /// French notation: `12 500,50 DH`, `15 000 DH`, `15000,00`.
    static func frenchCapital(_ cents: Int64, style: Int) -> String {
        let mad = cents / 100
        let rest = cents % 100
        let separator = style % 3 == 0 ? "\u{00A0}" : " "
        let whole = style % 4 == 3 ? String(mad) : grouped(mad, separator: separator)
        let decimals = rest != 0 || style % 2 == 0 ? "," + twoDigits(Int(rest)) : ""
        return whole + decimals + (style % 5 < 3 ? " DH" : "")
    }

    /// English notation: `12,500.50`, `15,000`, `15000.00 MAD`.
    static func englishCapital(_ cents: Int64, style: Int) -> String {
        let mad = cents / 100
        let rest = cents % 100
        switch style % 4 {
        case 0: return grouped(mad, separator: ",") + "." + twoDigits(Int(rest))
        case 1 where rest == 0: return grouped(mad, separator: ",")
        case 2: return String(mad) + "." + twoDigits(Int(rest)) + " MAD"
        default: return String(mad) + (rest == 0 ? "" : "." + twoDigits(Int(rest)))
        }
    }

    /// Plain canonical notation: `12500.50`, `15000`.
    static func plainCapital(_ cents: Int64) -> String {
        let mad = cents / 100
        let rest = cents % 100
        return rest == 0 ? String(mad) : String(mad) + "." + twoDigits(Int(rest))
    }

    static func dayFirst(_ day: Day, separator: String, padded: Bool = true) -> String {
        let d = padded ? twoDigits(day.day) : String(day.day)
        let m = padded ? twoDigits(day.month) : String(day.month)
        return d + separator + m + separator + String(day.year)
    }

    /// One CSV line: fields quoted when they hold the delimiter, a quote or a line break.
    static func line(_ fields: [String], delimiter: Character) -> String {
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        var out = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(delimiter) }
            let needsQuotes = field.utf8.contains { $0 == delimiterByte || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if needsQuotes {
                out += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += field
            }
        }
        return out
    }
}
