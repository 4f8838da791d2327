import CoopTransform
import CoopXlsx

/// Writes a `ReportTable` as an Excel table: translated headers, typed values (text as strings, numbers
/// as numbers), a SUBTOTAL totals row where the table has one, banded style, autofilter, fitted widths.
/// Invariant: the cells equal the table's CSV values (shares rounded to 4 places, empty shares blank),
/// except key cells, shown in the run's language (CONTRACT §3.1); the only formulas are in the totals row.
struct TableWriter {
    let style: WorkbookStyle
    let labels: WorkbookLabels
    /// The words for key cells (genders, communities, `TOTAL`, field names, an empty province).
    let values: ValueLabels
    let totalLabel: String
    /// When set, text columns are at most this wide and their cells wrap (long file names, reasons).
    var wrapWidth: Double? = nil

    /// Widest a column grows for its header alone (longer headers wrap, up to 3 lines).
    let headerFloor = 14.0

    /// When set, number columns' headers are turned to read upwards, so a grid of small counts under
    /// long place names stays narrow enough to print at a readable size.
    var turnedHeaders = false

    /// The same writer with number columns' headers turned upwards (grids of places).
    func turningNumberHeaders() -> TableWriter {
        var copy = self
        copy.turnedHeaders = true
        return copy
    }

    /// The same writer with text columns wrapped at `width` characters.
    func wrapping(at width: Double) -> TableWriter {
        var copy = self
        copy.wrapWidth = width
        return copy
    }

    /// Share columns whose total is computed from the totals of other columns: numerator and denominator terms.
    static let shareParts: [String: (numerator: String, denominator: [String])] = [
        "women_share": ("members_women", ["members_women", "members_men"]),
        "youth_share": ("members_youth", ["members_total_reporting"]),
    ]

    /// Writes `table` with its header at `headerRow`; `headers` default to the translated column keys.
    @discardableResult
    func write(
        _ table: ReportTable, name: String? = nil, headers: [String]? = nil, on layout: SheetLayout,
        headerRow: Int, totals: Bool? = nil
    ) throws -> PlacedTable {
        let sheet = layout.sheet
        let names = (headers ?? table.columns.map { labels.header($0.key) }).map(WorkbookLabels.safeHeader)
        let withTotals = (totals ?? table.hasTotals) && !table.rows.isEmpty
        let placed = PlacedTable(
            sheet: sheet.name, name: name ?? table.name, table: table, headerRow: headerRow,
            dataRows: max(1, table.rows.count), hasTotalsRow: withTotals)

        // Data cells.
        for (r, row) in table.rows.enumerated() {
            let excelRow = placed.firstDataRow + r
            for (c, cell) in row.enumerated() where c < table.columns.count {
                let format = style.format(for: table.columns[c])
                switch cell {
                case .text(let text):
                    let shown = values.cell(column: table.columns[c].key, text)
                    try sheet.writeString(
                        row: excelRow, column: c, CellText.clean(shown),
                        format: wrapWidth == nil || !Self.wraps(table.columns[c]) ? format : style.wrapped)
                case .integer(let value):
                    try sheet.writeNumber(row: excelRow, column: c, Double(value), format: format)
                case .ratio(let ratio):
                    if let scaled = ratio.scaled(places: 4) {
                        try sheet.writeNumber(row: excelRow, column: c, Double(scaled) / 10_000, format: format)
                    }
                case .cents(let cents):
                    try sheet.writeNumber(row: excelRow, column: c, Double(cents) / 100, format: format)
                case .empty:
                    break
                }
            }
        }

        // Columns with their totals.
        var columns: [XlsxTable.Column] = []
        for (c, column) in table.columns.enumerated() {
            var definition = XlsxTable.Column(
                names[c], format: style.format(for: column),
                headerFormat: column.kind == .text ? style.header : turnedHeaders ? style.turnedHeader : style.numberHeader)
            if withTotals {
                if c == 0 {
                    definition.totalLabel = totalLabel
                } else if column.summable {
                    definition.totalFunction = .sum
                    definition.totalValue = Self.sum(table, column: c)
                }
            }
            columns.append(definition)
        }
        try sheet.addTable(
            XlsxTable(
                name: placed.name, firstRow: headerRow, firstColumn: 0, lastRow: placed.lastRow,
                lastColumn: placed.lastColumn, columns: columns, totalsRow: withTotals))
        if let totalsRow = placed.totalsRow {
            try writeSums(placed, headers: names, row: totalsRow, on: sheet)
            try writeShareTotals(placed, row: totalsRow, on: sheet)
        }
        fit(placed, names: names, on: layout)
        if let wrapWidth { sizeWrappedRows(placed, wrapWidth: wrapWidth, on: layout) }
        layout.printed(row: placed.lastRow, column: placed.lastColumn)
        return placed
    }

    /// Whether a writer that wraps text wraps this column: every text column but the fingerprints.
    static func wraps(_ column: TableColumn) -> Bool {
        column.kind == .text && column.key != WorkbookStyle.fingerprintColumn
    }

