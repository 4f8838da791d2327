import CoopDomain

/// How an office wrote a cooperative's member counts: all three, total and women, men and women
/// (no total), or the total only (gender not reported). Invariant: `.totalOnly` iff gender is not reported.
enum GenderForm: Sendable, Equatable {
    case full, totalAndWomen, menAndWomen, totalOnly
}

/// The registry files the generator writes, in reading order.
/// Invariant: `rawValue` is the position in lexicographic file order.
enum OfficeFile: Int, Sendable, CaseIterable, Comparable {
    case bureauFR = 1
    case bureauAR2010, bureauAR2015, exportEN, updates

    var fileName: String {
        switch self {
        case .bureauFR: "01_bureau_fr_2005_2009.csv"
        case .bureauAR2010: "02_bureau_ar_2010_2014.csv"
        case .bureauAR2015: "03_bureau_ar_2015_2019.csv"
        case .exportEN: "04_export_en_2020_2024.csv"
        case .updates: "05_mises_a_jour.csv"
        }
    }

    /// The office file that registers cooperatives created in `year`.
    static func office(forYear year: Int) -> OfficeFile {
        switch year {
        case ..<2010: .bureauFR
        case ..<2015: .bureauAR2010
        case ..<2020: .bureauAR2015
        default: .exportEN
        }
    }

    static func < (lhs: OfficeFile, rhs: OfficeFile) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One cooperative of the plan, in the version the ingest must end with (the last row that names it),
/// plus how its home office wrote the free-text fields. Invariant: it satisfies every rule of
/// CONTRACT §1.4 (members ≥ the legal minimum, women + men = total when reported, youth ≤ total).
struct PlannedCooperative: Sendable {
    var sequence: Int
    var registrationId: String
    var name: String
    var creationDate: Day
    var regionCode: RegionCode
    var provinceIndex: Int
    /// False when the home office left the province empty (only where the region alone settles it).
    var provinceWritten: Bool
    var commune: String
    var sectorIndex: Int
    var membersTotal: Int
    /// Nil when gender is not reported.
    var membersWomen: Int?
    var membersMen: Int?
    var membersYouth: Int?
    var capitalCents: Int64?
    var status: String
    var soulaliyate: Bool?
    var genderForm: GenderForm
    /// The file the cooperative is registered in.
    var home: OfficeFile
    /// True when the name holds a line break (never chosen for a duplicate).
    var multilineName: Bool = false

    var isWomensCooperative: Bool { membersWomen == membersTotal }
}
