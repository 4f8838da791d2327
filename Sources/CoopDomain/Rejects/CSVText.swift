/// Writes CSV text per RFC 4180: fields quoted only when they hold a comma, a quote or a line
/// break, quotes doubled, lines ended by LF; and safe to double-click (CONTRACT §3.0, OWASP CSV
/// injection): a field that begins with `=`, `+`, `-`, `@`, TAB or CR and is not a number is
/// written with a leading `'`. Invariant: reading the output back with any RFC 4180 reader gives
/// the fields unchanged, except that neutralised fields carry the leading `'`.
public struct CSVText {
    public private(set) var text = ""

    public init() {}

    public mutating func appendRow(_ fields: [String]) {
        var first = true
        for field in fields {
            if !first { text.append(",") }
            first = false
            text.append(Self.quoted(Self.neutralised(field)))
        }
        text.append("\n")
    }

    /// `field` with a leading `'` when a spreadsheet would read it as a formula or a command.
    public static func neutralised(_ field: String) -> String {
        guard let first = field.utf8.first else { return field }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return isNumber(field) ? field : "'" + field
        default:
            return field
        }
    }

    /// True for a plain decimal number: optional sign, digits, at most one `.` with digits after it.
    static func isNumber(_ field: String) -> Bool {
        var bytes = Substring(field).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard let integer = parts.first, !integer.isEmpty, bytes.last != UInt8(ascii: ".") else { return false }
        return parts.allSatisfy { part in part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// The field as written: quoted when needed.
    public static func quoted(_ field: String) -> String {
        let needsQuotes =
            field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
