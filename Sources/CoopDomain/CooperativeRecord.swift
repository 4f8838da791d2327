/// One accepted cooperative after validation and derivation (CONTRACT §1.4).
/// Invariant: `membersTotal >= 1`; women and men are both set or both nil (gender not reported),
/// and when set they add up to the total; `membersYouth` is within 0…total.
public struct CooperativeRecord: Sendable, Equatable {
    public var registrationId: String
    public var name: String
    public var creationDate: Day
    public var regionCode: RegionCode
    public var commune: String
    public var status: String
    // Compact storage (a national registry holds millions of these): -1 / Int64.min stand for nil.
    private var province: Int16
    private var sector: Int16
    private var total: Int32
    private var women: Int32
    private var men: Int32
    private var youth: Int32
    private var capital: Int64
    /// Soulaliyate (collective-land community) cooperative: true, false, or nil when not reported.
    public var soulaliyate: Bool?
    /// The fields the row this record came from reports (CONTRACT §1.5's conflict rule).
    public var reported: ReportedFields

    /// Index into `ReferenceData.provinces`, nil when the row named no (known) province.
    public var provinceIndex: Int? {
        get { province < 0 ? nil : Int(province) }
        set { province = newValue.map { Int16(clamping: $0) } ?? -1 }
    }
    /// Index into `ReferenceData.sectors`; unknown sectors are `other`.
    public var sectorIndex: Int {
        get { Int(sector) }
        set { sector = Int16(clamping: newValue) }
    }
    public var membersTotal: Int {
        get { Int(total) }
        set { total = Int32(clamping: newValue) }
    }
    public var membersWomen: Int? {
        get { women < 0 ? nil : Int(women) }
        set { women = newValue.map { Int32(clamping: $0) } ?? -1 }
    }
    public var membersMen: Int? {
        get { men < 0 ? nil : Int(men) }
        set { men = newValue.map { Int32(clamping: $0) } ?? -1 }
    }
    public var membersYouth: Int? {
        get { youth < 0 ? nil : Int(youth) }
        set { youth = newValue.map { Int32(clamping: $0) } ?? -1 }
    }
    /// Capital in centimes of dirham, nil when not given.
    public var capitalCents: Int64? {
        get { capital == Int64.min ? nil : capital }
        set { capital = newValue ?? Int64.min }
    }

    public init(
        registrationId: String, name: String, creationDate: Day, regionCode: RegionCode, provinceIndex: Int?,
        commune: String, sectorIndex: Int, membersTotal: Int, membersWomen: Int?, membersMen: Int?,
        membersYouth: Int?, capitalCents: Int64?, status: String, soulaliyate: Bool?, reported: ReportedFields = .all
    ) {
        self.registrationId = registrationId
        self.name = name
        self.creationDate = creationDate
        self.regionCode = regionCode
        self.commune = commune
        self.status = status
        self.province = provinceIndex.map { Int16(clamping: $0) } ?? -1
        self.sector = Int16(clamping: sectorIndex)
        self.total = Int32(clamping: membersTotal)
        self.women = membersWomen.map { Int32(clamping: $0) } ?? -1
        self.men = membersMen.map { Int32(clamping: $0) } ?? -1
        self.youth = membersYouth.map { Int32(clamping: $0) } ?? -1
        self.capital = capitalCents ?? Int64.min
        self.soulaliyate = soulaliyate
        self.reported = reported
    }

    /// A women's cooperative: every member is a woman.
    public var isWomensCooperative: Bool { membersWomen == membersTotal }

    /// The key duplicates are found by: the registration id trimmed and case-folded.
    public var duplicateKey: String {
        var bytes: [UInt8] = []
        Self.forEachFoldedIdByte(registrationId) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands `body` the UTF-8 bytes of `id` trimmed and case-folded, without building a string
    /// for the usual ids (ASCII, no surrounding space: upper-case letters lowered on the bytes).
    public static func forEachFoldedIdByte(_ id: String, _ body: (UInt8) -> Void) {
        let done = id.utf8.withContiguousStorageIfAvailable { foldASCII($0, body) } ?? foldASCII(id.utf8, body)
        if !done {
            for byte in id.trimmingSpaces.lowercased().utf8 { body(byte) }
        }
    }

    /// Lowers the bytes of an ASCII id without surrounding space or tab; false (nothing handed) for any other id.
    private static func foldASCII<Bytes: BidirectionalCollection>(_ utf8: Bytes, _ body: (UInt8) -> Void) -> Bool
    where Bytes.Element == UInt8 {
        if let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20, first != 0x09, last != 0x09,
            utf8.allSatisfy({ $0 < 0x80 })
        {
            for byte in utf8 { body(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            return true
        }
        return false
    }

    /// The contract field names whose values differ between two versions of a cooperative, among
    /// the fields both versions report (CONTRACT §1.5: a column one file lacks, or an empty cell, is
    /// not a difference). The registration id's spelling is not compared: duplicates share it up to
    /// case and spaces.
    public static func differingFields(_ a: CooperativeRecord, _ b: CooperativeRecord) -> [RegistryField] {
        let both = a.reported.intersection(b.reported).union(.alwaysReported)
        var fields: [RegistryField] = []
        func check(_ field: RegistryField, _ differs: Bool) {
            if differs && both.reports(field) { fields.append(field) }
        }
        check(.name, a.name != b.name)
        check(.creationDate, a.creationDate != b.creationDate)
        check(.region, a.regionCode != b.regionCode)
        check(.province, a.provinceIndex != b.provinceIndex)
        check(.commune, a.commune != b.commune)
        check(.sector, a.sectorIndex != b.sectorIndex)
        check(.membersTotal, a.membersTotal != b.membersTotal)
        check(.membersWomen, a.membersWomen != b.membersWomen)
        check(.membersMen, a.membersMen != b.membersMen)
        check(.membersYouth, a.membersYouth != b.membersYouth)
        check(.capital, a.capitalCents != b.capitalCents)
        check(.status, a.status != b.status)
        check(.soulaliyate, a.soulaliyate != b.soulaliyate)
        return fields
    }
}
