import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Launches the built `coopstat` executable as a child process for the refresh end-to-end tests.
/// Invariant: children never inherit the test runner's `COOPSTAT_FAULT*` variables; only the
/// environment a test passes explicitly reaches them.
enum CoopstatProcess {
    /// A finished child: its exit status (or the signal that ended it) and what it printed.
    struct Finished: CustomStringConvertible {
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
        var seconds: Double

        var description: String {
            (signalled ? "killed by signal \(status)" : "exit \(status)") + " after "
                + String(format: "%.3f s", seconds) + "; stderr: \(stderr)"
        }
    }

    /// The executable could not be found next to the test bundle nor under `.build`.
    struct Missing: Error, CustomStringConvertible {
        var tried: [String]
        var description: String {
            "the coopstat executable was not found (tried \(tried.joined(separator: ", "))); "
                + "build it with `swift build` (swift test builds it too) before the end-to-end tests"
        }
    }

    /// A child still running: kill it or wait for it.
    final class Running {
        let process: Process
        let started: Date
        private let outURL: URL
        private let errURL: URL

        fileprivate init(process: Process, started: Date, outURL: URL, errURL: URL) {
            self.process = process
            self.started = started
            self.outURL = outURL
            self.errURL = errURL
        }

        var pid: Int32 { process.processIdentifier }

        /// Sends SIGKILL (no chance to clean up: what a power cut or OOM kill does).
        func kill9() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }

        /// Waits for the child to end and collects its output.
        func wait() -> Finished {
            process.waitUntilExit()
            let seconds = Date().timeIntervalSince(started)
            let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
            return Finished(
                status: process.terminationStatus,
                signalled: process.terminationReason == .uncaughtSignal,
                stdout: out, stderr: err, seconds: seconds)
        }
    }

    private final class Anchor {}

    /// The `coopstat` executable: `COOPSTAT_E2E_BINARY` when set (the soak runs the release
    /// binary), else beside the test bundle (`.build/<config>/coopstat`), else found by walking
    /// up from this source file to `.build/debug/coopstat`.
    static func executable() throws -> URL {
        if let chosen = ProcessInfo.processInfo.environment["COOPSTAT_E2E_BINARY"], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else { throw Missing(tried: [chosen]) }
            return URL(fileURLWithPath: chosen)
        }
        var candidates = [
            Bundle(for: Anchor.self).bundleURL.deletingLastPathComponent().appendingPathComponent("coopstat"),
            Bundle.main.bundleURL.appendingPathComponent("coopstat"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("coopstat"),
        ]
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent(".build/debug/coopstat"))
            dir = dir.deletingLastPathComponent()
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw Missing(tried: candidates.map(\.path))
    }

    /// The test runner's environment without fault-injection variables, plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COOPSTAT_") }
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Starts `coopstat ARGS` with output captured in files inside `scratch` (no pipes, so a
    /// killed child never leaves a reader blocked).
    static func launch(
        _ arguments: [String], environment extra: [String: String] = [:],
        scratch: URL, executable program: String? = nil
    ) throws -> Running {
        let process = Process()
        process.executableURL = try program.map { URL(fileURLWithPath: $0) } ?? executable()
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = scratch
        let token = UUID().uuidString
        let outURL = scratch.appendingPathComponent("stdout-\(token).log")
        let errURL = scratch.appendingPathComponent("stderr-\(token).log")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        return Running(process: process, started: started, outURL: outURL, errURL: errURL)
    }

    /// Runs `coopstat ARGS` to the end.
    static func run(
        _ arguments: [String], environment extra: [String: String] = [:],
        scratch: URL, executable program: String? = nil
    ) throws -> Finished {
        try launch(arguments, environment: extra, scratch: scratch, executable: program).wait()
    }
}

/// A temporary folder holding a small registry, a refresh config and its output root, with
/// checks that a published report is whole.
/// Invariant: the registry is generated deterministically from `rowCount` (row `i` always has
/// the same content), so a test knows every input version it ever wrote and its row count.
final class RefreshSandbox {
    /// Canonical headers of the contract (§1.2).
    static let header = "registration_id,name,creation_date,region,province,sector,members_total,members_women,members_men,capital_mad"
    static let sectors = ["agriculture", "artisanat", "argane", "peche", "habitat", "services"]

