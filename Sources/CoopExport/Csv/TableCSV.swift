import CoopDomain
import CoopTransform

/// The contract's table CSVs, `tables/NAME.csv` (`rejects.csv` is `RejectLog.writeCSV`).
/// Invariant: columns are exactly the contract's keys, values exactly as `Cell.csvText` writes them.
public enum TableCSV {
    /// The CSV text of one table (header row of column keys, then the rows; no totals row).
    public static func render(_ table: ReportTable) -> String {
        var csv = CSVText()
        csv.appendRow(table.columns.map(\.key))
        for row in table.rows { csv.appendRow(row.map(\.csvText)) }
        return csv.text
    }
}
