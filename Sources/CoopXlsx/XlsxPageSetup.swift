import CXlsxWriter

/// How a worksheet prints: paper, orientation, rows repeated on every page, scaling to the page
/// width, the print area and a footer. Invariant: every value is checked before it reaches
/// libxlsxwriter, and every libxlsxwriter error code is thrown with the sheet's name.
public struct XlsxPageSetup: Equatable, Sendable {
    /// Paper sizes by their Excel `paperSize` code.
    public enum Paper: Int, Equatable, Sendable {
        case letter = 1
        case a3 = 8
        case a4 = 9
    }

    public var paper: Paper
    public var landscape: Bool
    /// Zero-based rows printed at the top of every page (Excel's "print titles"), if any.
    public var repeatedRows: ClosedRange<Int>?
    /// Pages across and down the print is scaled to fit (0 = as many as needed); nil prints at 100%.
    public var fit: (width: Int, height: Int)?
    /// The printed block (zero-based, inclusive); nil prints every cell used.
    public var printArea: (firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int)?
    /// Footer text in Excel's header/footer codes (`&P` page, `&N` pages), at most 255 characters.
    public var footer: String?
    /// Centres the print between the left and right margins.
    public var centered: Bool
    /// Zero-based rows that start a new page (manual page breaks), ascending, at most 1,023.
    public var pageBreaks: [Int] = []

    public init(
        paper: Paper = .a4, landscape: Bool = false, repeatedRows: ClosedRange<Int>? = nil,
        fit: (width: Int, height: Int)? = (1, 0),
        printArea: (firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int)? = nil, footer: String? = nil,
        centered: Bool = true
    ) {
        self.paper = paper
        self.landscape = landscape
        self.repeatedRows = repeatedRows
        self.fit = fit
        self.printArea = printArea
        self.footer = footer
        self.centered = centered
    }

    public static func == (a: XlsxPageSetup, b: XlsxPageSetup) -> Bool {
        a.paper == b.paper && a.landscape == b.landscape && a.repeatedRows == b.repeatedRows
            && a.fit?.width == b.fit?.width && a.fit?.height == b.fit?.height
            && a.printArea?.firstRow == b.printArea?.firstRow && a.printArea?.firstColumn == b.printArea?.firstColumn
            && a.printArea?.lastRow == b.printArea?.lastRow && a.printArea?.lastColumn == b.printArea?.lastColumn
            && a.footer == b.footer && a.centered == b.centered && a.pageBreaks == b.pageBreaks
    }
}

extension XlsxWorksheet {
    /// Applies `setup` to this sheet (call once per sheet; a later call overrides the earlier values).
    public func setPageSetup(_ setup: XlsxPageSetup) throws {
        let operation = "setPageSetup"
        let ws = try sheet(operation)
        worksheet_set_paper(ws, UInt8(setup.paper.rawValue))
        if setup.landscape { worksheet_set_landscape(ws) } else { worksheet_set_portrait(ws) }
        if setup.centered { worksheet_center_horizontally(ws) }
        if let rows = setup.repeatedRows {
            try XlsxCell.checkInGrid(row: rows.upperBound, column: 0, operation: operation, sheet: name)
            guard rows.lowerBound >= 0 else {
                throw XlsxError(.invalidArgument, operation: operation, sheet: name, message: "repeated rows start below row 0")
            }
            try check(worksheet_repeat_rows(ws, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), operation)
        }
        if let fit = setup.fit {
            guard (0...Int(UInt16.max)).contains(fit.width), (0...Int(UInt16.max)).contains(fit.height) else {
                throw XlsxError(.invalidArgument, operation: operation, sheet: name, message: "page counts must be 0...65535")
            }
            worksheet_fit_to_pages(ws, UInt16(fit.width), UInt16(fit.height))
        }
        if let area = setup.printArea {
            let range = XlsxRange(
                sheet: name, firstRow: area.firstRow, firstColumn: area.firstColumn, lastRow: area.lastRow,
                lastColumn: area.lastColumn)
            try range.validate(operation: operation)
            let code = worksheet_print_area(
                ws, lxw_row_t(area.firstRow), lxw_col_t(area.firstColumn), lxw_row_t(area.lastRow), lxw_col_t(area.lastColumn))
            try XlsxError.check(code, operation: operation, sheet: name, cell: range.cellsReference)
        }
        if !setup.pageBreaks.isEmpty {
            guard setup.pageBreaks.count <= 1_023, setup.pageBreaks == setup.pageBreaks.sorted(),
                setup.pageBreaks.allSatisfy({ $0 > 0 && $0 < XlsxCell.maxRows })
            else {
                throw XlsxError(
                    .invalidArgument, operation: operation, sheet: name,
                    message: "page breaks must be ascending rows 1..<\(XlsxCell.maxRows), at most 1,023")
            }
            let breaks = workbook.memory.nullTerminatedRows(setup.pageBreaks.map { lxw_row_t($0) })
            try check(worksheet_set_h_pagebreaks(ws, breaks), operation)
        }
        if let footer = setup.footer {
            guard footer.utf16.count <= 255, !footer.contains("\0") else {
                throw XlsxError(
                    .invalidArgument, operation: operation, sheet: name, message: "a footer is at most 255 characters without NUL")
            }
            try check(footer.withCString { worksheet_set_footer(ws, $0) }, operation)
        }
    }
}
