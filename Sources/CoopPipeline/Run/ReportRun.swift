import CoopDomain
import CoopExport
import CoopIngest
import Foundation

/// `coopstat run`: build the report, write it into a staging folder beside `--output`, then publish
/// the folder atomically. Invariant: a failure at any step leaves the previous `--output` intact.
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
        let report = try ReportBuild.build(options, progress: progress, meter: meter)
        let output = URL(fileURLWithPath: options.output)
        let staging: URL
        do {
            _ = try AtomicPublisher.recoverDirectory(output)
            staging = try AtomicPublisher.makeStaging(besides: output)
        } catch {
            throw PipelineError(
                .cantCreate, "\(options.output): cannot prepare the output folder (\(error)); check the parent folder's permissions")
        }
        let written: [String]
        do throws(PipelineError) {
            if let meter {
                meter.begin(totalBytes: 0)
                meter.stage("writing outputs")
            } else {
                progress?("writing outputs")
            }
            written = try ReportFiles.write(report, formats: options.formats, into: staging.path)
            do {
                try AtomicPublisher.publishDirectory(staging: staging, to: output)
            } catch {
                throw PipelineError(.cantCreate, "\(options.output): cannot publish the report (\(error)); the previous report is intact")
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
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
