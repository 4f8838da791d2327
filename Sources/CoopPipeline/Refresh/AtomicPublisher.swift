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
///
/// Ownership (CONTRACT §3.0, §4): every scratch name (S, O, `.trash-*`, `.latest-tmp-*`) is
/// written into the `PublishedLedger` before it is created, and every published folder is
/// recorded with its device and inode. Leftover cleaning, replacing and retention touch only
/// what the ledger lists; a period folder it does not list stops the publish (exit 73) and is
/// left as it was.
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

    // MARK: - Ledger

    /// The ledger of this output root.
    func ledger() throws(PublishError) -> PublishedLedger { try PublishedLedger.load(root: root) }

    /// Records `name` as a scratch entry about to be created (durably, before it exists).
    private func reserveScratch(_ name: String) throws(PublishError) {
        try DurableFiles.makeDirectory(root)
        var ledger = try ledger()
        ledger.scratch.append(name)
        try ledger.save(root: root)
    }

    /// Forgets scratch names that no longer exist.
    private func forgetGoneScratch(_ ledger: inout PublishedLedger) {
        ledger.scratch.removeAll { !DurableFiles.exists(at($0)) }
    }

    // MARK: - Leftovers

    /// Removes what killed runs left behind, as the ledger lists it: `.staging-*`,
    /// `.latest-tmp-*`, `.trash-*`; an `.old-P-*` folder is renamed back to `P` when `P` is
    /// missing and was ours (a kill between the two renames of a fallback replace), otherwise
    /// deleted. Entries the ledger does not list (a user's `.tmp-*` or `.old-*`) are never
    /// touched. Requires the run lock, so it can never delete the staging folder of a live run.
    /// Returns the names it handled.
    @discardableResult
    public func cleanLeftovers(holding lock: RunLock) throws -> [String] {
        guard lock.isHeld else {
            throw PublishError(operation: "clean leftovers", path: root, reason: "the run lock is not held")
        }
        var ledger = try ledger()
        var handled: [String] = []
        for name in ledger.scratch.sorted() where DurableFiles.exists(at(name)) {
            if name.hasPrefix(".old-"), let period = Self.periodOfOld(name), Self.isValidPeriodName(period),
                !DurableFiles.exists(at(period)), ledger.folders.contains(where: { $0.name == period })
            {
                try DurableFiles.rename(at(name), at(period))
                handled.append(name)
                continue
            }
            try DurableFiles.removeTree(at(name))
            handled.append(name)
        }
        let before = ledger
        ledger.scratch.removeAll()
        // A published folder that is gone, or is no longer the one we made, is no longer ours.
        ledger.folders.removeAll { !PublishedLedger.isCurrent($0, root: root) }
        if !handled.isEmpty { try DurableFiles.sync(root, directory: true) }
        if ledger != before { try ledger.save(root: root) }
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
        let name = ".staging-" + Self.token()
        try reserveScratch(name)
        let path = at(name)
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
        if DurableFiles.exists(target), try ledger().owned(period, root: root) == nil {
            throw PublishError(
                operation: "replace", path: target,
                reason: "this folder was not published by coopstat refresh (it is yours, even with a copied marker); "
                    + "move or rename it, then rerun")
        }

        try faults.check("publish:marker")
        try DurableFiles.writeAtomically(
            Data((Timestamp.iso(now, fractional: true) + "\n").utf8),
            to: stagingPath + "/" + Self.markerName)
        try DurableFiles.syncTree(stagingPath, faults: faults)

        // Recorded before the rename: the folder keeps its inode, so a kill right after the rename
        // still finds `period` listed as ours.
        try reserve(period, folder: stagingPath, publishedAt: Timestamp.iso(now, fractional: true))
        try faults.check("publish:rename")
        var old: String? = nil
        if DurableFiles.exists(target) {
            let oldName = ".old-\(period)-" + Self.token()
            try reserveScratch(oldName)
            let oldPath = at(oldName)
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
        try settle(period)
        return URL(fileURLWithPath: target)
    }

    /// Records that `folder` is about to be published as `period` (a second entry beside the
    /// current one until `settle`).
    private func reserve(_ period: String, folder: String, publishedAt: String) throws(PublishError) {
        guard let id = FileIdentity.ofEntry(folder) else {
            throw PublishError(operation: "record", path: folder, reason: "the staging folder vanished")
        }
        var ledger = try ledger()
        ledger.folders.append(.init(name: period, device: id.device, inode: id.inode, publishedAt: publishedAt))
        try ledger.save(root: root)
    }

    /// After a publish: keeps only the entry of `period` that is the folder now there, and
    /// forgets scratch names that are gone.
    private func settle(_ period: String) throws(PublishError) {
        var ledger = try ledger()
        ledger.folders.removeAll { $0.name == period && !PublishedLedger.isCurrent($0, root: root) }
        forgetGoneScratch(&ledger)
        try ledger.save(root: root)
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
        let tmpName = ".latest-tmp-\(getpid())"
        let tmp = at(tmpName)
        var ledger = try ledger()
        if ledger.scratch.contains(tmpName) {
            unlink(tmp)
        } else {
            guard !DurableFiles.exists(tmp) else {
                throw PublishError(operation: "create symlink", path: tmp, reason: "something not made by coopstat is there; move it away")
            }
            ledger.scratch.append(tmpName)
            try ledger.save(root: root)
        }
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
                let trashName = ".trash-" + Self.token()
                let trash = at(trashName)
                if (try? reserveScratch(trashName)) != nil, (try? DurableFiles.rename(target, trash)) != nil {
                    try? DurableFiles.rename(old, target)
                    try? DurableFiles.removeTree(trash)
                }
            }
        } else if latestTarget() != (target as NSString).lastPathComponent {
            let trashName = ".trash-" + Self.token()
            let trash = at(trashName)
            if (try? reserveScratch(trashName)) != nil, (try? DurableFiles.rename(target, trash)) != nil {
                try? DurableFiles.removeTree(trash)
            }
        }
        try? DurableFiles.sync(root, directory: true)
    }

    // MARK: - Queries and retention

    /// The folder name `latest` points at, or nil.
    public func latestTarget() -> String? {
        guard let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: at(Self.latestName)) else { return nil }
        return dest
    }

    /// Period folders this refresh published and still owns (per the ledger), newest first.
    public func publishedPeriods() -> [(name: String, publishedAt: String)] {
        guard let ledger = try? ledger() else { return [] }
        return ledger.folders.filter { PublishedLedger.isCurrent($0, root: root) }
            .map { (name: $0.name, publishedAt: $0.publishedAt) }
            .sorted { ($0.publishedAt, $0.name) > ($1.publishedAt, $1.name) }
    }

    /// Deletes published folders beyond the `keep` newest, never the one `latest` points at and
    /// never a folder the ledger does not list as ours. Call only after a successful publish.
    /// Returns the deleted names.
    @discardableResult
    public func applyRetention(keep: Int) throws -> [String] {
        try faults.check("publish:retention")
        let latest = latestTarget()
        var deleted: [String] = []
        for (i, entry) in publishedPeriods().enumerated() where i >= max(keep, 1) && entry.name != latest {
            let trashName = ".trash-\(entry.name)-" + Self.token()
            try reserveScratch(trashName)
            try DurableFiles.rename(at(entry.name), at(trashName))
            try DurableFiles.removeTree(at(trashName))
            deleted.append(entry.name)
        }
        if !deleted.isEmpty {
            try DurableFiles.sync(root, directory: true)
            var ledger = try ledger()
            ledger.folders.removeAll { deleted.contains($0.name) }
            forgetGoneScratch(&ledger)
            try ledger.save(root: root)
        }
        return deleted
    }

    static func token() -> String { "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))" }
}
