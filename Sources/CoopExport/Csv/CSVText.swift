/// Writes CSV text per RFC 4180: fields quoted only when they hold a comma, a quote or a line
/// break, quotes doubled, lines ended by LF. Invariant: reading the output back with any RFC 4180
/// reader gives the fields unchanged.
public struct CSVText {
    public private(set) var text = ""

    public init() {}

    public mutating func appendRow(_ fields: [String]) {
        var first = true
        for field in fields {
            if !first { text.append(",") }
            first = false
            text.append(Self.quoted(field))
        }
        text.append("\n")
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
