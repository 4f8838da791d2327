import ArgumentParser
import CoopPipeline
import Foundation

/// `coopstat validate`: reads and checks only; prints the data-quality summary; writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Read and check registries; print the data-quality summary; exit 0 when nothing is rejected, 65 otherwise.")

    @OptionGroup var registry: RegistryArguments

    func run() throws {
        let terminal = Terminal(quiet: registry.quiet)
        do {
            let options = try RunOptions(
                commandLine: registry.commandLine, needsOutput: false, today: Today.day, bundledReference: ReferenceLocation.bundled())
            let outcome = try RegistryValidation.validate(options, meter: terminal.progressLine)
            print(outcome.qualitySummary, terminator: "")
            for refusal in outcome.registry.refusals { terminal.error(refusal.description) }
            if outcome.status != .ok { throw ExitCode(outcome.status.rawValue) }
        } catch let error as ExitCode {
            throw error
        } catch {
            terminal.fail(error)
        }
    }
}
