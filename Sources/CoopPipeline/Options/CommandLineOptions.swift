import CoopDomain
import CoopIngest

/// The options given on one command line, already typed by the option model, before they are laid
/// over the config file and the defaults (`RunOptions(commandLine:…)`).
/// Invariant: nil (or an empty list) means "not given": the config file's value or the default stands.
public struct CommandLineOptions: Sendable {
    /// The value types the command line names, so that it needs to import nothing but CoopPipeline.
    public typealias Language = CoopDomain.Language
    public typealias TextEncoding = CoopIngest.TextEncoding
    public typealias Day = CoopDomain.Day
    public typealias RegionCode = CoopDomain.RegionCode
    public typealias PeriodSpec = CoopDomain.PeriodSpec

    public var inputs: [String] = []
    public var reference: String?
    public var encoding: TextEncoding?
    public var delimiter: FieldDelimiter?
    public var rangeStart: Day?
    public var rangeEnd: Day?
    /// The run's today (`--today`); nil: the config's `today`, else the system's local date.
    public var today: Day?
    public var config: String?
    public var quiet = false
    public var output: String?
    public var period: PeriodSpec?
    public var language: Language?
    public var formats: OutputFormatList?
    public var region: RegionChoice?
    public var only: ScopeGroup?
    public var rejectThreshold: RejectThreshold?
    public var asOf: Day?

    public init() {}
}

extension RunOptions {
    /// The options of one command: the defaults, then the config file (`--config`), then the command
    /// line on top. Checks what needs the options together: inputs given, an output folder when
    /// `needsOutput`, a range that is not reversed.
    public init(commandLine: CommandLineOptions, needsOutput: Bool, today: Day, bundledReference: String) throws(PipelineError) {
        if let path = commandLine.config {
            // The command line may give the inputs and the output: the file need not.
            let config = try ConfigFile.load(path: path, requireLocations: false)
            self = try RunOptions(config: config, today: today, bundledReference: bundledReference)
        } else {
            self = RunOptions(inputs: [], output: "", referenceFolder: bundledReference, today: today)
        }
        if !commandLine.inputs.isEmpty { inputs = commandLine.inputs }
        if let reference = commandLine.reference { referenceFolder = reference }
        if let encoding = commandLine.encoding { defaultFormat.encoding = encoding }
        if let delimiter = commandLine.delimiter { defaultFormat.delimiter = delimiter.byte }
        if let today = commandLine.today { self.today = today }
        if let start = commandLine.rangeStart { rangeStart = start }
        if let end = commandLine.rangeEnd { rangeEnd = end }
        let start = rangeStart ?? DateRange.defaultStart
        let end = rangeEnd ?? self.today
        guard DateRange(start: start, end: end) != nil else {
            throw PipelineError(.usage, "the analysed range \(start)..\(end) is reversed; the start must come first")
        }
        if commandLine.quiet { quiet = true }
        guard !inputs.isEmpty else {
            throw PipelineError(.usage, "no input given; pass --input FILE_OR_FOLDER (or inputs = [...] in --config)")
        }
        guard needsOutput else { return }
        if let output = commandLine.output { self.output = output }
        guard !output.isEmpty else { throw PipelineError(.usage, "no output folder; pass --output DIR") }
        if let period = commandLine.period { self.period = period }
        if let language = commandLine.language { languages = [language] }
        if let formats = commandLine.formats { self.formats = formats.formats }
        if let region = commandLine.region { scope.region = region }
        if commandLine.only == .soulaliyate { scope.onlySoulaliyate = true }
        if let threshold = commandLine.rejectThreshold { rejectThreshold = threshold }
        if let asOf = commandLine.asOf { self.asOf = asOf }
    }
}
