import CoopXlsx

/// A worksheet being filled, with the column widths its content needs (libxlsxwriter has no autofit)
/// and what its print needs: the rows repeated on every page, the charts it carries, and the helper
/// cells the print leaves out. Invariant: `apply()` sets each column once, to the widest estimate any
/// block asked for, and the print area never reaches a helper column.
final class SheetLayout {
    let sheet: XlsxWorksheet
    private(set) var widths: [Int: Double] = [:]
    private var rowHeights: [Int: Double] = [:]
    /// Rows printed at the top of every page.
    var repeatedRows: ClosedRange<Int>?
    /// Rows that start a new page.
    var pageBreaks: [Int] = []
    /// The last row and column of the printed content (charts included).
    private(set) var lastRow = 0
    private(set) var lastColumn = 0
    /// The first column of chart helper cells, when the sheet has any (fixed once reserved).
    private(set) var helperColumn: Int?
    /// Where the next block of helper cells goes.
    private var nextHelperColumn: Int?
    /// Charts placed on the sheet: anchor cell and pixel box.
    private var charts: [(row: Int, column: Int, x: Int, y: Int, width: Int, height: Int)] = []
    /// Descriptions under titles, written by `apply()` once the printed width is known (wrapped to it).
    private var descriptions: [(row: Int, text: String, style: WorkbookStyle)] = []

    init(_ sheet: XlsxWorksheet) { self.sheet = sheet }

    var name: String { sheet.name }

    /// Excel's default column width (characters) and row height (pixels).
    static let defaultWidth = 8.43
    static let defaultRowPixels = 20

    /// Asks for `column` to be at least `width` characters wide.
    func want(column: Int, width: Double) {
        widths[column] = max(widths[column] ?? 0, min(ColumnWidth.maximum, width))
    }

    /// Asks for `row` to be at least `height` points tall.
    func want(row: Int, height: Double) {
        rowHeights[row] = max(rowHeights[row] ?? 0, min(409, height))
    }

