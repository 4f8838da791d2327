import ArgumentParser
import CoopPipeline
import Foundation

/// The `coopstat` command: turns cooperative registries into the figures planners work from.
@main
struct Coopstat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coopstat",
        abstract: "Reads Morocco's cooperative registries and writes planners' reports (xlsx, txt, csv, json).",
        version: BuildInfo.versionText,
        subcommands: [RunCommand.self, ValidateCommand.self, RefreshCommand.self, SampleCommand.self]
    )

    /// Checks the C library, parses and runs; a usage error is one line on stderr (exit 64), help and version go to stdout.
    static func main() {
        if CommandLine.arguments.count < 2 {
            // No command at all is a usage error (cron sees 64), not the help text with 0.
            FileHandle.standardError.write(
                Data("coopstat: error: no command given; use run, validate, refresh or sample (see coopstat --help)\n".utf8))
            Foundation.exit(ExitCode(64).rawValue)
        }
        if let word = CommandLine.arguments.dropFirst().first, let line = CommandSuggestion.unknownCommand(word) {
            FileHandle.standardError.write(Data("coopstat: error: \(line)\n".utf8))
            Foundation.exit(ExitCode(64).rawValue)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            finish(with: error)
        }
        do {
            try command.run()
        } catch {
            finish(with: error)
        }
    }

    private static func finish(with error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success {
            exit(withError: error)  // --help, --version: the full text, exit 0
        }
        let message = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        if !message.isEmpty {
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
            let text = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
            FileHandle.standardError.write(Data("coopstat: error: \(MessageLine.safe(text)) (see coopstat --help)\n".utf8))
        }
        Foundation.exit(code.rawValue)
    }
}
