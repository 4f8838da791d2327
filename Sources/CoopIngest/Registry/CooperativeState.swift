import CoopDomain
import CoopTransform

/// The compact state the ledger keeps per accepted cooperative (keyed by its `RegistryKey`):
/// exactly what settling a later duplicate needs — the exact numbers to subtract its metrics from
/// the cube, a 32-bit hash per text field and the reported-fields mask for the conflict rule of
/// CONTRACT §1.5, and the file and line of the row to list it again. 56 bytes (stride) against
/// ~430 for a whole record. Invariant: `women == -1` exactly when the gender is not reported, and
/// otherwise `0 ≤ women ≤ total`; `youth == -1` when not reported; `capital == Int64.min` when not given.
public struct CooperativeState: Sendable, Equatable {
    var capital: Int64
    var creation: Day
    var total: Int32
    var women: Int32
    var youth: Int32
    /// 1-based physical line of the row in its file.
    var line: Int32
    var name: UInt32
    var commune: UInt32
    var status: UInt32
    var province: Int16
    /// Index of the file in read order.
    var file: UInt16
    var reported: ReportedFields
    var region: Int8
    var sector: Int8
    var community: Community

    /// The state of `record`, read from file number `file` at `line`; its region code must be in `reference`.
    init(_ record: CooperativeRecord, file: Int, line: Int, reference: ReferenceData) {
        capital = record.capitalCents ?? Int64.min
        creation = record.creationDate
        total = Int32(clamping: record.membersTotal)
        women = record.membersWomen.map { Int32(clamping: $0) } ?? -1
        youth = record.membersYouth.map { Int32(clamping: $0) } ?? -1
        self.line = Int32(clamping: line)
        name = TextHash.of(record.name)
        commune = TextHash.of(record.commune)
        status = TextHash.of(record.status)
        province = Int16(clamping: record.provinceIndex ?? -1)
        self.file = UInt16(clamping: file)
        reported = record.reported
        region = Int8(clamping: reference.regionIndex(record.regionCode) ?? 0)
        sector = Int8(clamping: record.sectorIndex)
        community = Community(record.soulaliyate)
    }

    /// The cell of the cube this cooperative is counted in.
    var cubeKey: CubeKey {
        CubeKey(quarter: Int32(creation.quarter.ordinal), region: region, province: province, sector: sector, community: community)
    }

    /// Its metrics (one cooperative).
    var metrics: Metrics {
        Metrics(
            membersTotal: Int(total), membersWomen: women < 0 ? nil : Int(women), membersMen: women < 0 ? nil : Int(total - women),
            membersYouth: youth < 0 ? nil : Int(youth), capitalCents: capital == Int64.min ? nil : capital,
            soulaliyateReported: community != .notReported)
    }

    /// The fields, among those both versions report, whose values differ (CONTRACT §1.5); empty
    /// when the later version `other` only repeats or completes this one.
    func differingFields(from other: CooperativeState) -> ReportedFields {
        let both = reported.intersection(other.reported).union(.alwaysReported)
        var differing = ReportedFields()
        func check(_ field: RegistryField, _ differs: Bool) {
            if differs && both.reports(field) { differing.insert(ReportedFields(field)) }
        }
        let men = women < 0 ? -1 : total - women
        let otherMen = other.women < 0 ? -1 : other.total - other.women
        check(.name, name != other.name)
        check(.creationDate, creation != other.creation)
        check(.region, region != other.region)
        check(.province, province != other.province)
        check(.commune, commune != other.commune)
        check(.sector, sector != other.sector)
        check(.membersTotal, total != other.total)
        check(.membersWomen, women != other.women)
        check(.membersMen, men != otherMen)
        check(.membersYouth, youth != other.youth)
        check(.capital, capital != other.capital)
        check(.status, status != other.status)
        check(.soulaliyate, community != other.community)
        return differing
    }
}

extension CooperativeState {
    /// The state of an accepted row read from file number `file` at `line`.
    init(_ accepted: AcceptedRow, file: Int, line: Int) {
        capital = accepted.capital
        creation = accepted.creation
        total = accepted.total
        women = accepted.women
        youth = accepted.youth
        self.line = Int32(clamping: line)
        name = accepted.name
        commune = accepted.commune
        status = accepted.status
        province = accepted.province
        self.file = UInt16(clamping: file)
        reported = accepted.reported
        region = accepted.region
        sector = Int8(clamping: accepted.sector)
        community = Community(accepted.soulaliyate)
    }
}
