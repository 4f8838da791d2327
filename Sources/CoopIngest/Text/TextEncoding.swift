/// The text encodings a registry file may use; `rawValue` is the name shown in data-quality output.
/// Invariant: every case has exactly one `rawValue`, and `TextEncoding(userName: e.rawValue) == e`.
public enum TextEncoding: String, Sendable, CaseIterable, Equatable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
    case windows1256 = "windows-1256"

    /// Parses a user's name for an encoding (case-insensitive; `-`, `_` and spaces are ignored):
    /// utf8, utf-8, utf-8-sig, utf-8-bom, utf16, utf-16 (read as LE unless the file's BOM says BE:
    /// the UTF-16 transcoder always follows a BOM), utf-16le, utf-16be, latin1, iso-8859-1, cp1252,
    /// windows-1252, ansi, cp1256, windows-1256, arabic; nil if unknown.
    public init?(userName: String) {
        var key = ""
        for character in userName.lowercased() where !"-_ \t".contains(character) {
            key.append(character)
        }
        switch key {
        case "utf8": self = .utf8
        case "utf8sig", "utf8bom": self = .utf8BOM
        case "utf16", "utf16le", "ucs2", "ucs2le", "unicode": self = .utf16LE
        case "utf16be", "ucs2be": self = .utf16BE
        case "latin1", "l1", "iso88591", "iso885915", "cp1252", "windows1252", "win1252", "ansi", "cp819":
            self = .windows1252
        case "cp1256", "windows1256", "win1256", "arabic":
            self = .windows1256
        default: return nil
        }
    }
}
