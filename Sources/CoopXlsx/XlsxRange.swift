/// A rectangular block of cells on a named sheet, zero-based and inclusive.
/// Invariant: first <= last on both axes (checked by `validate`, not by the initialiser).
public struct XlsxRange: Hashable, Sendable {
    public var sheet: String
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// The sheet name as it must appear in a formula: always single-quoted, apostrophes doubled.
    /// Quoting is valid for every name (Latin, Arabic, with spaces) so it is applied always.
    public static func quotedSheetName(_ name: String) -> String {
        var quoted = "'"
        for character in name {
            quoted.append(character)
            if character == "'" { quoted.append("'") }
        }
        return quoted + "'"
    }

    /// "$A$2:$A$13" (or "$A$2" for a single cell), without the sheet.
    public var cellsReference: String {
        let first = XlsxCell.reference(row: firstRow, column: firstColumn, absolute: true)
        if firstRow == lastRow && firstColumn == lastColumn { return first }
        return first + ":" + XlsxCell.reference(row: lastRow, column: lastColumn, absolute: true)
    }

    /// "'Sheet name'!$A$2:$A$13", usable inside formulas.
    public var reference: String { Self.quotedSheetName(sheet) + "!" + cellsReference }

    /// "='Sheet name'!$A$2:$A$13", as chart series and defined names write it.
    public var formula: String { "=" + reference }

    /// True when the range is one row or one column (what a chart series needs).
    public var isLine: Bool { firstRow == lastRow || firstColumn == lastColumn }

    func validate(operation: String) throws {
        try XlsxCell.checkInGrid(row: firstRow, column: firstColumn, operation: operation, sheet: sheet)
        try XlsxCell.checkInGrid(row: lastRow, column: lastColumn, operation: operation, sheet: sheet)
        guard firstRow <= lastRow, firstColumn <= lastColumn else {
            throw XlsxError(
                .invalidArgument, operation: operation, sheet: sheet, cell: cellsReference,
                message: "range has its first cell after its last cell")
        }
    }
}
