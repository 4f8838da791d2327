import CoopDomain

/// Memoised name resolution for one file: raw region, province and sector spellings → their match.
/// Folding a name is costly and offices repeat a handful of spellings on every row.
/// A spelling longer than `longestName` characters is no place's name (CONTRACT §3.0): it is an
/// unknown value at once, never folded nor memoised, so a hostile 2 MB cell costs one length check.
/// Invariant: a memoised answer equals `ReferenceData`'s; each memo holds at most `limit` spellings.
struct NameLookups: Sendable {
    private var regions: [String: RegionMatch?] = [:]
    private var provinces: [String: Int?] = [:]
    private var sectors: [String: Int?] = [:]
    static let limit = 4_096
    /// The longest spelling that is looked up (the longest alias in the reference is under 80).
    static let longestName = 200
    /// How many spellings were folded and looked up in the reference (memo misses).
    private(set) var folds = 0

    /// True when `raw` is too long to be any place's name; reads at most `longestName + 1` characters.
    static func isTooLong(_ raw: String) -> Bool {
        raw.utf8.count > longestName && raw.unicodeScalars.dropFirst(longestName).first != nil
    }

    mutating func region(_ raw: String, in reference: ReferenceData) -> RegionMatch? {
        if Self.isTooLong(raw) { return nil }
        if let known = regions[raw] { return known }
        folds += 1
        let match = reference.matchRegion(raw)
        if regions.count >= Self.limit { regions.removeAll(keepingCapacity: true) }
        regions[raw] = .some(match)
        return match
    }

    mutating func province(_ raw: String, in reference: ReferenceData) -> Int? {
        if Self.isTooLong(raw) { return nil }
        if let known = provinces[raw] { return known }
        folds += 1
        let match = reference.matchProvince(raw)
        if provinces.count >= Self.limit { provinces.removeAll(keepingCapacity: true) }
        provinces[raw] = .some(match)
        return match
    }

    mutating func sector(_ raw: String, in reference: ReferenceData) -> Int? {
        if Self.isTooLong(raw) { return nil }
        if let known = sectors[raw] { return known }
        folds += 1
        let match = reference.matchSector(raw)
        if sectors.count >= Self.limit { sectors.removeAll(keepingCapacity: true) }
        sectors[raw] = .some(match)
        return match
    }
}
