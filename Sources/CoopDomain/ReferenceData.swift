/// One reference table as read from its CSV file: rows of `column → value`, with the file name for errors.
/// Invariant: `rows[i]` came from physical line `lines[i]` of `file`.
public struct ReferenceTable: Sendable {
    public let file: String
    public let rows: [[String: String]]
    public let lines: [Int]

    public init(file: String, rows: [[String: String]], lines: [Int]? = nil) {
        self.file = file
        self.rows = rows
        self.lines = lines ?? rows.indices.map { $0 + 2 }
    }
}

/// What a raw region value resolves to: a 2015 region directly, or a 1997 region still to be settled.
public enum RegionMatch: Sendable, Equatable {
    case region(RegionCode)
    case legacy(LegacyRegion)
}

/// The reference facts every stage works from: the 12 regions, the 16 legacy regions, the provinces
/// and the sector taxonomy, with folded-alias lookups. Invariant: no two places of one kind share a
/// folded alias, region codes and sector codes are unique, and `other` is a sector.
public struct ReferenceData: Sendable {
    public let regions: [Region]
    public let legacyRegions: [LegacyRegion]
    public let provinces: [Province]
    /// Sectors in taxonomy order, `other` last.
    public let sectors: [Sector]

    private let regionByKey: [String: RegionMatch]
    private let provinceByKey: [String: Int]
    private let sectorByKey: [String: Int]
    private let regionIndexByCode: [RegionCode: Int]
    private let sectorIndexByCode: [String: Int]

