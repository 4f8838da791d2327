import CXlsxWriter

/// One worksheet of an `XlsxWorkbook`; every call is validated first and every libxlsxwriter error is thrown.
/// Invariant: text is always written as a string cell, never interpreted as a formula or number.
public final class XlsxWorksheet {
    public let name: String
    let workbook: XlsxWorkbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    private var tableRanges: [XlsxRange] = []

    init(workbook: XlsxWorkbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    /// The worksheet pointer, or `workbookClosed` once the workbook has been closed (the pointer is then freed).
    func sheet(_ operation: String, row: Int? = nil, column: Int? = nil) throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.openHandle(operation, sheet: name)
        if let row, let column {
            try XlsxCell.checkInGrid(row: row, column: column, operation: operation, sheet: name)
        }
        return handle
    }

    private func cellName(_ row: Int, _ column: Int) -> String { XlsxCell.reference(row: row, column: column) }

    func check(_ code: lxw_error, _ operation: String, row: Int? = nil, column: Int? = nil) throws {
        guard code != LXW_NO_ERROR else { return }  // the cell's name is spelled out only for an error
        let cell = row.flatMap { r in column.map { cellName(r, $0) } }
        try XlsxError.check(code, operation: operation, sheet: name, cell: cell)
    }

    private func checkText(_ text: String, _ operation: String, row: Int, column: Int, limit: Int = XlsxCell.maxStringLength) throws {
        let length = text.utf16.count
        if length > limit {
            throw XlsxError(
                .stringTooLong, operation: operation, sheet: name, cell: cellName(row, column),
                message: "text of \(length) characters exceeds Excel's limit of \(limit) per cell")
        }
        if text.utf8.contains(0) {  // U+0000 is the only scalar with a zero byte in UTF-8
            throw XlsxError(
                .invalidArgument, operation: operation, sheet: name, cell: cellName(row, column),
                message: "text contains a NUL character")
        }
    }

    private func checkFinite(_ value: Double, _ operation: String, row: Int, column: Int) throws {
        guard value.isFinite else {
            throw XlsxError(
                .invalidNumber, operation: operation, sheet: name, cell: cellName(row, column),
                message: "\(value) cannot be stored in a cell (only finite numbers)")
        }
    }

    // MARK: cells

