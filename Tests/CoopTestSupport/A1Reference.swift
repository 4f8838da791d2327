/// A tiny A1 reference reader for tests, independent of the writer: `$B$4` → (row 3, column 1),
/// `'By region'!$B$4:$B$15` → sheet and box. Invariant: rows and columns are zero-based.
public enum A1Reference {
    public typealias Cell = (row: Int, column: Int)
    public typealias Box = (first: Cell, last: Cell)

    /// "AB" -> 27 (zero-based).
    public static func columnIndex(_ letters: Substring) -> Int {
        letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    /// "$B$4" or "B4" -> (row 3, column 1); (-1, -1) when not a reference.
    public static func cell(_ text: Substring) -> Cell {
        let plain = text.replacingOccurrences(of: "$", with: "")
        let letters = plain.prefix { $0.isLetter }
        return ((Int(plain.dropFirst(letters.count)) ?? 0) - 1, columnIndex(letters))
    }

    /// "A3:J16" -> zero-based corners.
    public static func box(_ text: Substring) -> Box {
        let parts = text.split(separator: ":")
        guard let first = parts.first else { return ((-1, -1), (-1, -1)) }
        return (cell(first), cell(parts.count > 1 ? parts[1] : first))
    }

    /// "'By region'!$B$4:$B$15" -> sheet name and box.
    public static func sheetRange(_ formula: String) -> (sheet: String, box: Box) {
        guard let bang = formula.lastIndex(of: "!") else { return ("", box(Substring(formula))) }
        var sheet = String(formula[..<bang])
        if sheet.hasPrefix("'") { sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        return (sheet, box(formula[formula.index(after: bang)...]))
    }

    /// (row 3, column 1) -> "B4".
    public static func name(_ row: Int, _ column: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }

    /// Every cell of a box, row by row.
    public static func cells(of box: Box) -> [String] {
        guard box.first.row <= box.last.row, box.first.column <= box.last.column else { return [] }
        return (box.first.row...box.last.row).flatMap { row in (box.first.column...box.last.column).map { name(row, $0) } }
    }
}