    /// Header row of every table the report writes (CONTRACT §3.1 and §5), typed here by hand.
    static let tableHeaders: [String: String] = {
        let metrics =
            "cooperatives,members_total,members_women,members_men,members_gender_unknown,women_share,women_cooperatives,capital_mad"
        return [
            "by_region": "region_code,region," + metrics,
            "by_province": "region_code,province," + metrics,
            "province_sector": "region_code,province,sector_code,cooperatives,members_total,members_women",
            "by_sector": "sector_code,sector," + metrics,
            "by_gender": "region_code,region,gender,members",
            "region_sector": "region_code,sector_code,cooperatives,members_total,members_women",
            "yearly": "year," + metrics + ",cumulative_cooperatives",
            "quarterly": "quarter," + metrics + ",cumulative_cooperatives",
            "comparison": "period," + metrics,
            "data_quality":
                "file,encoding,delimiter,rows_read,accepted,rejected,duplicates,duplicate_conflicts,unknown_sector,skipped_blank",
            "by_community": "community," + metrics + ",members_youth",
            "youth_by_region": "region_code,region,cooperatives_reporting,members_total_reporting,members_youth,youth_share",
            "youth_by_province": "region_code,province,cooperatives_reporting,members_total_reporting,members_youth,youth_share",
        ]
    }()

