import CoopDomain
import CoopExport
import CoopIngest
import Foundation

/// `coopstat run`: build the report, write it into a staging folder beside `--output`, then publish
/// the folder atomically. Invariant: a failure at any step leaves the previous `--output` intact.
public enum ReportRun {
    /// What a run did, for the command line to print.
    public struct Outcome: Sendable {
        public let status: ExitStatus
        public let report: BuiltReport
        public let written: [String]
    }

    public static func run(_ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil) throws(PipelineError) -> Outcome {
        let report = try ReportBuild.build(options, progress: progress)
        let output = (options.output as NSString).standardizingPath
        let parent = (output as NSString).deletingLastPathComponent
        let parentPath = parent.isEmpty ? "." : parent
        do {
            try FileManager.default.createDirectory(atPath: parentPath, withIntermediateDirectories: true)
        } catch {
            throw PipelineError(.cannotCreate, "\(parentPath): cannot create the output's parent folder (\(error)); check permissions")
        }
        let staging = (parentPath as NSString).appendingPathComponent(
            ".\((output as NSString).lastPathComponent).staging-\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        let written: [String]
        do {
            progress?("writing outputs")
            written = try ReportFiles.write(report, formats: options.formats, into: staging)
            try OutputFolder.publish(staging: staging, to: output)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        return Outcome(status: report.dataStatus(threshold: options.rejectThreshold), report: report, written: written)
    }
}

/// `coopstat validate`: read and check only; nothing is written.
public enum RegistryValidation {
    public struct Outcome: Sendable {
        public let status: ExitStatus
        public let registry: IngestedRegistry
    }

    public static func validate(_ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil) throws(PipelineError) -> Outcome {
        let reference = try ReportBuild.reference(folder: options.referenceFolder)
        let registry = try ReportBuild.ingest(options, reference: reference, progress: progress)
        let status: ExitStatus
        if registry.refusals.contains(where: { if case .unreadable = $0.reason { true } else { false } }) {
            status = .noInput
        } else if !registry.refusals.isEmpty || !registry.rejects.isEmpty {
            status = .dataError
        } else {
            status = .success
        }
        return Outcome(status: status, registry: registry)
    }
}
