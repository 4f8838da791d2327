import CoopTransform
import CoopXlsx

/// A chart's categories ranked by value, written as helper cells to the right of the table they
/// come from (outside the print area): each cell is a formula pointing at the table's cell, so an
/// edit in the table moves the bar; categories with nothing (`presence` column 0, or no value to
/// rank on) are left out, and
/// beyond `keep` categories the rest fold into one "other" row that sums them.
/// Invariant: rows are in descending order of `rank` over the table's values (ties in table order),
/// unnamed categories (province not reported) last and never folded, and the folded row's values equal
/// the sum of the rows it replaces.
struct ChartRanking {
    /// Where the ranking was written: its name column and one column per value key, data rows only.
    struct Placed {
        let sheet: String
        let firstRow: Int
        let rows: Int
        let nameColumn: Int
        let valueColumns: [String: Int]
        /// The category names in chart order (the folded row last), for tests and titles.
        let names: [String]

        var lastRow: Int { firstRow + rows - 1 }
        var lastColumn: Int { valueColumns.values.max() ?? nameColumn }

        var nameRange: XlsxRange {
            XlsxRange(sheet: sheet, firstRow: firstRow, firstColumn: nameColumn, lastRow: lastRow, lastColumn: nameColumn)
        }

        func range(_ key: String) -> XlsxRange? {
            valueColumns[key].map { XlsxRange(sheet: sheet, firstRow: firstRow, firstColumn: $0, lastRow: lastRow, lastColumn: $0) }
        }
    }

    let table: PlacedTable
    let nameKey: String
    let valueKeys: [String]
    /// The column whose value must be above 0 for a category to be shown.
    let presence: String
    /// The number ranked on (defaults to the first value key); nil leaves the category out (nothing to draw).
    var rank: ([String: Double]) -> Double?
    /// Categories shown before the rest fold into `otherLabel` (nil: never fold).
    var keep: Int? = nil
    var otherLabel: String = ""
    /// The name shown for a category whose name cell is empty (a province not reported).
    var blankName: String = ""

    init(table: PlacedTable, nameKey: String, valueKeys: [String], presence: String = "cooperatives") {
        self.table = table
        self.nameKey = nameKey
        self.valueKeys = valueKeys
        self.presence = presence
        let first = valueKeys.first ?? ""
        rank = { $0[first] }
    }

    /// A cell as a chart reads it: counts and money as numbers, shares as fractions, text as nil.
    static func number(_ cell: Cell) -> Double? {
        switch cell {
        case .text, .empty: nil
        case .integer(let value): Double(value)
        case .ratio(let ratio): ratio.scaled(places: 4).map { Double($0) / 10_000 }
        case .cents(let cents): Double(cents) / 100
        }
    }

    /// The source rows (zero-based within the table) in chart order, the shown ones and the folded ones.
    func order() -> (shown: [Int], folded: [Int]) {
        let source = table.table
        guard let presenceColumn = source.column(presence) else { return ([], []) }
        let present = source.rows.indices.filter { row in
            (source.rows[row].indices.contains(presenceColumn) ? Self.number(source.rows[row][presenceColumn]) : nil) ?? 0 > 0
        }
        let ranked = present.compactMap { row in rank(values(row)).map { (row: row, value: $0) } }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.row < $1.row }
            .map(\.row)
        // A category without a name (a region's province not reported) is never ranked: it comes last.
        let nameColumn = table.column(nameKey)
        let unnamed = ranked.filter { row in nameColumn.map { text(row, $0).isEmpty } ?? false }
        let named = ranked.filter { !unnamed.contains($0) }
        guard let keep, named.count > keep + 1 else { return (named + unnamed, []) }
        return (Array(named.prefix(keep)) + unnamed, Array(named.dropFirst(keep)))
    }

    func values(_ row: Int) -> [String: Double] {
        var result: [String: Double] = [:]
        for key in valueKeys {
            guard let column = table.table.column(key), table.table.rows[row].indices.contains(column) else { continue }
            result[key] = Self.number(table.table.rows[row][column])
        }
        return result
    }

    func text(_ row: Int, _ column: Int) -> String {
        guard table.table.rows[row].indices.contains(column), case .text(let text) = table.table.rows[row][column] else { return "" }
        return text
    }

    /// Writes the ranking at `column` of the table's sheet, its header on the table's header row;
    /// nil when no category has anything to show.
    func write(on layout: SheetLayout, column: Int, headers: [String], style: WorkbookStyle) throws -> Placed? {
        let (shown, folded) = order()
        guard !shown.isEmpty, let nameColumn = table.column(nameKey) else { return nil }
        let sheet = layout.sheet
        let firstRow = table.headerRow + 1
        var valueColumns: [String: Int] = [:]
        for (offset, key) in valueKeys.enumerated() { valueColumns[key] = column + 1 + offset }
        for (offset, header) in ([headers.first ?? ""] + headers.dropFirst()).enumerated() {
            try sheet.writeString(row: table.headerRow, column: column + offset, CellText.clean(header), format: style.helperHeader)
        }
        var names: [String] = []
        for (index, row) in shown.enumerated() {
            let excelRow = firstRow + index
            let name = CellText.clean(text(row, nameColumn))
            if name.isEmpty {
                names.append(blankName)
                try sheet.writeString(row: excelRow, column: column, CellText.clean(blankName), format: style.helper(numberFormat: nil))
            } else {
                names.append(name)
                try sheet.writeFormula(
                    row: excelRow, column: column, reference(row, nameColumn), cachedText: name, format: style.helper(numberFormat: nil))
            }
            let rowValues = values(row)
            for key in valueKeys {
                guard let source = table.column(key), let target = valueColumns[key] else { continue }
                let format = style.helper(numberFormat: style.format(for: table.table.columns[source])?.numberFormat)
                if let value = rowValues[key] {
                    try sheet.writeFormula(row: excelRow, column: target, reference(row, source), cachedValue: value, format: format)
                } else {
                    try sheet.writeFormula(row: excelRow, column: target, reference(row, source), cachedText: "", format: format)
                }
            }
        }
        if !folded.isEmpty {
            let excelRow = firstRow + shown.count
            names.append(otherLabel)
            try sheet.writeString(row: excelRow, column: column, CellText.clean(otherLabel), format: style.helper(numberFormat: nil))
            for key in valueKeys {
                guard let source = table.column(key), let target = valueColumns[key] else { continue }
                let total = folded.reduce(0.0) { $0 + (values($1)[key] ?? 0) }
                let cells = folded.map { reference($0, source) }.joined(separator: ",")
                let format = style.helper(numberFormat: style.format(for: table.table.columns[source])?.numberFormat)
                try sheet.writeFormula(row: excelRow, column: target, "SUM(\(cells))", cachedValue: total, format: format)
            }
        }
        layout.want(column: column, width: ColumnWidth.estimate(for: names + [headers.first ?? ""]))
        for key in valueKeys { if let target = valueColumns[key] { layout.want(column: target, width: 12) } }
        return Placed(
            sheet: sheet.name, firstRow: firstRow, rows: names.count, nameColumn: column, valueColumns: valueColumns, names: names)
    }

    private func reference(_ row: Int, _ column: Int) -> String {
        XlsxCell.reference(row: table.firstDataRow + row, column: column)
    }
}
