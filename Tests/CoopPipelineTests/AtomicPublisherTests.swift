import XCTest

@testable import CoopPipeline

final class AtomicPublisherTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_795_921_200)

    func stage(_ publisher: AtomicPublisher, _ text: String) throws -> URL {
        let s = try publisher.makeStaging()
        try Data(text.utf8).write(to: s.appendingPathComponent("coopstat.txt"))
        try FileManager.default.createDirectory(at: s.appendingPathComponent("tables"), withIntermediateDirectories: true)
        try Data("region_code\n01\n".utf8).write(to: s.appendingPathComponent("tables/by_region.csv"))
        return s
    }

    /// Hidden entries other than the lock/state files (leftovers of runs).
    func leftovers(_ dir: RefreshTestFolder) -> [String] {
        dir.names().filter {
            $0.hasPrefix(".") && $0 != ".coopstat.lock" && $0 != ".coopstat-state.json" && $0 != PublishedLedger.fileName
        }
    }

    func testPublishTwiceLatestPointsAtNewest() throws {
        let dir = try RefreshTestFolder()
        let p = AtomicPublisher(outputRoot: dir.url, faults: .none)
        try p.publish(staging: try stage(p, "q3"), period: "2024Q3", now: t0)
        XCTAssertEqual(dir.symlinkTarget("latest"), "2024Q3")
        try p.publish(staging: try stage(p, "q4"), period: "2024Q4", now: t0.addingTimeInterval(60))
        XCTAssertEqual(dir.symlinkTarget("latest"), "2024Q4")
        XCTAssertEqual(dir.read("latest/coopstat.txt"), "q4")
        XCTAssertEqual(dir.read("2024Q3/coopstat.txt"), "q3")
        XCTAssertEqual(dir.read("2024Q4/.published-at"), "2026-11-29T03:01:00.000Z\n")
        XCTAssertEqual(dir.names().filter { !$0.hasPrefix(".") }, ["2024Q3", "2024Q4", "latest"])
        XCTAssertEqual(p.publishedPeriods().map(\.name), ["2024Q4", "2024Q3"])
    }

    func testRepublishSamePeriodReplacesWholeFolder() throws {
        let dir = try RefreshTestFolder()
        let p = AtomicPublisher(outputRoot: dir.url, faults: .none)
        let first = try stage(p, "v1")
        try Data("old only".utf8).write(to: first.appendingPathComponent("extra.txt"))
        try p.publish(staging: first, period: "2024Q4", now: t0)
        try p.publish(staging: try stage(p, "v2"), period: "2024Q4", now: t0.addingTimeInterval(1))
        XCTAssertEqual(dir.read("latest/coopstat.txt"), "v2")
        XCTAssertNil(dir.read("2024Q4/extra.txt"), "a republish must not mix two runs")
        XCTAssertEqual(dir.names().filter { !$0.hasPrefix(".") }, ["2024Q4", "latest"])
    }

    func testRetentionKeepsNewestNAndLatestAndForeignFolders() throws {
        let dir = try RefreshTestFolder()
        let p = AtomicPublisher(outputRoot: dir.url, faults: .none)
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("notes"), withIntermediateDirectories: true)
        for (i, period) in ["2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4"].enumerated() {
            try p.publish(staging: try stage(p, period), period: period, now: t0.addingTimeInterval(Double(i) * 60))
        }
        XCTAssertEqual(try p.applyRetention(keep: 3).sorted(), ["2023Q4", "2024Q1"])
        XCTAssertEqual(dir.names().filter { !$0.hasPrefix(".") }, ["2024Q2", "2024Q3", "2024Q4", "latest", "notes"])

        // Point latest at the oldest kept one: keep = 1 must still spare it.
        try FileManager.default.removeItem(atPath: dir.path + "/latest")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/latest", withDestinationPath: "2024Q2")
        XCTAssertEqual(try p.applyRetention(keep: 1), ["2024Q3"])
        XCTAssertEqual(dir.names().filter { !$0.hasPrefix(".") }, ["2024Q2", "2024Q4", "latest", "notes"])
    }

    func testLeftoversOfKilledRunsAreCleanedOrRestored() throws {
        let dir = try RefreshTestFolder()
        let p = AtomicPublisher(outputRoot: dir.url, faults: .none)
        try p.publish(staging: try stage(p, "q4"), period: "2024Q4", now: t0)
        // A killed run: half-built staging, temp symlink, an .old whose period still exists,
        // and an .old whose period vanished (killed between the two fallback renames).
        try dir.write(".staging-999999-abc/coopstat.txt", "half")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/.latest-tmp-999999", withDestinationPath: "2024Q4")
        try dir.write(".old-2024Q4-999999-abc/coopstat.txt", "older q4")
        try dir.write(".old-2024Q3-999999-def/coopstat.txt", "q3 set aside")
        try dir.write(".trash-2023-999999-1/x", "x")
        // The killed run had recorded them in its ledger before creating them; 2024Q3 was ours.
        var ledger = try PublishedLedger.load(root: dir.path)
        ledger.scratch += [
            ".staging-999999-abc", ".latest-tmp-999999", ".old-2024Q4-999999-abc", ".old-2024Q3-999999-def", ".trash-2023-999999-1",
        ]
        let setAside = try XCTUnwrap(FileIdentity.ofEntry(dir.path + "/.old-2024Q3-999999-def"))
        ledger.folders.append(
            .init(name: "2024Q3", device: setAside.device, inode: setAside.inode, publishedAt: "2026-11-29T03:00:00.000Z"))
        try ledger.save(root: dir.path)
        // The user's own hidden entries, named like ours but not recorded, are never touched.
        try dir.write(".tmp-mine/notes.txt", "user tmp")
        try dir.write(".old-2024Q2-1-x/keep.txt", "user old")

        let lock = try RunLock.acquire(outputRoot: dir.url)
        let handled = try p.cleanLeftovers(holding: lock)
        XCTAssertEqual(handled.count, 5)
        XCTAssertEqual(leftovers(dir), [".old-2024Q2-1-x", ".tmp-mine"])
        XCTAssertEqual(dir.read(".tmp-mine/notes.txt"), "user tmp")
        XCTAssertEqual(dir.read(".old-2024Q2-1-x/keep.txt"), "user old")
        XCTAssertEqual(dir.read("2024Q3/coopstat.txt"), "q3 set aside")
        XCTAssertEqual(dir.read("2024Q4/coopstat.txt"), "q4")
        XCTAssertEqual(dir.symlinkTarget("latest"), "2024Q4")

        lock.release()
        XCTAssertThrowsError(try p.cleanLeftovers(holding: lock), "cleaning without the lock must be refused")
    }

    func testFaultAtEachPublishStepLeavesPreviousIntact() throws {
        for samePeriod in [false, true] {
            for step in ["publish:marker", "fsync", "publish:rename", "publish:symlink"] {
                let dir = try RefreshTestFolder()
                let good = AtomicPublisher(outputRoot: dir.url, faults: .none)
                try good.publish(staging: try stage(good, "previous"), period: "2024Q3", now: t0)

                let faulty = AtomicPublisher(outputRoot: dir.url, faults: FaultInjection(fault: step))
                let staging = try stage(faulty, "new")
                let period = samePeriod ? "2024Q3" : "2024Q4"
                XCTAssertThrowsError(
                    try faulty.publish(staging: staging, period: period, now: t0.addingTimeInterval(60)),
                    step
                ) { e in XCTAssertEqual((e as? InjectedFault)?.step, step) }
                let context = "\(step) same=\(samePeriod)"
                XCTAssertEqual(dir.symlinkTarget("latest"), "2024Q3", context)
                XCTAssertEqual(dir.read("latest/coopstat.txt"), "previous", context)
                XCTAssertEqual(dir.read("latest/tables/by_region.csv"), "region_code\n01\n", context)
                XCTAssertEqual(dir.names().filter { !$0.hasPrefix(".") }, ["2024Q3", "latest"], context)

                // The next run recovers without help.
                let lock = try RunLock.acquire(outputRoot: dir.url)
                try good.cleanLeftovers(holding: lock)
                XCTAssertEqual(leftovers(dir), [], context)
                try good.publish(staging: try stage(good, "next"), period: period, now: t0.addingTimeInterval(120))
                XCTAssertEqual(dir.read("latest/coopstat.txt"), "next", context)
                XCTAssertEqual(leftovers(dir), [], context)
            }
        }
    }

    func testBadPeriodNameIsRefused() throws {
        let dir = try RefreshTestFolder()
        let p = AtomicPublisher(outputRoot: dir.url, faults: .none)
        for bad in ["", "latest", ".hidden", "a/b"] {
            XCTAssertThrowsError(try p.publish(staging: try stage(p, "x"), period: bad, now: t0), bad)
        }
    }

    func testLatestThatIsARealFolderIsNotReplaced() throws {
        let dir = try RefreshTestFolder()
        try dir.write("latest/mine.txt", "user data")
        let p = AtomicPublisher(outputRoot: dir.url, faults: .none)
        XCTAssertThrowsError(try p.publish(staging: try stage(p, "x"), period: "2024Q4", now: t0))
        XCTAssertEqual(dir.read("latest/mine.txt"), "user data")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path + "/2024Q4"))
    }
}
