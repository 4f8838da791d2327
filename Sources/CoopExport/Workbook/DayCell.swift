import CoopDomain
import CoopXlsx

extension XlsxWorksheet {
    /// Writes `day` as an Excel date, or — for a day Excel cannot hold (before 1900, after 9999,
    /// reachable with `--range-start 0001-01-01`) — as its ISO text, so such a run still gets its workbook.
    func writeDay(row: Int, column: Int, _ day: Day, format: XlsxFormat) throws {
        guard (1900...9999).contains(day.year) else {
            try writeString(row: row, column: column, day.description, format: format)
            return
        }
        try writeDate(row: row, column: column, year: day.year, month: day.month, day: day.day, format: format)
    }
}