    /// Writes `text` as a string cell (shared string), whatever it looks like (`=…`, `+…`, `@…`, `-…`).
    public func writeString(row: Int, column: Int, _ text: String, format: XlsxFormat? = nil) throws {
        let ws = try sheet("writeString", row: row, column: column)
        try checkText(text, "writeString", row: row, column: column)
        let fmt = try workbook.lxwFormat(format)
        let code = text.withCString { worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(column), $0, fmt) }
        try check(code, "writeString", row: row, column: column)
    }

    /// Writes a finite number.
    public func writeNumber(row: Int, column: Int, _ value: Double, format: XlsxFormat? = nil) throws {
        let ws = try sheet("writeNumber", row: row, column: column)
        try checkFinite(value, "writeNumber", row: row, column: column)
        let fmt = try workbook.lxwFormat(format)
        try check(worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(column), value, fmt), "writeNumber", row: row, column: column)
    }

    /// Writes a formula (with or without the leading `=`) and the value shown before Excel recalculates.
    public func writeFormula(row: Int, column: Int, _ formula: String, cachedValue: Double, format: XlsxFormat? = nil) throws {
        let ws = try sheet("writeFormula", row: row, column: column)
        try checkText(formula, "writeFormula", row: row, column: column, limit: XlsxCell.maxFormulaLength)
        try checkFinite(cachedValue, "writeFormula", row: row, column: column)
        let fmt = try workbook.lxwFormat(format)
        let code = formula.withCString {
            worksheet_write_formula_num(ws, lxw_row_t(row), lxw_col_t(column), $0, fmt, cachedValue)
        }
        try check(code, "writeFormula", row: row, column: column)
    }

    /// Writes a formula whose result is text, with that text as the cached value.
    public func writeFormula(row: Int, column: Int, _ formula: String, cachedText: String, format: XlsxFormat? = nil) throws {
        let ws = try sheet("writeFormula", row: row, column: column)
        try checkText(formula, "writeFormula", row: row, column: column, limit: XlsxCell.maxFormulaLength)
        try checkText(cachedText, "writeFormula", row: row, column: column)
        let fmt = try workbook.lxwFormat(format)
        let code = formula.withCString { f in
            cachedText.withCString { v in worksheet_write_formula_str(ws, lxw_row_t(row), lxw_col_t(column), f, fmt, v) }
        }
        try check(code, "writeFormula", row: row, column: column)
    }

    /// Writes TRUE or FALSE.
    public func writeBoolean(row: Int, column: Int, _ value: Bool, format: XlsxFormat? = nil) throws {
        let ws = try sheet("writeBoolean", row: row, column: column)
        let fmt = try workbook.lxwFormat(format)
        try check(
            worksheet_write_boolean(ws, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, fmt), "writeBoolean", row: row, column: column)
    }

    /// Writes a calendar date as an Excel date serial; give a date number format (e.g. `yyyy-mm-dd`) to show it as a date.
    public func writeDate(row: Int, column: Int, year: Int, month: Int, day: Int, format: XlsxFormat) throws {
        let ws = try sheet("writeDate", row: row, column: column)
        guard (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            throw XlsxError(
                .invalidArgument, operation: "writeDate", sheet: name, cell: cellName(row, column),
                message: "date \(year)-\(month)-\(day) is outside Excel's range 1900-01-01...9999-12-31")
        }
        let fmt = try workbook.lxwFormat(format)
        var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        try check(worksheet_write_datetime(ws, lxw_row_t(row), lxw_col_t(column), &date, fmt), "writeDate", row: row, column: column)
    }

    /// Writes an empty cell carrying a format (without a format libxlsxwriter writes nothing, as Excel does).
    public func writeBlank(row: Int, column: Int, format: XlsxFormat? = nil) throws {
        let ws = try sheet("writeBlank", row: row, column: column)
        let fmt = try workbook.lxwFormat(format)
        try check(worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(column), fmt), "writeBlank", row: row, column: column)
    }

    /// Merges a block and writes `text` (as a string) into it.
    public func mergeRange(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, text: String, format: XlsxFormat? = nil) throws {
        let range = XlsxRange(sheet: name, firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let ws = try sheet("mergeRange")
        try range.validate(operation: "mergeRange")
        guard firstRow != lastRow || firstColumn != lastColumn else {
            throw XlsxError(
                .invalidArgument, operation: "mergeRange", sheet: name, cell: range.cellsReference,
                message: "a merged range needs at least two cells")
        }
        try checkText(text, "mergeRange", row: firstRow, column: firstColumn)
        let fmt = try workbook.lxwFormat(format)
        let code = text.withCString {
            worksheet_merge_range(ws, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), $0, fmt)
        }
        try XlsxError.check(code, operation: "mergeRange", sheet: name, cell: range.cellsReference)
    }

    // MARK: layout

    /// Sets the width (in Excel character units, 0...255) of columns `first...last`, with an optional default format.
    public func setColumnWidth(first: Int, last: Int, width: Double, format: XlsxFormat? = nil) throws {
        let ws = try sheet("setColumnWidth", row: 0, column: first)
        try XlsxCell.checkInGrid(row: 0, column: last, operation: "setColumnWidth", sheet: name)
        guard first <= last, width.isFinite, (0...255).contains(width) else {
            throw XlsxError(
                .invalidArgument, operation: "setColumnWidth", sheet: name,
                message: "columns \(first)...\(last) width \(width): need first <= last and width in 0...255")
        }
        let fmt = try workbook.lxwFormat(format)
        try check(worksheet_set_column(ws, lxw_col_t(first), lxw_col_t(last), width, fmt), "setColumnWidth")
    }

    /// Sets a row's height in points (0...409), with an optional default format.
    public func setRowHeight(_ row: Int, height: Double, format: XlsxFormat? = nil) throws {
        let ws = try sheet("setRowHeight", row: row, column: 0)
        guard height.isFinite, (0...409).contains(height) else {
            throw XlsxError(.invalidArgument, operation: "setRowHeight", sheet: name, message: "row height \(height) outside 0...409")
        }
        let fmt = try workbook.lxwFormat(format)
        try check(worksheet_set_row(ws, lxw_row_t(row), height, fmt), "setRowHeight", row: row, column: 0)
    }

    /// Freezes the rows above `row` and the columns left of `column` (e.g. `row: 1, column: 0` freezes a header row).
    public func freezePanes(row: Int, column: Int) throws {
        let ws = try sheet("freezePanes", row: row, column: column)
        worksheet_freeze_panes(ws, lxw_row_t(row), lxw_col_t(column))
    }

    /// Shows the sheet right-to-left (column A on the right), for Arabic.
    public func setRightToLeft() throws { worksheet_right_to_left(try sheet("setRightToLeft")) }

    /// Hides gridlines on screen and when printed.
    public func hideGridlines() throws {
        worksheet_gridlines(try sheet("hideGridlines"), UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    /// Makes this the sheet shown when the file opens.
    public func activate() throws { worksheet_activate(try sheet("activate")) }

    /// Colours the sheet tab.
    public func setTabColor(_ color: XlsxColor) throws { worksheet_set_tab_color(try sheet("setTabColor"), color.lxwValue) }

    /// Screen zoom in percent (10...400).
    public func setZoom(_ percent: Int) throws {
        let ws = try sheet("setZoom")
        guard (10...400).contains(percent) else {
            throw XlsxError(.invalidArgument, operation: "setZoom", sheet: name, message: "zoom \(percent)% outside 10...400")
        }
        worksheet_set_zoom(ws, UInt16(percent))
    }

    // MARK: tables, conditional formats, charts

    /// Adds an Excel table over `table`'s range. Header (and totals) cells are written by libxlsxwriter;
    /// write the data cells yourself. The name is validated and must be unique in the workbook.
    public func addTable(_ table: XlsxTable) throws {
        let ws = try sheet("addTable")
        let range = XlsxRange(
            sheet: name, firstRow: table.firstRow, firstColumn: table.firstColumn,
            lastRow: table.lastRow, lastColumn: table.lastColumn)
        try range.validate(operation: "addTable")
        try table.validate(sheet: name)
        if let other = tableRanges.first(where: { $0.overlaps(range) }) {
            throw XlsxError(
                .invalidArgument, operation: "addTable", sheet: name, cell: range.cellsReference,
                message: "table '\(table.name)' overlaps another table at \(other.cellsReference)")
        }
        try workbook.registerTableName(table.name)
        let memory = workbook.memory
        var columns: [UnsafeMutablePointer<lxw_table_column>] = []
        for column in table.columns {
            var c = lxw_table_column()
            c.header = memory.string(column.header)
            c.total_string = memory.optionalString(column.totalLabel)
            c.total_function = UInt8(column.totalFunction?.lxw.rawValue ?? 0)
            c.total_value = column.totalValue ?? 0
            c.format = try workbook.lxwFormat(column.format)
            c.header_format = try workbook.lxwFormat(column.headerFormat)
            columns.append(memory.value(c))
        }
        var options = lxw_table_options()
        options.name = memory.string(table.name)
        options.total_row = table.totalsRow ? 1 : 0
        options.no_banded_rows = table.bandedRows ? 0 : 1
        options.no_autofilter = table.autofilter ? 0 : 1
        options.first_column = table.emphasizeFirstColumn ? 1 : 0
        let (styleType, styleNumber) = table.style.lxw
        options.style_type = styleType
        options.style_type_number = styleNumber
        options.columns = memory.nullTerminated(columns)
        let code = worksheet_add_table(
            ws, lxw_row_t(table.firstRow), lxw_col_t(table.firstColumn),
            lxw_row_t(table.lastRow), lxw_col_t(table.lastColumn), memory.value(options))
        try XlsxError.check(code, operation: "addTable", sheet: name, cell: range.cellsReference)
        tableRanges.append(range)
    }

    /// Applies a conditional format to a block of this sheet.
    public func addConditionalFormat(_ rule: XlsxConditionalFormat, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let ws = try sheet("addConditionalFormat")
        let range = XlsxRange(sheet: name, firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        try range.validate(operation: "addConditionalFormat")
        var options = try rule.lxw(workbook: workbook)
        let code = worksheet_conditional_format_range(
            ws, lxw_row_t(firstRow), lxw_col_t(firstColumn),
            lxw_row_t(lastRow), lxw_col_t(lastColumn), &options)
        try XlsxError.check(code, operation: "addConditionalFormat", sheet: name, cell: range.cellsReference)
    }

    /// Places `chart` with its top-left corner at the cell, scaled (1 = 480x288 px) and offset in pixels.
    /// A chart can be inserted once and needs at least one series.
    public func insertChart(
        _ chart: XlsxChart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1,
        xOffset: Int = 0, yOffset: Int = 0
    ) throws {
        let ws = try sheet("insertChart", row: row, column: column)
        guard chart.workbook === workbook else {
            throw XlsxError(.invalidArgument, operation: "insertChart", sheet: name, message: "the chart belongs to another workbook")
        }
        guard !chart.isInserted else {
            throw XlsxError(
                .invalidArgument, operation: "insertChart", sheet: name, cell: cellName(row, column),
                message: "this chart is already inserted; create one chart per placement")
        }
        guard chart.seriesCount > 0 else {
            throw XlsxError(
                .invalidArgument, operation: "insertChart", sheet: name, cell: cellName(row, column),
                message: "the chart has no series")
        }
        guard xScale.isFinite, yScale.isFinite, xScale > 0, yScale > 0, xScale <= 100, yScale <= 100,
            abs(xOffset) <= 100_000, abs(yOffset) <= 100_000
        else {
            throw XlsxError(
                .invalidArgument, operation: "insertChart", sheet: name, cell: cellName(row, column),
                message: "scales must be in (0, 100] and offsets within ±100000 px")
        }
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        options.x_offset = Int32(xOffset)
        options.y_offset = Int32(yOffset)
        let code = worksheet_insert_chart_opt(ws, lxw_row_t(row), lxw_col_t(column), try chart.handleForInsertion(), &options)
        try check(code, "insertChart", row: row, column: column)
        chart.isInserted = true
    }
}

extension XlsxRange {
    func overlaps(_ other: XlsxRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }
}
