import Foundation

/// The content of `summary.json`, as Codable values with the file's snake_case keys.
/// Invariant: optional values are written as `null` (never left out), so every key is always present;
/// fractional numbers are exact decimals (shares 4 places, dirhams 2, percentages and points 2).
public struct SummaryDocument: Codable, Sendable, Equatable {
    public var coopstatVersion: String
    public var period: SummaryPeriod
    public var range: SummaryRange
    public var scope: SummaryScope
    public var language: String
    public var asOf: String
    public var coverage: SummaryCoverage
    public var reporting: SummaryReporting
    public var headline: SummaryMetrics
    public var cumulative: SummaryMetrics
    public var comparisons: [SummaryComparison]
    public var topRegions: [SummaryRegion]
    public var topProvinces: [SummaryProvince]
    public var topSectors: [SummarySector]
    public var dataQuality: SummaryDataQuality
    public var inputs: [SummaryInput]
    public var options: [String: String]

    enum CodingKeys: String, CodingKey {
        case coopstatVersion = "coopstat_version"
        case period, range, scope, language
        case asOf = "as_of"
        case coverage, reporting
        case headline,
            cumulative, comparisons
        case topRegions = "top_regions"
        case topProvinces = "top_provinces"
        case topSectors = "top_sectors"
        case
            dataQuality = "data_quality"
        case inputs, options
    }
}

/// A period: its label (`2024Q4`), kind (`quarter`, `year`, `years`, `all`), the first and last days
/// reported or compared (ISO), whether it is still in progress ("to date") and the day it runs to (null otherwise).
public struct SummaryPeriod: Codable, Sendable, Equatable {
    public var label: String
    public var kind: String
    public var start: String
    public var end: String
    public var toDate: Bool
    public var runsTo: String?

    enum CodingKeys: String, CodingKey {
        case label, kind, start, end
        case toDate = "to_date"
        case runsTo = "runs_to"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(kind, forKey: .kind)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(toDate, forKey: .toDate)
        try c.encode(runsTo, forKey: .runsTo)
    }
}

/// How far the registries reach: their last accepted creation date (null when none), and the day the
/// period is covered up to when it ends after that date (null when covered whole).
public struct SummaryCoverage: Codable, Sendable, Equatable {
    public var lastCreationDate: String?
    public var coveredTo: String?

    enum CodingKeys: String, CodingKey {
        case lastCreationDate = "last_creation_date"
        case coveredTo = "covered_to"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lastCreationDate, forKey: .lastCreationDate)
        try c.encode(coveredTo, forKey: .coveredTo)
    }
}

/// The share of the period's cooperatives that report each optional fact (4-place fractions, null
/// when the period has no cooperative).
public struct SummaryReporting: Codable, Sendable, Equatable {
    public var youth: Decimal?
    public var soulaliyate: Decimal?

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(youth, forKey: .youth)
        try c.encode(soulaliyate, forKey: .soulaliyate)
    }
}

/// The analysed range of creation dates (ISO days).
public struct SummaryRange: Codable, Sendable, Equatable {
    public var start: String
    public var end: String
}

/// What the run covers: one region (code and name in the run's language) or the nation (both null).
public struct SummaryScope: Codable, Sendable, Equatable {
    public var regionCode: String?
    public var region: String?
    public var onlySoulaliyate: Bool

    enum CodingKeys: String, CodingKey {
        case regionCode = "region_code"
        case region
        case onlySoulaliyate = "only_soulaliyate"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(regionCode, forKey: .regionCode)
        try c.encode(region, forKey: .region)
        try c.encode(onlySoulaliyate, forKey: .onlySoulaliyate)
    }
}

/// The contract's metrics of a group, plus youth. Shares are fractions with 4 places, null when undefined.
public struct SummaryMetrics: Codable, Sendable, Equatable {
    public var cooperatives: Int
    public var membersTotal: Int
    public var membersWomen: Int
    public var membersMen: Int
    public var membersGenderUnknown: Int
    public var womenShare: Decimal?
    public var womenCooperatives: Int
    public var capitalMad: Decimal
    /// Null when no cooperative of the group reports youth.
    public var membersYouth: Int?
    public var youthShare: Decimal?
    public var youthReportingCooperatives: Int
    public var youthReportingMembers: Int

    enum CodingKeys: String, CodingKey {
        case cooperatives
        case membersTotal = "members_total"
        case membersWomen = "members_women"
        case membersMen = "members_men"
        case
            membersGenderUnknown = "members_gender_unknown"
        case womenShare = "women_share"
        case
            womenCooperatives = "women_cooperatives"
        case capitalMad = "capital_mad"
        case membersYouth = "members_youth"
        case
            youthShare = "youth_share"
        case youthReportingCooperatives = "youth_reporting_cooperatives"
        case
            youthReportingMembers = "youth_reporting_members"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cooperatives, forKey: .cooperatives)
        try c.encode(membersTotal, forKey: .membersTotal)
        try c.encode(membersWomen, forKey: .membersWomen)
        try c.encode(membersMen, forKey: .membersMen)
        try c.encode(membersGenderUnknown, forKey: .membersGenderUnknown)
        try c.encode(womenShare, forKey: .womenShare)
        try c.encode(womenCooperatives, forKey: .womenCooperatives)
        try c.encode(capitalMad, forKey: .capitalMad)
        try c.encode(membersYouth, forKey: .membersYouth)
        try c.encode(youthShare, forKey: .youthShare)
        try c.encode(youthReportingCooperatives, forKey: .youthReportingCooperatives)
        try c.encode(youthReportingMembers, forKey: .youthReportingMembers)
    }
}

