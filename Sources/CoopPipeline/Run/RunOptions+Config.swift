import CoopDomain
import CoopIngest
import Foundation

extension RunOptions {
    /// Options for a run described by a config file (CONTRACT §4); the command line is applied after.
    /// The output folder defaults to `output_root`. Bad per-file encodings or delimiters are usage errors.
    public init(config: RefreshConfig, today: Day, bundledReference: String) throws(PipelineError) {
        self.init(
            inputs: config.inputs, output: config.outputRoot.path,
            referenceFolder: config.reference?.path ?? bundledReference, today: today)
        try apply(config: config)
    }

    /// Takes every setting of `config` (inputs, period, languages, formats, threshold, reference,
    /// scope, range, per-file overrides, quiet).
    public mutating func apply(config: RefreshConfig) throws(PipelineError) {
        inputs = config.inputs
        if !config.configPath.isEmpty { displayBase = (config.configPath as NSString).deletingLastPathComponent }
        if let reference = config.reference { referenceFolder = reference.path }
        do {
            period = try PeriodSpec(parsing: config.periodSpec)
        } catch {
            throw PipelineError(.usage, "\(config.configPath): period: \(error.description)")
        }
        languages = config.languages
        formats = config.formats
        rejectThreshold = config.rejectThreshold
        if let region = config.region {
            guard let code = RegionCode(number: region) else {
                throw PipelineError(.usage, "\(config.configPath): region '\(region)' is not a region code; use 01 to 12")
            }
            scope.region = code
        }
        if let only = config.only {
            guard only.lowercased() == "soulaliyate" else {
                throw PipelineError(.usage, "\(config.configPath): only = '\(only)' is not known; use only = \"soulaliyate\"")
            }
            scope.onlySoulaliyate = true
        }
        if let today = config.today { self.today = today }
        rangeStart = config.rangeStart ?? rangeStart
        rangeEnd = config.rangeEnd ?? rangeEnd
        guard DateRange(start: rangeStart ?? DateRange.defaultStart, end: rangeEnd ?? today) != nil else {
            throw PipelineError(
                .usage, "\(config.configPath): the analysed range \(rangeStart ?? DateRange.defaultStart)..\(rangeEnd ?? today) is reversed"
            )
        }
        quiet = quiet || config.quiet
        for override in config.fileOverrides {
            var format = RegistryFormat()
            if let name = override.encoding {
                guard let encoding = TextEncoding(userName: name) else {
                    throw PipelineError(
                        .usage,
                        "\(config.configPath): [[file]] \(override.path): unknown encoding '\(name)'; use utf-8, utf-16, windows-1252 or windows-1256"
                    )
                }
                format.encoding = encoding
            }
            if let name = override.delimiter {
                guard let delimiter = DelimiterSniffer.parse(userName: name) else {
                    throw PipelineError(
                        .usage, "\(config.configPath): [[file]] \(override.path): unknown delimiter '\(name)'; use ',' ';' 'tab' or '|'")
                }
                format.delimiter = delimiter
            }
            fileFormats[override.path] = format
        }
    }
}

/// Loads a config file for the command line, mapping its errors to exit statuses.
public enum ConfigFile {
    public static func load(path: String) throws(PipelineError) -> RefreshConfig {
        do {
            return try RefreshConfig.load(path: path)
        } catch {
            throw PipelineError(error.exitCode, error.description)
        }
    }
}
