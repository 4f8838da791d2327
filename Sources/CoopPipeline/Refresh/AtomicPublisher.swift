import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Publishes a report built in a staging folder as `OUTPUT_ROOT/<PERIOD>/` and points
/// `OUTPUT_ROOT/latest` at it, so that readers and crashes only ever see whole reports.
/// Invariant: at every instant (kill -9 included) `latest` is either absent (nothing ever
/// published) or a symlink to a complete, fsynced report folder — with one documented exception:
/// on file systems without `renameat2(RENAME_EXCHANGE)`, republishing the *same* period leaves a
/// window of two renames where `PERIOD` is missing; the next run restores it (see
/// `cleanLeftovers`).
///
/// Why each step is safe to die in (names: S = `.staging-<pid>-<rand>`, O = `.old-<P>-<pid>-<rand>`):
/// 1. building S, writing `.published-at`, fsyncing S: nothing visible changed; next run deletes S.
/// 2. new period: rename(S, P) is atomic; before it P does not exist, after it P is complete.
///    Same period: renameat2(S, P, EXCHANGE) swaps both names atomically; S then holds the old
///    report (next run deletes it), then S is renamed to O.
/// 3. fsync(root) makes the renames durable; a crash before it shows the old or the new state,
///    both whole.
/// 4. `latest`: a symlink `.latest-tmp-<pid>` -> `P` (relative) is renamed over `latest`;
///    rename(2) replaces it atomically, so readers resolve either the old or the new target.
/// 5. O is deleted last; if killed while deleting, the next run sees P present and deletes O.
/// 6. retention renames each expired folder to `.trash-…` (atomic) before deleting it, never
///    touches `latest`'s target, and only runs after a successful publish.
public struct AtomicPublisher: Sendable {
    /// Name of the symlink pointing at the newest published folder.
    public static let latestName = "latest"
    /// Marker file written in each published folder: publish time, ISO 8601 UTC with millis.
    public static let markerName = ".published-at"

    /// The output root holding period folders.
    public let outputRoot: URL
    /// Fault hook checked at each step.
    public let faults: FaultInjection

    public init(outputRoot: URL, faults: FaultInjection = .fromEnvironment) {
        self.outputRoot = outputRoot
        self.faults = faults
    }

    private var root: String { outputRoot.path }
    private func at(_ name: String) -> String { root + "/" + name }

