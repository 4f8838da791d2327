import CoopDomain

/// The byte path's name resolution for one file: region, province and sector cells resolved through
/// memos keyed on the cells' raw bytes (before cleaning), so a repeated spelling costs a hash and a
/// compare, never a String. A miss cleans the cell and resolves it as `NameLookups` does (an
/// over-long spelling is unknown at once). Invariant: every answer equals the String path's for
/// the cleaned cell: `NameLookups`' match, then the region index `CooperativeState` would store.
struct RawNameLookups: Sendable {
    /// What a province cell names: the province and its region's index (-1 and 0 when none), and
    /// whether the cleaned cell is not empty (the row then reports a province).
    struct Province: Sendable {
        let index: Int16
        let region: Int8
        let named: Bool
    }

    /// What a sector cell names: the sector (`other` when unknown, with the cleaned cell kept) and
    /// whether the cleaned cell is not empty.
    struct Sector: Sendable {
        let index: Int16
        let unknown: String?
        let named: Bool
    }

    /// The reference the spellings are resolved in (held here, so a memo hit never touches it).
    let reference: ReferenceData
    private var provinces = ByteMemo<Province>()
    /// The region's index, or -1 when the cell settles no single region (empty, unknown, split legacy region).
    private var regions = ByteMemo<Int8>()
    private var sectors = ByteMemo<Sector>()

    init(reference: ReferenceData) {
        self.reference = reference
    }

    mutating func province(_ raw: UnsafeBufferPointer<UInt8>) -> Province {
        if let known = provinces[raw] { return known }
        let reference = self.reference
        return provinces.store(raw) { raw in
            let text = Self.cleaned(raw)
            guard !text.isEmpty else { return Province(index: -1, region: 0, named: false) }
            guard !NameLookups.isTooLong(text), let index = reference.matchProvince(text) else {
                return Province(index: -1, region: 0, named: true)
            }
            let region = reference.regionIndex(reference.provinces[index].regionCode) ?? 0
            return Province(index: Int16(clamping: index), region: Int8(clamping: region), named: true)
        }
    }

    mutating func region(_ raw: UnsafeBufferPointer<UInt8>) -> Int8 {
        if let known = regions[raw] { return known }
        let reference = self.reference
        return regions.store(raw) { raw in
            let text = Self.cleaned(raw)
            guard !text.isEmpty, !NameLookups.isTooLong(text) else { return -1 }
            let code: RegionCode?
            switch reference.matchRegion(text) {
            case .region(let direct)?: code = direct
            case .legacy(let old)?: code = old.directRegion
            case nil: code = nil
            }
            return code.map { Int8(clamping: reference.regionIndex($0) ?? 0) } ?? -1
        }
    }

    mutating func sector(_ raw: UnsafeBufferPointer<UInt8>) -> Sector {
        if let known = sectors[raw] { return known }
        let reference = self.reference
        return sectors.store(raw) { raw in
            let text = Self.cleaned(raw)
            if !NameLookups.isTooLong(text), let index = reference.matchSector(text) {
                return Sector(index: Int16(clamping: index), unknown: nil, named: !text.isEmpty)
            }
            return Sector(index: Int16(clamping: reference.sectors.count - 1), unknown: text, named: !text.isEmpty)
        }
    }

    private static func cleaned(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        TextCleaner.clean(String(decoding: raw, as: UTF8.self))
    }
}