/// The period against one earlier period: which relation, that period (its days are the ones
/// compared), whether they are cut to the reported period's span of days, its metrics and the changes.
public struct SummaryComparison: Codable, Sendable, Equatable {
    public var relation: String
    public var period: SummaryPeriod
    public var sameSpan: Bool
    public var metrics: SummaryMetrics
    public var delta: SummaryDelta

    enum CodingKeys: String, CodingKey {
        case relation, period, metrics, delta
        case sameSpan = "same_span"
    }
}

/// Changes from a comparison period to the reported one: counts (reported − earlier), percentage
/// changes with 2 places (null when the earlier count is 0), and the women's share change in points.
public struct SummaryDelta: Codable, Sendable, Equatable {
    public var cooperatives: Int
    public var cooperativesPct: Decimal?
    public var membersTotal: Int
    public var membersTotalPct: Decimal?
    public var membersWomen: Int
    public var womenSharePoints: Decimal?

    enum CodingKeys: String, CodingKey {
        case cooperatives
        case cooperativesPct = "cooperatives_pct"
        case membersTotal = "members_total"
        case
            membersTotalPct = "members_total_pct"
        case membersWomen = "members_women"
        case womenSharePoints = "women_share_points"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cooperatives, forKey: .cooperatives)
        try c.encode(cooperativesPct, forKey: .cooperativesPct)
        try c.encode(membersTotal, forKey: .membersTotal)
        try c.encode(membersTotalPct, forKey: .membersTotalPct)
        try c.encode(membersWomen, forKey: .membersWomen)
        try c.encode(womenSharePoints, forKey: .womenSharePoints)
    }
}

/// One of the regions with the most cooperatives created in the period.
public struct SummaryRegion: Codable, Sendable, Equatable {
    public var regionCode: String
    public var region: String
    public var cooperatives: Int
    public var womenShare: Decimal?

    enum CodingKeys: String, CodingKey {
        case regionCode = "region_code"
        case region, cooperatives
        case womenShare = "women_share"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(regionCode, forKey: .regionCode)
        try c.encode(region, forKey: .region)
        try c.encode(cooperatives, forKey: .cooperatives)
        try c.encode(womenShare, forKey: .womenShare)
    }
}

/// One of the provinces with the most cooperatives created in the period (never the not-reported row).
public struct SummaryProvince: Codable, Sendable, Equatable {
    public var regionCode: String
    public var province: String
    public var cooperatives: Int
    public var womenShare: Decimal?

    enum CodingKeys: String, CodingKey {
        case regionCode = "region_code"
        case province, cooperatives
        case womenShare = "women_share"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(regionCode, forKey: .regionCode)
        try c.encode(province, forKey: .province)
        try c.encode(cooperatives, forKey: .cooperatives)
        try c.encode(womenShare, forKey: .womenShare)
    }
}

/// One of the sectors with the most cooperatives created in the period.
public struct SummarySector: Codable, Sendable, Equatable {
    public var sectorCode: String
    public var sector: String
    public var cooperatives: Int

    enum CodingKeys: String, CodingKey {
        case sectorCode = "sector_code"
        case sector, cooperatives
    }
}

/// The run's accounting: how many files and rows, what became of them, and why rows or files were refused.
public struct SummaryDataQuality: Codable, Sendable, Equatable {
    public var files: Int
    public var rowsRead: Int
    public var accepted: Int
    /// Accepted cooperatives inside the run's scope (region and/or soulaliyate only); the other counts
    /// describe the input files, which hold every region.
    public var acceptedInScope: Int
    public var rejected: Int
    public var duplicates: Int
    public var duplicateConflicts: Int
    public var unknownSector: Int
    public var skippedBlank: Int
    public var refusedFiles: [SummaryRefusedFile]
    public var rejectsByReason: [String: Int]

    enum CodingKeys: String, CodingKey {
        case files
        case rowsRead = "rows_read"
        case accepted, rejected, duplicates
        case acceptedInScope = "accepted_in_scope"
        case duplicateConflicts = "duplicate_conflicts"
        case
            unknownSector = "unknown_sector"
        case skippedBlank = "skipped_blank"
        case refusedFiles = "refused_files"
        case
            rejectsByReason = "rejects_by_reason"
    }
}

/// A file that was not read, and why.
public struct SummaryRefusedFile: Codable, Sendable, Equatable {
    public var file: String
    public var reason: String
}

/// One input file: path, size in bytes, SHA-256 (lower-case hex), encoding, delimiter, rows read.
public struct SummaryInput: Codable, Sendable, Equatable {
    public var path: String
    public var size: Int64
    public var sha256: String
    public var encoding: String
    public var delimiter: String
    public var rowsRead: Int
    /// Header cells that matched no known column, as written.
    public var unknownColumns: [String]
    /// Unknown sector values (counted as `other`) and how often each appeared.
    public var unknownSectors: [String: Int]

    enum CodingKeys: String, CodingKey {
        case path, size, sha256, encoding, delimiter
        case rowsRead = "rows_read"
        case unknownColumns = "unknown_columns"
        case unknownSectors = "unknown_sectors"
    }
}
