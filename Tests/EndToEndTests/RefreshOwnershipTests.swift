import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12 item 3 (CONTRACT §4's last paragraph): refresh creates, replaces and prunes only the
/// folders its own ledger records as published by it; the user's entries in the output root,
/// even named like periods or like its scratch names, even a `cp -a` copy with the marker, are
/// left as they were; dangerous `output_root` values are refused.
final class RefreshOwnershipTests: XCTestCase {
    /// The sandbox's data end in 2022Q4: `latest` is 2022Q4.
    func makeSandbox(_ name: String, keep: Int = 1) throws -> RefreshSandbox {
        let sandbox = try RefreshSandbox(name)
        try sandbox.writeRegistry(rows: 40)
        try sandbox.writeConfig(keep: keep)
        return sandbox
    }

    func testUsersPeriodNamedFolderStopsTheRunUntouched() throws {
        let sandbox = try makeSandbox("own-period")
        let mine = sandbox.output.appendingPathComponent("2022Q4")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("my own report".utf8).write(to: mine.appendingPathComponent("coopstat.txt"))
        let before = UserFolderSnapshot(sandbox.output.path)

        let result = try sandbox.refresh()
        XCTAssertEqual(result.status, 73, result.description)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("2022Q4") && result.stderr.contains("not published by coopstat"), result.stderr)
        before.assertKept(in: UserFolderSnapshot(sandbox.output.path), folders: ["."])
        XCTAssertNil(sandbox.latestTarget())
    }

    func testUsersHiddenEntriesAndCopiesSurviveCleaningAndRetention() throws {
        let sandbox = try makeSandbox("own-copies", keep: 1)
        XCTAssertEqual(try sandbox.refresh().status, 0)
        XCTAssertEqual(sandbox.latestTarget(), "2022Q4")
        let root = sandbox.output.path
        // The user's things: scratch-like names, and a cp -a copy of the report (marker included)
        // under a period name and under another name.
        try FileManager.default.createDirectory(atPath: root + "/.tmp-mine", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: root + "/.tmp-mine/notes.txt"))
        try FileManager.default.createDirectory(atPath: root + "/.old-2022Q4-1-abc", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.staging-1-abc", withIntermediateDirectories: true)
        for copy in ["2019Q1", "backup"] {
            let cp = Process()
            cp.executableURL = URL(fileURLWithPath: "/bin/cp")
            cp.arguments = ["-a", root + "/2022Q4", root + "/" + copy]
            try cp.run()
            cp.waitUntilExit()
            XCTAssertEqual(cp.terminationStatus, 0)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/2019Q1/.published-at"))
        let users: Set<String> = [".tmp-mine", ".old-2022Q4-1-abc", ".staging-1-abc", "2019Q1", "backup"]
        let notUsers: (String) -> Bool = { !users.contains($0.split(separator: "/").first.map(String.init) ?? $0) }
        let before = UserFolderSnapshot(root, skip: notUsers)

        // A new quarter: 2023Q1 is published, 2022Q4 (ours) is pruned by keep = 1; nothing else goes.
        try sandbox.appendRow(inQuarter: 0)
        let result = try sandbox.refresh()
        XCTAssertEqual(result.status, 0, result.description)
        XCTAssertEqual(sandbox.latestTarget(), "2023Q1")
        before.assertKept(in: UserFolderSnapshot(root, skip: notUsers), folders: ["."])
        let names = try FileManager.default.contentsOfDirectory(atPath: root).filter { !$0.hasPrefix(".coopstat") }.sorted()
        XCTAssertEqual(names, [".old-2022Q4-1-abc", ".staging-1-abc", ".tmp-mine", "2019Q1", "2023Q1", "backup", "latest"])
    }

    func testDangerousOutputRootsAreRefusedInTheConfig() throws {
        let sandbox = try makeSandbox("roots")
        let config = try String(contentsOf: sandbox.config, encoding: .utf8)
        for root in ["/", "", "..", ".", "registries/.."] {
            let text = config.replacingOccurrences(of: "output_root = \"reports\"", with: "output_root = \"\(root)\"")
            try Data(text.utf8).write(to: sandbox.config)
            let result = try sandbox.refresh()
            XCTAssertEqual(result.status, 64, "\(root): \(result)")
            XCTAssertTrue(
                result.stderr.contains(sandbox.config.path + ":2: key 'output_root'"), "\(root): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        // An output root inside an input folder would be read back as registries: 73.
        let text = config.replacingOccurrences(of: "output_root = \"reports\"", with: "output_root = \"registries/reports\"")
        try Data(text.utf8).write(to: sandbox.config)
        let inside = try sandbox.refresh()
        XCTAssertEqual(inside.status, 73, inside.description)
        XCTAssertTrue(inside.stderr.contains("inside the input"), inside.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.root.path + "/registries/reports"))
    }

    func testQuietLockMessagePrintsNothing() throws {
        let sandbox = try makeSandbox("quiet-lock")
        XCTAssertEqual(try sandbox.refresh().status, 0)
        let fd = open(sandbox.output.path + "/.coopstat.lock", O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        let quiet = try sandbox.refresh(["--force", "--quiet"])
        XCTAssertEqual(quiet.status, 75, quiet.description)
        XCTAssertEqual(quiet.stderr, "")
        let loud = try sandbox.refresh(["--force"])
        XCTAssertEqual(loud.status, 75)
        XCTAssertTrue(loud.stderr.contains("holds the lock"), loud.stderr)
    }

    /// Item 4 under cron: sums too large to count end the refresh cleanly (exit 65, one line),
    /// publish nothing and leave no staging folder; the previous report stays.
    func testHugeSumsEndTheRefreshCleanlyWithoutStaging() throws {
        let sandbox = try makeSandbox("overflow")
        XCTAssertEqual(try sandbox.refresh().status, 0)
        var text = RefreshSandbox.header + "\n"
        // 92,234 cooperatives at 10^12 MAD: 9.2234 × 10^16 MAD, beyond Int64 centimes.
        for i in 0..<92_234 { text += "B\(i),Coop,2022-11-01,09,,agriculture,1,0,1,1000000000000\n" }
        try Data(text.utf8).write(to: sandbox.registry)
        let result = try sandbox.refresh()
        XCTAssertEqual(result.status, 65, result.description)
        XCTAssertFalse(result.signalled)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("too large to count"), result.stderr)
        XCTAssertEqual(sandbox.leftovers(), [])
        XCTAssertEqual(sandbox.latestTarget(), "2022Q4")
        XCTAssertNoThrow(try sandbox.checkLatest())
    }
}
