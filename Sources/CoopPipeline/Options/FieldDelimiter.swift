import CoopIngest

/// A field delimiter a user may force (`--delimiter`, `[[file]] delimiter`): `,` `;` TAB or `|`.
/// Invariant: `byte` is one of `DelimiterSniffer.candidates`.
public enum FieldDelimiter: String, Sendable, CaseIterable, OptionValue {
    case comma = ","
    case semicolon = ";"
    case tab
    case pipe = "|"

    /// The byte the scanner splits on.
    public var byte: UInt8 {
        switch self {
        case .comma: 0x2C
        case .semicolon: 0x3B
        case .tab: 0x09
        case .pipe: 0x7C
        }
    }

    /// `,` `;` `|`, a literal tab, `\t`, `tab`, `comma`, `semicolon`, `pipe` (`DelimiterSniffer.parse`).
    public init(optionText: String) throws(OptionError) {
        guard let byte = DelimiterSniffer.parse(userName: optionText), let delimiter = Self.allCases.first(where: { $0.byte == byte })
        else {
            throw OptionError(text: optionText, reason: "not a known delimiter; use ',' ';' 'tab' or '|'")
        }
        self = delimiter
    }

    public static var optionValues: [String] { allCases.map(\.rawValue) }
}
