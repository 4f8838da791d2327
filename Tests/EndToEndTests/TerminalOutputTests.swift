import Foundation
import XCTest

/// What the built `coopstat` prints for a person at a terminal (issue 14): a progress line on
/// stderr only on a pseudo-terminal and never with `--quiet` or without a terminal, the closing
/// line, examples in `run --help`, and a suggestion for a mistyped command.
final class TerminalOutputTests: XCTestCase {
    static let registry = """
        registration_id,name,creation_date,region,sector,members_total,members_women,members_men
        T1,Coop A,2024-04-10,07,argane,10,10,0
        T2,Coop B,2024-05-15,07,agriculture,8,2,6
        T3,Coop C,2024-06-20,09,artisanat,12,4,8
        """

    var scratch: ScratchFolder!

    /// XCTest keeps every test case object to the end of the run: dropping the folder here removes it.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws {
        scratch = try ScratchFolder("terminal")
        try scratch.write("in/a.csv", bytes: Array(Self.registry.utf8))
    }

    /// Runs `coopstat ARGS` on a pseudo-terminal (util-linux `script`), returning what the terminal showed.
    func onTerminal(_ arguments: [String]) throws -> (status: Int32, screen: String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("util-linux `script` is missing: no pseudo-terminal to test on")
        }
        let binary = try CoopstatProcess.executable().path
        let command = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let log = scratch.path("screen-\(UUID().uuidString).log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, log]
        process.environment = CoopstatProcess.environment(["TERM": "xterm"])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // The log starts and ends with script's own "Script started/done …" lines: not the program's.
        let screen = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").components(separatedBy: "\n")
            .filter { !$0.hasPrefix("Script started") && !$0.hasPrefix("Script done") }.joined(separator: "\n")
        return (process.terminationStatus, screen)
    }

    func testProgressLineOnlyOnATerminal() throws {
        let (status, screen) = try onTerminal(["run", "--input", scratch.path("in"), "--output", scratch.path("out"), "--period", "2024Q2"])
        XCTAssertEqual(status, 0, screen)
        // Redrawn in place, with the file, bytes of the total and rows; then the closing line.
        XCTAssertTrue(screen.contains("\r\u{1B}[K"), screen)
        XCTAssertTrue(screen.contains("reading \(scratch.path("in/a.csv"))"), screen)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: scratch.path("in/a.csv"))[.size] as? Int)
        XCTAssertTrue(screen.contains(" of \(size) B"), "bytes of the total (\(size) B): \(screen)")
        XCTAssertTrue(screen.contains(" rows"), screen)
        XCTAssertTrue(screen.contains("writing outputs"), screen)
        XCTAssertTrue(screen.contains("2024Q2: 3 accepted, 0 rejected, 0 duplicates"), screen)

        let quiet = try onTerminal([
            "run", "--input", scratch.path("in"), "--output", scratch.path("out2"), "--period", "2024Q2", "--quiet",
        ])
        XCTAssertEqual(quiet.status, 0, quiet.screen)
        XCTAssertEqual(quiet.screen.trimmingCharacters(in: .whitespacesAndNewlines), "", "--quiet prints nothing but errors")
    }

    func testNothingWithoutATerminal() throws {
        let result = try CoopstatBinary.run(["run", "--input", scratch.path("in"), "--output", scratch.path("out"), "--period", "2024Q2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "no terminal (cron): nothing but errors")
        XCTAssertEqual(result.stdout, "")
    }

    func testRunHelpHasExamples() throws {
        let result = try CoopstatBinary.run(["run", "--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Examples:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("coopstat run --input datasets/registries --output reports"), result.stdout)
    }

    func testMistypedCommandSuggestsTheOneMeant() throws {
        let result = try CoopstatBinary.run(["rnu", "--input", "x", "--output", "y"])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stderr, "coopstat: error: unknown command 'rnu'; did you mean 'run'? (see coopstat --help)\n")
        let other = try CoopstatBinary.run(["valdiate"])
        XCTAssertEqual(other.status, 64)
        XCTAssertTrue(other.stderr.contains("did you mean 'validate'?"), other.stderr)
        XCTAssertEqual(other.stderr.split(separator: "\n").count, 1)
    }
}
