import Foundation

/// Reads the soulaliyate flag (CONTRACT §5: "values yes/no in any language (`oui`/`non`, `نعم`/`لا`,
/// `yes`/`no`, `1`/`0`, `true`/`false`, `x`/empty = not reported)").
///
/// Reading of that sentence: the values come in yes/no pairs, and `x`/empty is the pair of a
/// tick-box column — a ticked cell (`x`) says yes; an empty cell says nothing, i.e. *not reported*
/// (never "no": a blank cannot be told apart from a missing answer). So:
/// - yes: `oui`, `o`, `vrai`, `yes`, `y`, `true`, `نعم`, `1`, `x`, and the tick marks `✓`, `✔`, `☑`;
/// - no: `non`, `n`, `faux`, `no`, `false`, `لا`, `0`;
/// - empty or blank: `.notReported`; anything else (`-`, `peut-être`, `2`, `1.0`): `.invalid`.
/// Comparison is after trimming, case-insensitive, with accents, Arabic harakat and tatweel ignored,
/// and with any digit form (`١` = yes).
/// Invariant: the result does not depend on case, diacritics, surrounding white space or the digits' script.
public enum YesNoParser: FieldValueParser {
    /// What a flag field says.
    public enum Outcome: Equatable, Sendable {
        case notReported
        case yes
        case no
        case invalid

        /// The flag a cooperative record keeps: true, false, or nil when not reported or unreadable.
        public var flag: Bool? {
            switch self {
            case .yes: true
            case .no: false
            case .notReported, .invalid: nil
            }
        }
    }

    /// The byte-level entry: `bytes` is the field's UTF-8.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        FoldedBytes.with(bytes) { parseFolded($0) }
    }

    static let yesWords: [String] = ["oui", "o", "vrai", "yes", "y", "true", "نعم", "1", "x", "✓", "✔", "☑"]
    static let noWords: [String] = ["non", "n", "faux", "no", "false", "لا", "0"]
    private static let yesBytes: [[UInt8]] = yesWords.map { Array($0.utf8) }
    private static let noBytes: [[UInt8]] = noWords.map { Array($0.utf8) }

    static func parseFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var w = ByteWindow(bytes)
        w.trim()
        if w.isEmpty { return .notReported }
        // Fast path: exact match, ASCII letters compared case-insensitively.
        for word in yesBytes where w.equals(word) { return .yes }
        for word in noBytes where w.equals(word) { return .no }
        var ascii = true
        for i in w.start..<w.end where w.bytes[i] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return .invalid }
        // Slow path (accents, harakat, other case mappings): fold, then compare again.
        let text = String(decoding: UnsafeBufferPointer(rebasing: w.bytes[w.start..<w.end]), as: UTF8.self)
        let folded = fold(text)
        if yesWords.contains(folded) { return .yes }
        if noWords.contains(folded) { return .no }
        return .invalid
    }

    /// Case- and diacritic-insensitive form: Foundation's folding, then any remaining combining
    /// mark (Arabic harakat, hamza above/below) and tatweel dropped, and the lam-alef ligatures expanded.
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for scalar in folded.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                if scalar.value == 0x0640 { continue }  // tatweel
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }
}