    /// True for names that may be used as a period folder (`2024Q4`, `2024`, `2020..2024`, `all`).
    public static func isValidPeriodName(_ name: String) -> Bool {
        !name.isEmpty && name != latestName && !name.hasPrefix(".") && !name.contains("/")
            && name.utf8.count <= 100 && name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f }
    }

    // MARK: - Leftovers

    /// Removes what killed runs left behind: `.staging-*`, `.latest-tmp-*`, `.trash-*`, `.tmp-*`;
    /// an `.old-P-*` folder is renamed back to `P` when `P` is missing (a kill between the two
    /// renames of a fallback replace), otherwise deleted. Requires the run lock, so it can never
    /// delete the staging folder of a live run. Returns the names it handled.
    @discardableResult
    public func cleanLeftovers(holding lock: RunLock) throws -> [String] {
        guard lock.isHeld else {
            throw PublishError(operation: "clean leftovers", path: root, reason: "the run lock is not held")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var handled: [String] = []
        for name in names.sorted() {
            if name.hasPrefix(".old-") {
                let period = Self.periodOfOld(name)
                if let period, Self.isValidPeriodName(period), !DurableFiles.exists(at(period)) {
                    try DurableFiles.rename(at(name), at(period))
                    handled.append(name)
                    continue
                }
                try DurableFiles.removeTree(at(name))
                handled.append(name)
            } else if name.hasPrefix(".staging-") || name.hasPrefix(".latest-tmp-")
                || name.hasPrefix(".trash-") || name.hasPrefix(".tmp-")
            {
                try DurableFiles.removeTree(at(name))
                handled.append(name)
            }
        }
        if !handled.isEmpty { try DurableFiles.sync(root, directory: true) }
        return handled
    }

    /// `P` from `.old-P-<pid>-<rand>`.
    static func periodOfOld(_ name: String) -> String? {
        var parts = name.dropFirst(".old-".count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        parts.removeLast(2)
        return parts.joined(separator: "-")
    }

    // MARK: - Publish

    /// Creates an empty staging folder `OUTPUT_ROOT/.staging-<pid>-<random>` (same file system as
    /// the final folder, so the publish is a rename).
    public func makeStaging() throws -> URL {
        try faults.check("staging:create")
        try DurableFiles.makeDirectory(root)
        let path = at(".staging-" + Self.token())
        guard mkdir(path, 0o755) == 0 else { throw DurableFiles.systemError("create staging folder", path) }
        return URL(fileURLWithPath: path)
    }

    /// Publishes `staging` as `OUTPUT_ROOT/<period>/` and points `latest` at it. On error the
    /// previously published report and `latest` are as before; `staging` may remain (the caller
    /// removes it, or the next run does). Returns the published folder.
    @discardableResult
    public func publish(staging: URL, period: String, now: Date) throws -> URL {
        guard Self.isValidPeriodName(period) else {
            throw PublishError(operation: "publish", path: period, reason: "not a usable folder name for a period")
        }
        let stagingPath = staging.path
        let target = at(period)

        try faults.check("publish:marker")
        try DurableFiles.writeAtomically(
            Data((Timestamp.iso(now, fractional: true) + "\n").utf8),
            to: stagingPath + "/" + Self.markerName)
        try DurableFiles.syncTree(stagingPath, faults: faults)

        try faults.check("publish:rename")
        var old: String? = nil
        if DurableFiles.exists(target) {
            let oldPath = at(".old-\(period)-" + Self.token())
            if try DurableFiles.exchange(stagingPath, target) {
                // S now holds the previous report; give it the recognisable .old name.
                try DurableFiles.rename(stagingPath, oldPath)
            } else {
                try DurableFiles.rename(target, oldPath)
                do { try DurableFiles.rename(stagingPath, target) } catch {
                    try? DurableFiles.rename(oldPath, target)
                    throw error
                }
            }
            old = oldPath
        } else {
            try DurableFiles.rename(stagingPath, target)
        }
        try DurableFiles.sync(root, directory: true)

        do {
            try pointLatest(at: period)
        } catch {
            rollBack(target: target, old: old)
            throw error
        }
        if let old { try? DurableFiles.removeTree(old) }
        return URL(fileURLWithPath: target)
    }

    /// Atomically replaces the `latest` symlink by one to `period` (relative target).
    private func pointLatest(at period: String) throws {
        let latest = at(Self.latestName)
        if let current = latestTarget(), current == period {
            try faults.check("publish:symlink")
            return
        }
        var st = stat()
        if lstat(latest, &st) == 0, (st.st_mode & S_IFMT) != S_IFLNK {
            throw PublishError(
                operation: "replace", path: latest,
                reason: "it is not a symlink; move it away so coopstat can manage 'latest'")
        }
        let tmp = at(".latest-tmp-\(getpid())")
        unlink(tmp)
        guard symlink(period, tmp) == 0 else { throw DurableFiles.systemError("create symlink", tmp) }
        do {
            try faults.check("publish:symlink")
            try DurableFiles.rename(tmp, latest)
        } catch {
            unlink(tmp)
            throw error
        }
        try DurableFiles.sync(root, directory: true)
    }

    /// Undoes a publish whose `latest` step failed: puts the previous folder back (or removes a
    /// new period folder), so the output root looks as before the run.
    private func rollBack(target: String, old: String?) {
        if let old {
            if (try? DurableFiles.exchange(old, target)) == true {
                try? DurableFiles.removeTree(old)
            } else {
                let trash = at(".trash-" + Self.token())
                if (try? DurableFiles.rename(target, trash)) != nil {
                    try? DurableFiles.rename(old, target)
                    try? DurableFiles.removeTree(trash)
                }
            }
        } else if latestTarget() != (target as NSString).lastPathComponent {
            let trash = at(".trash-" + Self.token())
            if (try? DurableFiles.rename(target, trash)) != nil { try? DurableFiles.removeTree(trash) }
        }
        try? DurableFiles.sync(root, directory: true)
    }

    // MARK: - Queries and retention

    /// The folder name `latest` points at, or nil.
    public func latestTarget() -> String? {
        guard let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: at(Self.latestName)) else { return nil }
        return dest
    }

    /// Published period folders (those holding a `.published-at` marker), newest first.
    public func publishedPeriods() -> [(name: String, publishedAt: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var out: [(name: String, publishedAt: String)] = []
        for name in names where Self.isValidPeriodName(name) {
            guard let data = FileManager.default.contents(atPath: at(name) + "/" + Self.markerName) else { continue }
            out.append((name, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return out.sorted { ($0.publishedAt, $0.name) > ($1.publishedAt, $1.name) }
    }

    /// Deletes published folders beyond the `keep` newest, never the one `latest` points at and
    /// never a folder without a marker (not ours). Call only after a successful publish.
    /// Returns the deleted names.
    @discardableResult
    public func applyRetention(keep: Int) throws -> [String] {
        try faults.check("publish:retention")
        let latest = latestTarget()
        var deleted: [String] = []
        for (i, entry) in publishedPeriods().enumerated() where i >= max(keep, 1) && entry.name != latest {
            let trash = at(".trash-\(entry.name)-" + Self.token())
            try DurableFiles.rename(at(entry.name), trash)
            try DurableFiles.removeTree(trash)
            deleted.append(entry.name)
        }
        if !deleted.isEmpty { try DurableFiles.sync(root, directory: true) }
        return deleted
    }
}
