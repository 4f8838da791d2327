import CXlsxWriter

/// An Excel table (ListObject) definition: name, range (header, data and optional totals row) and columns.
/// Invariant: `columns.count` equals the number of columns of the range (checked before reaching C).
public struct XlsxTable: Hashable, Sendable {
    /// Function Excel computes in the totals row, written as `SUBTOTAL(1xx,[Column])`.
    public enum TotalFunction: Hashable, Sendable {
        case sum, average, count, countNumbers, max, min, standardDeviation, variance
    }

    /// Built-in table styles (`TableStyleLight1`…, `TableStyleMedium2`…, `TableStyleDark1`…) or none.
    public enum Style: Hashable, Sendable {
        case none
        case light(Int)
        case medium(Int)
        case dark(Int)
    }

    /// One table column.
    public struct Column: Hashable, Sendable {
        /// Header text (unique in the table, ignoring case).
        public var header: String
        /// Totals-row function, or nil.
        public var totalFunction: TotalFunction?
        /// Totals-row text (e.g. "Total"), for a column without a function.
        public var totalLabel: String?
        /// Value cached for the totals cell so viewers that do not recalculate show it.
        public var totalValue: Double?
        /// Format of the column's data cells.
        public var format: XlsxFormat?
        public var headerFormat: XlsxFormat?

        public init(
            _ header: String, totalFunction: TotalFunction? = nil, totalLabel: String? = nil,
            totalValue: Double? = nil, format: XlsxFormat? = nil, headerFormat: XlsxFormat? = nil
        ) {
            self.header = header
            self.totalFunction = totalFunction
            self.totalLabel = totalLabel
            self.totalValue = totalValue
            self.format = format
            self.headerFormat = headerFormat
        }
    }

    public var name: String
    /// First row of the table: its header row (zero-based).
    public var firstRow: Int
    public var firstColumn: Int
    /// Last row of the table, including the totals row when `totalsRow` is set.
    public var lastRow: Int
    public var lastColumn: Int
    public var columns: [Column]
    public var totalsRow: Bool
    public var style: Style
    public var bandedRows: Bool
    public var autofilter: Bool
    public var emphasizeFirstColumn: Bool

    public init(
        name: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, columns: [Column],
        totalsRow: Bool = false, style: Style = .medium(2), bandedRows: Bool = true, autofilter: Bool = true,
        emphasizeFirstColumn: Bool = false
    ) {
        self.name = name
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
        self.columns = columns
        self.totalsRow = totalsRow
        self.style = style
        self.bandedRows = bandedRows
        self.autofilter = autofilter
        self.emphasizeFirstColumn = emphasizeFirstColumn
    }

    /// Convenience: a table whose header is at (`headerRow`, `firstColumn`) over `dataRows` rows, plus the totals row if any.
    public init(
        name: String, headerRow: Int, firstColumn: Int, dataRows: Int, columns: [Column],
        totalsRow: Bool = false, style: Style = .medium(2)
    ) {
        self.init(
            name: name, firstRow: headerRow, firstColumn: firstColumn,
            lastRow: headerRow + dataRows + (totalsRow ? 1 : 0), lastColumn: firstColumn + columns.count - 1,
            columns: columns, totalsRow: totalsRow, style: style)
    }

    func validate(sheet: String) throws {
        func fail(_ why: String) -> XlsxError {
            XlsxError(.invalidArgument, operation: "addTable", sheet: sheet, message: "table '\(name)': \(why)")
        }
        let width = lastColumn - firstColumn + 1
        guard columns.count == width else {
            throw fail("\(columns.count) column definitions for a range \(width) columns wide")
        }
        let dataRows = lastRow - firstRow - (totalsRow ? 1 : 0)
        guard dataRows >= 1 else {
            throw fail("needs at least one data row between the header\(totalsRow ? " and the totals row" : "")")
        }
        var seen: Set<String> = []
        for column in columns {
            if column.header.isEmpty { throw fail("a column header is empty") }
            if column.header.utf16.count > XlsxNames.maxTableNameLength { throw fail("column header longer than 255 characters") }
            if column.header.contains("\0") || (column.totalLabel ?? "").contains("\0") { throw fail("text contains NUL") }
            if !seen.insert(XlsxNames.foldedKey(column.header)).inserted {
                throw fail("column header '\(column.header)' is repeated (Excel requires unique headers)")
            }
            if let v = column.totalValue, !v.isFinite { throw fail("total value \(v) is not finite") }
            if !totalsRow, column.totalFunction != nil || column.totalLabel != nil {
                throw fail("column '\(column.header)' has a total but the table has no totals row")
            }
            if column.totalFunction != nil, column.totalLabel != nil {
                throw fail("column '\(column.header)' has both a total function and a total label")
            }
        }
        switch style {
        case .none: break
        case .light(let n) where !(1...21).contains(n): throw fail("TableStyleLight\(n) does not exist (1...21)")
        case .medium(let n) where !(1...28).contains(n): throw fail("TableStyleMedium\(n) does not exist (1...28)")
        case .dark(let n) where !(1...11).contains(n): throw fail("TableStyleDark\(n) does not exist (1...11)")
        default: break
        }
    }
}

extension XlsxTable.TotalFunction {
    var lxw: lxw_table_total_functions {
        switch self {
        case .sum: LXW_TABLE_FUNCTION_SUM
        case .average: LXW_TABLE_FUNCTION_AVERAGE
        case .count: LXW_TABLE_FUNCTION_COUNT
        case .countNumbers: LXW_TABLE_FUNCTION_COUNT_NUMS
        case .max: LXW_TABLE_FUNCTION_MAX
        case .min: LXW_TABLE_FUNCTION_MIN
        case .standardDeviation: LXW_TABLE_FUNCTION_STD_DEV
        case .variance: LXW_TABLE_FUNCTION_VAR
        }
    }
}

extension XlsxTable.Style {
    /// (style_type, style_type_number) as lxw_table_options wants them.
    var lxw: (UInt8, UInt8) {
        switch self {
        case .none: (UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue), 0)  // "Light 0" turns styling off
        case .light(let n): (UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue), UInt8(n))
        case .medium(let n): (UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue), UInt8(n))
        case .dark(let n): (UInt8(LXW_TABLE_STYLE_TYPE_DARK.rawValue), UInt8(n))
        }
    }
}
