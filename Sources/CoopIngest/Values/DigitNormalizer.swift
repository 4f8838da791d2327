/// Makes every digit of a field ASCII (CONTRACT §1.3: Arabic-Indic ٠–٩ and Eastern Arabic-Indic
/// ۰–۹ count as digits): U+0660–0669 and U+06F0–06F9 become `0`–`9`, the Arabic decimal separator
/// U+066B becomes `.` and the Arabic thousands separator U+066C becomes a space (a group separator).
/// Invariant: text without those characters (all ASCII text) comes back unchanged, without allocating.
public enum DigitNormalizer {
    /// `text` with its digits and Arabic separators made ASCII; everything else untouched.
    public static func asciiDigits(_ text: String) -> String {
        guard needsWork(text.utf8) else { return text }
        return convert(text.unicodeScalars)
    }

    /// `text` with its digits and Arabic separators made ASCII; everything else untouched.
    public static func asciiDigits(_ text: Substring) -> String {
        guard needsWork(text.utf8) else { return String(text) }
        return convert(text.unicodeScalars)
    }

    /// The ASCII form of one scalar when it is a digit or Arabic separator, else nil.
    @inline(__always)
    public static func asciiForm(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0660...0x0669: return Unicode.Scalar(UInt8(scalar.value - 0x0660 + 0x30))
        case 0x06F0...0x06F9: return Unicode.Scalar(UInt8(scalar.value - 0x06F0 + 0x30))
        case 0x066B: return "."
        case 0x066C: return " "
        default: return nil
        }
    }

    /// Every character concerned is encoded with lead byte 0xD9 (U+0640–067F) or 0xDB (U+06C0–06FF).
    @inline(__always)
    static func needsWork<C: Collection>(_ utf8: C) -> Bool where C.Element == UInt8 {
        var previous: UInt8 = 0
        for byte in utf8 {
            if previous == 0xD9, (0xA0...0xAC).contains(byte), byte != 0xAA { return true }
            if previous == 0xDB, (0xB0...0xB9).contains(byte) { return true }
            previous = byte
        }
        return false
    }

    static func convert<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            out.append(asciiForm(of: scalar) ?? scalar)
        }
        return String(out)
    }
}
