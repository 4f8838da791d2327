import ArgumentParser
import CoopDomain
import CoopPipeline
import Foundation

/// `coopstat run`: reads the registries and publishes the report into `--output`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read registries and write the workbook, text report, CSV tables and JSON summary.")

    @OptionGroup var registry: RegistryArguments

    @Option(name: .long, help: "Output folder (created if missing; replaced atomically).")
    var output: String?

    @Option(name: .long, help: "2024Q3, 2024, 2020..2024, all, latest (default) or previous-quarter.")
    var period: String?

    @Option(name: .long, help: "Language of labels and names: en, fr or ar.")
    var lang: String?

    @Option(name: .long, help: "Comma list of xlsx,txt,csv,json (default: all four).")
    var format: String?

    @Option(name: .long, help: "Restrict everything to one 2015 region (code 01-12).")
    var region: String?

    @Option(name: .long, help: "Restrict everything to a group: soulaliyate.")
    var only: String?

    @Option(
        name: .customLong("reject-threshold"), parsing: .unconditional,
        help: "Exit 65 when rejected rows exceed this count or percentage (e.g. 5%).")
    var rejectThreshold: String?

    @Option(name: .customLong("as-of"), help: "The 'data as of' date written in the outputs (default: the period's end).")
    var asOf: String?

    func run() throws {
        let terminal = Terminal(quiet: registry.quiet)
        do {
            let options = try makeOptions()
            let outcome = try ReportRun.run(options, progress: Terminal(quiet: options.quiet).progress)
            for refusal in outcome.report.registry.refusals { terminal.error(refusal.description) }
            let total = outcome.report.registry.total
            Terminal(quiet: options.quiet).note(
                "\(outcome.report.period.label): \(total.accepted) accepted, \(total.rejected) rejected, \(total.duplicates) duplicates; wrote \(options.output)"
            )
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

    func makeOptions() throws(PipelineError) -> RunOptions {
        var options = try registry.options(output: output ?? "")
        if let output { options.output = output }
        guard !options.output.isEmpty else { throw PipelineError(.usage, "no output folder; pass --output DIR") }
        if let period {
            do { options.period = try PeriodSpec(parsing: period) } catch { throw PipelineError(.usage, error.description) }
        }
        if let lang {
            guard let language = Language(rawValue: lang.lowercased()) else {
                throw PipelineError(.usage, "unknown language '\(lang)' in --lang; use en, fr or ar")
            }
            options.languages = [language]
        }
        if let format { options.formats = try OutputFormat.parseList(format) }
        if let region {
            guard let code = RegionCode(number: region.trimmingCharacters(in: .whitespaces)) else {
                throw PipelineError(.usage, "--region '\(region)' is not a region code; use 01 to 12")
            }
            options.scope.region = code
        }
        if let only {
            guard only.lowercased() == "soulaliyate" else {
                throw PipelineError(.usage, "--only '\(only)' is not known; use --only soulaliyate")
            }
            options.scope.onlySoulaliyate = true
        }
        if let rejectThreshold {
            guard let threshold = RejectThreshold(text: rejectThreshold) else {
                throw PipelineError(
                    .usage,
                    "--reject-threshold '\(rejectThreshold)' is not a count of 0 or more (e.g. 100) or a percentage from 0% to 100% (e.g. 5%)"
                )
            }
            options.rejectThreshold = threshold
        }
        if let asOf {
            guard let day = Day(iso: asOf) else { throw PipelineError(.usage, "--as-of '\(asOf)' is not a date YYYY-MM-DD") }
            options.asOf = day
        }
        return options
    }
}
