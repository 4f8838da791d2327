/// Excel's rules for sheet and table names, checked before anything reaches libxlsxwriter.
/// Invariant: a name that passes here is accepted by Excel (uniqueness is checked by the workbook).
public enum XlsxNames {
    /// Longest sheet name, in UTF-16 units (what Excel counts).
    public static let maxSheetNameLength = 31
    /// Longest table name.
    public static let maxTableNameLength = 255

    static let forbiddenSheetCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Throws `invalidSheetName` with the reason when `name` is not a valid sheet name.
    public static func validateSheetName(_ name: String) throws {
        func fail(_ why: String) -> XlsxError {
            XlsxError(.invalidSheetName, operation: "addWorksheet", sheet: name, message: "invalid sheet name: \(why)")
        }
        let length = name.utf16.count
        if length == 0 { throw fail("it is empty") }
        if length > maxSheetNameLength {
            throw fail("\(length) characters, Excel allows at most \(maxSheetNameLength)")
        }
        if let bad = name.first(where: { forbiddenSheetCharacters.contains($0) }) {
            throw fail("it contains '\(bad)'; none of [ ] : * ? / \\ is allowed")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw fail("it starts or ends with an apostrophe")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw fail("it contains a control character")
        }
        if name.lowercased() == "history" { throw fail("'History' is reserved by Excel") }
    }

    /// Throws `invalidTableName` with the reason when `name` is not a valid Excel table name.
    /// Rules: starts with a letter or underscore; then letters, digits, underscores or periods;
    /// at most 255 characters; not a cell reference (`A1`, `XFD1048576`) nor R1C1 (`R`, `C`, `R1C1`, `RC2`).
    public static func validateTableName(_ name: String) throws {
        func fail(_ why: String) -> XlsxError {
            XlsxError(.invalidTableName, operation: "addTable", message: "invalid table name '\(name)': \(why)")
        }
        guard let first = name.first else { throw fail("it is empty") }
        if name.utf16.count > maxTableNameLength {
            throw fail("longer than \(maxTableNameLength) characters")
        }
        guard first == "_" || first.isLetter else {
            throw fail("it must start with a letter or an underscore")
        }
        for ch in name where !(ch.isLetter || ch.isNumber || ch == "_" || ch == ".") {
            throw fail("'\(ch)' is not allowed (letters, digits, '_' and '.' only)")
        }
        if looksLikeA1Reference(name) { throw fail("it looks like a cell reference") }
        if looksLikeR1C1Reference(name) { throw fail("it looks like an R1C1 cell reference") }
    }

    /// "A1".."XFD1048576" (letters then digits, inside the grid).
    static func looksLikeA1Reference(_ name: String) -> Bool {
        let upper = Array(name.uppercased().unicodeScalars)
        var i = 0
        var column = 0
        while i < upper.count, (65...90).contains(upper[i].value) {
            column = column * 26 + Int(upper[i].value - 64)
            i += 1
            if i > 3 { return false }
        }
        guard i > 0, i < upper.count else { return false }
        var row = 0
        while i < upper.count, (48...57).contains(upper[i].value) {
            row = row * 10 + Int(upper[i].value - 48)
            if row > XlsxCell.maxRows { return false }
            i += 1
        }
        return i == upper.count && row >= 1 && column <= XlsxCell.maxColumns
    }

    /// "R", "C", "R1", "C2", "RC", "R1C1", "R10C3".
    static func looksLikeR1C1Reference(_ name: String) -> Bool {
        let upper = Array(name.uppercased().unicodeScalars)
        var i = 0
        func digits() {
            while i < upper.count, (48...57).contains(upper[i].value) { i += 1 }
        }
        var sawPart = false
        if i < upper.count, upper[i] == "R" {
            i += 1
            digits()
            sawPart = true
        }
        if i < upper.count, upper[i] == "C" {
            i += 1
            digits()
            sawPart = true
        }
        return sawPart && i == upper.count
    }

    /// Excel compares sheet and table names without regard to case.
    static func foldedKey(_ name: String) -> String { name.lowercased() }
}
