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

    /// Writes `data` to `path` via a temporary sibling, fsync and rename, then fsyncs the folder.
    static func writeAtomically(_ data: Data, to path: String) throws(PublishError) {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = dir + "/.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-" + (path as NSString).lastPathComponent
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw systemError("create", tmp) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(tmp) }
        }
        let written = data.withUnsafeBytes { buf -> Int in
            guard let base = buf.baseAddress else { return 0 }  // no bytes, nothing to write
            var off = 0
            while off < buf.count {
                let n = write(fd, base + off, buf.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                off += n
            }
            return off
        }
        guard written == data.count else { throw systemError("write", tmp) }
        guard fsync(fd) == 0 else { throw systemError("fsync", tmp) }
        try rename(tmp, path)
        ok = true
        try sync(dir, directory: true)
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

    /// Creates `path` and its parents when missing.
    static func makeDirectory(_ path: String) throws(PublishError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PublishError(operation: "create folder", path: path, reason: error.localizedDescription)
        }
    }
}
