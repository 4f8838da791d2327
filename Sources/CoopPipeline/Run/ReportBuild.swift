import CoopDomain
import CoopExport
import CoopIngest
import CoopTransform
import Foundation

/// A report computed but not yet written: the ingested registry and one context per language.
/// Invariant: `contexts` follow `options.languages`; the first is the primary one.
public struct BuiltReport: Sendable {
    public let registry: IngestedRegistry
    public let period: Period
    public let contexts: [ReportContext]
    public let inputs: [InputDescription]

    /// The exit status the data calls for: 66 for an unreadable file, 65 for a refused file or too many rejects, else 0.
    public func dataStatus(threshold: RejectThreshold?) -> SysExit {
        if registry.refusals.contains(where: { if case .unreadable = $0.reason { true } else { false } }) { return .noInput }
        if !registry.refusals.isEmpty { return .dataError }
        let total = registry.total
        if let threshold, threshold.isExceeded(rejected: total.rejected, rowsRead: total.rowsRead) { return .dataError }
        return .ok
    }
}

/// Reads, checks and analyses the inputs of a run. No output is written here.
public enum ReportBuild {
    /// Loads the reference tables from `folder`; a broken table is a usage error (exit 64).
    public static func reference(folder: String) throws(PipelineError) -> ReferenceData {
        do {
            return try ReferenceLoader.load(folder: folder)
        } catch {
            throw PipelineError(.usage, error.description)
        }
    }

    /// The registry sources for `options`: inputs expanded, overrides attached.
    public static func sources(_ options: RunOptions) throws(PipelineError) -> [RegistryIngest.Source] {
        let paths: [String]
        do {
            paths = try InputFiles.expand(options.inputs)
        } catch {
            throw PipelineError(.noInput, error.description)
        }
        var overrides: [String: RegistryFormat] = [:]
        for (path, format) in options.fileFormats { overrides[(path as NSString).standardizingPath] = format }
        return paths.map { path in
            var format = options.defaultFormat
            if let override = overrides[(path as NSString).standardizingPath] {
                format.encoding = override.encoding ?? format.encoding
                format.delimiter = override.delimiter ?? format.delimiter
            }
            return RegistryIngest.Source(path: path, displayName: displayName(path, base: options.displayBase), format: format)
        }
    }

    /// `path` relative to `base` when it lies below it, else as given.
    static func displayName(_ path: String, base: String?) -> String {
        guard let base, !base.isEmpty else { return path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Ingests the inputs and checks the accounting (exit 70 when a row is unaccounted for).
    public static func ingest(
        _ options: RunOptions, reference: ReferenceData,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws(PipelineError) -> IngestedRegistry {
        try ingest(sources(options), options: options, reference: reference, progress: progress)
    }

    static func ingest(
        _ sources: [RegistryIngest.Source], options: RunOptions, reference: ReferenceData,
        progress: (@Sendable (String) -> Void)?
    ) throws(PipelineError) -> IngestedRegistry {
        let registry = RegistryIngest.ingest(sources, reference: reference, range: options.range, progress: progress)
        if let error = registry.verifyAccounting() { throw PipelineError(.software, error.description) }
        return registry
    }

    /// Builds the whole report for `options`.
    public static func build(
        _ options: RunOptions,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws(PipelineError) -> BuiltReport {
        let reference = try reference(folder: options.referenceFolder)
        if let region = options.scope.region, reference.region(region) == nil {
            throw PipelineError(.usage, "unknown region '\(region)' in --region; use a code from 01 to 12")
        }
        let sources = try sources(options)
        let registry = try ingest(sources, options: options, reference: reference, progress: progress)
        let period: Period
        do {
            period = try options.period.resolve(range: options.range, latestData: registry.latestCreation, today: options.today)
        } catch {
            throw PipelineError(.usage, error.description)
        }
        var inputs: [InputDescription] = []
        for (file, source) in zip(registry.files, sources) {
            let digest: FileDigest
            do {
                digest = try FileDigest.of(file: URL(fileURLWithPath: source.path))
            } catch {
                throw PipelineError(.noInput, error.description)
            }
            inputs.append(
                InputDescription(
                    path: file.file, size: digest.size, sha256: digest.sha256, encoding: file.encoding,
                    delimiter: file.delimiter, rowsRead: file.rowsRead))
        }
        let asOf = options.asOf ?? period.days(within: options.range)?.end ?? options.range.end
        let scope = AnalysisScope(region: options.scope.region, onlySoulaliyate: options.scope.onlySoulaliyate)
        let cube = registry.cube.restricted(to: scope, reference: reference)
        let contexts = options.languages.map { language in
            let analysis = Analysis(
                cube: cube, files: registry.files, reference: reference, period: period,
                range: options.range, scope: scope, language: language)
            return ReportContext(
                analysis: analysis, reference: reference, files: registry.files, rejects: registry.rejects,
                conflicts: registry.conflicts, inputs: inputs, options: options.described,
                version: CoopstatVersion.current, asOf: asOf)
        }
        return BuiltReport(registry: registry, period: period, contexts: contexts, inputs: inputs)
    }
}

/// The version written in outputs and manifests.
public enum CoopstatVersion {
    public static let current = "0.1.0"
}
