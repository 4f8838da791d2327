import Logging
import XCTest

@testable import CoopPipeline

final class RefreshTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_795_921_200)  // 2026-11-29T03:00:00Z

    /// A registry folder, a config pointing at it, and a fake builder counting its calls.
    final class Setup {
        let dir: RefreshTestFolder
        var config: RefreshConfig
        var builds = 0
        var period = "2024Q4"
        var rejected = 0
        var refused: [String] = []

        init() throws {
            dir = try RefreshTestFolder()
            try dir.write("registries/a.csv", "registration_id\n1\n2\n")
            try dir.write("registries/b.csv", "registration_id\n3\n")
            try dir.write("refresh.toml", "inputs = [\"registries\"]\noutput_root = \"reports\"\nkeep = 2\n")
            config = try RefreshConfig.load(path: dir.path + "/refresh.toml")
        }

        func run(
            force: Bool = false, faults: FaultInjection = .none, at now: Date,
            failWith error: Error? = nil
        ) -> RefreshOutcome {
            Refresh.run(
                config: config, force: force, now: now, version: "test", clock: { now },
                faults: faults, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                build: { staging, _ in
                    self.builds += 1
                    if let error { throw error }
                    for name in ["coopstat.txt", "summary.json"] {
                        try faults.check("write:" + name)
                        try Data("build \(self.builds)".utf8).write(to: staging.appendingPathComponent(name))
                    }
                    return BuildOutcome(
                        counts: [.rowsRead: 3, .accepted: 3 - self.rejected, .rejected: self.rejected],
                        rowsRead: 3, rejected: self.rejected, refusedFiles: self.refused,
                        periodLabel: self.period)
                })
        }

        var reports: String { dir.path + "/reports" }
        func read(_ rel: String) -> String? { dir.read("reports/" + rel) }
        var latest: String? { dir.symlinkTarget("reports/latest") }
        var leftovers: [String] {
            dir.names("reports").filter {
                $0.hasPrefix(".") && $0 != ".coopstat.lock" && $0 != ".coopstat-state.json" && $0 != PublishedLedger.fileName
            }
        }
    }

    func testPublishesWithManifestThenSkipsUnchangedInputs() throws {
        let s = try Setup()
        let first = s.run(at: t0)
        XCTAssertEqual(first.exitCode, 0, "\(first.messages)")
        XCTAssertEqual(first.messages, ["published 2024Q4 (3 accepted)"])
        XCTAssertEqual(s.latest, "2024Q4")
        XCTAssertEqual(s.read("latest/coopstat.txt"), "build 1")

        let manifest = try Manifest.decode(Data(s.read("2024Q4/manifest.json")!.utf8))
        XCTAssertEqual(manifest.period, "2024Q4")
        XCTAssertEqual(manifest.counts, ["rows_read": 3, "accepted": 3, "rejected": 0])
        XCTAssertEqual(manifest.exitStatus, 0)
        XCTAssertEqual(manifest.coopstatVersion, "test")
        XCTAssertEqual(manifest.startedAt, "2026-11-29T03:00:00Z")
        XCTAssertEqual(manifest.inputs.map { ($0.path as NSString).lastPathComponent }, ["a.csv", "b.csv"])
        XCTAssertEqual(manifest.inputs.map(\.size), [20, 18])  // "registration_id\n1\n2\n", "registration_id\n3\n"
        XCTAssertEqual(manifest.options.keep, 2)

        // Unchanged: skipped, builder not called.
        let second = s.run(at: t0.addingTimeInterval(3600))
        XCTAssertEqual(second.exitCode, 0)
        XCTAssertTrue(second.upToDate)
        XCTAssertEqual(s.builds, 1)
        XCTAssertTrue(second.messages[0].hasPrefix("up to date"), "\(second.messages)")

        // Touch only: still skipped.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: s.dir.path + "/registries/a.csv")
        XCTAssertTrue(s.run(at: t0.addingTimeInterval(7200)).upToDate)
        XCTAssertEqual(s.builds, 1)

        // --force: runs anyway.
        XCTAssertFalse(s.run(force: true, at: t0.addingTimeInterval(7300)).upToDate)
        XCTAssertEqual(s.builds, 2)

        // Content change: runs.
        try s.dir.write("registries/b.csv", "registration_id\n4\n")
        let changed = s.run(at: t0.addingTimeInterval(10800))
        XCTAssertFalse(changed.upToDate)
        XCTAssertEqual(s.builds, 3)
        XCTAssertEqual(s.read("latest/coopstat.txt"), "build 3")
        XCTAssertEqual(s.leftovers, [])
    }

    func testRetentionAcrossRuns() throws {
        let s = try Setup()
        for (i, period) in ["2024Q2", "2024Q3", "2024Q4"].enumerated() {
            s.period = period
            XCTAssertEqual(s.run(force: true, at: t0.addingTimeInterval(Double(i) * 60)).exitCode, 0)
        }
        XCTAssertEqual(s.dir.names("reports").filter { !$0.hasPrefix(".") }, ["2024Q3", "2024Q4", "latest"])
    }

    func testThresholdExceededPublishesThenExits65AndDoesNotRecordState() throws {
        let s = try Setup()
        s.config.rejectThreshold = .count(0)
        s.rejected = 1
        let out = s.run(at: t0)
        XCTAssertEqual(out.exitCode, 65)
        XCTAssertEqual(s.latest, "2024Q4")
        XCTAssertEqual(try Manifest.decode(Data(s.read("latest/manifest.json")!.utf8)).exitStatus, 65)
        XCTAssertTrue(out.messages.last!.contains("above reject_threshold 0"), "\(out.messages)")
        XCTAssertNil(RefreshState.load(outputRoot: s.config.outputRoot))
        // Not recorded as a success: the next run works again (and fails again).
        XCTAssertEqual(s.run(at: t0.addingTimeInterval(60)).exitCode, 65)
        XCTAssertEqual(s.builds, 2)

        // Within a percentage threshold: 1 of 3 rows is 33.3% <= 50%.
        s.config.rejectThreshold = .percent(50)
        XCTAssertEqual(s.run(at: t0.addingTimeInterval(120)).exitCode, 0)
    }

    func testRefusedFileExits65AfterPublishing() throws {
        let s = try Setup()
        s.refused = ["registries/b.csv"]
        let out = s.run(at: t0)
        XCTAssertEqual(out.exitCode, 65)
        XCTAssertEqual(s.latest, "2024Q4")
    }

    func testLockHeldExits75WithoutTouchingOutputs() throws {
        let s = try Setup()
        XCTAssertEqual(s.run(at: t0).exitCode, 0)
        let lock = try RunLock.acquire(outputRoot: s.config.outputRoot)
        let out = s.run(force: true, at: t0.addingTimeInterval(60))
        XCTAssertEqual(out.exitCode, 75)
        XCTAssertTrue(out.messages[0].contains("process \(getpid())"), "\(out.messages)")
        XCTAssertEqual(s.builds, 1)
        lock.release()
    }

    func testMissingInputExits66() throws {
        let s = try Setup()
        s.config.inputs.append(s.dir.path + "/nope.csv")
        let out = s.run(at: t0)
        XCTAssertEqual(out.exitCode, 66)
        XCTAssertTrue(out.messages[0].contains("nope.csv"))
    }

    func testBuilderErrorsMapToExitCodesAndLeaveNoStaging() throws {
        struct Boom: Error {}
        let s = try Setup()
        XCTAssertEqual(s.run(at: t0).exitCode, 0)
        XCTAssertEqual(s.run(force: true, at: t0, failWith: Boom()).exitCode, 70)
        XCTAssertEqual(s.run(force: true, at: t0, failWith: InputError(path: "x", reason: "gone")).exitCode, 66)
        XCTAssertEqual(s.leftovers, [])
        XCTAssertEqual(s.read("latest/coopstat.txt"), "build 1")
        s.period = "../escape"
        XCTAssertEqual(s.run(force: true, at: t0).exitCode, 70)
        XCTAssertEqual(s.leftovers, [])
    }

    func testInjectedFaultAtEveryStepKeepsPreviousReportAndNextRunRecovers() throws {
        let steps = [
            "staging:create", "write:coopstat.txt", "write:summary.json", "write:manifest.json",
            "publish:marker", "fsync", "publish:rename", "publish:symlink",
        ]
        for samePeriod in [true, false] {
            for step in steps {
                let s = try Setup()
                s.period = "2024Q3"
                XCTAssertEqual(s.run(at: t0).exitCode, 0)
                s.period = samePeriod ? "2024Q3" : "2024Q4"
                let context = "\(step) same=\(samePeriod)"
                let failed = s.run(force: true, faults: FaultInjection(fault: step), at: t0.addingTimeInterval(60))
                XCTAssertEqual(failed.exitCode, 73, context)
                XCTAssertTrue(failed.messages.last!.contains(step), context)
                XCTAssertEqual(s.latest, "2024Q3", context)
                XCTAssertEqual(s.read("latest/coopstat.txt"), "build 1", context)
                XCTAssertEqual(s.dir.names("reports").filter { !$0.hasPrefix(".") }, ["2024Q3", "latest"], context)
                XCTAssertEqual(s.leftovers, [], context)

                let next = s.run(force: true, at: t0.addingTimeInterval(120))
                XCTAssertEqual(next.exitCode, 0, context)
                XCTAssertEqual(s.latest, s.period, context)
                XCTAssertEqual(s.read("latest/coopstat.txt"), "build \(s.builds)", context)
                XCTAssertEqual(s.builds, step == "staging:create" ? 2 : 3, context)
            }
        }
    }

    func testRetentionOrStateFaultStillPublishes() throws {
        let s = try Setup()
        let out = s.run(faults: FaultInjection(fault: "publish:retention"), at: t0)
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertEqual(s.latest, "2024Q4")

        let s2 = try Setup()
        XCTAssertEqual(s2.run(faults: FaultInjection(fault: "state:write"), at: t0).exitCode, 0)
        XCTAssertNil(RefreshState.load(outputRoot: s2.config.outputRoot))
        XCTAssertFalse(s2.run(at: t0.addingTimeInterval(60)).upToDate, "no state recorded -> rebuild")
    }

    func testKilledRunLeftoversAreCleanedAtStart() throws {
        let s = try Setup()
        XCTAssertEqual(s.run(at: t0).exitCode, 0)
        try s.dir.write("reports/.staging-999999-dead/coopstat.txt", "half")
        var ledger = try PublishedLedger.load(root: s.config.outputRoot.path)
        ledger.scratch.append(".staging-999999-dead")  // as the killed run recorded it
        try ledger.save(root: s.config.outputRoot.path)
        let out = s.run(force: true, at: t0.addingTimeInterval(60))
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertTrue(out.messages[0].hasPrefix("recovered from an interrupted run"), "\(out.messages)")
        XCTAssertEqual(s.leftovers, [])
    }

    func testGroupedNumbers() {
        XCTAssertEqual(Refresh.grouped(60055), "60,055")
        XCTAssertEqual(Refresh.grouped(999), "999")
        XCTAssertEqual(Refresh.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(Refresh.grouped(0), "0")
    }
}
