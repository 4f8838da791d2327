/// Cleans a free-text field (CONTRACT §1.3): trimmed, and every internal run of white space — any
/// Unicode White_Space character: space, tab, line breaks, no-break U+00A0, thin U+2009, narrow
/// no-break U+202F, … — collapsed to one ASCII space. Letters, digits and marks are untouched.
/// Invariant: `clean(clean(t)) == clean(t)`, and text that is already clean comes back unchanged
/// without allocating.
public enum TextCleaner {
    /// The trimmed, white-space-collapsed form of `text`.
    public static func clean(_ text: String) -> String {
        // Native strings are checked on their contiguous bytes (the scanner's fields all are).
        if text.utf8.withContiguousStorageIfAvailable({ isClean($0) }) ?? isClean(text.utf8) { return text }
        return collapse(text.unicodeScalars)
    }

    /// The trimmed, white-space-collapsed form of `text`.
    public static func clean(_ text: Substring) -> String {
        if isClean(text.utf8) { return String(text) }
        return collapse(text.unicodeScalars)
    }

    /// Fast check on the UTF-8: no leading/trailing space, no space other than single ASCII spaces,
    /// and no lead byte that could start a non-ASCII white-space character (0xC2, 0xE1, 0xE2, 0xE3).
    static func isClean<C: Collection>(_ utf8: C) -> Bool where C.Element == UInt8 {
        var previousWasSpace = true  // a leading space is not clean
        var sawAny = false
        for byte in utf8 {
            sawAny = true
            switch byte {
            case 0x20:
                if previousWasSpace { return false }
                previousWasSpace = true
            case 0x09...0x0D, 0xC2, 0xE1, 0xE2, 0xE3:
                return false
            default:
                previousWasSpace = false
            }
        }
        return !sawAny || !previousWasSpace
    }

    static func collapse<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }
}
