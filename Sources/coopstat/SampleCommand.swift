import ArgumentParser
import CoopPipeline
import Foundation

/// `coopstat sample`: writes synthetic registries like `datasets/registries`.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write synthetic registries calibrated to the published figures (like datasets/registries).")

    @Option(name: .long, help: "Folder to write the registries into.")
    var output: String

    @Option(name: .long, help: "Seed of the generator (same seed, same bytes).")
    var seed: UInt64 = SampleWriter.Options().seed

    @Option(name: .long, help: "Volume multiplier (1 = about 60,000 cooperatives).")
    var scale: Double = 1

    @Flag(name: .long, help: "Write one clean canonical UTF-8 registry instead (for benchmarks).")
    var canonical = false

    @Option(name: .long, help: "Folder of the reference tables (default: the bundled datasets/reference).")
    var reference: String?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let problem = SampleWriter.scaleProblem(scale) { throw ValidationError(problem) }
    }

    func run() throws {
        let terminal = Terminal(quiet: quiet)
        do {
            let written = try SampleWriter.write(
                output: output, options: SampleWriter.Options(seed: seed, scale: scale),
                canonical: canonical, referenceFolder: reference ?? ReferenceLocation.bundled())
            terminal.note("wrote \(written.joined(separator: ", "))")
        } catch let error as ExitCode {
            throw error
        } catch {
            terminal.fail(error)
        }
    }
}