    /// Builds and validates the reference from its four tables.
    public init(
        regions regionTable: ReferenceTable, legacyRegions legacyTable: ReferenceTable,
        provinces provinceTable: ReferenceTable, sectors sectorTable: ReferenceTable
    ) throws(ReferenceError) {
        func value(_ table: ReferenceTable, _ index: Int, _ column: String) throws(ReferenceError) -> String {
            guard let text = table.rows[index][column]?.trimmingSpaces, !text.isEmpty else {
                throw ReferenceError(file: table.file, line: table.lines[index], reason: "the column '\(column)' is missing or empty")
            }
            return text
        }
        func aliases(_ table: ReferenceTable, _ index: Int, names: [String]) -> [String] {
            let listed = (table.rows[index]["aliases"] ?? "").split(separator: "|").map { String($0).trimmingSpaces }
            return names + listed.filter { !$0.isEmpty }
        }

        var regions: [Region] = []
        for index in regionTable.rows.indices {
            let codeText = try value(regionTable, index, "region_code")
            guard codeText.count == 2, let code = RegionCode(number: codeText), code.rawValue == codeText else {
                throw ReferenceError(
                    file: regionTable.file, line: regionTable.lines[index], reason: "region_code '\(codeText)' is not two digits")
            }
            let fr = try value(regionTable, index, "name_fr")
            let ar = try value(regionTable, index, "name_ar")
            let en = try value(regionTable, index, "name_en")
            regions.append(
                Region(
                    code: code, nameFR: fr, nameAR: ar, nameEN: en,
                    aliases: aliases(regionTable, index, names: [code.rawValue, fr, ar, en])))
        }
        var regionIndexByCode: [RegionCode: Int] = [:]
        for (index, region) in regions.enumerated() {
            if regionIndexByCode[region.code] != nil {
                throw ReferenceError(
                    file: regionTable.file, line: regionTable.lines[index], reason: "region_code \(region.code) appears twice")
            }
            regionIndexByCode[region.code] = index
        }
        if regions.isEmpty {
            throw ReferenceError(file: regionTable.file, line: 1, reason: "the table has no region")
        }

        var provinces: [Province] = []
        for index in provinceTable.rows.indices {
            let codeText = try value(provinceTable, index, "region_code")
            guard let code = RegionCode(number: codeText), regionIndexByCode[code] != nil else {
                throw ReferenceError(
                    file: provinceTable.file, line: provinceTable.lines[index],
                    reason: "region_code '\(codeText)' is not a region of regions.csv")
            }
            let fr = try value(provinceTable, index, "name_fr")
            let ar = try value(provinceTable, index, "name_ar")
            provinces.append(
                Province(
                    nameFR: fr, nameAR: ar, kind: provinceTable.rows[index]["kind"] ?? "province",
                    regionCode: code, legacyCode: provinceTable.rows[index]["legacy_code"] ?? "",
                    aliases: aliases(provinceTable, index, names: [fr, ar])))
        }
        var provinceByKey: [String: Int] = [:]
        for (index, province) in provinces.enumerated() {
            for alias in province.aliases {
                let key = NameFolding.fold(alias)
                guard !key.isEmpty else { continue }
                if let other = provinceByKey[key], other != index {
                    throw ReferenceError(
                        file: provinceTable.file, line: provinceTable.lines[index],
                        reason: "alias '\(alias)' of \(province.nameFR) folds like an alias of \(provinces[other].nameFR)")
                }
                provinceByKey[key] = index
            }
        }

        var legacy: [LegacyRegion] = []
        for index in legacyTable.rows.indices {
            let code = try value(legacyTable, index, "legacy_code")
            let fr = try value(legacyTable, index, "name_fr")
            let ar = try value(legacyTable, index, "name_ar")
            let en = try value(legacyTable, index, "name_en")
            var codes: [RegionCode] = []
            for part in try value(legacyTable, index, "region_codes").split(separator: "|") {
                guard let regionCode = RegionCode(number: String(part)), regionIndexByCode[regionCode] != nil else {
                    throw ReferenceError(
                        file: legacyTable.file, line: legacyTable.lines[index],
                        reason: "region code '\(part)' is not a region of regions.csv")
                }
                codes.append(regionCode)
            }
            var provinceMap: [String: RegionCode] = [:]
            for pair in (legacyTable.rows[index]["province_to_region"] ?? "").split(separator: "|") {
                let sides = pair.split(separator: ">", maxSplits: 1).map { String($0).trimmingSpaces }
                guard sides.count == 2, let regionCode = RegionCode(number: sides[1]), codes.contains(regionCode) else {
                    throw ReferenceError(
                        file: legacyTable.file, line: legacyTable.lines[index],
                        reason: "province_to_region entry '\(pair)' is not 'Province>code' with one of its region codes")
                }
                guard let provinceIndex = provinceByKey[NameFolding.fold(sides[0])] else {
                    throw ReferenceError(
                        file: legacyTable.file, line: legacyTable.lines[index], reason: "province '\(sides[0])' is not in provinces.csv")
                }
                provinceMap[NameFolding.fold(provinces[provinceIndex].nameFR)] = regionCode
            }
            legacy.append(
                LegacyRegion(
                    legacyCode: code, nameFR: fr, nameAR: ar, nameEN: en, regionCodes: codes,
                    provinceToRegion: provinceMap, aliases: aliases(legacyTable, index, names: [fr, ar, en])))
        }

        var regionByKey: [String: RegionMatch] = [:]
        var keyOwner: [String: String] = [:]
        /// The 2015 region a match settles on by itself (nil for a split legacy region).
        func settled(_ match: RegionMatch) -> RegionCode? {
            switch match {
            case .region(let code): code
            case .legacy(let old): old.directRegion
            }
        }
        func claim(_ key: String, _ match: RegionMatch, owner: String, file: String, line: Int, alias: String) throws(ReferenceError) {
            guard !key.isEmpty else { return }
            if let existing = keyOwner[key], existing != owner, let previous = regionByKey[key] {
                // A 1997 region that became one 2015 region may share its names: both settle alike.
                if let a = settled(previous), a == settled(match) { return }
                throw ReferenceError(file: file, line: line, reason: "alias '\(alias)' of \(owner) folds like an alias of \(existing)")
            }
            keyOwner[key] = owner
            regionByKey[key] = match
        }
        for (index, region) in regions.enumerated() {
            for alias in region.aliases {
                try claim(
                    NameFolding.fold(alias), .region(region.code), owner: region.nameFR,
                    file: regionTable.file, line: regionTable.lines[index], alias: alias)
            }
        }
        for (index, old) in legacy.enumerated() {
            for alias in old.aliases {
                try claim(
                    NameFolding.fold(alias), .legacy(old), owner: "\(old.nameFR) (1997)",
                    file: legacyTable.file, line: legacyTable.lines[index], alias: alias)
            }
        }

        var sectors: [Sector] = []
        for index in sectorTable.rows.indices {
            let code = try value(sectorTable, index, "sector_code")
            let fr = try value(sectorTable, index, "name_fr")
            let ar = try value(sectorTable, index, "name_ar")
            let en = try value(sectorTable, index, "name_en")
            sectors.append(
                Sector(
                    code: code, nameFR: fr, nameAR: ar, nameEN: en,
                    aliases: aliases(sectorTable, index, names: [code, fr, ar, en])))
        }
        guard let otherIndex = sectors.firstIndex(where: { $0.code == "other" }) else {
            throw ReferenceError(file: sectorTable.file, line: 1, reason: "the sector 'other' is missing")
        }
        sectors.append(sectors.remove(at: otherIndex))
        var sectorIndexByCode: [String: Int] = [:]
        var sectorByKey: [String: Int] = [:]
        for (index, sector) in sectors.enumerated() {
            let line = sectorTable.lines[sectorTable.rows.firstIndex { $0["sector_code"]?.trimmingSpaces == sector.code } ?? 0]
            if sectorIndexByCode[sector.code] != nil {
                throw ReferenceError(file: sectorTable.file, line: line, reason: "sector_code '\(sector.code)' appears twice")
            }
            sectorIndexByCode[sector.code] = index
            for alias in sector.aliases {
                let key = NameFolding.fold(alias)
                guard !key.isEmpty else { continue }
                if let other = sectorByKey[key], other != index {
                    throw ReferenceError(
                        file: sectorTable.file, line: line,
                        reason: "alias '\(alias)' of \(sector.code) folds like an alias of \(sectors[other].code)")
                }
                sectorByKey[key] = index
            }
        }

        self.regions = regions.sorted { $0.code < $1.code }
        self.legacyRegions = legacy
        self.provinces = provinces
        self.sectors = sectors
        self.regionByKey = regionByKey
        self.provinceByKey = provinceByKey
        self.sectorByKey = sectorByKey
        var sortedIndex: [RegionCode: Int] = [:]
        for (index, region) in self.regions.enumerated() { sortedIndex[region.code] = index }
        self.regionIndexByCode = sortedIndex
        self.sectorIndexByCode = sectorIndexByCode
    }

