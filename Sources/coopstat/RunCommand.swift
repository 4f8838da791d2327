import ArgumentParser
import CoopPipeline
import Foundation

/// `coopstat run`: reads the registries and publishes the report into `--output`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read registries and write the workbook, text report, CSV tables and JSON summary.",
        discussion: """
            Examples:
              coopstat run --input datasets/registries --output reports
              coopstat run --input registries/ --output out/ --period 2024Q3 --lang fr
              coopstat run --input datasets/registries --output reports-07 --region 07 --period 2024 --lang ar
              coopstat run --input datasets/registries --output reports-soulaliyate --only soulaliyate
              coopstat run --config datasets/refresh.toml --output out/ --reject-threshold 5%
            """)

    @OptionGroup var registry: RegistryArguments

    @Option(
        name: .long, help: "Output folder (created if missing); only coopstat's own files in it are written, each atomically.",
        completion: .directory)
    var output: String?

    @Option(.long, help: "2024Q3, 2024, 2020..2024, all, latest (default) or previous-quarter.")
    var period: CommandLineOptions.PeriodSpec?

    @Option(.long, help: "Language of labels and names: en, fr or ar.")
    var lang: CommandLineOptions.Language?

    @Option(.long, help: "Comma list of xlsx,txt,csv,json (default: all four).")
    var format: OutputFormatList?

    @Option(.long, help: "Restrict everything to one 2015 region: its code (07) or its name (Marrakech-Safi).")
    var region: RegionChoice?

    @Option(.long, help: "Restrict everything to a group: soulaliyate.")
    var only: ScopeGroup?

    @Option(
        .customLong("reject-threshold"), parsing: .unconditional,
        help: "Exit 65 when rejected rows exceed this count or percentage (e.g. 5%).")
    var rejectThreshold: RejectThreshold?

    @Option(.customLong("as-of"), help: "The 'data as of' date written in the outputs (default: the period's end).")
    var asOf: CommandLineOptions.Day?

    func run() throws {
        let terminal = Terminal(quiet: registry.quiet)
        do {
            let options = try RunOptions(
                commandLine: commandLine, needsOutput: true, today: Today.day, bundledReference: ReferenceLocation.bundled())
            let outcome = try ReportRun.run(options, meter: Terminal(quiet: options.quiet).progressLine)
            for refusal in outcome.report.registry.refusals { terminal.error(refusal.description) }
            let total = outcome.report.registry.total
            Terminal(quiet: options.quiet).note(outcome.closingLine(output: options.output))
            if outcome.status != .ok {
                if outcome.report.registry.refusals.isEmpty {
                    terminal.error("\(total.rejected) rejected rows exceed the reject threshold; see \(options.output)/rejects.csv")
                }
                throw ExitCode(outcome.status.rawValue)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            terminal.fail(error)
        }
    }

    /// These arguments in the option model.
    var commandLine: CommandLineOptions {
        var options = registry.commandLine
        options.output = output
        options.period = period
        options.language = lang
        options.formats = format
        options.region = region
        options.only = only
        options.rejectThreshold = rejectThreshold
        options.asOf = asOf
        return options
    }
}
