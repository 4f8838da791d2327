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
    }

    public static func run(_ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil) throws(PipelineError) -> Outcome {
        try OutputPlace.check(output: options.output, inputs: options.inputs)
        let report = try ReportBuild.build(options, progress: progress)
        progress?("writing outputs")
        let written = try ReportFiles.write(report, formats: options.formats, into: options.output)
        return Outcome(status: report.dataStatus(threshold: options.rejectThreshold), report: report, written: written)
    }
}

/// `coopstat validate`: read and check only; nothing is written.
public enum RegistryValidation {
    public struct Outcome: Sendable {
        public let status: SysExit
        public let registry: IngestedRegistry
    }

    public static func validate(_ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil) throws(PipelineError) -> Outcome {
        let reference = try ReportBuild.reference(folder: options.referenceFolder)
        let registry = try ReportBuild.ingest(options, reference: reference, progress: progress)
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
