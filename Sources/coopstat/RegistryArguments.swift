import ArgumentParser
import CoopDomain
import CoopIngest
import CoopPipeline
import Foundation

/// The options every reading command shares: inputs, reference, format overrides, analysed range.
struct RegistryArguments: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "Registry CSV files or folders (every *.csv below, recursively).")
    var input: [String] = []

    @Option(name: .long, help: "Folder of the reference tables (default: the bundled datasets/reference).")
    var reference: String?

    @Option(name: .long, help: "Force the encoding of every input: utf-8, utf-16, windows-1252, windows-1256.")
    var encoding: String?

    @Option(name: .long, help: "Force the delimiter of every input: ',' ';' 'tab' '|'.")
    var delimiter: String?

    @Option(name: .customLong("range-start"), help: "First creation date analysed (default 2005-01-01).")
    var rangeStart: String?

    @Option(name: .customLong("range-end"), help: "Last creation date analysed (default 2024-12-31).")
    var rangeEnd: String?

    @Option(name: .long, help: "A TOML config file; the command line wins over it.")
    var config: String?

    @Flag(name: .long, help: "Print nothing but errors (for cron).")
    var quiet = false

    /// Applies these arguments over `options` (command line wins).
    func apply(to options: inout RunOptions) throws(PipelineError) {
        if !input.isEmpty { options.inputs = input }
        if let reference { options.referenceFolder = reference }
        if let encoding {
            guard let parsed = TextEncoding(userName: encoding) else {
                throw PipelineError(.usage, "unknown encoding '\(encoding)' in --encoding; use utf-8, utf-16, windows-1252 or windows-1256")
            }
            options.defaultFormat.encoding = parsed
        }
        if let delimiter {
            guard let parsed = DelimiterSniffer.parse(userName: delimiter) else {
                throw PipelineError(.usage, "unknown delimiter '\(delimiter)' in --delimiter; use ',' ';' 'tab' or '|'")
            }
            options.defaultFormat.delimiter = parsed
        }
        if rangeStart != nil || rangeEnd != nil {
            let start =
                try rangeStart.map { text throws(PipelineError) -> Day in
                    guard let day = Day(iso: text) else { throw PipelineError(.usage, "--range-start '\(text)' is not a date YYYY-MM-DD") }
                    return day
                } ?? options.range.start
            let end =
                try rangeEnd.map { text throws(PipelineError) -> Day in
                    guard let day = Day(iso: text) else { throw PipelineError(.usage, "--range-end '\(text)' is not a date YYYY-MM-DD") }
                    return day
                } ?? options.range.end
            guard let range = DateRange(start: start, end: end) else {
                throw PipelineError(.usage, "the analysed range \(start)..\(end) is reversed; the start must come first")
            }
            options.range = range
        }
        if quiet { options.quiet = true }
    }

    /// The options from the config file (if any) with these arguments on top.
    func options(output: String) throws(PipelineError) -> RunOptions {
        var options = RunOptions(inputs: [], output: output, referenceFolder: ReferenceLocation.bundled(), today: Today.day)
        if let config {
            let loaded = try ConfigFile.load(path: config)
            options = try RunOptions(config: loaded, today: Today.day, bundledReference: ReferenceLocation.bundled())
            if !output.isEmpty { options.output = output }
        }
        try apply(to: &options)
        guard !options.inputs.isEmpty else {
            throw PipelineError(.usage, "no input given; pass --input FILE_OR_FOLDER (or inputs = [...] in --config)")
        }
        return options
    }
}

/// The system's local date, the run's today unless --today or config `today` says otherwise.
enum Today {
    static var day: Day {
        SystemToday.day()
    }
}
