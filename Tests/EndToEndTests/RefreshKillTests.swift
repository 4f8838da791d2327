import CoopDomain
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` of `coopstat refresh` at random moments (issue 6): after each kill `latest` still
/// points at a whole report, and the next run recovers without manual cleanup.
///
/// `make test` runs `RefreshKillTests.defaultKills` kills; `COOPSTAT_SOAK_KILLS=N` (set by
/// `Tests/Soak/soak.sh`) runs N, and `COOPSTAT_SOAK_SEED` changes the seed.
final class RefreshKillTests: XCTestCase {
    static let defaultKills = 12
    static let defaultSeed: UInt64 = 0x6_2024_0c00

    /// Where a kill landed, read from what the killed run left in the output root.
    enum Phase: String, CaseIterable {
        /// Killed before creating its staging folder (start, lock, leftovers, fingerprint).
        case beforeStaging = "before-staging"
        /// Staging folder created and still empty: reading and aggregating the registry.
        case ingest
        /// Report files being written into staging, no manifest yet.
        case export
        /// Manifest written, marker, fsync, renames (staging or `.old-*` present, or the new
        /// report published as a period folder but `latest` not yet moved).
        case publish
        /// `latest` already resolves to the new report (killed after the rename or swap: retention, state).
        case afterSwap = "new-report-visible"
        /// The run ended before the kill.
        case finished
    }

    /// Where the test aims each kill; it then checks where the kill really landed.
    enum Aim: CaseIterable {
        /// Just after the staging folder appears.
        case ingest
        /// After the first report file, over the next dozen writes.
        case export
        /// After the manifest (the last file before publishing): marker, fsync, renames.
        case publish
        /// After the first rename of the publish (staging renamed or `.old-*` created):
        /// the second rename, the `latest` swap, retention, state.
        case swap
        /// Uniformly over the whole expected run time.
        case anywhere
    }

    func testKillNineAtRandomMomentsKeepsLatestWholeAndNextRunRecovers() throws {
        let env = ProcessInfo.processInfo.environment
        let kills = env["COOPSTAT_SOAK_KILLS"].flatMap { Int($0) } ?? Self.defaultKills
        let seed = env["COOPSTAT_SOAK_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        var rng = SplitMix64(seed: seed)  // CoopDomain's: a seed always gives the same kill plan
        let clock = Date()

        let sandbox = try RefreshSandbox("kill")
        try sandbox.writeRegistry(rows: 300)
        try sandbox.writeConfig(keep: 3)

        // A first, undisturbed publish: from now on `latest` must always be whole.
        let first = try sandbox.refresh()
        XCTAssertEqual(first.status, 0, "\(first)")
        var current = try sandbox.checkLatest()
        XCTAssertEqual(current.rowsRead, 300)

        // How long a run lasts with a delay at every step: base + steps × delay.
        try sandbox.appendRow()
        let quick = try sandbox.refresh(["--force"])
        XCTAssertEqual(quick.status, 0, "\(quick)")
        let probeDelay = 20
        try sandbox.appendRow()
        let slow = try sandbox.refresh([], environment: ["COOPSTAT_FAULT_DELAY_MS": "\(probeDelay)"])
        XCTAssertEqual(slow.status, 0, "\(slow)")
        let base = quick.seconds
        let steps = max(5, (slow.seconds - base) / (Double(probeDelay) / 1000))
        current = try sandbox.checkLatest()

        var landed: [Phase: Int] = [:]
        var log: [String] = []
        var nextQuarter = 1
        var recoveries = 0
        for k in 0..<kills {
            // Every 5 kills, a normal run: it must recover (exit 0, nothing left behind) and it
            // points `latest` at the period the next kills republish.
            if k > 0, k % 5 == 0 {
                try sandbox.appendRow()
                let recovery = try sandbox.refresh(["--quiet"])
                XCTAssertEqual(recovery.status, 0, "recovery before kill \(k): \(recovery)")
                XCTAssertEqual(sandbox.leftovers(), [], "recovery before kill \(k)")
                current = try sandbox.checkLatest()
                XCTAssertEqual(current.rowsRead, sandbox.rowCount)
                recoveries += 1
                log.append("recovered")
            }
            // New input every time, so no run is skipped as up to date. Cycles alternate: in
            // even ones every kill republishes the period `latest` points at (the exchange
            // path); odd ones start by moving the data to a new quarter, so their runs publish
            // a new period folder and move `latest` to another period.
            if k % 10 == 5, nextQuarter < 8 {
                try sandbox.appendRow(inQuarter: nextQuarter)
                nextQuarter += 1
            } else {
                try sandbox.appendRow()
            }
            let before = current
            let delay = 5 + Int(rng.next() % 26)
            let expected = base + steps * Double(delay) / 1000
            let aim = Aim.allCases[k % Aim.allCases.count]
            let fraction = Double(rng.next() % 1000) / 1000

            // What the previous kill left: the aims below watch only this run's own folders.
            let old = Set(sandbox.leftovers())
            let run = try sandbox.launchRefresh(["--quiet"], environment: ["COOPSTAT_FAULT_DELAY_MS": "\(delay)"])
            switch aim {
            case .ingest:
                // Just after the staging folder appears, within the first step's delay.
                waitFor(run, deadline: expected * 2) { self.staging(in: sandbox, except: old) != nil }
                usleep(UInt32(fraction * Double(delay) * 1000))
            case .export:
                // After the first report file, somewhere among the next dozen writes.
                waitFor(run, deadline: expected * 2) { self.stagingHolds(sandbox, except: old, anyOf: ["tables", "rejects.csv"]) }
                usleep(UInt32(fraction * Double(12 * delay) * 1000))
            case .publish:
                waitFor(run, deadline: expected * 2) { self.stagingHolds(sandbox, except: old, anyOf: ["manifest.json"]) }
                usleep(UInt32(fraction * Double(4 * delay) * 1000))
            case .swap:
                var seen = false
                waitFor(run, deadline: expected * 2) {
                    let left = Set(sandbox.leftovers()).subtracting(old)
                    let staged = left.contains { $0.hasPrefix(".staging-") }
                    defer { seen = seen || staged }
                    return (seen && !staged) || left.contains { $0.hasPrefix(".old-") }
                }
                usleep(UInt32(fraction * Double(2 * delay) * 1000))
            case .anywhere:
                usleep(UInt32(fraction * expected * 1.05 * 1_000_000))
            }
            run.kill9()
            let end = run.wait()
            let phase = end.signalled ? classify(sandbox, before: before, old: old) : .finished
            if !end.signalled { XCTAssertEqual(end.status, 0, "run \(k) ended by itself: \(end)") }
            landed[phase, default: 0] += 1

            // The invariant: latest is a whole report, the previous one or (killed after the
            // swap) the new one — never a mix, never missing.
            do {
                current = try sandbox.checkLatest()
            } catch {
                XCTFail(
                    "after kill \(k) (aim \(aim), delay \(delay) ms, landed \(phase.rawValue), leftovers \(sandbox.leftovers())): \(error)")
                return
            }
            XCTAssertTrue(
                current.rowsRead == before.rowsRead || current.rowsRead == sandbox.rowCount,
                "kill \(k): latest read \(current.rowsRead) rows; expected \(before.rowsRead) (before) or \(sandbox.rowCount) (new)")
            log.append("\(k):\(aim)/\(delay)ms->\(phase.rawValue)[\(sandbox.leftovers().joined(separator: ","))]")
        }

        // A normal run recovers: no manual cleanup, exit 0, nothing left behind.
        let recovery = try sandbox.refresh()
        XCTAssertEqual(recovery.status, 0, "\(recovery)")
        XCTAssertEqual(sandbox.leftovers(), [])
        let final = try sandbox.checkLatest()
        XCTAssertEqual(final.rowsRead, sandbox.rowCount)
        let again = try sandbox.refresh()
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("up to date"), "after recovery the state is recorded: \(again.stderr)")
        let periods = (try FileManager.default.contentsOfDirectory(atPath: sandbox.output.path))
            .filter { !$0.hasPrefix(".") && $0 != "latest" }
        XCTAssertLessThanOrEqual(periods.count, 3, "keep = 3 but found \(periods.sorted())")

        let killedInside = landed[.ingest, default: 0] + landed[.export, default: 0] + landed[.publish, default: 0]
        XCTAssertGreaterThanOrEqual(killedInside * 2, kills, "most kills should land inside the work: \(landed)")
        let summary = Phase.allCases.map { "\($0.rawValue)=\(landed[$0, default: 0])" }.joined(separator: " ")
        print(
            "RefreshKillTests: \(kills) kills, \(kills + recoveries + 5) runs (seed \(seed)), landed: \(summary); "
                + String(format: "%.1f s", Date().timeIntervalSince(clock)))
        if kills > Self.defaultKills { print("RefreshKillTests plan: " + log.joined(separator: " ")) }
    }

    // MARK: - Watching a run

    /// Polls `condition` every half millisecond until true, the run ends, or `deadline` seconds.
    private func waitFor(_ run: CoopstatProcess.Running, deadline: Double, _ condition: () -> Bool) {
        let limit = Date().addingTimeInterval(max(deadline, 0.5))
        while run.process.isRunning && Date() < limit {
            if condition() { return }
            usleep(500)
        }
    }

    /// This run's staging folder (one not in `old`), if it exists yet.
    private func staging(in sandbox: RefreshSandbox, except old: Set<String>) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.output.path)) ?? []
        return names.first { $0.hasPrefix(".staging-") && !old.contains($0) }
    }

    private func stagingHolds(_ sandbox: RefreshSandbox, except old: Set<String>, anyOf entries: [String]) -> Bool {
        guard let name = staging(in: sandbox, except: old) else { return false }
        let inside = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.output.appendingPathComponent(name).path)) ?? []
        return inside.contains { entries.contains($0) }
    }

    /// Reads the phase a killed run was in from what it left (before the next run cleans it);
    /// `old` are the leftovers of earlier kills, which this run may not have cleaned yet.
    private func classify(_ sandbox: RefreshSandbox, before: RefreshSandbox.Report, old: Set<String>) -> Phase {
        if let now = try? sandbox.checkLatest(), now.publishedAt != before.publishedAt { return .afterSwap }
        let left = sandbox.leftovers().filter { !old.contains($0) }
        if left.contains(where: { $0.hasPrefix(".old-") || $0.hasPrefix(".latest-tmp-") }) { return .publish }
        if let name = left.first(where: { $0.hasPrefix(".staging-") }) {
            let inside = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.output.appendingPathComponent(name).path)) ?? []
            if inside.isEmpty { return .ingest }
            if inside.contains(Manifest.name) || inside.contains(".published-at") { return .publish }
            return .export
        }
        // A new period folder renamed in but `latest` not yet moved.
        let periods =
            (try? FileManager.default.contentsOfDirectory(atPath: sandbox.output.path))?
            .filter { !$0.hasPrefix(".") && $0 != "latest" } ?? []
        if periods.contains(where: { period in
            let marker = sandbox.output.appendingPathComponent(period).appendingPathComponent(".published-at")
            let stamp = (try? String(contentsOf: marker, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            return (stamp ?? "") > before.publishedAt
        }) {
            return .publish
        }
        return .beforeStaging
    }

    private enum Manifest { static let name = "manifest.json" }
}
