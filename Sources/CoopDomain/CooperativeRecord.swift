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
        membersYouth: Int?, capitalCents: Int64?, status: String, soulaliyate: Bool?
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
    }

    /// A women's cooperative: every member is a woman.
    public var isWomensCooperative: Bool { membersWomen == membersTotal }

    /// The key duplicates are found by: the registration id trimmed and case-folded.
    public var duplicateKey: String {
        // Fast path for ASCII ids without surrounding spaces (nearly all): lower-case the bytes.
        let utf8 = registrationId.utf8
        guard let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20, first != 0x09, last != 0x09,
            utf8.allSatisfy({ $0 < 0x80 })
        else {
            return registrationId.trimmingSpaces.lowercased()
        }
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return registrationId }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The contract field names whose values differ between two versions of a cooperative
    /// (the registration id's spelling is not compared: duplicates share it up to case and spaces).
    public static func differingFields(_ a: CooperativeRecord, _ b: CooperativeRecord) -> [String] {
        var fields: [String] = []
        if a.name != b.name { fields.append("name") }
        if a.creationDate != b.creationDate { fields.append("creation_date") }
        if a.regionCode != b.regionCode { fields.append("region") }
        if a.provinceIndex != b.provinceIndex { fields.append("province") }
        if a.commune != b.commune { fields.append("commune") }
        if a.sectorIndex != b.sectorIndex { fields.append("sector") }
        if a.membersTotal != b.membersTotal { fields.append("members_total") }
        if a.membersWomen != b.membersWomen { fields.append("members_women") }
        if a.membersMen != b.membersMen { fields.append("members_men") }
        if a.membersYouth != b.membersYouth { fields.append("members_youth") }
        if a.capitalCents != b.capitalCents { fields.append("capital_mad") }
        if a.status != b.status { fields.append("status") }
        if a.soulaliyate != b.soulaliyate { fields.append("soulaliyate") }
        return fields
    }
}
