/// A1-style cell addressing and Excel's grid limits.
/// Invariant: rows and columns are zero-based here; A1 text is one-based, as Excel shows it.
public enum XlsxCell {
    /// Number of rows in a worksheet (Excel 2007+).
    public static let maxRows = 1_048_576
    /// Number of columns in a worksheet (XFD).
    public static let maxColumns = 16_384
    /// Longest text a cell can hold, in UTF-16 units.
    public static let maxStringLength = 32_767
    /// Longest formula text Excel accepts.
    public static let maxFormulaLength = 8_192

    /// Column letters for a zero-based column: 0 -> "A", 26 -> "AA".
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let rem = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + rem))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "B7" for row 6, column 1; with `absolute`, "$B$7".
    public static func reference(row: Int, column: Int, absolute: Bool = false) -> String {
        let dollar = absolute ? "$" : ""
        return "\(dollar)\(columnName(column))\(dollar)\(row + 1)"
    }

    /// True when the zero-based position lies inside the worksheet grid.
    public static func isInGrid(row: Int, column: Int) -> Bool {
        row >= 0 && row < maxRows && column >= 0 && column < maxColumns
    }

    static func checkInGrid(row: Int, column: Int, operation: String, sheet: String?) throws {
        guard isInGrid(row: row, column: column) else {
            throw XlsxError(
                .cellOutOfRange, operation: operation, sheet: sheet, cell: "row \(row), column \(column)",
                message: "cell outside the worksheet grid (rows 0..<\(maxRows), columns 0..<\(maxColumns), zero-based)")
        }
    }
}
