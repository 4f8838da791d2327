/// The fields of a registry row, with the canonical names used in `rejects.csv` and error lines.
/// Invariant: `rawValue` is the contract's column key.
public enum RegistryField: String, Sendable, CaseIterable, Codable {
    case registrationId = "registration_id"
    case name
    case creationDate = "creation_date"
    case region
    case province
    case commune
    case sector
    case membersTotal = "members_total"
    case membersWomen = "members_women"
    case membersMen = "members_men"
    case membersYouth = "members_youth"
    case capital = "capital_mad"
    case status
    case soulaliyate
    /// Not a column: the row as a whole (field count).
    case row

    /// The field's position in `allCases`, for array-indexed lookups.
    public var ordinal: Int {
        switch self {
        case .registrationId: 0
        case .name: 1
        case .creationDate: 2
        case .region: 3
        case .province: 4
        case .commune: 5
        case .sector: 6
        case .membersTotal: 7
        case .membersWomen: 8
        case .membersMen: 9
        case .membersYouth: 10
        case .capital: 11
        case .status: 12
        case .soulaliyate: 13
        case .row: 14
        }
    }
}

/// Why a row was rejected; each reason says what went wrong in one human sentence.
/// Invariant: `code` is a stable snake_case key for counting.
public enum RejectReason: Sendable, Equatable, Hashable {
    case fieldCount(expected: Int, found: Int)
    case unterminatedQuote
    case missingRegistrationId
    case missingDate
    case invalidDate
    case dateOutOfRange(DateRange)
    /// The creation date is after the run's today (CONTRACT §2.1).
    case dateInFuture(today: Day)
    case unknownRegion
    case unknownProvince
    case splitLegacyRegionWithoutProvince(String)
    case notANonNegativeInteger
    case noMembers
    case totalBelowOne
    case exceedsTotal(String)
    case genderSumMismatch(men: Int, women: Int, total: Int)
    case youthOutOfRange
    case invalidCapital
    case negativeCapital
    /// A member count beyond the largest coopstat counts with (10^7).
    case countTooLarge(limit: Int)
    /// A capital beyond the largest coopstat counts with (10^12 MAD).
    case capitalTooLarge

    /// A stable key for counts by reason.
    public var code: String {
        switch self {
        case .fieldCount: "field_count"
        case .unterminatedQuote: "unterminated_quote"
        case .missingRegistrationId: "missing_registration_id"
        case .missingDate: "missing_date"
        case .invalidDate: "invalid_date"
        case .dateOutOfRange: "date_out_of_range"
        case .dateInFuture: "date_in_future"
        case .unknownRegion: "unknown_region"
        case .unknownProvince: "unknown_province"
        case .splitLegacyRegionWithoutProvince: "split_legacy_region_without_province"
        case .notANonNegativeInteger: "not_a_non_negative_integer"
        case .noMembers: "no_members"
        case .totalBelowOne: "total_below_one"
        case .exceedsTotal: "exceeds_total"
        case .genderSumMismatch: "gender_sum_mismatch"
        case .youthOutOfRange: "youth_out_of_range"
        case .invalidCapital: "invalid_capital"
        case .negativeCapital: "negative_capital"
        case .countTooLarge: "count_too_large"
        case .capitalTooLarge: "capital_too_large"
        }
    }

    /// One human sentence saying what is wrong and how to fix it.
    public var sentence: String {
        switch self {
        case .fieldCount(let expected, let found):
            "the row has \(found) fields but the header has \(expected); check for a missing or extra delimiter"
        case .unterminatedQuote: "a quoted field is never closed before the end of the file; close the quote"
        case .missingRegistrationId: "the registration id is empty; fill it in"
        case .missingDate: "the creation date is empty; fill it in"
        case .invalidDate: "the creation date is not a real date (use YYYY-MM-DD or DD/MM/YYYY)"
        case .dateOutOfRange(let range): "the creation date is outside the analysed range \(range.start)..\(range.end)"
        case .dateInFuture(let today):
            "the creation date is a date in the future (today is \(today)); correct it, or run with --today set to the registries' date"
        case .unknownRegion: "the region is not a known 2015 or 1997 region (see datasets/reference/regions.csv)"
        case .unknownProvince: "the province is not known and the region does not settle it (see datasets/reference/provinces.csv)"
        case .splitLegacyRegionWithoutProvince(let name):
            "the 1997 region \(name) was split in 2015; give the province so the 2015 region can be settled"
        case .notANonNegativeInteger: "a member count must be a whole number, zero or more"
        case .noMembers: "members_total is missing and women and men are not both given"
        case .totalBelowOne: "members_total must be at least 1"
        case .exceedsTotal(let what): "\(what) exceed members_total"
        case .genderSumMismatch(let men, let women, let total):
            "men (\(men)) + women (\(women)) = \(men + women), not members_total (\(total))"
        case .youthOutOfRange: "members_youth must be between 0 and members_total"
        case .invalidCapital: "the capital is not a number (write 12 500,50 or 12,500.50)"
        case .negativeCapital: "the capital is negative"
        case .countTooLarge(let limit):
            "a member count above \(limit) is not a real cooperative; check the column and the digits"
        case .capitalTooLarge: "a capital above 1,000,000,000,000 MAD is not a real cooperative's; check the decimal mark and the digits"
        }
    }
}

/// A rejected row, as listed in `rejects.csv`: where it is, its id, the first failing field and value, and why.
/// Invariant: `line` is the 1-based physical line where the row starts in `file`.
public struct RejectedRow: Sendable, Equatable {
    public let file: String
    public let line: Int
    public let registrationId: String
    public let field: RegistryField
    public let value: String
    public let reason: RejectReason

    public init(file: String, line: Int, registrationId: String, field: RegistryField, value: String, reason: RejectReason) {
        self.file = file
        self.line = line
        self.registrationId = registrationId
        self.field = field
        self.value = value
        self.reason = reason
    }

    /// The one-line error for terminals and logs.
    public var message: String {
        "\(file):\(line): \(field.rawValue) '\(value)': \(reason.sentence)"
    }
}
