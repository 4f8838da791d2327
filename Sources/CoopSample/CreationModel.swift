import CoopDomain

/// The planned shape of the registry: creations per year, the Marrakech-Safi total, region,
/// province and sector weights, members and capital. Invariant: at scale 1 the yearly counts
/// are the calibration (60,055 cooperatives, 6,228 of them in region 07).
enum CreationModel {
    /// Cooperatives created per year at scale 1.
    static let creationsPerYear: [(year: Int, count: Int)] = [
        (2005, 303), (2006, 364), (2007, 487), (2008, 547), (2009, 610), (2010, 909), (2011, 1248),
        (2012, 1572), (2013, 1406), (2014, 2600), (2015, 2900), (2016, 3600), (2017, 4900), (2018, 6100),
        (2019, 7300), (2020, 4782), (2021, 5127), (2022, 6200), (2023, 5000), (2024, 4100),
    ]

    /// Marrakech-Safi's cooperatives over 2005–2024 at scale 1.
    static let marrakechSafiTotal = 6228
    static let marrakechSafi = RegionCode("07")

    /// Position of `year` in the range, 0 for 2005 to 1 for 2024.
    static func trend(_ year: Int) -> Double { Double(min(max(year, 2005), 2024) - 2005) / 19 }

    /// The relative weight of a region (other than 07) among the year's creations.
    static func regionWeight(_ code: RegionCode, year: Int) -> Double {
        let t = trend(year)
        switch code.rawValue {
        case "01": return 0.085
        case "02": return 0.095
        case "03": return 0.105
        case "04": return 0.085 * (1 - 0.15 * t)
        case "05": return 0.090
        case "06": return 0.100 * (1 - 0.20 * t)
        case "08": return 0.100 * (1 + 0.10 * t)
        case "09": return 0.120 * (1 + 0.35 * t)
        case "10": return 0.050 * (1 + 0.50 * t)
        case "11": return 0.025 * (1 + 0.60 * t)
        case "12": return 0.012 * (1 + 0.60 * t)
        default: return 0.05
        }
    }

    /// Provinces created in 2009 (no cooperative registered there before 2010).
    static let provincesOf2009: Set<String> = [
        "Ouezzane", "Driouch", "Guercif", "Sidi Slimane", "Fquih Ben Salah", "Berrechid", "Sidi Bennour",
        "Rehamna", "Youssoufia", "Midelt", "Tinghir", "Sidi Ifni", "Tarfaya",
    ]

    /// Provinces with more (or fewer) cooperatives than a typical one.
    static let provinceWeights: [String: Double] = [
        "Taroudant": 2.2, "Al Haouz": 1.8, "Essaouira": 1.6, "Chichaoua": 1.3, "El Kelâa des Sraghna": 1.3,
        "Errachidia": 1.6, "Ouarzazate": 1.3, "Zagora": 1.2, "Tinghir": 1.2, "Tiznit": 1.4, "Chtouka-Aït Baha": 1.3,
        "Azilal": 1.4, "Béni Mellal": 1.3, "Khénifra": 1.1, "Settat": 1.2, "El Jadida": 1.2, "Safi": 1.1,
        "Nador": 1.1, "Taza": 1.2, "Taounate": 1.3, "Chefchaouen": 1.2, "Kénitra": 1.3, "Khémisset": 1.3,
        "Guelmim": 1.2, "Casablanca": 0.9, "Marrakech": 0.9, "Fès": 0.8, "Rabat": 0.5, "Laâyoune": 1.2,
        "Oued Ed-Dahab": 1.2,
    ]

    static func provinceWeight(_ province: Province, year: Int) -> Double {
        if year < 2010, provincesOf2009.contains(province.nameFR) { return 0 }
        if let weight = provinceWeights[province.nameFR] { return weight }
        return province.kind == "prefecture" ? 0.6 : 1.0
    }

    /// Argan's weight in a province: Souss-Massa and Essaouira, a little in their neighbours.
    static func arganWeight(region: RegionCode, province: Province) -> Double {
        switch province.nameFR {
        case "Essaouira": return 0.16
        case "Chichaoua", "Sidi Ifni", "Guelmim": return 0.03
        case "Tata": return 0.05
        default: return region.rawValue == "09" ? 0.14 : 0
        }
    }

    /// Sector weights by code for a creation; agriculture takes what the others leave.
    static func sectorWeights(year: Int, region: RegionCode, province: Province) -> [String: Double] {
        let t = trend(year)
        var weights: [String: Double] = [
            "artisanat": 0.12 + 0.07 * t,
            "habitat": 0.08 - 0.065 * t,
            "argane": arganWeight(region: region, province: province),
            "denrees_alimentaires": 0.028, "pam": 0.014, "foret": 0.006, "consommation": 0.004,
            "transport": 0.009, "alphabetisation": 0.004, "commercants_detaillants": 0.003, "carrieres": 0.002,
            "mines": 0.0015, "main_oeuvre": 0.003, "dechets": 0.0015, "tourisme": 0.006, "conseil_gestion": 0.0015,
            "comptabilite": 0.0008, "imprimerie": 0.0008, "communication": 0.0008, "art_culture": 0.002,
            "commerce_electronique": year >= 2015 ? 0.002 : 0, "librairie": 0.0008, "services": 0.009,
            "energie": year >= 2012 ? 0.001 : 0, "other": 0.006,
            "peche": ["10", "11", "12"].contains(region.rawValue) ? 0.05 : 0.006,
        ]
        // Summed in key order: dictionary order changes from process to process, and so would the rounding.
        let others = weights.keys.sorted().reduce(0) { $0 + (weights[$1] ?? 0) }
        weights["agriculture"] = max(0.3, 1 - others)
        return weights
    }

    /// The probability that a new cooperative of `sector` is a women's cooperative.
    static func womensShare(sector: String) -> Double {
        switch sector {
        case "argane": 0.80
        case "denrees_alimentaires": 0.40
        case "artisanat": 0.33
        case "alphabetisation": 0.35
        case "pam": 0.26
        case "habitat": 0.02
        case "agriculture": 0.057
        default: 0.07
        }
    }

    /// Mean members of a cooperative created in `year`: about 22 in 2005, about 12 in 2024.
    static func meanMembers(_ year: Int) -> Double { 22 - 10 * trend(year) }

    /// The legal minimum of founding members (law 112-12 from 2016-07-01).
    static func minimumMembers(_ day: Day) -> Int {
        (day.year, day.month) < (2016, 7) ? 7 : 5
    }

    /// Month weights (per day) for creation dates: a quieter August, a busier year end.
    static let monthWeights: [Double] = [1.0, 1.0, 1.1, 1.0, 1.0, 1.0, 0.9, 0.6, 1.0, 1.1, 1.1, 1.2]

    /// Regions (with rural provinces) where soulaliyate cooperatives concentrate.
    static let soulaliyateRegions: Set<String> = ["02", "07", "08", "09"]
}
