/// The identity of one table of CONTRACT §3.1 (with `by_community` and the youth tables the run
/// adds): what every output looks a table up by, instead of its name as a string.
/// Invariant: `rawValue` is the contract's NAME (`tables/NAME.csv`, the Excel table name, the labels' key).
public enum TableKey: String, Sendable, CaseIterable {
    case byRegion = "by_region"
    case byProvince = "by_province"
    case provinceSector = "province_sector"
    case bySector = "by_sector"
    case byGender = "by_gender"
    case regionSector = "region_sector"
    case yearly
    case quarterly
    case comparison
    case dataQuality = "data_quality"
    case byCommunity = "by_community"
    case youthByRegion = "youth_by_region"
    case youthByProvince = "youth_by_province"

    /// The table of places for a run: by province in a regional run, by region otherwise.
    public static func places(regional: Bool) -> TableKey { regional ? .byProvince : .byRegion }

    /// The place × sector table for a run: by province in a regional run, by region otherwise.
    public static func placeSectors(regional: Bool) -> TableKey { regional ? .provinceSector : .regionSector }

    /// The youth table for a run: by province in a regional run, by region otherwise.
    public static func youth(regional: Bool) -> TableKey { regional ? .youthByProvince : .youthByRegion }
}
