import Foundation

/// Folds a header, region, province or sector name into the key it is matched by (CONTRACT §1.3).
/// Invariant: folding is idempotent, and two spellings that differ only in case, accents, Arabic
/// harakat/hamza, tatweel, spaces, punctuation or a leading "région de"/"جهة"-style prefix fold alike.
public enum NameFolding {
    /// Leading words dropped after folding (already lower-cased and without marks).
    static let prefixes: [String] = [
        "region de ", "region du ", "region d'", "region d’", "region des ",
        "province de ", "province du ", "province d'", "province d’", "province des ",
        "prefecture de ", "prefecture du ", "prefecture d'", "prefecture d’", "prefecture des ",
        "جهه ", "اقليم ", "عماله ",
    ]

    /// The folded key of `text`; empty when `text` has no letter or digit.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            switch scalar.value {
            case 0x0640: continue  // tatweel
            case 0x0629: folded.append("\u{0647}")  // ة → ه
            case 0x0649: folded.append("\u{064A}")  // ى → ي
            case 0x0660...0x0669:  // Arabic-Indic digits
                folded.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value - 0x0660 + 0x30)))
            case 0x06F0...0x06F9:  // Eastern Arabic-Indic digits
                folded.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value - 0x06F0 + 0x30)))
            default:
                folded.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        var lowered = String(folded).trimmingCharacters(in: .whitespaces)
        lowered = lowered.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for prefix in prefixes where lowered.hasPrefix(prefix) && lowered.count > prefix.count {
            lowered.removeFirst(prefix.count)
            break
        }
        var key = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            key.append(scalar)
        }
        return String(key)
    }
}
