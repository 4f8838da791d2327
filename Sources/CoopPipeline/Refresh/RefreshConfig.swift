import CoopDomain
import CoopIngest
import Foundation

/// The settings of one refresh (CONTRACT §4), read from TOML or built by the CLI.
/// Invariant: every path is absolute (relative ones were resolved against the config file's
/// folder), `languages` is non-empty, `keep >= 1`, `range.start <= range.end`.
public struct RefreshConfig: Sendable, Equatable {
    /// How log lines are written to stderr.
    public typealias LogFormat = CoopPipeline.LogFormat

    /// Per-file reading overrides (`[[file]]`), read with the command line's grammar.
    /// Invariant: `path` is absolute.
    public struct FileOverride: Sendable, Equatable {
        public var path: String
        public var encoding: TextEncoding?
        public var delimiter: FieldDelimiter?

        public init(path: String, encoding: TextEncoding? = nil, delimiter: FieldDelimiter? = nil) {
            self.path = path
            self.encoding = encoding
            self.delimiter = delimiter
        }
    }

    /// Absolute path of the config file; empty when the config was built in code.
    public var configPath: String
    /// The config file's exact text (part of the input fingerprint).
    public var configText: String
    /// Absolute file or folder paths, or absolute glob patterns (`/x/registries/*.csv`).
    public var inputs: [String]
    /// Folder receiving `PERIOD/` folders, `latest`, the lock and the state file.
    public var outputRoot: URL
    /// False when the file has no `output_root` (allowed for `run --config`, which then needs
    /// `--output`); `outputRoot` is then only the config file's folder and must not be written.
    public var hasOutputRoot: Bool
    /// `latest`, `previous-quarter`, `2024Q3`, `2024`, `2020..2024` or `all`.
    public var period: PeriodSpec
    /// Report languages; the first one is primary.
    public var languages: [Language]
    /// Formats to write.
    public var formats: [OutputFormat]
    /// Reject threshold; nil means none (rejections alone never fail the run).
    public var rejectThreshold: RejectThreshold?
    /// Published period folders to keep.
    public var keep: Int
    /// Reference tables folder; nil means the bundled ones.
    public var reference: URL?
    /// The 2015 region restricting every table (a code, or a name resolved when the reference is loaded), or nil.
    public var region: RegionChoice?
    /// A group (soulaliyate) restricting every table, or nil.
    public var only: ScopeGroup?
    /// Print nothing but errors.
    public var quiet: Bool
    /// Log line format.
    public var logFormat: LogFormat
    /// First day analysed; nil: 2005-01-01.
    public var rangeStart: Day?
    /// Last day analysed; nil: the run's today.
    public var rangeEnd: Day?
    /// The run's today (config `today`); nil: the system's local date.
    public var today: Day?
    /// Per-file overrides.
    public var fileOverrides: [FileOverride]

    /// A config with the contract's defaults for everything but inputs and output root.
    public init(inputs: [String], outputRoot: URL) {
        self.configPath = ""
        self.configText = ""
        self.inputs = inputs
        self.outputRoot = outputRoot
        self.hasOutputRoot = true
        self.period = .latest
        self.languages = [.en]
        self.formats = OutputFormat.allCases
        self.rejectThreshold = nil
        self.keep = 8
        self.reference = nil
        self.region = nil
        self.only = nil
        self.quiet = false
        self.logFormat = .human
        self.rangeStart = nil
        self.rangeEnd = nil
        self.today = nil
        self.fileOverrides = []
    }

    /// The primary language (first of `languages`).
    public var primaryLanguage: Language { languages.first ?? .en }

    /// Reads and parses the config file at `path`. Unreadable file: exit 66; bad content: 64.
    /// `requireLocations`: `inputs` and `output_root` must be in the file (refresh); `run` and
    /// `validate` pass false, their command line may give them.
    public static func load(path: String, requireLocations: Bool = true) throws(ConfigError) -> RefreshConfig {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: absolute))
            guard let t = String(data: data, encoding: .utf8) else {
                throw ConfigError(
                    file: absolute, line: nil, key: nil,
                    reason: "the file is not UTF-8 text; save it as UTF-8")
            }
            text = t
        } catch let e as ConfigError {
            throw e
        } catch {
            throw ConfigError(
                file: absolute, line: nil, key: nil,
                reason: "cannot read the config file (\(error.localizedDescription)); check the path given to --config",
                exitCode: .noInput)
        }
        return try parse(text: text, configPath: absolute, requireLocations: requireLocations)
    }

    /// Parses config `text` as if read from `configPath` (relative paths resolve against its folder).
    public static func parse(text: String, configPath: String, requireLocations: Bool = true) throws(ConfigError) -> RefreshConfig {
        try RefreshConfigParser(text: text, configPath: configPath, requireLocations: requireLocations).parse()
    }
}
