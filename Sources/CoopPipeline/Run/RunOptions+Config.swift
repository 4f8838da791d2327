import CoopDomain
import CoopIngest
import Foundation

extension RunOptions {
    /// Options for a run described by a config file (CONTRACT §4); the command line is applied after.
    /// The output folder defaults to `output_root` (none when the file has none). The config's values were
    /// checked when it was read.
    public init(config: RefreshConfig, today: Day, bundledReference: String) {
        self.init(
            inputs: config.inputs, output: config.hasOutputRoot ? config.outputRoot.path : "",
            referenceFolder: config.reference?.path ?? bundledReference, today: today)
        apply(config: config)
    }

    /// Takes every setting of `config` (inputs, period, languages, formats, threshold, reference,
    /// scope, range, per-file overrides, quiet).
    public mutating func apply(config: RefreshConfig) {
        inputs = config.inputs
        if !config.configPath.isEmpty { displayBase = PathParent.of(config.configPath) }
        if let reference = config.reference { referenceFolder = reference.path }
        period = config.period
        languages = config.languages
        formats = config.formats
        rejectThreshold = config.rejectThreshold
        if let region = config.region { scope.region = region }
        if config.only == .soulaliyate { scope.onlySoulaliyate = true }
        if let today = config.today { self.today = today }
        if let start = config.rangeStart { rangeStart = start }
        if let end = config.rangeEnd { rangeEnd = end }
        quiet = quiet || config.quiet
        for override in config.fileOverrides {
            fileFormats[override.path] = RegistryFormat(encoding: override.encoding, delimiter: override.delimiter?.byte)
        }
    }
}

/// Loads a config file for the command line, mapping its errors to exit statuses.
public enum ConfigFile {
    /// Settles the config's period against its today (or `today`) and its range as a run would,
    /// before any data is read: a period that starts after today or misses the range is a usage
    /// error (64) naming the file, the line and the key.
    public static func checkPeriod(_ config: RefreshConfig, today: Day) throws(PipelineError) {
        let options = RunOptions(config: config, today: today, bundledReference: "")
        let start = options.rangeStart ?? DateRange.defaultStart
        let end = options.rangeEnd ?? options.today
        guard start <= end else {
            let error = ConfigError(
                file: config.configPath, line: TOMLKeyLines(text: config.configText).line(of: "end", in: "range"), key: "range",
                reason: "the analysed range \(start)..\(end) is reversed (today is \(options.today)); the start must come first")
            throw PipelineError(error.exitCode, error.description, cause: error)
        }
        do {
            _ = try options.period.resolve(range: options.range, today: options.today, latestEnded: nil, dataKnown: false)
        } catch {
            let error = ConfigError(
                file: config.configPath, line: TOMLKeyLines(text: config.configText).line(of: "period"), key: "period",
                reason: error.description)
            throw PipelineError(error.exitCode, error.description, cause: error)
        }
    }

    /// `requireLocations`: see `RefreshConfig.load(path:requireLocations:)`.
    public static func load(path: String, requireLocations: Bool = true) throws(PipelineError) -> RefreshConfig {
        do {
            return try RefreshConfig.load(path: path, requireLocations: requireLocations)
        } catch {
            throw PipelineError(error.exitCode, error.description, cause: error)
        }
    }
}
