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
        asciiFold(text) ?? unicodeFold(text)
    }

    /// The leading words of `prefixes` that are ASCII, as bytes (for `asciiFold`).
    static let asciiPrefixes: [[UInt8]] = prefixes.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }

    /// `fold` of a text that is all ASCII, without Foundation: nothing to decompose and no marks, so
    /// folding is lower-casing, joining the words with one space, dropping a prefix and keeping
    /// letters and digits. Nil when the text holds a non-ASCII byte (then `unicodeFold` folds it).
    static func asciiFold(_ text: String) -> String? {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(text.utf8.count)
        var spaceBefore = false
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {  // Character.isWhitespace, in ASCII
                spaceBefore = !lowered.isEmpty
                continue
            }
            if spaceBefore {
                lowered.append(0x20)
                spaceBefore = false
            }
            lowered.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        var start = 0
        for prefix in asciiPrefixes where lowered.count > prefix.count && lowered.starts(with: prefix) {
            start = prefix.count
            break
        }
        var key: [UInt8] = []
        key.reserveCapacity(lowered.count - start)
        for byte in lowered[start...] where (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) { key.append(byte) }
        return String(decoding: key, as: UTF8.self)
    }

    /// `fold` of any text: compatibility decomposition, marks and tatweel dropped, Arabic letter
    /// variants unified, Arabic-Indic digits made ASCII, lower-cased.
    static func unicodeFold(_ text: String) -> String {
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
            case 0x41...0x5A:  // ASCII capitals
                folded.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value | 0x20)))
            default:
                // Most scalars (Arabic letters, digits, lower case) stay as they are: no String per scalar for them.
                if scalar.properties.changesWhenLowercased {
                    folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    folded.append(scalar)
                }
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
