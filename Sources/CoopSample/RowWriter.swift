import CoopDomain

/// Writes one cooperative as a row of an office file, in that office's language and habits (legacy
/// regions before 2015, digits, date and capital notations). Invariant: the row reads back to the
/// cooperative's values: same date, region, province (or none), sector, members and capital.
struct RowWriter {
    let reference: ReferenceData
    private let formats: [OfficeFile: OfficeFormat]
    private let legacyByCode: [String: LegacyRegion]
    /// Aliases by script, per place: `[latin, arabic]` for each region, legacy region, province and sector.
    private let regionAliases: [[[String]]]
    private let legacyAliases: [String: [[String]]]
    private let provinceAliases: [[[String]]]
    private let sectorAliases: [[[String]]]

    init(reference: ReferenceData) {
        self.reference = reference
        var formats: [OfficeFile: OfficeFormat] = [:]
        for file in OfficeFile.allCases { formats[file] = file.format }
        self.formats = formats
        var legacyByCode: [String: LegacyRegion] = [:]
        var legacyAliases: [String: [[String]]] = [:]
        for legacy in reference.legacyRegions {
            legacyByCode[legacy.legacyCode] = legacy
            legacyAliases[legacy.legacyCode] = Self.byScript(legacy.aliases)
        }
        self.legacyByCode = legacyByCode
        self.legacyAliases = legacyAliases
        regionAliases = reference.regions.map { Self.byScript($0.aliases) }
        provinceAliases = reference.provinces.map { Self.byScript($0.aliases) }
        sectorAliases = reference.sectors.map { Self.byScript($0.aliases) }
    }

