import CoopDomain

/// One accepted row in the String-free form the duplicate ledger is fed: the registration key, the
/// exact numbers (members derived as CONTRACT §1.4 derives them), the reference indexes, a hash of
/// each cleaned text field and the reported-fields mask. Made from the row's bytes by
/// `RowValidator.accepted(row:)`, or from a whole record. Invariant: for one row both ways give
/// equal values; `women == -1` exactly when the gender is not reported (else `0 ≤ women ≤ total`),
/// `youth == -1` when not reported, `capital == Int64.min` when not given, `province == -1` when
/// no known province was named.
public struct AcceptedRow: Sendable, Equatable {
    /// The key of the registration id, trimmed and case-folded (`RegistryKey`).
    public var key: RegistryKey
    var creation: Day
    var capital: Int64
    var total: Int32
    var women: Int32
    var youth: Int32
    /// `TextHash` of the cleaned name, commune and status.
    var name: UInt32
    var commune: UInt32
    var status: UInt32
    /// Index into `ReferenceData.provinces`, -1 for none.
    var province: Int16
    /// Index into `ReferenceData.sectors` (`other` for an unknown sector).
    var sector: Int16
    /// Index into `ReferenceData.regions`.
    var region: Int8
    var soulaliyate: Bool?
    var reported: ReportedFields
    /// The cleaned sector value when it matched no sector (it is counted as `other`).
    public var unknownSector: String?

    /// The compact form of a record the String validation accepted (its region code in `reference`).
    init(_ record: CooperativeRecord, unknownSector: String?, reference: ReferenceData) {
        key = RegistryKey(registrationId: record.registrationId)
        creation = record.creationDate
        capital = record.capitalCents ?? Int64.min
        total = Int32(clamping: record.membersTotal)
        women = record.membersWomen.map { Int32(clamping: $0) } ?? -1
        youth = record.membersYouth.map { Int32(clamping: $0) } ?? -1
        name = TextHash.of(record.name)
        commune = TextHash.of(record.commune)
        status = TextHash.of(record.status)
        province = Int16(clamping: record.provinceIndex ?? -1)
        sector = Int16(clamping: record.sectorIndex)
        region = Int8(clamping: reference.regionIndex(record.regionCode) ?? 0)
        soulaliyate = record.soulaliyate
        reported = record.reported
        self.unknownSector = unknownSector
    }

    /// The row's values as the byte validation read them.
    init(
        key: RegistryKey, creation: Day, capital: Int64, total: Int32, women: Int32, youth: Int32,
        text: (name: UInt32, commune: UInt32, status: UInt32), place: (region: Int8, province: Int16),
        sector: Int16, soulaliyate: Bool?, reported: ReportedFields, unknownSector: String?
    ) {
        self.key = key
        self.creation = creation
        self.capital = capital
        self.total = total
        self.women = women
        self.youth = youth
        (name, commune, status) = text
        (region, province) = place
        self.sector = sector
        self.soulaliyate = soulaliyate
        self.reported = reported
        self.unknownSector = unknownSector
    }
}

/// What validation made of one row, in the form the ingest keeps: the compact accepted row, or the
/// reject with its exact value and message. Invariant: the same verdict as `RowOutcome` for the row.
public enum CompactOutcome: Sendable, Equatable {
    case accepted(AcceptedRow)
    case rejected(RejectedRow)
}
