import CoopDomain
import CoopIngest
import Foundation

extension RunOptions {
    /// Options for a run described by a config file (CONTRACT §4); the command line is applied after.
    /// The output folder defaults to `output_root`. The config's values were checked when it was read.
    public init(config: RefreshConfig, today: Day, bundledReference: String) {
        self.init(
            inputs: config.inputs, output: config.outputRoot.path,
            referenceFolder: config.reference?.path ?? bundledReference, today: today)
        apply(config: config)
    }

    /// Takes every setting of `config` (inputs, period, languages, formats, threshold, reference,
    /// scope, range, per-file overrides, quiet).
    public mutating func apply(config: RefreshConfig) {
        inputs = config.inputs
        if !config.configPath.isEmpty { displayBase = (config.configPath as NSString).deletingLastPathComponent }
        if let reference = config.reference { referenceFolder = reference.path }
        period = config.period
        languages = config.languages
        formats = config.formats
        rejectThreshold = config.rejectThreshold
        if let region = config.region { scope.region = region }
        if config.only == .soulaliyate { scope.onlySoulaliyate = true }
        range = config.range
        quiet = quiet || config.quiet
        for override in config.fileOverrides {
            fileFormats[override.path] = RegistryFormat(encoding: override.encoding, delimiter: override.delimiter?.byte)
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
