import ArgumentParser
import CoopPipeline
import Foundation

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

    @Option(.customLong("log-format"), help: "human (default) or json.")
    var logFormat: LogFormat?

    @Option(.long, help: "The run's date YYYY-MM-DD (default: the config's today, else the system's local date).")
    var today: CommandLineOptions.Day?

    func run() throws {
        let terminal = Terminal(quiet: quiet)
        var settings: RefreshConfig
        do {
            settings = try ConfigFile.load(path: config)  // checks every value with the command line's grammar
            if let today { settings.today = today }
            // The period against today and the range, as the run will settle it.
            try ConfigFile.checkPeriod(settings, today: Today.day)
        } catch {
            terminal.fail(error)
        }
        if checkConfig {
            terminal.answer("\(config): configuration is valid")
            return
        }
        if quiet { settings.quiet = true }
        let logger = LineLogHandler.logger(label: "refresh", format: logFormat ?? settings.logFormat, quiet: settings.quiet)
        let outcome = Refresh.run(
            config: settings, force: force, version: CoopstatVersion.current, logger: logger,
            build: RefreshBuild.builder(today: Today.day, bundledReference: ReferenceLocation.bundled()))
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
