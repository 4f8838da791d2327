import CoopDomain
import CoopIngest

/// Everything one `coopstat run` needs, from the command line and/or the config file.
/// Invariant: `languages` is not empty; the first language gives the contract's file names.
public struct RunOptions: Sendable {
    public var inputs: [String]
    public var output: String
    public var period: PeriodSpec = .latest
    public var languages: [Language] = [.en]
    public var formats: [OutputFormat] = OutputFormat.allCases
    /// The analysed range: 2005-01-01 … today unless set; creation dates after `today` are rejected.
    public var range: DateRange {
        get {
            DateRange(start: rangeStart ?? DateRange.defaultStart, end: rangeEnd ?? today, today: today)
                ?? DateRange.analysed(until: today)
        }
        set {
            rangeStart = newValue.start
            rangeEnd = newValue.end
        }
    }
    /// The configured ends of the range (nil: 2005-01-01, and today).
    public var rangeStart: Day?
    public var rangeEnd: Day?
    public var referenceFolder: String
    public var scope = AnalysisScopeOption()
    public var rejectThreshold: RejectThreshold?
    /// Format forced for every file (`--encoding`, `--delimiter`).
    public var defaultFormat = RegistryFormat()
    /// Per-file overrides by path (config `[[file]]`), compared after standardising the path.
    public var fileFormats: [String: RegistryFormat] = [:]
    /// The "data as of" day written in the outputs; default: the end of the period.
    public var asOf: Day?
    public var quiet = false
    /// The run's today (CONTRACT §2.1): the default range end, `latest`, `previous-quarter` and
    /// "a date in the future" all follow it; nothing else reads the clock.
    public var today: Day
    /// Input paths under this folder are shown relative to it (a config's folder), so outputs do not
    /// depend on where the project sits on disk.
    public var displayBase: String?

    public init(inputs: [String], output: String, referenceFolder: String, today: Day) {
        self.inputs = inputs
        self.output = output
        self.referenceFolder = referenceFolder
        self.today = today
    }

    /// The options as a user would write them, for summary.json, the workbook and the manifest.
    public var described: [(key: String, value: String)] {
        var list: [(String, String)] = [
            ("period", period.description),
            ("lang", languages.map(\.rawValue).joined(separator: ",")),
            ("format", formats.map(\.rawValue).joined(separator: ",")),
            ("range", "\(range.start)..\(range.end)"),
        ]
        if let region = scope.region { list.append(("region", region.text)) }
        if scope.onlySoulaliyate { list.append(("only", "soulaliyate")) }
        if let threshold = rejectThreshold { list.append(("reject_threshold", threshold.description)) }
        if let encoding = defaultFormat.encoding { list.append(("encoding", encoding.rawValue)) }
        if let delimiter = defaultFormat.delimiter { list.append(("delimiter", DelimiterSniffer.displayName(delimiter))) }
        if let asOf { list.append(("as_of", asOf.description)) }
        return list
    }
}

/// The scope options (`--region`, `--only soulaliyate`) before they are checked against the reference.
/// Invariant: `region` is as the user wrote it (a code or any alias); the build resolves it (`RegionChoice`).
public struct AnalysisScopeOption: Sendable, Equatable {
    public var region: RegionChoice?
    public var onlySoulaliyate = false

    public init(region: RegionChoice? = nil, onlySoulaliyate: Bool = false) {
        self.region = region
        self.onlySoulaliyate = onlySoulaliyate
    }
}
