import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// POSIX file operations that survive a crash: fsync of files and folders, atomic renames and
/// exchanges, atomic small-file writes.
/// Invariant: every function either completes its step or throws `PublishError`; none leaves a
/// half-written file under its final name.
enum DurableFiles {
    static func systemError(_ operation: String, _ path: String, _ code: Int32 = errno) -> PublishError {
        PublishError(operation: operation, path: path, reason: String(cString: strerror(code)))
    }

    /// fsync one file or folder by path.
    static func sync(_ path: String, directory: Bool) throws(PublishError) {
        let fd = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("open for fsync", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw systemError("fsync", path) }
    }

    /// fsync every file and folder below `root`, children before parents, `root` last.
    static func syncTree(_ root: String, faults: FaultInjection) throws {
        try faults.check("fsync")
        let fm = FileManager.default
        var dirs: [String] = []
        if let walker = fm.enumerator(atPath: root) {
            for case let rel as String in walker {
                let path = root + "/" + rel
                var st = stat()
                guard lstat(path, &st) == 0 else { throw systemError("stat", path) }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: dirs.append(path)
                case S_IFREG: try sync(path, directory: false)
                default: continue  // symlinks need no data sync
                }
            }
        }
        for d in dirs.reversed() { try sync(d, directory: true) }
        try sync(root, directory: true)
    }

    /// rename(2), which atomically replaces a file or an empty folder / symlink at `to`.
    static func rename(_ from: String, _ to: String) throws(PublishError) {
        guard Glibc.rename(from, to) == 0 else { throw systemError("rename to \(to)", from) }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Atomically swaps two existing paths (Linux `renameat2(RENAME_EXCHANGE)`). Returns false,
    /// touching nothing, when the kernel, C library or file system does not support it.
    static func exchange(_ a: String, _ b: String) throws(PublishError) -> Bool {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(sym, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP { return false }
        throw systemError("exchange with \(b)", a, code)
    }

    /// Writes `data` to `path` through `replace(_:fill:)`.
    static func writeAtomically(_ data: Data, to path: String) throws(PublishError) {
        try replace(path) { (descriptor, temporary) throws(PublishError) in
            try writeAll(data, to: descriptor, path: temporary)
        }
    }

    /// The one durable "write beside and rename" every output goes through: creates a hidden
    /// temporary sibling `.NAME.coopstat-tmp-<pid>-<rand>` (exclusively, mode 0666 less the
    /// umask), lets `fill` write the whole file (through the descriptor, or by path), fsyncs it,
    /// renames it over `path` and fsyncs the folder. On error the temporary file is removed and
    /// `path` is as before; nothing else in the folder is touched. `placed` is called once the
    /// rename is done: a failure after it (the folder's fsync) leaves the new file at `path`.
    static func replace(
        _ path: String, placed: () -> Void = {}, fill: (_ descriptor: Int32, _ temporaryPath: String) throws -> Void
    ) throws(PublishError) {
        let dir = PathParent.of(path)
        let folder = dir.isEmpty ? "." : dir
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/." + name + ".coopstat-tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw systemError("create", temporary) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(temporary) }
        }
        do {
            try fill(fd, temporary)
        } catch let error as PublishError {
            throw error
        } catch {
            throw PublishError(operation: "write", path: path, reason: "\(error)")
        }
        // A filler that wrote by path (the workbook) wrote through its own descriptor; fsync by path then.
        let sync = open(temporary, O_RDONLY | O_CLOEXEC)
        guard sync >= 0 else { throw systemError("reopen", temporary) }
        defer { close(sync) }
        guard fsync(sync) == 0 else { throw systemError("fsync", temporary) }
        try rename(temporary, path)
        ok = true
        placed()
        try self.sync(folder, directory: true)
    }

    /// Writes all of `data` to `descriptor` (retrying short writes and EINTR).
    static func writeAll(_ data: some DataProtocol, to descriptor: Int32, path: String) throws(PublishError) {
        let bytes = Array(data)
        let failure: Int32? = bytes.withUnsafeBytes { buf -> Int32? in
            guard let base = buf.baseAddress else { return nil }
            var off = 0
            while off < buf.count {
                let n = write(descriptor, base + off, buf.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                off += n
            }
            return nil
        }
        if let failure { throw systemError("write", path, failure) }
    }

    /// Removes a file, symlink or folder tree; a missing path is not an error.
    static func removeTree(_ path: String) throws(PublishError) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw PublishError(operation: "remove", path: path, reason: error.localizedDescription)
        }
    }

    /// True when something (even a dangling symlink) exists at `path`.
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Creates `path` and its missing parents (mode 0777 less the umask); an existing folder is
    /// left exactly as it is, something else at `path` is an error.
    static func makeDirectory(_ path: String) throws(PublishError) {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else {
                throw PublishError(operation: "create folder", path: path, reason: "something that is not a folder is there")
            }
            return
        }
        let parent = PathParent.of(path)
        if !parent.isEmpty, parent != path, stat(parent, &st) != 0 { try makeDirectory(parent) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw systemError("create folder", path) }
    }
}