    /// Splits aliases into Latin-1 ones (Windows-1252 holds them; snake_case codes left out) and Arabic ones.
    private static func byScript(_ aliases: [String]) -> [[String]] {
        var latin: [String] = []
        var arabic: [String] = []
        for alias in aliases {
            let scalars = alias.unicodeScalars
            if scalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) {
                arabic.append(alias)
            } else if scalars.allSatisfy({ $0.value < 0x100 }), !alias.contains("_") {
                latin.append(alias)
            }
        }
        let fallback = aliases.first.map { [$0] } ?? [""]
        return [latin.isEmpty ? fallback : latin, arabic.isEmpty ? fallback : arabic]
    }

    private func pick(_ pools: [[String]], arabic: Bool, rng: inout SplitMix64) -> String {
        rng.pick(pools[arabic ? 1 : 0])
    }

    func fields(_ c: PlannedCooperative, in file: OfficeFile, rng: inout SplitMix64) -> [String] {
        let digits: ValueWriting.Digits
        if file == .bureauAR2015 {
            let u = rng.unit()
            digits = u < 0.03 ? .easternArabicIndic : u < 0.21 ? .arabicIndic : .ascii
        } else {
            digits = .ascii
        }
        func number(_ value: Int?) -> String { value.map { ValueWriting.digits(String($0), digits) } ?? "" }
        var members: (total: Int?, women: Int?, men: Int?) = (c.membersTotal, nil, nil)
        switch c.genderForm {
        case .full: members = (c.membersTotal, c.membersWomen, c.membersMen)
        case .totalAndWomen: members = (c.membersTotal, c.membersWomen, nil)
        case .menAndWomen: members = (nil, c.membersWomen, c.membersMen)
        case .totalOnly: break
        }
        return (formats[file] ?? file.format).header.map { column in
            switch column.field {
            case .registrationId: return c.registrationId
            case .name: return c.name
            case .creationDate: return date(c.creationDate, file: file, digits: digits, rng: &rng)
            case .region: return region(c, file: file, rng: &rng)
            case .province: return c.provinceWritten ? province(c, file: file, rng: &rng) : ""
            case .commune: return c.commune
            case .sector: return sector(c, file: file, rng: &rng)
            case .membersTotal: return number(members.total)
            case .membersWomen: return number(members.women)
            case .membersMen: return number(members.men)
            case .membersYouth: return number(c.membersYouth)
            case .capital: return c.capitalCents.map { capital($0, file: file, digits: digits, rng: &rng) } ?? ""
            case .status: return c.status
            case .soulaliyate: return soulaliyate(c.soulaliyate, file: file, rng: &rng)
            case .row: return ""
            }
        }
    }

    func date(_ day: Day, file: OfficeFile, digits: ValueWriting.Digits, rng: inout SplitMix64) -> String {
        switch file {
        case .bureauFR: return ValueWriting.dayFirst(day, separator: "/", padded: !rng.chance(0.1))
        case .bureauAR2010: return ValueWriting.dayFirst(day, separator: "-")
        case .bureauAR2015:
            let text = rng.chance(0.8) ? ValueWriting.dayFirst(day, separator: "/") : day.description
            return ValueWriting.digits(text, digits)
        case .exportEN:
            let u = rng.unit()
            return u < 0.25 ? String(day.excelSerial) : u < 0.35 ? ValueWriting.dayFirst(day, separator: "/") : day.description
        case .updates: return day.description
        }
    }

    func region(_ c: PlannedCooperative, file: OfficeFile, rng: inout SplitMix64) -> String {
        let province = reference.provinces[c.provinceIndex]
        switch file {
        case .bureauFR, .bureauAR2010:
            let arabic = file == .bureauAR2010
            if let legacy = legacyByCode[province.legacyCode], legacy.regionCodes.contains(c.regionCode),
                let pools = legacyAliases[legacy.legacyCode]
            {
                return rng.chance(0.8) ? (arabic ? legacy.nameAR : legacy.nameFR) : pick(pools, arabic: arabic, rng: &rng)
            }
            let region = reference.region(c.regionCode)
            return (arabic ? region?.nameAR : region?.nameFR) ?? c.regionCode.rawValue
        case .bureauAR2015:
            guard let region = reference.region(c.regionCode) else { return c.regionCode.rawValue }
            let u = rng.unit()
            if u < 0.1 { return String(Int(c.regionCode.rawValue) ?? 0) }
            if u < 0.15 { return c.regionCode.rawValue }
            return u < 0.9 ? region.nameAR : pick(regionAliases[reference.regionIndex(c.regionCode) ?? 0], arabic: true, rng: &rng)
        case .exportEN:
            guard let region = reference.region(c.regionCode) else { return c.regionCode.rawValue }
            let u = rng.unit()
            if u < 0.1 { return String(Int(c.regionCode.rawValue) ?? 0) }
            if u < 0.2 { return c.regionCode.rawValue }
            return u < 0.9 ? region.nameEN : pick(regionAliases[reference.regionIndex(c.regionCode) ?? 0], arabic: false, rng: &rng)
        case .updates:
            return rng.chance(0.6) ? c.regionCode.rawValue : reference.region(c.regionCode)?.nameFR ?? c.regionCode.rawValue
        }
    }

    func province(_ c: PlannedCooperative, file: OfficeFile, rng: inout SplitMix64) -> String {
        let province = reference.provinces[c.provinceIndex]
        let arabic = file == .bureauAR2010 || file == .bureauAR2015
        if file != .updates, rng.chance(0.12) { return pick(provinceAliases[c.provinceIndex], arabic: arabic, rng: &rng) }
        return arabic ? province.nameAR : province.nameFR
    }

    func sector(_ c: PlannedCooperative, file: OfficeFile, rng: inout SplitMix64) -> String {
        let sector = reference.sectors[c.sectorIndex]
        let useAlias = rng.chance(0.2)
        switch file {
        case .bureauFR: return useAlias ? pick(sectorAliases[c.sectorIndex], arabic: false, rng: &rng) : sector.nameFR
        case .bureauAR2010, .bureauAR2015: return useAlias ? pick(sectorAliases[c.sectorIndex], arabic: true, rng: &rng) : sector.nameAR
        case .exportEN: return useAlias ? pick(sectorAliases[c.sectorIndex], arabic: false, rng: &rng) : sector.nameEN
        case .updates: return sector.code
        }
    }

    func capital(_ cents: Int64, file: OfficeFile, digits: ValueWriting.Digits, rng: inout SplitMix64) -> String {
        let style = rng.int(in: 0...59)
        switch file {
        case .bureauFR: return ValueWriting.frenchCapital(cents, style: style)
        case .bureauAR2010:
            let text = style % 2 == 0 ? ValueWriting.frenchCapital(cents, style: 3) : ValueWriting.plainCapital(cents)
            return style % 3 == 0 ? text.replacingOccurrences(of: " DH", with: "") + " درهم" : text
        case .bureauAR2015:
            if digits != .ascii {
                return ValueWriting.digits(String(cents / 100), digits)
                    + (cents % 100 == 0 ? "" : ",\(ValueWriting.digits(ValueWriting.twoDigits(Int(cents % 100)), digits))")
            }
            return ValueWriting.plainCapital(cents) + (style % 4 == 0 ? " درهم" : "")
        case .exportEN: return ValueWriting.englishCapital(cents, style: style)
        case .updates: return ValueWriting.plainCapital(cents)
        }
    }

    func soulaliyate(_ value: Bool?, file: OfficeFile, rng: inout SplitMix64) -> String {
        guard let value else { return "" }
        switch file {
        case .bureauAR2015: return value ? "نعم" : "لا"
        case .exportEN: return value ? (rng.chance(0.8) ? "yes" : "Yes") : (rng.chance(0.8) ? "no" : "No")
        default: return value ? "yes" : "no"
        }
    }
}
