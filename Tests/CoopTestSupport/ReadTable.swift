/// An Excel table part (xl/tables/tableN.xml) as read back.
/// Invariant: `columns` are in table order, one per `tableColumn`.
public struct ReadTable: Equatable, Sendable {
    /// One table column.
    public struct Column: Equatable, Sendable {
        public let name: String
        /// `totalsRowFunction` (e.g. "sum"), if any.
        public let totalsRowFunction: String?
        /// `totalsRowLabel` (e.g. "Total"), if any.
        public let totalsRowLabel: String?
    }

    public let part: String
    public let name: String
    public let displayName: String
    /// The table range, e.g. "A1:C14".
    public let reference: String
    public let columns: [Column]
    /// `totalsRowShown` attribute, if present.
    public let totalsRowShown: Bool?
    /// `totalsRowCount` (0 when absent).
    public let totalsRowCount: Int
    /// `tableStyleInfo name`, e.g. "TableStyleMedium2".
    public let styleName: String?
    /// The autofilter range, if the table has one.
    public let autoFilterReference: String?

    public var columnNames: [String] { columns.map(\.name) }
}
