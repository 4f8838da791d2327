import Foundation
import XCTest

/// `coopstat refresh` as cron runs it (issue 6, CONTRACT §2 and §4): injected write failures at
/// each output step, skipping unchanged inputs, and the exit codes.
final class RefreshBinaryTests: XCTestCase {
    // MARK: - Injected write failures

    /// Steps whose failure must end the run with 73 and leave the previous report untouched.
    static let failingSteps = [
        "staging:create", "write:tables/by_region.csv", "write:tables/data_quality.csv", "write:rejects.csv",
        "write:summary.json", "write:coopstat.txt", "write:manifest.json", "publish:marker", "fsync",
        "publish:rename", "publish:symlink", "lock",
    ]

    func testInjectedWriteFailureAtEachStepExits73AndKeepsPreviousReport() throws {
        let sandbox = try RefreshSandbox("faults")
        try sandbox.writeRegistry(rows: 250)
        try sandbox.writeConfig(keep: 2)
        XCTAssertEqual(try sandbox.refresh().status, 0)

        for (i, step) in Self.failingSteps.enumerated() {
            // Odd steps also move to a new quarter, so a new period folder is involved (the
            // rename path); even steps republish the same period (the exchange path).
            if i % 2 == 1 { try sandbox.appendRow(inQuarter: 1 + i / 2) } else { try sandbox.appendRow() }
            let before = try snapshot(sandbox)
            let target = sandbox.latestTarget()
            let state = try? sandbox.bytes(".coopstat-state.json")
            let periods = try periodFolders(sandbox)

            let failed = try sandbox.refresh([], environment: ["COOPSTAT_FAULT": step])
            XCTAssertEqual(failed.status, 73, "\(step): \(failed)")
            XCTAssertTrue(failed.stderr.contains("injected write error at step '\(step)'"), "\(step): \(failed.stderr)")
            XCTAssertEqual(sandbox.latestTarget(), target, "\(step): latest moved")
            XCTAssertEqual(try snapshot(sandbox), before, "\(step): the previous report changed")
            XCTAssertEqual(try? sandbox.bytes(".coopstat-state.json"), state, "\(step): state changed")
            XCTAssertNoThrow(try sandbox.checkLatest(), step)
            XCTAssertEqual(try periodFolders(sandbox), periods, "\(step): a failed run left a period folder behind")

            let next = try sandbox.refresh()
            XCTAssertEqual(next.status, 0, "\(step): the next run succeeds: \(next)")
            XCTAssertEqual(sandbox.leftovers(), [], "\(step): leftovers after the next run")
            let report = try sandbox.checkLatest()
            XCTAssertEqual(report.rowsRead, sandbox.rowCount, step)
        }
    }

    /// Failures after the publish do not undo it: retention is retried next time (exit 0 and a
    /// warning), a lost state file only means the next run rebuilds.
    func testFailuresAfterPublishKeepTheNewReport() throws {
        let sandbox = try RefreshSandbox("late-faults")
        try sandbox.writeRegistry(rows: 200)
        try sandbox.writeConfig(keep: 1)
        XCTAssertEqual(try sandbox.refresh().status, 0)
        let first = try sandbox.checkLatest()

        try sandbox.appendRow(inQuarter: 1)
        let retention = try sandbox.refresh([], environment: ["COOPSTAT_FAULT": "publish:retention"])
        XCTAssertEqual(retention.status, 0, "\(retention)")
        XCTAssertTrue(retention.stderr.contains("could not remove old reports"), retention.stderr)
        XCTAssertEqual(try sandbox.checkLatest().rowsRead, 201)
        XCTAssertEqual(try periodFolders(sandbox), [first.period, "2023Q2"].sorted(), "retention skipped, both kept")

        // The retention fault did not stop the state from being recorded.
        XCTAssertTrue(try sandbox.refresh().stderr.contains("up to date"))

        try sandbox.appendRow()
        let state = try sandbox.refresh([], environment: ["COOPSTAT_FAULT": "state:write"])
        XCTAssertEqual(state.status, 0, "\(state)")
        XCTAssertEqual(try sandbox.checkLatest().rowsRead, 202)
        XCTAssertTrue(state.stderr.contains("could not record the run state"), state.stderr)
        XCTAssertEqual(try periodFolders(sandbox), ["2023Q2"], "retention (keep = 1) ran this time")

        let rebuild = try sandbox.refresh()
        XCTAssertEqual(rebuild.status, 0)
        XCTAssertFalse(rebuild.stderr.contains("up to date"), "no state recorded, so it rebuilds: \(rebuild.stderr)")
        XCTAssertTrue(try sandbox.refresh().stderr.contains("up to date"))
        XCTAssertEqual(sandbox.leftovers(), [])
    }

