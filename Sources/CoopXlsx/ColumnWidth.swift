/// Estimates Excel column widths from cell text (libxlsxwriter has no autofit).
/// Invariant: estimates are finite, between `minimum` and `maximum` character units.
public enum ColumnWidth {
    /// Narrowest width returned.
    public static let minimum = 4.0
    /// Widest width returned, so a long label does not push the table off screen.
    public static let maximum = 60.0
    /// Room for the autofilter button and cell padding.
    public static let padding = 2.0

    /// Width in Excel character units for `text` in a `fontSize`-point font (Excel's default is 11):
    /// digits 1, ordinary letters 1, wide letters (M, W, m, w, @, %) 1.2, narrow punctuation 0.6,
    /// Arabic letters 1.1, combining marks (e.g. Arabic harakat) 0, full-width East Asian characters 2.
    /// For several lines the widest line counts.
    public static func estimate(for text: String, fontSize: Double = 11) -> Double {
        min(maximum, max(minimum, length(of: text, fontSize: fontSize) + padding))
    }

    /// The width `text` takes on one line, in character units, without padding or bounds (its widest
    /// line when it has several): what a column would need to show it unwrapped.
    public static func length(of text: String, fontSize: Double = 11) -> Double {
        let scale = fontSize.isFinite && fontSize > 0 ? fontSize / 11 : 1
        var widest = 0.0
        var units = 0.0
        var previous: UInt32 = 0
        // A line ends at each LF, except the LF of a CRLF (one Character with its CR, as String sees it).
        for scalar in text.unicodeScalars {
            if scalar.value == 0x0A && previous != 0x0D {
                widest = max(widest, units)
                units = 0
            } else {
                units += width(of: scalar)
            }
            previous = scalar.value
        }
        return max(widest, units) * scale
    }

    /// The widest estimate over `texts` (e.g. a header and all values of a column).
    public static func estimate(for texts: [String], fontSize: Double = 11) -> Double {
        texts.reduce(minimum) { max($0, estimate(for: $1, fontSize: fontSize)) }
    }

    /// `width(of:)` of each ASCII scalar, worked out once: most cell text is ASCII.
    static let asciiWidths: [Double] = (0..<128).map { unicodeWidth(of: Unicode.Scalar(UInt8($0))) }

    static func width(of scalar: Unicode.Scalar) -> Double {
        scalar.value < 0x80 ? asciiWidths[Int(scalar.value)] : unicodeWidth(of: scalar)
    }

    /// The width of any scalar, from its general category and the ranges above.
    static func unicodeWidth(of scalar: Unicode.Scalar) -> Double {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x30...0x39).contains(v) { return 1 }
        if "MWmw@%".unicodeScalars.contains(scalar) { return 1.2 }
        if ".,:;'|!ilIj()[]".unicodeScalars.contains(scalar) || v == 0x20 { return 0.6 }
        if (0x0600...0x06FF).contains(v) || (0x0750...0x077F).contains(v) || (0xFB50...0xFDFF).contains(v)
            || (0xFE70...0xFEFF).contains(v)
        {
            return 1.1
        }
        if isWideEastAsian(v) { return 2 }
        return 1
    }

    static func isWideEastAsian(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }
}
