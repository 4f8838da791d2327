import ArgumentParser
import CoopPipeline
import Foundation
import Logging

/// `coopstat refresh`: the cron entry point — lock, skip when unchanged, build, publish atomically.
struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Cron entry point: rebuild OUTPUT_ROOT/PERIOD from a TOML config when inputs or config changed.")

    @Option(name: .long, help: "The TOML config file (relative paths are relative to it).")
    var config: String

    @Flag(name: .long, help: "Rebuild even when nothing changed.")
    var force = false

    @Flag(name: .customLong("check-config"), help: "Only validate the config file, then exit.")
    var checkConfig = false

    @Flag(name: .long, help: "Print nothing but errors (for cron).")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "human (default) or json.")
    var logFormat: String?

    func run() throws {
        let terminal = Terminal(quiet: quiet)
        let loaded: RefreshConfig
        do {
            loaded = try ConfigFile.load(path: config)
            // Check the whole config as a run would read it (period, region, overrides…).
            _ = try RunOptions(config: loaded, today: Today.day, bundledReference: ReferenceLocation.bundled())
        } catch {
            terminal.fail(error)
        }
        if checkConfig {
            terminal.answer("\(config): configuration is valid")
            return
        }
        var settings = loaded
        if quiet { settings.quiet = true }
        var format = LineLogHandler.Format(settings.logFormat)
        if let logFormat {
            guard let parsed = LineLogHandler.Format(rawValue: logFormat) else {
                terminal.fail(PipelineError(.usage, "--log-format '\(logFormat)' is not known; use human or json"))
            }
            format = parsed
        }
        let handler = LineLogHandler(label: "refresh", format: format, quiet: settings.quiet)
        let logger = Logger(label: "refresh", factory: { _ in handler })
        let bundled = ReferenceLocation.bundled()
        let outcome = Refresh.run(config: settings, force: force, version: CoopstatVersion.current, logger: logger) { staging, config in
            var options = try RunOptions(config: config, today: Today.day, bundledReference: bundled)
            options.output = staging.path
            let report = try ReportBuild.build(options)
            try ReportFiles.write(report, formats: options.formats, into: staging.path)
            let total = report.registry.total
            return BuildOutcome(
                counts: [
                    "files": report.registry.files.count, "rows_read": total.rowsRead, "accepted": total.accepted,
                    "rejected": total.rejected, "duplicates": total.duplicates,
                    "duplicate_conflicts": total.duplicateConflicts, "skipped_blank": total.skippedBlank,
                ],
                rowsRead: total.rowsRead, rejected: total.rejected,
                refusedFiles: report.registry.refusals.map(\.file), periodLabel: report.period.label,
                reported: report.manifestPeriod)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