    /// The region with `code`, if the reference has it.
    public func region(_ code: RegionCode) -> Region? {
        regionIndexByCode[code].map { regions[$0] }
    }

    /// Position of `code` in `regions` (code order).
    public func regionIndex(_ code: RegionCode) -> Int? { regionIndexByCode[code] }

    /// The sector with `code`, if the taxonomy has it.
    public func sector(code: String) -> Sector? {
        sectorIndexByCode[code].map { sectors[$0] }
    }

    /// Position of the sector `code` in `sectors` (taxonomy order, `other` last).
    public func sectorIndex(code: String) -> Int? { sectorIndexByCode[code] }

    /// Resolves a raw region value: a code (`7`, `07`), a 2015 alias, or a 1997 alias.
    public func matchRegion(_ raw: String) -> RegionMatch? {
        let key = NameFolding.fold(raw)
        if let code = RegionCode(number: key), regionIndexByCode[code] != nil { return .region(code) }
        return regionByKey[key]
    }

    /// Resolves a raw province value to its index in `provinces`.
    public func matchProvince(_ raw: String) -> Int? {
        provinceByKey[NameFolding.fold(raw)]
    }

    /// Resolves a raw sector value to its index in `sectors`; nil for an unknown sector.
    public func matchSector(_ raw: String) -> Int? {
        sectorByKey[NameFolding.fold(raw)]
    }
}

/// A reference table that cannot be used, with the file, line and reason. Invariant: `description` is one line,
/// naming the line only when there is one (`line` 0: the file as a whole, e.g. missing).
public struct ReferenceError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return "\(place): reference table is broken: \(reason); fix the table or point --reference at a correct folder"
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, no-break spaces, line breaks).
    public var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