    // MARK: - Unchanged inputs

    func testUnchangedInputsAreSkippedUntilContentChanges() throws {
        let sandbox = try RefreshSandbox("unchanged")
        try sandbox.writeRegistry(rows: 300)
        try sandbox.writeConfig()
        let first = try sandbox.refresh()
        XCTAssertEqual(first.status, 0, "\(first)")
        XCTAssertTrue(first.stderr.contains("published"), first.stderr)
        let published = try sandbox.checkLatest()

        let second = try sandbox.refresh()
        XCTAssertEqual(second.status, 0)
        XCTAssertTrue(second.stderr.contains("up to date"), second.stderr)
        XCTAssertEqual(second.stderr.split(separator: "\n").count, 1, "one line: \(second.stderr)")
        XCTAssertEqual(try sandbox.checkLatest().publishedAt, published.publishedAt, "nothing rebuilt")

        let quiet = try sandbox.refresh(["--quiet"])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stderr, "", "--quiet prints nothing when up to date")
        XCTAssertEqual(quiet.stdout, "")

        let json = try sandbox.refresh(["--log-format", "json"])
        XCTAssertEqual(json.status, 0)
        let line = try XCTUnwrap(json.stderr.split(separator: "\n").first)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["level"] as? String, "info")
        XCTAssertTrue((object["message"] as? String ?? "").hasPrefix("up to date"), "\(object)")

        // Only the modification time changes: still up to date.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(3600)],
            ofItemAtPath: sandbox.registry.path)
        let touched = try sandbox.refresh()
        XCTAssertTrue(touched.stderr.contains("up to date"), "mtime alone is no change: \(touched.stderr)")
        XCTAssertEqual(try sandbox.checkLatest().publishedAt, published.publishedAt)

        // Same size, one byte different: the content changed, so it runs again.
        var text = try String(contentsOf: sandbox.registry, encoding: .utf8)
        let size = text.utf8.count
        text = text.replacingOccurrences(of: ",Coop 17,", with: ",Coop Q,")
            .replacingOccurrences(of: ",Coop 18,", with: ",Coop 18 ,")
        XCTAssertEqual(text.utf8.count, size, "the edit keeps the size")
        try Data(text.utf8).write(to: sandbox.registry)
        let changed = try sandbox.refresh()
        XCTAssertEqual(changed.status, 0)
        XCTAssertFalse(changed.stderr.contains("up to date"), changed.stderr)
        XCTAssertTrue(changed.stderr.contains("published"), changed.stderr)
        let rebuilt = try sandbox.checkLatest()
        XCTAssertGreaterThan(rebuilt.publishedAt, published.publishedAt)
        XCTAssertNotEqual(rebuilt.fingerprint, published.fingerprint)
        XCTAssertTrue(try sandbox.refresh().stderr.contains("up to date"))

        // A config change is a change too.
        try sandbox.writeConfig(keep: 4)
        let reconfigured = try sandbox.refresh()
        XCTAssertTrue(reconfigured.stderr.contains("published"), reconfigured.stderr)

        // --force rebuilds though nothing changed.
        let forced = try sandbox.refresh(["--force", "--quiet"])
        XCTAssertEqual(forced.status, 0)
        XCTAssertEqual(forced.stderr, "")
        let again = try sandbox.checkLatest()
        XCTAssertGreaterThan(again.publishedAt, rebuilt.publishedAt, "--force rebuilt")
        XCTAssertEqual(sandbox.leftovers(), [])
    }

    // MARK: - Exit codes

    func testMissingConfigExits66() throws {
        let sandbox = try RefreshSandbox("no-config")
        let end = try sandbox.refresh()
        XCTAssertEqual(end.status, 66, "\(end)")
        XCTAssertTrue(end.stderr.contains(sandbox.config.path), end.stderr)
        XCTAssertEqual(end.stderr.split(separator: "\n").count, 1, end.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.output.path))
    }

    func testMissingInputExits66() throws {
        let sandbox = try RefreshSandbox("no-input")
        try sandbox.writeConfig()
        try FileManager.default.removeItem(at: sandbox.registry.deletingLastPathComponent())
        let end = try sandbox.refresh()
        XCTAssertEqual(end.status, 66, "\(end)")
        XCTAssertTrue(end.stderr.contains("registries"), end.stderr)
        XCTAssertNil(sandbox.latestTarget())
    }

    func testUnknownKeyExits64WithItsLine() throws {
        let sandbox = try RefreshSandbox("bad-key")
        try sandbox.writeRegistry(rows: 10)
        try sandbox.writeConfig(extra: "\n[[file]]\npath = \"registries/coops.csv\"\ncolour = \"red\"\n")
        let lines = try String(contentsOf: sandbox.config, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("colour") }) + 1
        for arguments in [[], ["--check-config"]] {
            let end = try sandbox.refresh(arguments)
            XCTAssertEqual(end.status, 64, "\(arguments): \(end)")
            XCTAssertTrue(end.stderr.contains("refresh.toml:\(line)"), "\(arguments): names line \(line): \(end.stderr)")
            XCTAssertTrue(end.stderr.contains("colour"), end.stderr)
        }

        try sandbox.writeConfig()
        try Data(
            (try String(contentsOf: sandbox.config, encoding: .utf8)
                .replacingOccurrences(of: "keep = 3", with: "keep = \"three\"")).utf8
        ).write(to: sandbox.config)
        let wrongType = try sandbox.refresh()
        XCTAssertEqual(wrongType.status, 64, "\(wrongType)")
        XCTAssertTrue(wrongType.stderr.contains("refresh.toml:6"), "keep is on line 6: \(wrongType.stderr)")
        XCTAssertTrue(wrongType.stderr.contains("keep"), wrongType.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.output.path), "a bad config writes nothing")
    }

    func testCheckConfigValidatesWithoutRunning() throws {
        let sandbox = try RefreshSandbox("check")
        try sandbox.writeRegistry(rows: 10)
        try sandbox.writeConfig()
        let end = try sandbox.refresh(["--check-config"])
        XCTAssertEqual(end.status, 0, "\(end)")
        XCTAssertTrue(end.stderr.contains("valid"), end.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.output.path), "--check-config writes nothing")
    }

    func testRejectThresholdExceededExits65AfterPublishing() throws {
        let sandbox = try RefreshSandbox("threshold")
        try sandbox.writeRegistry(rows: 200)
        // 12 rows with a region that does not exist: rejected.
        var text = try String(contentsOf: sandbox.registry, encoding: .utf8)
        for i in 0..<12 {
            text += "X\(i),Bad \(i),2020-05-05,Atlantide,,agriculture,5,2,3,100\n"
        }
        try Data(text.utf8).write(to: sandbox.registry)
        try sandbox.writeConfig(top: "reject_threshold = 10\ntoday = 2025-01-15")

        let end = try sandbox.refresh()
        XCTAssertEqual(end.status, 65, "\(end)")
        XCTAssertTrue(end.stderr.contains("rejected 12 of 212 rows"), end.stderr)
        XCTAssertTrue(end.stderr.contains("published"), "published before exiting 65: \(end.stderr)")
        let target = try XCTUnwrap(sandbox.latestTarget())
        let rejects = try String(decoding: sandbox.bytes("latest/rejects.csv"), as: UTF8.self)
        XCTAssertEqual(rejects.split(separator: "\n").count, 13, "header + 12 rejected rows")
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: sandbox.bytes("latest/manifest.json")) as? [String: Any])
        XCTAssertEqual((manifest["exit_status"] as? NSNumber)?.intValue, 65)
        XCTAssertEqual((manifest["counts"] as? [String: Any])?["rejected"] as? Int, 12)

        // A run over the threshold records no state: cron keeps hearing about it.
        let again = try sandbox.refresh(["--quiet"])
        XCTAssertEqual(again.status, 65, "\(again)")
        XCTAssertTrue(again.stderr.contains("above reject_threshold"), again.stderr)
        XCTAssertEqual(sandbox.latestTarget(), target)
        XCTAssertEqual(sandbox.leftovers(), [])
    }

    // MARK: - Helpers

    /// Every file below `latest/`, relative path -> bytes.
    private func snapshot(_ sandbox: RefreshSandbox) throws -> [String: Data] {
        let base = sandbox.latest.resolvingSymlinksInPath()
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return out }
        for case let rel as String in walker {
            var isDir: ObjCBool = false
            let path = base.appendingPathComponent(rel).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        XCTAssertFalse(out.isEmpty)
        return out
    }

    private func periodFolders(_ sandbox: RefreshSandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.output.path)
            .filter { !$0.hasPrefix(".") && $0 != "latest" }.sorted()
    }
}
