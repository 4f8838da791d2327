/// One worksheet as read back, with its tables and charts.
/// Invariant: `cells` keys equal each cell's `reference`.
public struct ReadSheet: Equatable, Sendable {
    /// Frozen pane split (`<pane state="frozen">`).
    public struct FrozenPane: Equatable, Sendable {
        /// Frozen rows (ySplit).
        public let rows: Int
        /// Frozen columns (xSplit).
        public let columns: Int
        public let topLeftCell: String?
    }

    /// How the sheet prints (`<pageSetup>`, `<printOptions>`, `<sheetPr><pageSetUpPr fitToPage>`, `<headerFooter>`).
    public struct PageSetup: Equatable, Sendable {
        /// `paperSize` (9 = A4, 1 = Letter); nil when not written (Excel's default, Letter).
        public let paperSize: Int?
        /// `orientation`: "landscape" or "portrait"; nil when not written.
        public let orientation: String?
        /// `fitToWidth` / `fitToHeight` (Excel's default 1 when absent), meaningful when `fitToPage`.
        public let fitToWidth: Int
        public let fitToHeight: Int
        public let fitToPage: Bool
        public let centeredHorizontally: Bool
        /// `<oddFooter>` text.
        public let footer: String?
        /// Manual page breaks (`<rowBreaks><brk id>`): the zero-based rows that start a page.
        public let rowBreaks: [Int]
    }

    public let name: String
    /// The zip entry, e.g. "xl/worksheets/sheet1.xml".
    public let part: String
    public let cells: [String: ReadCell]
    /// `sheetView rightToLeft="1"`.
    public let rightToLeft: Bool
    public let frozenPane: FrozenPane?
    /// Width per zero-based column, from `<cols>`.
    public let columnWidths: [Int: Double]
    /// Merged ranges, e.g. ["A1:C1"].
    public let mergedRanges: [String]
    public let conditionalFormatTypes: [String]
    public let tables: [ReadTable]
    public let charts: [ReadChart]
    public let pageSetup: PageSetup
    /// `_xlnm.Print_Titles` of this sheet (workbook defined name), e.g. "'By region'!$3:$3".
    public let printTitles: String?
    /// `_xlnm.Print_Area` of this sheet, e.g. "'By region'!$A$1:$J$40".
    public let printArea: String?

    /// The cell at an A1 reference, if stored.
    public func cell(_ reference: String) -> ReadCell? { cells[reference] }

    /// Number of cells that have a formula.
    public var formulaCount: Int { cells.values.filter { $0.formula != nil }.count }
}