    /// Rows tall enough for their wrapped text cells, each measured as shown against its column's width.
    private func sizeWrappedRows(_ placed: PlacedTable, wrapWidth: Double, on layout: SheetLayout) {
        let table = placed.table
        for (r, row) in table.rows.enumerated() {
            var lines = 1
            for (c, cell) in row.enumerated() where c < table.columns.count && Self.wraps(table.columns[c]) {
                guard case .text(let text) = cell else { continue }
                let shown = values.cell(column: table.columns[c].key, text)
                lines = max(lines, SheetLayout.wrappedLines(shown, width: layout.widths[c] ?? wrapWidth))
            }
            layout.want(row: placed.firstDataRow + r, lines: lines)
        }
    }

    /// The sum of a summable column, as Excel's SUBTOTAL(109, …) computes it.
    static func sum(_ table: ReportTable, column: Int) -> Double {
        var integers = 0
        var cents: Int64 = 0
        for row in table.rows where column < row.count {
            switch row[column] {
            case .integer(let value): integers += value
            case .cents(let value): cents += value
            default: break
            }
        }
        return Double(integers) + Double(cents) / 100
    }

    /// Rewrites the sums as `SUBTOTAL(109,table[Header])`: libxlsxwriter writes `[Header]` without the
    /// table's name, which Excel accepts but LibreOffice cannot resolve (#NAME?).
    private func writeSums(_ placed: PlacedTable, headers: [String], row: Int, on sheet: XlsxWorksheet) throws {
        for (c, column) in placed.table.columns.enumerated() where c > 0 && column.summable {
            try sheet.writeFormula(
                row: row, column: c, "SUBTOTAL(109,\(placed.name)[\(headers[c])])",
                cachedValue: Self.sum(placed.table, column: c), format: style.format(for: column))
        }
    }

    /// Share columns' totals: the share recomputed from the totals of its parts, blank when undefined.
    private func writeShareTotals(_ placed: PlacedTable, row: Int, on sheet: XlsxWorksheet) throws {
        let table = placed.table
        for (c, column) in table.columns.enumerated() where column.kind == .share {
            guard let parts = Self.shareParts[column.key], let numerator = table.column(parts.numerator),
                table.columns[numerator].summable
            else { continue }
            let denominators = parts.denominator.compactMap { table.column($0) }
            guard denominators.count == parts.denominator.count,
                denominators.allSatisfy({ table.columns[$0].summable })
            else { continue }
            let cell = { (column: Int) in XlsxCell.reference(row: row, column: column) }
            let denominator = denominators.map(cell).joined(separator: "+")
            let formula = "IF((\(denominator))=0,\"\",\(cell(numerator))/(\(denominator)))"
            let top = Self.sum(table, column: numerator)
            let bottom = denominators.reduce(0.0) { $0 + Self.sum(table, column: $1) }
            if bottom == 0 {
                try sheet.writeFormula(row: row, column: c, formula, cachedText: "", format: style.share)
            } else {
                try sheet.writeFormula(row: row, column: c, formula, cachedValue: top / bottom, format: style.share)
            }
        }
    }

    /// Column widths from the header and the values as displayed; long headers wrap onto up to 4 lines.
    private func fit(_ placed: PlacedTable, names: [String], on layout: SheetLayout) {
        let table = placed.table
        var headerLines = 1.0
        var turnedHeight = 0.0
        for (c, column) in table.columns.enumerated() {
            var texts = table.rows.prefix(2_000).map { row -> String in
                guard c < row.count else { return "" }
                if case .text(let text) = row[c] { return self.values.cell(column: column.key, text) }
                return CellText.display(row[c])
            }
            if placed.hasTotalsRow {
                if c == 0 { texts.append(totalLabel) }
                if column.summable {
                    let total = CellText.display(.integer(Int(Self.sum(table, column: c))))
                    texts.append(column.kind == .money ? total + ".00" : total)
                }
            }
            let fingerprint = column.key == WorkbookStyle.fingerprintColumn
            var values = ColumnWidth.estimate(for: texts, fontSize: fingerprint ? WorkbookStyle.fingerprintFontSize : 11)
            if let wrapWidth, Self.wraps(column) { values = min(values, wrapWidth) }
            if turnedHeaders && column.kind != .text {
                layout.want(column: c, width: max(values, Self.turnedWidth))
                turnedHeight = max(turnedHeight, Self.turnedHeight(of: names[c]))
                continue
            }
            let header = ColumnWidth.estimate(for: names[c]) + 1
            // A bold header wraps at spaces only: the column holds its longest word.
            let longestWord = names[c].split(separator: " ").map { 1.1 * ColumnWidth.estimate(for: String($0)) }.max() ?? 0
            let width = max(values, min(header, max(values, headerFloor)), min(header, longestWord))
            layout.want(column: c, width: width)
            if header > width {
                headerLines = max(headerLines, min(4, ((header - ColumnWidth.padding) / (width - ColumnWidth.padding)).rounded(.up)))
            }
        }
        layout.want(row: placed.headerRow, height: max(16 * headerLines + 4, turnedHeight))
    }

    /// A turned header's column: room for two or three lines of it side by side.
    static let turnedWidth = 8.0

    /// Points a turned header needs upwards: its longest word on one line, the whole on at most two.
    static func turnedHeight(of header: String) -> Double {
        let pointsPerUnit = 5.8
        let words = header.split(separator: " ").map { ColumnWidth.length(of: String($0)) }
        let longestWord = words.max() ?? 0
        return min(150, max(longestWord, ColumnWidth.length(of: header) / 2) * pointsPerUnit + 12)
    }
}
