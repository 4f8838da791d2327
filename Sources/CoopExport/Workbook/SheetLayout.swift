import CoopXlsx

/// A worksheet being filled, with the column widths its content needs (libxlsxwriter has no autofit).
/// Invariant: `apply()` sets each column once, to the widest estimate any block asked for.
final class SheetLayout {
    let sheet: XlsxWorksheet
    private(set) var widths: [Int: Double] = [:]
    private var rowHeights: [Int: Double] = [:]

    init(_ sheet: XlsxWorksheet) { self.sheet = sheet }

    var name: String { sheet.name }

    /// Asks for `column` to be at least `width` characters wide.
    func want(column: Int, width: Double) {
        widths[column] = max(widths[column] ?? 0, min(ColumnWidth.maximum, width))
    }

    /// Asks for `row` to be at least `height` points tall.
    func want(row: Int, height: Double) {
        rowHeights[row] = max(rowHeights[row] ?? 0, min(409, height))
    }

    func apply() throws {
        for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
            try sheet.setColumnWidth(first: column, last: column, width: width)
        }
        for (row, height) in rowHeights.sorted(by: { $0.key < $1.key }) {
            try sheet.setRowHeight(row, height: height)
        }
    }

    /// A title in row `row` and, when given, a one-line description under it.
    func heading(_ title: String, description: String?, row: Int, style: WorkbookStyle) throws {
        try sheet.writeString(row: row, column: 0, CellText.clean(title), format: style.title)
        want(row: row, height: 21)
        if let description, !description.isEmpty {
            try sheet.writeString(row: row + 1, column: 0, CellText.clean(description), format: style.description)
        }
    }
}
