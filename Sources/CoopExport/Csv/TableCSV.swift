import CoopDomain
import CoopTransform

/// The contract's CSV outputs: `tables/NAME.csv` for every table and `rejects.csv`.
/// Invariant: columns are exactly the contract's keys, values exactly as `Cell.csvText` writes them.
public enum TableCSV {
    /// The CSV text of one table (header row of column keys, then the rows; no totals row).
    public static func render(_ table: ReportTable) -> String {
        var csv = CSVText()
        csv.appendRow(table.columns.map(\.key))
        for row in table.rows { csv.appendRow(row.map(\.csvText)) }
        return csv.text
    }

    /// `rejects.csv`: `file,line,registration_id,field,value,reason`, one row per rejected row, in read order.
    public static func rejects(_ rejects: [RejectedRow]) -> String {
        var csv = CSVText()
        csv.appendRow(["file", "line", "registration_id", "field", "value", "reason"])
        for reject in rejects {
            csv.appendRow([
                reject.file, String(reject.line), reject.registrationId, reject.field.rawValue,
                reject.value, reject.reason.sentence,
            ])
        }
        return csv.text
    }
}
