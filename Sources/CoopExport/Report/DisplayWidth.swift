/// How many terminal columns a text takes, so report columns line up: combining marks and format
/// characters take 0, East Asian wide and fullwidth characters 2, everything else (Latin, accented
/// Latin, Arabic letters, box and block drawing) 1. Invariant: never negative; ASCII text's width is its length.
public enum DisplayWidth {
    /// The display width of `text`.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// The display width of one scalar (0, 1 or 2).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }  // control characters
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0  // harakat, accents, ZWJ, bidi marks
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul jamo medial vowels, finals
        return isWide(value) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, as terminals' wcwidth treats them.
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
            0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` padded with spaces on the right to `width` columns (unchanged when already wider).
    public static func padRight(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// `text` padded with spaces on the left to `width` columns (unchanged when already wider).
    public static func padLeft(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(text))) + text
    }

    /// `text` cut to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var kept = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            kept.append(character)
            used += w
        }
        return kept + "…"
    }

    /// `text` cut to at most `width` columns keeping its end, starting with `…` (for file paths).
    public static func truncateHead(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var kept = ""
        var used = 0
        for character in text.reversed() {
            let w = of(String(character))
            if used + w > width - 1 { break }
            kept.insert(character, at: kept.startIndex)
            used += w
        }
        return "…" + kept
    }

    /// The words of `text`, keeping together what must not be split across lines: a lone `:`, `;`,
    /// `%`, `?` or `!` (French spacing) stays with the word before, and a group of three digits
    /// with the number it continues (`60 055`).
    static func gluedWords(_ text: String) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let lonePunctuation = [":", ";", "%", "?", "!", "»"].contains(word)
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            let continuesNumber = digits.count == 3 && (words.last?.last.map { $0.isASCII && $0.isNumber } ?? false)
            if let last = words.last, lonePunctuation || continuesNumber {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(word)
            }
        }
        return words
    }

    /// Words of `text` wrapped into lines of at most `width` columns, each prefixed by `indent`
    /// (a single word wider than the line is cut).
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let room = max(10, width - of(indent))
        var lines: [String] = []
        var line = ""
        for word in gluedWords(text) {
            let piece = of(word) > room ? truncate(word, to: room) : word
            if line.isEmpty {
                line = piece
            } else if of(line) + 1 + of(piece) <= room {
                line += " " + piece
            } else {
                lines.append(indent + line)
                line = piece
            }
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}
