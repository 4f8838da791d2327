/// Why a whole input file was refused, as values an output can word in any language (CONTRACT §1.2).
/// Invariant: `line` is the 1-based line of the header at fault; `headersFound` are the header cells as written.
public enum FileRefusal: Sendable, Equatable {
    case empty
    case noHeader
    case missingField(RegistryField, line: Int, headersFound: [String])
    case missingRegionAndProvince(line: Int, headersFound: [String])
    case repeatedField(RegistryField, firstColumn: Int, secondColumn: Int, line: Int, headersFound: [String])
    /// The system's words on why the bytes cannot be decoded.
    case undecodable(String)
    /// The system's words on why the file cannot be read.
    case unreadable(String)
    /// A value of the file that coopstat's per-cooperative state cannot hold exactly (a line
    /// beyond 2³²−1, too many files in one run, a reference too large): the system's words.
    case beyondLimits(String)

    /// A stable key for the kind of refusal.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .noHeader: "no_header"
        case .missingField: "missing_field"
        case .missingRegionAndProvince: "missing_region_and_province"
        case .repeatedField: "repeated_field"
        case .undecodable: "undecodable"
        case .unreadable: "unreadable"
        case .beyondLimits: "beyond_limits"
        }
    }
}