    let root: URL
    var output: URL { root.appendingPathComponent("reports") }
    var registry: URL { root.appendingPathComponent("registries/coops.csv") }
    var config: URL { root.appendingPathComponent("refresh.toml") }
    var latest: URL { output.appendingPathComponent("latest") }
    private(set) var rowCount = 0
    /// SHA-256-free identity of each registry version: its byte size -> row count (sizes grow
    /// strictly with every appended row, so they identify versions).
    private(set) var rowsBySize: [Int: Int] = [:]

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("coopstat-e2e-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("registries"),
            withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Row `i`: a valid cooperative created in 2019Q1 … 2022Q4 (`lastQuarterIndex` more
    /// quarters when positive), spread over regions 01-12 and a few sectors.
    static func row(_ i: Int, lastQuarterIndex: Int) -> String {
        let quarters = 16 + lastQuarterIndex  // 2019Q1 ... 2023Q1 + lastQuarterIndex
        let q = i % quarters
        let year = 2019 + q / 4
        let month = (q % 4) * 3 + 1 + (i / quarters) % 3
        let day = 1 + i % 28
        let region = String(format: "%02d", 1 + i % 12)
        let sector = sectors[i % sectors.count]
        let women = i % 7
        let men = 3 + i % 5
        let capital = "\(1000 + i * 37).\(String(format: "%02d", i % 100))"
        return "C\(String(format: "%05d", i)),Coop \(i),"
            + String(format: "%04d-%02d-%02d", year, month, day)
            + ",\(region),,\(sector),\(women + men),\(women),\(men),\(capital)"
    }

    /// Writes the registry with rows `0..<count`, its dates ending in quarter `lastQuarterIndex`.
    func writeRegistry(rows count: Int, lastQuarterIndex: Int = 0) throws {
        var text = Self.header + "\n"
        for i in 0..<count { text += Self.row(i, lastQuarterIndex: lastQuarterIndex) + "\n" }
        try write(text)
        rowCount = count
    }

    /// Appends one more row; with `inQuarter` its date is the 15th of the first month of that
    /// quarter index (0 = 2023Q1), which moves the latest period forward.
    func appendRow(inQuarter quarterIndex: Int? = nil) throws {
        var line = Self.row(rowCount, lastQuarterIndex: 0)
        if let q = quarterIndex {
            let year = 2023 + q / 4
            let month = (q % 4) * 3 + 1
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = String(format: "%04d-%02d-15", year, month)
            line = fields.joined(separator: ",")
        }
        let handle = try FileHandle(forWritingTo: registry)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
        rowCount += 1
        rowsBySize[try size(registry)] = rowCount
    }

    private func write(_ text: String) throws {
        try Data(text.utf8).write(to: registry)
        rowsBySize[try size(registry)] = rowCount(in: text)
    }

    private func rowCount(in text: String) -> Int { text.split(separator: "\n").count - 1 }

    private func size(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? -1
    }

    /// Writes `refresh.toml` (txt, csv, json only: the tests never depend on the workbook).
    /// Lines: 1-5 inputs … formats, 6 `keep`, 7 `top` (one top-level line, or empty),
    /// 8-10 `[range]`, `extra` from line 11. `top` defaults to a fixed `today` (2025-01-15), so no
    /// run depends on the real date.
    func writeConfig(keep: Int = 3, period: String = "latest", top: String = "today = 2025-01-15", extra: String = "") throws {
        let text = """
            inputs = ["registries"]
            output_root = "reports"
            period = "\(period)"
            languages = ["en"]
            formats = ["txt", "csv", "json"]
            keep = \(keep)
            \(top)
            [range]
            start = 2019-01-01
            end = 2024-12-31
            \(extra)
            """
        try Data(text.utf8).write(to: config)
    }

    /// `coopstat refresh --config refresh.toml ARGS`.
    func refresh(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> CoopstatProcess.Finished {
        try CoopstatProcess.run(["refresh", "--config", config.path] + arguments, environment: environment, scratch: root)
    }

    func launchRefresh(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> CoopstatProcess.Running {
        try CoopstatProcess.launch(["refresh", "--config", config.path] + arguments, environment: environment, scratch: root)
    }

    /// Names in the output root left by interrupted runs.
    func leftovers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        return names.filter {
            $0.hasPrefix(".staging-") || $0.hasPrefix(".old-") || $0.hasPrefix(".latest-tmp-")
                || $0.hasPrefix(".trash-") || $0.hasPrefix(".tmp-")
        }.sorted()
    }

    /// What `latest` points at (a folder name), or nil.
    func latestTarget() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path)
    }

    /// Bytes of a file below the output root.
    func bytes(_ relative: String) throws -> Data {
        try Data(contentsOf: output.appendingPathComponent(relative))
    }

    /// A published report seen through `latest`, checked whole.
    struct Report {
        var period: String
        var rowsRead: Int
        var registrySize: Int
        var fingerprint: String
        var publishedAt: String
    }

    /// A published report is not whole: names what is missing or broken.
    struct Broken: Error, CustomStringConvertible {
        var reason: String
        var description: String { "latest report is not whole: \(reason)" }
    }

    /// Checks that `latest` points at a complete report: every expected file present and
    /// parseable, one run's files only (manifest, summary and data_quality agree with each other
    /// and with a registry version this sandbox wrote). Returns what it found.
    func checkLatest() throws -> Report {
        guard let target = latestTarget() else { throw Broken(reason: "no latest symlink") }
        let dir = "latest/"
        func text(_ name: String) throws -> String {
            guard let data = try? bytes(dir + name) else { throw Broken(reason: "\(target)/\(name) is missing") }
            guard let s = String(data: data, encoding: .utf8), !s.isEmpty else {
                throw Broken(reason: "\(target)/\(name) is empty or not UTF-8")
            }
            return s
        }
        guard let manifest = try JSONSerialization.jsonObject(with: Data(try text("manifest.json").utf8)) as? [String: Any]
        else { throw Broken(reason: "manifest.json is not a JSON object") }
        guard let summary = try? JSONSerialization.jsonObject(with: Data(try text("summary.json").utf8)) as? [String: Any]
        else { throw Broken(reason: "summary.json does not decode as a JSON object") }
        _ = summary
        let marker = try text(".published-at").trimmingCharacters(in: .whitespacesAndNewlines)
        let report = try text("coopstat.txt")
        if report.count < 100 { throw Broken(reason: "coopstat.txt is too short (\(report.count) characters)") }
        let rejects = try text("rejects.csv")
        if !rejects.hasPrefix("file,line,registration_id,field,value,reason") {
            throw Broken(reason: "rejects.csv header is \(rejects.prefix(60))")
        }
        let tableFiles = Set(((try? FileManager.default.contentsOfDirectory(atPath: latest.appendingPathComponent("tables").path)) ?? []))
        let expectedFiles = Set(Self.tableHeaders.keys.map { $0 + ".csv" })
        if tableFiles != expectedFiles {
            throw Broken(reason: "tables/ holds \(tableFiles.sorted()), expected \(expectedFiles.sorted())")
        }
        var dataQualityTotal: [String] = []
        for (name, header) in Self.tableHeaders {
            let lines = try text("tables/\(name).csv").split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.first.map(String.init) == header else {
                throw Broken(reason: "tables/\(name).csv header is '\(lines.first ?? "")'")
            }
            guard lines.last == "", lines.count >= 2 else {
                throw Broken(reason: "tables/\(name).csv does not end with a newline (truncated?)")
            }
            if name == "data_quality", let total = lines.first(where: { $0.hasPrefix("TOTAL,") }) {
                dataQualityTotal = total.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
        guard dataQualityTotal.count == 10, let rowsRead = Int(dataQualityTotal[3]) else {
            throw Broken(reason: "tables/data_quality.csv has no usable TOTAL row")
        }
        guard let inputs = manifest["inputs"] as? [[String: Any]], inputs.count == 1,
            let size = (inputs[0]["size"] as? NSNumber)?.intValue,
            let counts = manifest["counts"] as? [String: Any],
            let manifestRows = (counts["rows_read"] as? NSNumber)?.intValue,
            let period = manifest["period"] as? String,
            let fingerprint = manifest["fingerprint"] as? String
        else { throw Broken(reason: "manifest.json lacks inputs[0].size, counts.rows_read, period or fingerprint") }
        guard period == target else { throw Broken(reason: "manifest period \(period) but latest -> \(target)") }
        guard manifestRows == rowsRead else {
            throw Broken(reason: "manifest rows_read \(manifestRows) but data_quality TOTAL \(rowsRead): two runs mixed")
        }
        guard let written = rowsBySize[size] else {
            throw Broken(reason: "manifest input size \(size) is not a registry version this test wrote")
        }
        guard written == rowsRead else {
            throw Broken(reason: "registry of \(size) bytes had \(written) rows but the report read \(rowsRead)")
        }
        return Report(period: period, rowsRead: rowsRead, registrySize: size, fingerprint: fingerprint, publishedAt: marker)
    }
}
