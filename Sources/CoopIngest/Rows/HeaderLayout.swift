import CoopDomain

/// Where each known field sits in a file's header row, and which header cells were not recognised.
/// Invariant: every field maps to at most one column, and the required fields are present.
public struct HeaderLayout: Sendable, Equatable {
    public let columnCount: Int
    public let columns: [RegistryField: Int]
    public let unknownColumns: [String]
    /// `columns` as an array indexed by the field's position in `RegistryField.allCases` (no hashing per row).
    private let columnByOrdinal: [Int]

    /// Reads a header row; throws when a required field is missing or a field is named twice.
    public init(cells: [String]) throws(HeaderError) {
        var columns: [RegistryField: Int] = [:]
        var unknown: [String] = []
        for (index, raw) in cells.enumerated() {
            let cell = raw.trimmingSpaces
            guard let field = ColumnAliases.field(forHeader: cell) else {
                if !cell.isEmpty { unknown.append(cell) }
                continue
            }
            if let first = columns[field] {
                throw HeaderError(reason: .repeated(field, firstColumn: first + 1, secondColumn: index + 1), headersFound: cells)
            }
            columns[field] = index
        }
        for field in [RegistryField.registrationId, .creationDate, .sector] where columns[field] == nil {
            throw HeaderError(reason: .missing(field), headersFound: cells)
        }
        if columns[.region] == nil && columns[.province] == nil {
            throw HeaderError(reason: .missingRegionAndProvince, headersFound: cells)
        }
        if columns[.membersTotal] == nil && (columns[.membersWomen] == nil || columns[.membersMen] == nil) {
            throw HeaderError(reason: .missing(.membersTotal), headersFound: cells)
        }
        self.columnCount = cells.count
        self.columns = columns
        self.unknownColumns = unknown
        self.columnByOrdinal = RegistryField.allCases.map { columns[$0] ?? -1 }
    }

    public subscript(field: RegistryField) -> Int? {
        let column = columnByOrdinal[field.ordinal]
        return column < 0 ? nil : column
    }
}

/// Why a header row cannot be used; the file is refused as a whole.
/// Invariant: `description` names the problem and the headers found, on one line.
public struct HeaderError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case missing(RegistryField)
        case missingRegionAndProvince
        case repeated(RegistryField, firstColumn: Int, secondColumn: Int)
        case noHeader
    }

    public let reason: Reason
    public let headersFound: [String]

    public var description: String {
        let found = headersFound.map { $0.trimmingSpaces }.joined(separator: ", ")
        switch reason {
        case .missing(let field):
            return
                "missing required column '\(field.rawValue)' (headers found: \(found)); add the column or rename a header to one of its aliases"
        case .missingRegionAndProvince:
            return "missing column 'region' or 'province' (headers found: \(found)); add one of them"
        case .repeated(let field, let first, let second):
            return "columns \(first) and \(second) both name '\(field.rawValue)' (headers found: \(found)); keep one of them"
        case .noHeader:
            return "the file has no header row (it is empty or blank); export it again with its header"
        }
    }
}
