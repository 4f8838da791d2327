import CoopTransform
import CoopXlsx

/// Where a `ReportTable` was written as an Excel table, so charts, formulas and tests can point at it.
/// Invariant: `dataRows >= 1` (an empty table gets one blank row, as Excel requires); rows are zero-based.
struct PlacedTable {
    let sheet: String
    let name: String
    let table: ReportTable
    let headerRow: Int
    let dataRows: Int
    let hasTotalsRow: Bool

    var firstDataRow: Int { headerRow + 1 }
    var lastDataRow: Int { headerRow + dataRows }
    var totalsRow: Int? { hasTotalsRow ? lastDataRow + 1 : nil }
    var lastRow: Int { totalsRow ?? lastDataRow }
    var lastColumn: Int { table.columns.count - 1 }
    var isEmpty: Bool { table.rows.isEmpty }

    func column(_ key: String) -> Int? { table.column(key) }

    /// The data cells of column `key` (optionally only the last `count` rows), for a chart series.
    func range(_ key: String, last count: Int? = nil) -> XlsxRange? {
        guard let column = column(key) else { return nil }
        let first = count.map { max(firstDataRow, lastDataRow - $0 + 1) } ?? firstDataRow
        return XlsxRange(sheet: sheet, firstRow: first, firstColumn: column, lastRow: lastDataRow, lastColumn: column)
    }
}
