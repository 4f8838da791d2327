import CoopTransform
import CoopXlsx

/// The year-on-year change of cooperatives created, written as a column right of the `yearly`
/// (against the year before) or `quarterly` (against the same quarter a year earlier) table,
/// outside the Excel table so the table keeps the CSV's columns.
/// Invariant: each cell is `IF(OR(N(base)=0,ISTEXT(now)),"",now/base-1)` over the table's own cells, with
/// that value cached; rows without a base a year earlier, or not counted (empty), stay empty.
enum GrowthColumn {
    /// Rows back to the same period a year earlier, by table.
    static let lag: [TableKey: Int] = [.yearly: 1, .quarterly: 4]

    /// Writes the column beside `table` when it is `yearly` or `quarterly`; returns its index.
    @discardableResult
    static func write(beside table: PlacedTable, on layout: SheetLayout, header: String, style: WorkbookStyle) throws -> Int? {
        guard let key = table.table.key, let lag = lag[key], let valueColumn = table.column("cooperatives") else { return nil }
        let sheet = layout.sheet
        let column = table.lastColumn + 1
        try sheet.writeString(row: table.headerRow, column: column, CellText.clean(header), format: style.growthHeader)
        let code = "\"▲ \"0.0%;\"▼ \"0.0%;0.0%"
        let format = XlsxFormat(numberFormat: code)
        // nil for a row that cannot be counted (soulaliyate not reported): its cell is empty text.
        let counts: [Int?] = table.table.rows.map { row in
            guard row.indices.contains(valueColumn), case .integer(let value) = row[valueColumn] else { return nil }
            return value
        }
        for index in counts.indices where index >= lag {
            let now = XlsxCell.reference(row: table.firstDataRow + index, column: valueColumn)
            let then = XlsxCell.reference(row: table.firstDataRow + index - lag, column: valueColumn)
            let formula = "IF(OR(N(\(then))=0,ISTEXT(\(now))),\"\",\(now)/\(then)-1)"
            guard let base = counts[index - lag], let count = counts[index], base != 0 else {
                try sheet.writeFormula(row: table.firstDataRow + index, column: column, formula, cachedText: "", format: format)
                continue
            }
            let change = Double(count - base) / Double(base)
            try sheet.writeFormula(row: table.firstDataRow + index, column: column, formula, cachedValue: change, format: format)
        }
        try sheet.addConditionalFormat(
            .cellValue(.greater, value: 0, format: XlsxFormat(fontColor: WorkbookStyle.green)),
            firstRow: table.firstDataRow, firstColumn: column, lastRow: table.lastDataRow, lastColumn: column)
        try sheet.addConditionalFormat(
            .cellValue(.less, value: 0, format: XlsxFormat(fontColor: WorkbookStyle.red)),
            firstRow: table.firstDataRow, firstColumn: column, lastRow: table.lastDataRow, lastColumn: column)
        layout.want(column: column, width: max(12, ColumnWidth.estimate(for: header) / 2 + 2))
        layout.want(row: table.headerRow, height: 32)
        layout.printed(row: table.lastDataRow, column: column)
        return column
    }
}
