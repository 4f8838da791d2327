/// What a column holds, so every output writes it the right way (CSV text, xlsx number format).
public enum ColumnKind: Sendable, Equatable {
    /// Free text or a code kept as text (`01`, `2024Q3`).
    case text
    /// A whole number (counts, years).
    case integer
    /// A share, written as a 4-place decimal fraction.
    case share
    /// Dirhams, written with 2 decimals.
    case money
}

/// One value of a table. Invariant: a `.ratio` with a zero denominator, and `.empty`, are written empty.
public enum Cell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case ratio(Ratio)
    case cents(Int64)
    /// A fact nobody in the row reports (youth, soulaliyate): an empty cell, never 0.
    case empty

    /// A count that may be unreported: `.integer`, or `.empty` when nil.
    public static func count(_ value: Int?) -> Cell { value.map(Cell.integer) ?? .empty }

    /// The value as the contract's CSV writes it.
    public var csvText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .integer(let value): String(value)
        case .ratio(let ratio): ratio.decimal(places: 4)
        case .cents(let cents): Decimal.fixed(cents, places: 2)
        }
    }
}

/// One column: its contract key and kind; `summable` tells whether a totals row sums it.
public struct TableColumn: Sendable, Equatable {
    public let key: String
    public let kind: ColumnKind
    public let summable: Bool

    public init(_ key: String, _ kind: ColumnKind, summable: Bool = false) {
        self.key = key
        self.kind = kind
        self.summable = summable
    }
}

/// One table of CONTRACT §3.1, ready for every output (CSV, workbook, report).
/// Invariant: every row has `columns.count` cells; `name` is the contract's NAME.
public struct ReportTable: Sendable, Equatable {
    public let name: String
    public let columns: [TableColumn]
    public var rows: [[Cell]]
    /// Whether a totals row means something for this table (not for cumulative or long-form tables).
    public let hasTotals: Bool

    public init(name: String, columns: [TableColumn], rows: [[Cell]], hasTotals: Bool) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.hasTotals = hasTotals
    }

    /// A table of CONTRACT §3.1, named by its key.
    public init(key: TableKey, columns: [TableColumn], rows: [[Cell]], hasTotals: Bool) {
        self.init(name: key.rawValue, columns: columns, rows: rows, hasTotals: hasTotals)
    }

    /// The contract table this is; nil for the workbook's own tables (inputs, rejects, matrices).
    public var key: TableKey? { TableKey(rawValue: name) }

    public func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }
}