    /// Lines `text` takes when wrapped in a column `width` characters wide, at 0.85 character units a
    /// character (Calibri's lowercase letters average about 0.8 of the digit width that is the unit;
    /// LibreOffice does not fit row heights to wrapped text when opening a file, so rows are sized here).
    static func wrappedLines(_ text: String, width: Double) -> Int {
        let room = max(4, width - 1.5)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            total + max(1, Int((0.85 * Double(line.count) / room).rounded(.up)))
        }
    }

    /// Asks for `row` to be tall enough for `lines` lines of 11-point text.
    func want(row: Int, lines: Int) {
        if lines > 1 { want(row: row, height: 16 * Double(lines) + 8) }
    }

    /// Marks a cell as part of the printed content.
    func printed(row: Int, column: Int) {
        lastRow = max(lastRow, row)
        lastColumn = max(lastColumn, column)
    }

    /// The column where chart helper cells start: right of the content, never inside the print area.
    func reserveHelperColumn() -> Int {
        if let nextHelperColumn { return nextHelperColumn }
        let column = max(lastColumn + 3, 26)
        helperColumn = column
        nextHelperColumn = column
        return column
    }

    /// Moves the next helper block right of the ones already written.
    func advanceHelperColumn(past column: Int) {
        nextHelperColumn = max(nextHelperColumn ?? 0, column + 2)
    }

    /// Places `chart` with its top-left corner `x`, `y` pixels from cell (`row`, `column`), `width` × `height` pixels.
    func insert(_ chart: XlsxChart, row: Int, column: Int = 0, x: Int = 0, y: Int = 0, width: Int, height: Int) throws {
        try sheet.insertChart(
            chart, row: row, column: column, xScale: Double(width) / 480, yScale: Double(height) / 288, xOffset: x, yOffset: y)
        charts.append((row, column, x, y, width, height))
        let bottom = row + (y + height + Self.defaultRowPixels - 1) / Self.defaultRowPixels
        printed(row: bottom, column: column)
    }

    static func pixels(ofWidth width: Double) -> Int { Int(width * 7 + 5) }

    /// The column holding pixel `x` measured from the left edge of `column`.
    private func column(reaching x: Int, from column: Int) -> Int {
        var remaining = x
        var current = column
        while remaining > 0 && current < XlsxCell.maxColumns - 1 {
            remaining -= Self.pixels(ofWidth: widths[current] ?? Self.defaultWidth)
            if remaining > 0 { current += 1 }
        }
        return current
    }

    /// The last printed column, charts included.
    var lastPrintedColumn: Int {
        let sized = widths.keys.filter { $0 < (helperColumn ?? Int.max) }.max() ?? 0
        return charts.reduce(max(lastColumn, sized)) { max($0, column(reaching: $1.x + $1.width, from: $1.column)) }
    }

    /// The printed width in character units (for the choice of orientation).
    var printedWidth: Double {
        (0...lastPrintedColumn).reduce(0) { $0 + (widths[$1] ?? Self.defaultWidth) }
    }

    /// Portrait A4 holds about this many characters across at 100%.
    static let portraitWidth = 95.0
    /// A sheet up to this much wider still prints portrait, scaled down a little: turning the page for a
    /// few characters would cut the rows a page holds by a third (French headers run a little longer).
    static let portraitSlack = 1.15

    /// How the sheet prints: A4, landscape when wider than a portrait page, the repeated rows, one
    /// page wide, the print area stopping short of helper cells, the sheet name and page number below,
    /// and a page break before any chart that would otherwise be cut by the bottom of its page.
    var pageSetup: XlsxPageSetup {
        let landscape = printedWidth > Self.portraitWidth * Self.portraitSlack
        var setup = XlsxPageSetup(
            paper: .a4, landscape: landscape, repeatedRows: repeatedRows, fit: (1, 0),
            printArea: helperColumn == nil ? nil : (0, 0, lastRow, printAreaLastColumn), footer: "&L&A&R&P / &N")
        setup.pageBreaks = PrintedPages(layout: self, landscape: landscape).breaks(keepingWhole: chartBoxes, manual: pageBreaks)
        return setup
    }

    /// The last column the print area holds: the content's, never a helper column.
    private var printAreaLastColumn: Int { max(0, min(lastPrintedColumn, (helperColumn ?? Int.max) - 2)) }

    /// Height in points of `row` (Excel's default 15 pt unless asked otherwise).
    func height(ofRow row: Int) -> Double { rowHeights[row] ?? Double(Self.defaultRowPixels) * 0.75 }

    /// Width in points of the printed columns.
    var printedPoints: Double {
        (0...printAreaLastColumn).reduce(0) { $0 + Double(Self.pixels(ofWidth: widths[$1] ?? Self.defaultWidth)) * 0.75 }
    }

    /// Each chart as its anchor row and the points it reaches below the top of that row.
    private var chartBoxes: [(row: Int, depth: Double)] {
        charts.map { ($0.row, Double($0.y + $0.height) * 0.75) }
    }

    func apply() throws {
        for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
            try sheet.setColumnWidth(first: column, last: column, width: width)
        }
        try writeDescriptions()
        for (row, height) in rowHeights.sorted(by: { $0.key < $1.key }) {
            try sheet.setRowHeight(row, height: height)
        }
        try sheet.setPageSetup(pageSetup)
    }

    /// Writes each description in one line when it fits the printed width, otherwise merged across
    /// the printed columns and wrapped there, so a long sentence never widens (and shrinks) the print.
    private func writeDescriptions() throws {
        let lastColumn = printAreaLastColumn
        let width = (0...lastColumn).reduce(0) { $0 + (widths[$1] ?? Self.defaultWidth) }
        for item in descriptions {
            let text = CellText.clean(item.text)
            guard ColumnWidth.length(of: text) > width else {
                try sheet.writeString(row: item.row, column: 0, text, format: item.style.description)
                continue
            }
            if lastColumn == 0 {
                try sheet.writeString(row: item.row, column: 0, text, format: item.style.wrappedDescription)
            } else {
                try sheet.mergeRange(
                    firstRow: item.row, firstColumn: 0, lastRow: item.row, lastColumn: lastColumn, text: text,
                    format: item.style.wrappedDescription)
            }
            want(row: item.row, lines: Self.wrappedLines(text, width: width))
        }
    }

    /// A title in row `row` and, when given, a one-line description under it.
    func heading(_ title: String, description: String?, row: Int, style: WorkbookStyle) throws {
        try sheet.writeString(row: row, column: 0, CellText.clean(title), format: style.title)
        want(row: row, height: 21)
        printed(row: row, column: 0)
        if let description, !description.isEmpty {
            descriptions.append((row + 1, description, style))
            printed(row: row + 1, column: 0)
        }
        if repeatedRows == nil { repeatedRows = row...row }
    }
}
