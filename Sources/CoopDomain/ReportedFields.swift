/// The fields a registry row reports: its file has the column and the cell is not empty
/// (CONTRACT §1.5: only a field both versions report can make a duplicate a conflict).
/// Invariant: one bit per `RegistryField.ordinal`; `creation_date` and `region` are always
/// reported by an accepted row (it has a date and resolves to a region).
public struct ReportedFields: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The mask holding `field` alone.
    public init(_ field: RegistryField) { self.init(rawValue: 1 << UInt16(field.ordinal)) }

    /// Every field: what a record built without a row (tests, samples) reports.
    public static let all = ReportedFields(rawValue: 0xFFFF)

    /// What every accepted row reports, whatever its cells: the creation date and the region.
    public static let alwaysReported: ReportedFields = [
        ReportedFields(.registrationId), ReportedFields(.creationDate), ReportedFields(.region),
    ]

    /// Whether `field` is reported.
    public func reports(_ field: RegistryField) -> Bool { contains(ReportedFields(field)) }

    /// Adds `field` when `present`.
    public mutating func insert(_ field: RegistryField, when present: Bool) {
        if present { insert(ReportedFields(field)) }
    }
}
