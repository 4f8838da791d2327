/// Input-derived text made safe to print on a terminal, in a log line or in `coopstat.txt`
/// (CONTRACT §3.0): control characters (C0, DEL, C1, hence every ESC sequence), line and
/// paragraph separators and bidirectional embeddings, overrides and isolates are shown as
/// visible escapes (`\n`, `\t`, `\e`, `\u{202E}`), and bytes that are not UTF-8 as `\xFF`.
/// Invariant: the result holds none of those characters, so one input value can never clear a
/// screen, write a clipboard, reorder a line or forge a new log line; printable text is unchanged.
public enum VisibleText {
    /// `text` with every unsafe character replaced by its visible escape.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Bytes of any encoding (a file name): valid UTF-8 decoded and escaped as above, every other
    /// byte shown as `\xHH`.
    public static func escaped(bytes: some Collection<UInt8>) -> String {
        let all = Array(bytes)
        var out = ""
        var i = 0
        while i < all.count {
            let length = sequenceLength(all[i])
            if length > 0, i + length <= all.count {
                let candidate = all[i..<(i + length)]
                let decoded = String(decoding: candidate, as: UTF8.self)
                if Array(decoded.utf8) == Array(candidate), let scalar = decoded.unicodeScalars.first {
                    out += isUnsafe(scalar) ? escape(scalar) : decoded
                    i += length
                    continue
                }
            }
            out += hex(all[i])
            i += 1
        }
        return out
    }

    /// The length of the UTF-8 sequence a lead byte starts (0 for a byte that cannot lead one).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    /// True for characters that must not reach a terminal or a log raw.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x200E, 0x200F, 0x061C: true  // directional marks
        case 0x202A...0x202E, 0x2066...0x2069: true  // embeddings, overrides, isolates
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x1B: return "\\e"
        case 0x00...0x7F: return hex(UInt8(scalar.value))
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "\\x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
