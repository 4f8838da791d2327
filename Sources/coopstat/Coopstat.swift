import ArgumentParser

/// The `coopstat` command: turns cooperative registries into the figures planners work from.
@main
struct Coopstat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coopstat",
        abstract: "Reads Morocco's cooperative registries and writes planners' reports (xlsx, txt, csv, json).",
        version: "0.1.0",
        subcommands: [RunCommand.self, ValidateCommand.self, RefreshCommand.self, SampleCommand.self]
    )
}
