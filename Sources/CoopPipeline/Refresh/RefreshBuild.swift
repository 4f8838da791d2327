import CoopDomain
import Foundation

/// The report builder `refresh` runs for each rebuild: the config's options, the report built and
/// written into the staging folder, the counts the manifest records.
/// Invariant: the outcome's counts are those of the report written.
public enum RefreshBuild {
    /// A `Refresh.Builder` for the given day and reference folder.
    public static func builder(today: Day, bundledReference: String) -> Refresh.Builder {
        { staging, config in try build(config: config, into: staging, today: today, bundledReference: bundledReference) }
    }

    /// Builds the report `config` describes and writes it into `staging`.
    public static func build(config: RefreshConfig, into staging: URL, today: Day, bundledReference: String) throws(PipelineError)
        -> BuildOutcome
    {
        var options = RunOptions(config: config, today: today, bundledReference: bundledReference)
        options.output = staging.path
        let report = try ReportBuild.build(options)
        defer { report.registry.rejects.removeSpills() }
        try ReportFiles.write(report, formats: options.formats, into: staging.path)
        let total = report.registry.total
        return BuildOutcome(
            counts: [
                .files: report.registry.files.count, .rowsRead: total.rowsRead, .accepted: total.accepted,
                .rejected: total.rejected, .duplicates: total.duplicates,
                .duplicateConflicts: total.duplicateConflicts, .skippedBlank: total.skippedBlank,
            ],
            rowsRead: total.rowsRead, rejected: total.rejected,
            refusedFiles: report.registry.refusals.map(\.file), periodLabel: report.period.label,
            reported: report.manifestPeriod)
    }
}
