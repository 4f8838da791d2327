import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension AtomicPublisher {
    /// A fresh staging folder beside `dir` (`.<NAME>.staging-<pid>-<random>`), on the same file
    /// system so the swap is a rename.
    public static func makeStaging(besides dir: URL, faults: FaultInjection = .fromEnvironment) throws -> URL {
        try faults.check("staging:create")
        let parent = dir.deletingLastPathComponent().path
        try DurableFiles.makeDirectory(parent)
        let path = parent + "/.\(dir.lastPathComponent).staging-\(token())"
        guard mkdir(path, 0o755) == 0 else { throw DurableFiles.systemError("create staging folder", path) }
        return URL(fileURLWithPath: path)
    }

    /// Replaces the whole folder `dir` by `staging` atomically (the `coopstat run --output DIR`
    /// case). Files in `dir` that the run does not produce (per `isRunOutput`, e.g. a README.md
    /// the user keeps there) are first copied into `staging`, so they survive; old run outputs
    /// are not carried over, so the result never mixes two runs.
    ///
    /// Safety: staging is complete and fsynced before anything visible changes; the swap is one
    /// `renameat2(RENAME_EXCHANGE)` (or, where unsupported, rename-aside then rename-in, leaving
    /// `.NAME.old-*` beside DIR for `recoverDirectory` if killed between the two); the old copy
    /// is deleted last. On error `dir` is as before.
    public static func publishDirectory(
        staging: URL,
        to dir: URL,
        faults: FaultInjection = .fromEnvironment,
        isRunOutput: (String) -> Bool = RunOutputs.isProduced
    ) throws {
        let dirPath = dir.standardizedFileURL.path
        let stagingPath = staging.path
        let parent = (dirPath as NSString).deletingLastPathComponent
        let fm = FileManager.default
        var st = stat()
        let existed = lstat(dirPath, &st) == 0
        if existed {
            guard (st.st_mode & S_IFMT) == S_IFDIR else {
                throw PublishError(operation: "replace", path: dirPath, reason: "it is not a folder; choose another --output")
            }
            try carryOver(from: dirPath, into: stagingPath, isRunOutput: isRunOutput)
        }
        try DurableFiles.syncTree(stagingPath, faults: faults)
        try faults.check("publish:rename")
        if !existed {
            try DurableFiles.rename(stagingPath, dirPath)
        } else if try DurableFiles.exchange(stagingPath, dirPath) {
            try DurableFiles.sync(parent, directory: true)
            try? DurableFiles.removeTree(stagingPath)  // now holds the old folder
        } else {
            let old = parent + "/.\(dir.lastPathComponent).old-\(token())"
            try DurableFiles.rename(dirPath, old)
            do { try DurableFiles.rename(stagingPath, dirPath) } catch {
                try? DurableFiles.rename(old, dirPath)
                throw error
            }
            try DurableFiles.sync(parent, directory: true)
            try? fm.removeItem(atPath: old)
        }
        try DurableFiles.sync(parent, directory: true)
    }

    /// Repairs what a killed `publishDirectory` left beside `dir`: restores `.NAME.old-*` when
    /// `dir` is missing, and removes `.NAME.staging-*` / `.NAME.old-*` whose process is gone.
    /// Returns the names handled.
    @discardableResult
    public static func recoverDirectory(_ dir: URL) throws -> [String] {
        let parent = dir.deletingLastPathComponent().path
        let base = "." + dir.lastPathComponent + "."
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        var handled: [String] = []
        for name in names where name.hasPrefix(base) {
            let rest = name.dropFirst(base.count)
            let kind: String
            if rest.hasPrefix("staging-") { kind = "staging" } else if rest.hasPrefix("old-") { kind = "old" } else { continue }
            let pidText = rest.dropFirst(kind.count + 1).split(separator: "-").first.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }  // live run
            if kind == "old", !DurableFiles.exists(dir.path) {
                try DurableFiles.rename(parent + "/" + name, dir.path)
            } else {
                try DurableFiles.removeTree(parent + "/" + name)
            }
            handled.append(name)
        }
        return handled
    }

    /// Copies every file of `from` that is not a run output and is absent from `into`.
    private static func carryOver(from: String, into: String, isRunOutput: (String) -> Bool) throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: from) else { return }
        for case let rel as String in walker {
            let src = from + "/" + rel
            var st = stat()
            guard lstat(src, &st) == 0 else { continue }
            let mode = st.st_mode & S_IFMT
            guard mode == S_IFREG || mode == S_IFLNK, !isRunOutput(rel) else { continue }
            let dst = into + "/" + rel
            if DurableFiles.exists(dst) { continue }
            do {
                try fm.createDirectory(atPath: (dst as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try fm.copyItem(atPath: src, toPath: dst)
            } catch {
                throw PublishError(operation: "carry over", path: src, reason: error.localizedDescription)
            }
        }
    }

    static func token() -> String { "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))" }
}
