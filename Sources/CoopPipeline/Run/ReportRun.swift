import CoopDomain
import CoopExport
import CoopIngest
import Foundation

/// `coopstat run`: check that `--output` may receive outputs, build the report, then write each
/// file into `--output` beside its target and rename it over it (CONTRACT §3.0).
/// Invariant: nothing in `--output` but coopstat's own files is touched; a refused or failed run
/// leaves every user file as it was.
public enum ReportRun {
    /// What a run did, for the command line to print.
    public struct Outcome: Sendable {
        public let status: SysExit
        public let report: BuiltReport
        public let written: [String]

        /// The closing line, counts grouped: `2024Q4: 1,000,000 accepted, 12 rejected, 3 duplicates; wrote out`.
        public func closingLine(output: String) -> String {
            let total = report.registry.total
            return "\(report.manifestPeriod?.stated ?? report.period.label): \(ProgressLine.grouped(total.accepted)) accepted, "
                + "\(ProgressLine.grouped(total.rejected)) rejected, \(ProgressLine.grouped(total.duplicates)) duplicates; wrote \(output)"
        }
    }

    /// Runs `options`; `meter` (a terminal's progress line) shows the reading and writing, and is
    /// cleared before this returns or throws.
    public static func run(
        _ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil, meter: ProgressLine? = nil
    ) throws(PipelineError) -> Outcome {
        defer { meter?.finish() }
        try OutputPlace.check(output: options.output, inputs: options.inputs)
        let report = try ReportBuild.build(options, progress: progress, meter: meter)
        // The spilled rejects live until the outputs are written, not beyond (also on error).
        defer { report.registry.rejects.removeSpills() }
        if let meter {
            meter.begin(totalBytes: 0)
            meter.stage("writing outputs")
        } else {
            progress?("writing outputs")
        }
        let written = try ReportFiles.write(report, formats: options.formats, into: options.output)
        return Outcome(status: report.dataStatus(threshold: options.rejectThreshold), report: report, written: written)
    }
}

/// `coopstat validate`: read and check only; nothing is written.
public enum RegistryValidation {
    public struct Outcome: Sendable {
        public let status: SysExit
        public let registry: IngestedRegistry

        /// The data-quality summary `validate` prints (files, rejects, conflicts).
        public var qualitySummary: String {
            QualitySummary.render(files: registry.files, rejects: registry.rejects, conflicts: registry.conflicts)
        }
    }

    public static func validate(
        _ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil, meter: ProgressLine? = nil
    ) throws(PipelineError) -> Outcome {
        defer { meter?.finish() }
        let reference = try ReportBuild.reference(folder: options.referenceFolder)
        let registry = try ReportBuild.ingest(options, reference: reference, progress: progress, meter: meter)
        // validate writes no rejects.csv: the spills go now (the counts and first rows stay).
        registry.rejects.removeSpills()
        let status: SysExit
        if registry.refusals.contains(where: { if case .unreadable = $0.reason { true } else { false } }) {
            status = .noInput
        } else if !registry.refusals.isEmpty || !registry.rejects.isEmpty {
            status = .dataError
        } else {
            status = .ok
        }
        return Outcome(status: status, registry: registry)
    }
}
