import CoopTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12 items 4–9 end to end: hostile values, CSV injection, non-regular and oddly named
/// inputs, escape sequences and the messages the user sees (CONTRACT §2, §3.0).
final class HostileInputTests: XCTestCase {
    static let header = "registration_id,creation_date,region,sector,members_total,members_women,capital_mad"
    var scratch: ScratchFolder!

    /// XCTest keeps every test case object to the end of the run: dropping the folder here removes it.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws { scratch = try ScratchFolder("safety-hostile") }

    func coopstat(_ arguments: [String], environment: [String: String] = [:]) throws -> CoopstatProcess.Finished {
        try CoopstatProcess.run(arguments, environment: environment, scratch: scratch.url)
    }

    func run(_ input: [String], output: String = "out", extra: [String] = []) throws -> CoopstatProcess.Finished {
        try coopstat(
            ["run", "--input"] + input + ["--output", output, "--period", "2024Q4", "--range-end", "2024-12-31", "--quiet"] + extra)
    }

    func rows(_ relative: String) throws -> [[String]] { ReferenceFixture.simpleCSV(try scratch.read(relative)) }

    /// Item 4: capitals beyond 10^12 MAD and counts beyond 10^7 are rejected rows with their
    /// reason; a sum too large to count ends in one clean line, never a crash.
    func testHugeValuesAreRejectedAndHugeSumsEndCleanly() throws {
        try scratch.write(
            "in/reg.csv",
            bytes: Array(
                """
                \(Self.header)
                H1,2024-10-01,09,agriculture,10,5,92233720368547758
                H2,2024-10-02,09,agriculture,10,5,92233720368547758
                H3,2024-10-03,09,agriculture,10000001,5,100
                H4,2024-10-04,09,agriculture,10,5,1000000000000
                H5,2024-10-05,09,agriculture,10000000,0,1
                """.utf8))
        let result = try run(["in"])
        XCTAssertEqual(result.status, 0, result.description)
        let rejects = try rows("out/rejects.csv")
        XCTAssertEqual(
            rejects.map { [$0[2], $0[3], $0[4]] },
            [
                ["registration_id", "field", "value"],
                ["H1", "capital_mad", "92233720368547758"], ["H2", "capital_mad", "92233720368547758"],
                ["H3", "members_total", "10000001"],
            ])
        XCTAssertTrue(rejects[1][5].contains("1,000,000,000,000 MAD"), rejects[1][5])
        XCTAssertTrue(rejects[3][5].contains("10000000"), rejects[3][5])
        // H4 (10^12 MAD) and H5 (10^7 members) are at the limits, accepted: 2 cooperatives.
        let region = try rows("out/tables/by_region.csv").first { $0[0] == "09" }
        XCTAssertEqual(region?[2], "2")
        XCTAssertEqual(region?[3], "10000010")
        XCTAssertEqual(region?[9], "1000000000001.00")
        let validate = try coopstat(["validate", "--input", "in", "--range-end", "2024-12-31"])
        XCTAssertEqual(validate.status, 65, "3 rows rejected: " + validate.description)

        // 92,234 cooperatives at 10^12 MAD each sum beyond Int64 centimes (9.22 × 10^16 MAD).
        var text = Self.header + "\n"
        for i in 0..<92_234 { text += "B\(i),2024-11-01,09,agriculture,1,0,1000000000000\n" }
        try scratch.write("big/reg.csv", bytes: Array(text.utf8))
        let big = try run(["big"], output: "big-out")
        XCTAssertEqual(big.status, 65, big.description)
        XCTAssertFalse(big.signalled)
        XCTAssertEqual(big.stderr.split(separator: "\n").count, 1, big.stderr)
        XCTAssertTrue(big.stderr.contains("too large to count"), big.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("big-out")), "nothing written on a failed build")
    }

    /// Item 6: a 2 MB value in a name-matched column is an unknown value at once (generous guard).
    func testTwoMegabyteNameIsUnknownQuickly() throws {
        let big = String(repeating: "x", count: 2_000_000)
        try scratch.write(
            "in/reg.csv",
            bytes: Array("\(Self.header)\nL1,2024-10-01,\(big),agriculture,10,5,1\nL2,2024-10-01,09,\(big),10,5,1\n".utf8))
        let started = Date()
        let result = try run(["in"], extra: ["--format", "csv"])
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 0, result.description)
        XCTAssertLessThan(seconds, 10, "a 2 MB name took \(seconds) s")
        let rejects = try rows("out/rejects.csv")
        XCTAssertEqual(rejects.count, 2)
        XCTAssertEqual(rejects[1][3], "region")
        let other = try rows("out/tables/by_sector.csv").first { $0[0] == "other" }
        XCTAssertEqual(other?[2], "1", "the 2 MB sector is an unknown sector, counted as other")
    }

    /// Item 5: formula-like cells in every CSV coopstat writes start with `'`.
    func testCSVOutputsNeutraliseFormulas() throws {
        let evil = "=1+1&\".csv\""
        try scratch.write(
            evil,
            bytes: Array(
                """
                \(Self.header)
                "=HYPERLINK(""http://evil"",""x"")",2024-10-01,"@SUM(1+1)*cmd|' /C calc'!A0",agriculture,10,5,1
                +D1,2024-10-02,09,agriculture,10,5,-1
                """.utf8))
        let result = try run([evil])
        XCTAssertEqual(result.status, 0, result.description)
        let rejects = try rows("out/rejects.csv")
        XCTAssertEqual(rejects[1][0], "'" + evil)
        XCTAssertEqual(rejects[1][2], "'=HYPERLINK(\"http://evil\",\"x\")")
        XCTAssertEqual(rejects[1][4], "'@SUM(1+1)*cmd|' /C calc'!A0")
        XCTAssertEqual(rejects[2][2], "'+D1")
        XCTAssertEqual(rejects[2][4], "-1", "a number stays a number")
        let quality = try rows("out/tables/data_quality.csv")
        XCTAssertEqual(quality[1][0], "'" + evil)
        for line in try scratch.read("out/rejects.csv").split(separator: "\n")
            + (try scratch.read("out/tables/data_quality.csv")).split(separator: "\n")
        {
            for cell in ReferenceFixture.simpleCSV(String(line)).first ?? [] {
                if let first = cell.first, "=+-@\t\r".contains(first) {
                    XCTAssertNotNil(Double(cell), "unneutralised cell \(cell)")
                }
            }
        }
    }

    /// Items 6 and 7: only regular files are read, each once, whatever their name's bytes.
    func testInputsAreRegularFilesReadOnceWithAnyByteName() throws {
        try scratch.write("in/reg.csv", bytes: Array("\(Self.header)\nR1,2024-10-01,09,agriculture,10,5,1\n".utf8))
        XCTAssertEqual(link(scratch.path("in/reg.csv"), scratch.path("in/same.csv")), 0)
        // A name in Latin-1 (é = 0xE9), not UTF-8.
        let latin1 = Array((scratch.path("in") + "/caf").utf8) + [0xE9] + Array(".csv".utf8) + [0]
        let fd = latin1.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { open(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) } ?? -1
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        let row = "\(Self.header)\nR2,2024-10-02,07,artisanat,8,8,1\n"
        XCTAssertEqual(row.utf8.count, row.withCString { write(fd, $0, strlen($0)) })
        close(fd)

        let result = try run(["in", "in/reg.csv", "./in/reg.csv"])
        XCTAssertEqual(result.status, 0, result.description)
        let files = try rows("out/tables/data_quality.csv").dropFirst().map { $0[0] }
        XCTAssertEqual(files, ["./in/reg.csv", "in/caf\\xE9.csv", "TOTAL"], "reg.csv, ./reg.csv and its hard link are one file")
        let total = try rows("out/tables/data_quality.csv").last
        XCTAssertEqual(total?[3], "2", "two rows read in all")

        // A FIFO named *.csv, a character device and a socket are refused at once (exit 66).
        try FileManager.default.createDirectory(atPath: scratch.path("fifo"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(scratch.path("fifo/x.csv"), 0o644), 0)
        for input in ["fifo", scratch.path("fifo/x.csv"), "/dev/zero"] {
            let running = try CoopstatProcess.launch(
                ["validate", "--input", input, "--range-end", "2024-12-31"], scratch: scratch.url)
            let finished = try wait(running, guardSeconds: 10)
            XCTAssertEqual(finished.status, 66, "\(input): \(finished)")
            XCTAssertEqual(finished.stderr.split(separator: "\n").count, 1, finished.stderr)
            XCTAssertTrue(finished.stderr.contains("not a regular file"), finished.stderr)
        }
        let root = try run(["in"], output: "/")
        XCTAssertEqual(root.status, 73, root.description)
    }

    /// Item 8: escape sequences, bidi overrides and newlines from input never reach the
    /// terminal, the report or a log raw; a newline in a file name cannot forge a line.
    func testControlCharactersFromInputAreEscapedEverywhere() throws {
        let hostile = "\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{202E}fed"
        try scratch.write(
            "in/a.csv",
            bytes: Array("\(Self.header)\nE1,2024-10-01,\(hostile),agriculture,10,5,1\nE2,2024-10-01,09,\(hostile),10,5,1\n".utf8))
        try scratch.write("in/evil\nERROR forged line.csv", bytes: Array("id,region\nX,09\n".utf8))  // refused: no date column
        let validate = try coopstat(["validate", "--input", "in", "--range-end", "2024-12-31"])
        let run = try run(["in"], extra: ["--lang", "en"])
        let refresh = try refreshJSONLog()
        for (name, text) in [
            ("validate stdout", validate.stdout), ("validate stderr", validate.stderr), ("run stderr", run.stderr),
            ("coopstat.txt", try scratch.read("out/coopstat.txt")), ("refresh log", refresh),
        ] {
            XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(name): \(text)")
            XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("ERROR forged") }, "\(name) has a forged line: \(text)")
        }
        XCTAssertTrue(validate.stdout.contains("\\e[2J"), validate.stdout)
        XCTAssertTrue(run.stderr.contains("evil\\nERROR forged line.csv"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
    }

    /// A refresh over the hostile folder with `--log-format json`: every stderr line is JSON.
    func refreshJSONLog() throws -> String {
        try scratch.write(
            "refresh.toml",
            bytes: Array(
                "inputs = [\"in\"]\noutput_root = \"reports\"\nformats = [\"csv\"]\nperiod = \"2024Q4\"\n[range]\nend = 2024-12-31\n".utf8))
        let result = try coopstat(["refresh", "--config", scratch.path("refresh.toml"), "--log-format", "json"])
        for line in result.stderr.split(separator: "\n") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), String(line))
        }
        return result.stderr
    }

    /// Item 9: the messages say what is wrong, in one line, with exit codes from CONTRACT §2.
    func testMessagesSayWhatIsWrong() throws {
        try scratch.write("in/reg.csv", bytes: Array("\(Self.header)\nR1,2024-10-01,09,agriculture,10,5,1\n".utf8))
        let threshold = try run(["in"], extra: ["--reject-threshold", "-1"])
        XCTAssertEqual(threshold.status, 64, threshold.description)
        XCTAssertFalse(threshold.stderr.contains("Missing value"), threshold.stderr)
        XCTAssertTrue(threshold.stderr.contains("-1"), threshold.stderr)

        let sample = try coopstat(["sample", "--output", "s", "--scale", "1e9"])
        XCTAssertEqual(sample.status, 64, sample.description)
        XCTAssertTrue(sample.stderr.contains("1000"), sample.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("s")))

        try scratch.write("plainfile", bytes: [])
        let unwritable = try run(["in"], output: "plainfile/out")
        XCTAssertEqual(unwritable.status, 73, unwritable.description)
        XCTAssertFalse(unwritable.stderr.contains("Domain="), unwritable.stderr)
        XCTAssertFalse(unwritable.stderr.contains("NSCocoa"), unwritable.stderr)
        XCTAssertEqual(unwritable.stderr.split(separator: "\n").count, 1, unwritable.stderr)
    }

    /// Item 9, unprivileged: an unreadable folder says unreadable (exit 66), not "no .csv file".
    func testUnreadableFolderSaysUnreadable() throws {
        if let reason = Unprivileged.available { throw XCTSkip(reason) }
        try scratch.write("in/locked/reg.csv", bytes: Array("\(Self.header)\nR1,2024-10-01,09,agriculture,10,5,1\n".utf8))
        XCTAssertEqual(chmod(scratch.path("in/locked"), 0o000), 0)
        defer { chmod(scratch.path("in/locked"), 0o755) }
        let result = try Unprivileged.run(["validate", "--input", scratch.path("in"), "--range-end", "2024-12-31"], in: scratch.url)
        XCTAssertEqual(result.status, 66, result.description)
        XCTAssertTrue(result.stderr.contains("cannot be read") && result.stderr.contains("locked"), result.stderr)
        XCTAssertFalse(result.stderr.contains("holds no .csv"), result.stderr)
    }

    /// Waits for `running`, killing it (and failing) if it is still running after `guardSeconds`.
    private func wait(_ running: CoopstatProcess.Running, guardSeconds: Double) throws -> CoopstatProcess.Finished {
        let deadline = Date().addingTimeInterval(guardSeconds)
        while running.process.isRunning && Date() < deadline { usleep(20_000) }
        if running.process.isRunning {
            running.kill9()
            XCTFail("coopstat blocked on a non-regular input")
        }
        return running.wait()
    }
}
