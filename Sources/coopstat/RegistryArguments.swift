import ArgumentParser
import CoopPipeline

/// The options every reading command shares: inputs, reference, format overrides, analysed range.
/// Invariant: values are typed by the option model as they are parsed; combining them with the
/// config file is `RunOptions(commandLine:…)`'s work.
struct RegistryArguments: ParsableArguments {
    @Option(
        name: .long, parsing: .upToNextOption, help: "Registry CSV files or folders (every *.csv below, recursively).",
        completion: .file(extensions: ["csv"]))
    var input: [String] = []

    @Option(name: .long, help: "Folder of the reference tables (default: the bundled datasets/reference).", completion: .directory)
    var reference: String?

    @Option(.long, help: "Force the encoding of every input: utf-8, utf-16, windows-1252, windows-1256.")
    var encoding: CommandLineOptions.TextEncoding?

    @Option(.long, help: "Force the delimiter of every input: ',' ';' 'tab' '|'.")
    var delimiter: FieldDelimiter?

    @Option(.customLong("range-start"), help: "First creation date analysed (default 2005-01-01).")
    var rangeStart: CommandLineOptions.Day?

    @Option(.customLong("range-end"), help: "Last creation date analysed (default: today).")
    var rangeEnd: CommandLineOptions.Day?

    @Option(.long, help: "The run's date YYYY-MM-DD (default: the system's local date): range end, latest, previous-quarter.")
    var today: CommandLineOptions.Day?

    @Option(name: .long, help: "A TOML config file; the command line wins over it.", completion: .file(extensions: ["toml"]))
    var config: String?

    @Flag(name: .long, help: "Print nothing but errors (for cron).")
    var quiet = false

    /// These arguments in the option model.
    var commandLine: CommandLineOptions {
        var options = CommandLineOptions()
        options.inputs = input
        options.reference = reference
        options.encoding = encoding
        options.delimiter = delimiter
        options.rangeStart = rangeStart
        options.rangeEnd = rangeEnd
        options.today = today
        options.config = config
        options.quiet = quiet
        return options
    }
}
