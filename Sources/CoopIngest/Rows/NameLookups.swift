import CoopDomain

/// Memoised name resolution for one file: raw region, province and sector spellings → their match.
/// Folding a name is costly and offices repeat a handful of spellings on every row.
/// Invariant: a memoised answer equals `ReferenceData`'s; each memo holds at most `limit` spellings.
struct NameLookups: Sendable {
    private var regions: [String: RegionMatch?] = [:]
    private var provinces: [String: Int?] = [:]
    private var sectors: [String: Int?] = [:]
    static let limit = 4_096

    mutating func region(_ raw: String, in reference: ReferenceData) -> RegionMatch? {
        if let known = regions[raw] { return known }
        let match = reference.matchRegion(raw)
        if regions.count >= Self.limit { regions.removeAll(keepingCapacity: true) }
        regions[raw] = .some(match)
        return match
    }

    mutating func province(_ raw: String, in reference: ReferenceData) -> Int? {
        if let known = provinces[raw] { return known }
        let match = reference.matchProvince(raw)
        if provinces.count >= Self.limit { provinces.removeAll(keepingCapacity: true) }
        provinces[raw] = .some(match)
        return match
    }

    mutating func sector(_ raw: String, in reference: ReferenceData) -> Int? {
        if let known = sectors[raw] { return known }
        let match = reference.matchSector(raw)
        if sectors.count >= Self.limit { sectors.removeAll(keepingCapacity: true) }
        sectors[raw] = .some(match)
        return match
    }
}
