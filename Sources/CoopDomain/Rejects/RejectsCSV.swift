/// The text of `rejects.csv` (CONTRACT §3): `file,line,registration_id,field,value,reason`, each
/// field as `CSVText` writes it. Invariant: `fileField(file) + "," + line + tail(row)` is exactly
/// the line `CSVText.appendRow` makes of the row's six fields.
public enum RejectsCSV {
    /// The header line, LF included.
    public static let header = "file,line,registration_id,field,value,reason\n"

    /// The row's line in `rejects.csv`, its line number moved by `lineShift`.
    public static func line(of row: RejectedRow, lineShift: Int = 0) -> String {
        fileField(row.file) + "," + String(row.line + lineShift) + tail(of: row)
    }

    /// The file name as its CSV field.
    public static func fileField(_ file: String) -> String {
        CSVText.quoted(CSVText.neutralised(file))
    }

    /// Everything after the line number: `,registration_id,field,value,reason` and the LF.
    public static func tail(of row: RejectedRow) -> String {
        var csv = CSVText()
        csv.appendRow([row.registrationId, row.field.rawValue, row.value, row.reason.sentence])
        return "," + csv.text
    }
}
