import Foundation
import Logging

/// The cron entry point's machinery (`coopstat refresh`, CONTRACT §4): lock, recover, skip when
/// unchanged, build into staging through the injected builder, write the manifest, publish
/// atomically, apply retention, record state.
/// Invariant: whatever happens (error, injected fault, kill), the previously published report
/// and `latest` stay whole, and the next run cleans up without manual help.
public enum Refresh {
    /// Writes a complete report into `stagingDir` (an empty folder) for `config`. Errors that
    /// conform to `CarriesExitCode` keep their exit code; any other error ends the run with 70.
    /// Writers should call `FaultInjection.check("write:<file>")` before each file.
    public typealias Builder = (_ stagingDir: URL, _ config: RefreshConfig) throws -> BuildOutcome

    /// Runs one refresh. `now` is the start time (lock file, manifest, `previous-quarter`);
    /// `clock` gives later times (end of build, publish time). Never throws: every failure is an
    /// exit code with a message.
    public static func run(
        config: RefreshConfig,
        force: Bool = false,
        now: Date = Date(),
        version: String = "dev",
        clock: () -> Date = Date.init,
        faults: FaultInjection = .fromEnvironment,
        logger: Logger = Logger(label: "refresh"),
        build: Builder
    ) -> RefreshOutcome {
        var messages: [String] = []
        func say(_ level: Logger.Level, _ text: String) {
            messages.append(text)
            logger.log(level: level, "\(text)")
        }
        func fail(_ error: Error) -> RefreshOutcome {
            let status = (error as? CarriesExitCode)?.exitCode ?? .software
            let text =
                status == .software && !(error is CarriesExitCode)
                ? "internal error: \(error); please report it with the run's log" : "\(error)"
            if status == .tempFail && config.quiet {
                messages.append(text)  // another run holds the lock: harmless, cron mails nothing
            } else {
                say(.error, text)
            }
            return RefreshOutcome(status: status, messages: messages)
        }

        let lock: RunLock
        do {
            try OutputPlace.checkOverlap(output: config.outputRoot.path, inputs: config.inputs)
            try faults.check("lock")
            lock = try RunLock.acquire(outputRoot: config.outputRoot, now: now)
        } catch {
            return fail(error)
        }
        defer { lock.release() }

        let publisher = AtomicPublisher(outputRoot: config.outputRoot, faults: faults)
        var staging: URL? = nil
        defer { if let staging { try? DurableFiles.removeTree(staging.path) } }
        do {
            let cleaned = try publisher.cleanLeftovers(holding: lock)
            if !cleaned.isEmpty {
                say(.notice, "recovered from an interrupted run: cleaned \(cleaned.joined(separator: ", "))")
            }

            let files = try InputFiles.expand(config.inputs).map { URL(fileURLWithPath: $0) }
            let periodKey = InputFingerprint.periodKey(spec: config.period, today: config.today ?? Today.day(at: now))
            let fingerprint = try InputFingerprint.compute(
                inputs: files, configText: config.configText, referenceFolder: config.reference,
                version: version, periodKey: periodKey)

            if !force, let state = RefreshState.load(outputRoot: config.outputRoot),
                state.fingerprint == fingerprint.digest,
                publisher.latestTarget() == state.period,
                DurableFiles.exists(config.outputRoot.appendingPathComponent(state.period).path)
            {
                let text =
                    "up to date: inputs and config unchanged since \(state.publishedAt) "
                    + "(latest -> \(state.period)); use --force to rebuild"
                if !config.quiet { say(.info, text) } else { messages.append(text) }
                return RefreshOutcome(status: .ok, messages: messages, upToDate: true)
            }

            let dir = try publisher.makeStaging()
            staging = dir
            let outcome = try build(dir, config)
            guard AtomicPublisher.isValidPeriodName(outcome.periodLabel) else {
                throw RefreshInternalError(reason: "the report builder returned an unusable period label '\(outcome.periodLabel)'")
            }

            let thresholdExceeded =
                config.rejectThreshold?.isExceeded(
                    rejected: outcome.rejected, rowsRead: outcome.rowsRead) ?? false
            let status: SysExit = (thresholdExceeded || !outcome.refusedFiles.isEmpty) ? .dataError : .ok

            let manifest = Manifest(
                coopstatVersion: version, period: outcome.periodLabel, inputs: fingerprint.inputs,
                options: Manifest.Options(config: config), counts: outcome.manifestCounts,
                startedAt: now, endedAt: clock(), exitStatus: status.rawValue, fingerprint: fingerprint.digest,
                reported: outcome.reported)
            try manifest.write(into: dir, faults: faults)

            let publishedAt = clock()
            let published = try publisher.publish(staging: dir, period: outcome.periodLabel, now: publishedAt)
            staging = nil
            say(.info, "published \(outcome.reported?.stated ?? outcome.periodLabel) (\(grouped(outcome.accepted)) accepted)")

            do {
                let removed = try publisher.applyRetention(keep: config.keep)
                if !removed.isEmpty { say(.info, "removed old reports (keep = \(config.keep)): \(removed.joined(separator: ", "))") }
            } catch {
                say(.warning, "could not remove old reports: \(error); the next run retries")
            }

            for file in outcome.refusedFiles {
                say(.error, "\(file): file refused (see data_quality in \(outcome.periodLabel)); fix its header and rerun")
            }
            if thresholdExceeded, let t = config.rejectThreshold {
                let share = outcome.rowsRead > 0 ? Double(outcome.rejected) * 100 / Double(outcome.rowsRead) : 0
                say(
                    .error,
                    "rejected \(grouped(outcome.rejected)) of \(grouped(outcome.rowsRead)) rows ("
                        + String(format: "%.2f", share) + "%), above reject_threshold \(t); see \(outcome.periodLabel)/rejects.csv")
            }

            if status == .ok {
                do {
                    try RefreshState(
                        fingerprint: fingerprint.digest, period: outcome.periodLabel,
                        publishedAt: Timestamp.iso(publishedAt)
                    ).save(outputRoot: config.outputRoot, faults: faults)
                } catch {
                    say(.warning, "published, but could not record the run state (\(error)); the next run rebuilds")
                }
            }
            return RefreshOutcome(status: status, messages: messages, published: published)
        } catch {
            return fail(error)
        }
    }

    /// `60055` -> `60,055`.
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
