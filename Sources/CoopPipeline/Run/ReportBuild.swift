import CoopDomain
import CoopExport
import CoopIngest
import CoopParallel
import CoopTransform
import Foundation

/// A report computed but not yet written: the ingested registry and one context per language.
/// Invariant: `contexts` follow `options.languages`; the first is the primary one.
public struct BuiltReport: Sendable {
    public let registry: IngestedRegistry
    public let period: Period
    public let contexts: [ReportContext]
    public let inputs: [InputDescription]

    /// The period as the manifest records it: today, range, days reported, "to date", coverage.
    public var manifestPeriod: ManifestPeriod? {
        guard let analysis = contexts.first?.analysis else { return nil }
        let reported = analysis.reported
        return ManifestPeriod(
            label: period.label, today: (analysis.range.today ?? reported.days.end).description,
            rangeStart: analysis.range.start.description, rangeEnd: analysis.range.end.description,
            start: reported.days.start.description, end: reported.days.end.description, runsTo: reported.runsTo?.description,
            lastCreationDate: analysis.coverage.lastCreation?.description,
            coveredTo: analysis.coverage.coveredOnlyTo(reported)?.description)
    }

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
            throw PipelineError(.usage, error.description, cause: error)
        }
    }

    /// The registry sources for `options`: inputs expanded, overrides attached.
    public static func sources(_ options: RunOptions) throws(PipelineError) -> [RegistryIngest.Source] {
        let files: [InputFile]
        do {
            files = try InputFiles.expandFiles(options.inputs)
        } catch {
            throw PipelineError(.noInput, error.description, cause: error)
        }
        var overrides: [String: RegistryFormat] = [:]
        for (path, format) in options.fileFormats { overrides[(path as NSString).standardizingPath] = format }
        return files.map { file in
            let path = file.path
            var format = options.defaultFormat
            if let override = overrides[(path as NSString).standardizingPath] {
                format.encoding = override.encoding ?? format.encoding
                format.delimiter = override.delimiter ?? format.delimiter
            }
            return RegistryIngest.Source(path: path, displayName: displayName(file.shown, base: options.displayBase), format: format)
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
        progress: (@Sendable (String) -> Void)? = nil, meter: ProgressLine? = nil
    ) throws(PipelineError) -> IngestedRegistry {
        try ingest(sources(options), options: options, reference: reference, progress: progress, meter: meter)
    }

    /// Reads `sources`; with a `meter`, file names and bytes read go to the progress line instead of `progress`.
    static func ingest(
        _ sources: [RegistryIngest.Source], options: RunOptions, reference: ReferenceData,
        progress: (@Sendable (String) -> Void)?, meter: ProgressLine? = nil
    ) throws(PipelineError) -> IngestedRegistry {
        let registry: IngestedRegistry
        if let meter {
            let sizes = sources.map { ((try? FileManager.default.attributesOfItem(atPath: $0.path))?[.size] as? Int) ?? 0 }
            meter.begin(totalBytes: sizes.reduce(0, +))
            registry = RegistryIngest.ingest(
                sources, reference: reference, range: options.range, progress: { meter.stage("reading " + $0) },
                meter: { meter.read(bytes: $0, rows: $1) })
        } else {
            registry = RegistryIngest.ingest(sources, reference: reference, range: options.range, progress: progress)
        }
        if let error = registry.verifyAccounting() { throw PipelineError(.software, error.description, cause: error) }
        return registry
    }

    /// Settles `options.period` against today, the range and the accepted records (CONTRACT §2.1):
    /// a bad period is a usage error (64); `latest` with no ended quarter holding creations a data error (65).
    public static func resolve(_ options: RunOptions, registry: IngestedRegistry) throws(PipelineError) -> Period {
        var latestEnded: Day? = nil
        if options.period == .latest, let cutoff = PeriodSpec.latestCutoff(today: options.today) {
            latestEnded = registry.cube.latestCreation(onOrBefore: cutoff)
        }
        do {
            return try options.period.resolve(range: options.range, today: options.today, latestEnded: latestEnded)
        } catch {
            throw PipelineError(error.isDataError ? .dataError : .usage, error.description, cause: error)
        }
    }

    /// Builds the whole report for `options`.
    public static func build(
        _ requested: RunOptions,
        progress: (@Sendable (String) -> Void)? = nil, meter: ProgressLine? = nil
    ) throws(PipelineError) -> BuiltReport {
        let reference = try reference(folder: requested.referenceFolder)
        var options = requested
        var region: RegionCode?
        if let named = requested.scope.region {
            let code = try named.resolve(in: reference)
            region = code
            options.scope.region = RegionChoice(code)
        }
        let sources = try sources(options)
        let registry = try ingest(sources, options: options, reference: reference, progress: progress, meter: meter)
        let period = try resolve(options, registry: registry)
        let reported = ReportedPeriod(period: period, range: options.range, today: options.today)
        let coverage = Coverage(lastCreation: registry.latestCreation)
        if let refusal = coverage.refusal(for: reported) { throw PipelineError(.dataError, refusal.description) }
        var inputs: [InputDescription] = []
        // The inputs' digests, one file per core at a time.
        let digests = ResultSlots<Result<FileDigest, InputError>>(count: sources.count)
        let digestOf = { @Sendable (path: String) in
            Result { () throws(InputError) in try FileDigest.of(file: URL(fileURLWithPath: path)) }
        }
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in digests.store(digestOf(sources[index].path), at: index) }
        for (index, (file, source)) in zip(registry.files, sources).enumerated() {
            let digest: FileDigest
            do {
                digest = try (digests.value(at: index) ?? digestOf(source.path)).get()
            } catch {
                throw PipelineError(.noInput, error.description, cause: error)
            }
            inputs.append(
                InputDescription(
                    path: file.file, size: digest.size, sha256: digest.sha256, encoding: file.encoding,
                    delimiter: file.delimiter, rowsRead: file.rowsRead))
        }
        let asOf = options.asOf ?? reported.days.end
        let scope = AnalysisScope(region: region, onlySoulaliyate: options.scope.onlySoulaliyate)
        let cube = registry.cube.restricted(to: scope, reference: reference)
        if cube.total(where: { _ in true }).overflowed {
            throw PipelineError(
                .dataError,
                "the inputs' sums (members or capital) are too large to count exactly; "
                    + "check capital_mad and member columns for misplaced digits, then rerun")
        }
        // A soulaliyate-only run needs to know which quarters report the flag at all (over the region).
        let reporting =
            scope.onlySoulaliyate
            ? FlagReporting(cube: registry.cube.restricted(to: AnalysisScope(region: scope.region), reference: reference)) : nil
        let contexts = options.languages.map { language in
            let analysis = Analysis(
                cube: cube, files: registry.files, reference: reference, period: period,
                range: options.range, scope: scope, language: language, today: options.today, coverage: coverage,
                soulaliyateReporting: reporting)
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
