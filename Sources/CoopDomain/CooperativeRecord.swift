/// One accepted cooperative after validation and derivation (CONTRACT §1.4).
/// Invariant: `membersTotal >= 1`; women and men are both set or both nil (gender not reported),
/// and when set they add up to the total; `membersYouth` is within 0…total.
public struct CooperativeRecord: Sendable, Equatable {
    public var registrationId: String
    public var name: String
    public var creationDate: Day
    public var regionCode: RegionCode
    /// Index into `ReferenceData.provinces`, nil when the row named no (known) province.
    public var provinceIndex: Int?
    public var commune: String
    /// Index into `ReferenceData.sectors`; unknown sectors are `other`.
    public var sectorIndex: Int
    public var membersTotal: Int
    public var membersWomen: Int?
    public var membersMen: Int?
    public var membersYouth: Int?
    /// Capital in centimes of dirham, nil when not given.
    public var capitalCents: Int64?
    public var status: String
    /// Soulaliyate (collective-land community) cooperative: true, false, or nil when not reported.
    public var soulaliyate: Bool?

    public init(registrationId: String, name: String, creationDate: Day, regionCode: RegionCode, provinceIndex: Int?,
                commune: String, sectorIndex: Int, membersTotal: Int, membersWomen: Int?, membersMen: Int?,
                membersYouth: Int?, capitalCents: Int64?, status: String, soulaliyate: Bool?) {
        self.registrationId = registrationId
        self.name = name
        self.creationDate = creationDate
        self.regionCode = regionCode
        self.provinceIndex = provinceIndex
        self.commune = commune
        self.sectorIndex = sectorIndex
        self.membersTotal = membersTotal
        self.membersWomen = membersWomen
        self.membersMen = membersMen
        self.membersYouth = membersYouth
        self.capitalCents = capitalCents
        self.status = status
        self.soulaliyate = soulaliyate
    }

    /// A women's cooperative: every member is a woman.
    public var isWomensCooperative: Bool { membersWomen == membersTotal }

    /// The key duplicates are found by: the registration id trimmed and case-folded.
    public var duplicateKey: String { registrationId.trimmingSpaces.lowercased() }
}
