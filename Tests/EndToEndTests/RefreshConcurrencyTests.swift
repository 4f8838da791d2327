import Foundation
import XCTest

/// Concurrent `coopstat refresh` runs on one config (issue 6): the lock lets exactly one publish;
/// every other run exits 75 at once, naming the holder's pid.
final class RefreshConcurrencyTests: XCTestCase {
    func testTwoConcurrentRefreshesPublishOnce() throws {
        try concurrentRefreshes(2)
    }

    func testFiveConcurrentRefreshesPublishOnce() throws {
        try concurrentRefreshes(5)
    }

    /// A run started while another holds the lock exits 75 long before the holder ends, and a
    /// run after the holder ended is not blocked (the kernel dropped the lock).
    func testLateRunExitsAtOnceWhileHolderWorks() throws {
        let sandbox = try RefreshSandbox("lock-late")
        try sandbox.writeRegistry(rows: 200)
        try sandbox.writeConfig()
        let holder = try sandbox.launchRefresh([], environment: ["COOPSTAT_FAULT_DELAY_MS": "40"])
        // Wait until the holder has written its pid into the lock file.
        let lockFile = sandbox.output.appendingPathComponent(".coopstat.lock")
        let limit = Date().addingTimeInterval(10)
        while Date() < limit, holder.process.isRunning,
            !((try? String(contentsOf: lockFile, encoding: .utf8)) ?? "").contains("pid=\(holder.pid)\n")
        {
            usleep(1000)
        }
        let late = try sandbox.refresh()
        let held = holder.wait()
        XCTAssertEqual(late.status, 75, "\(late)")
        XCTAssertTrue(late.stderr.contains("process \(holder.pid)"), "the 75 line names the holder: \(late.stderr)")
        XCTAssertLessThan(late.seconds, held.seconds / 2, "exit 75 comes at once, not after waiting for the lock")
        XCTAssertEqual(held.status, 0, "\(held)")
        XCTAssertEqual(try sandbox.checkLatest().rowsRead, 200)

        let after = try sandbox.refresh(["--force"])
        XCTAssertEqual(after.status, 0, "the lock is free once its holder has ended: \(after)")
    }

    private func concurrentRefreshes(_ n: Int) throws {
        let sandbox = try RefreshSandbox("lock-\(n)")
        try sandbox.writeRegistry(rows: 300)
        try sandbox.writeConfig()
        // About 40 delayed steps × 25 ms: each run lasts about a second, so all of them overlap.
        let runs = try (0..<n).map { _ in
            try sandbox.launchRefresh([], environment: ["COOPSTAT_FAULT_DELAY_MS": "25"])
        }
        let pids = runs.map(\.pid)
        let ends = runs.map { $0.wait() }

        let winners = ends.indices.filter { ends[$0].status == 0 && !ends[$0].signalled }
        XCTAssertEqual(winners.count, 1, "exactly one run publishes: \(ends)")
        guard let winner = winners.first else { return }
        for (i, end) in ends.enumerated() where i != winner {
            XCTAssertEqual(end.status, 75, "run \(i): \(end)")
            XCTAssertFalse(end.signalled)
            let lines = end.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "one clear line: \(end.stderr)")
            XCTAssertTrue(end.stderr.contains("process \(pids[winner])"), "run \(i) names the holder \(pids[winner]): \(end.stderr)")
            XCTAssertTrue(end.stderr.contains(".coopstat.lock"), "run \(i) names the lock file: \(end.stderr)")
        }
        XCTAssertTrue(ends[winner].stderr.contains("published"), ends[winner].stderr)

        let report = try sandbox.checkLatest()
        XCTAssertEqual(report.rowsRead, 300)
        XCTAssertEqual(sandbox.leftovers(), [])
        let periods = try FileManager.default.contentsOfDirectory(atPath: sandbox.output.path)
            .filter { !$0.hasPrefix(".") && $0 != "latest" }
        XCTAssertEqual(periods, [report.period], "one publish, one period folder")

        let next = try sandbox.refresh()
        XCTAssertEqual(next.status, 0)
        XCTAssertTrue(next.stderr.contains("up to date"), "the winner recorded its state: \(next.stderr)")
    }
}
