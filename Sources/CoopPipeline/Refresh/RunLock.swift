import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Another run holds the lock, or the lock file cannot be opened.
/// Invariant: `held` maps to exit 75, `unavailable` to 73.
public enum LockError: Error, CustomStringConvertible, CarriesExitCode, Equatable {
    /// Someone else holds the lock; pid and start time as they wrote them (nil if unreadable).
    case held(path: String, pid: Int32?, startedAt: String?)
    /// The lock file could not be created or locked for another reason.
    case unavailable(path: String, reason: String)

    public var exitCode: SysExit {
        switch self {
        case .held: return .tempFail
        case .unavailable: return .cantCreate
        }
    }

    public var description: String {
        switch self {
        case .held(let path, let pid, let startedAt):
            let who = pid.map { "process \($0)" } ?? "another process"
            let since = startedAt.map { " since \($0)" } ?? ""
            return "\(path): another coopstat run (\(who)\(since)) holds the lock; try again when it has finished"
        case .unavailable(let path, let reason):
            return "\(path): cannot take the run lock: \(reason)"
        }
    }
}

/// An advisory `flock` on `OUTPUT_ROOT/.coopstat.lock`, held for a whole refresh run.
/// Invariant: while an instance is alive and not released, no other open file description of
/// the lock file can lock it; the kernel drops the lock when the process dies, so a stale lock
/// never needs cleaning. The lock file itself is never deleted (deleting it would let two runs
/// lock two different files).
public final class RunLock {
    /// Name of the lock file inside the output root.
    public static let fileName = ".coopstat.lock"

    /// Path of the lock file.
    public let path: String
    /// When this holder took the lock.
    public let startedAt: Date
    private var fd: Int32

    private init(path: String, fd: Int32, startedAt: Date) {
        self.path = path
        self.fd = fd
        self.startedAt = startedAt
    }

    deinit { release() }

    /// Takes the lock in `outputRoot` (created if missing) without waiting, and records this
    /// process's pid and `now` in the file. Throws `LockError.held` at once if another holds it.
    public static func acquire(outputRoot: URL, now: Date = Date()) throws(LockError) -> RunLock {
        let path = outputRoot.appendingPathComponent(fileName).path
        do {
            try DurableFiles.makeDirectory(outputRoot.path)
        } catch {
            throw .unavailable(path: path, reason: error.reason)
        }
        // Formatted before locking: the first ISO8601DateFormatter of a process takes
        // milliseconds, and a run refused meanwhile would find no pid to name.
        let stamp = ISO8601DateFormatter().string(from: now)
        let text = "pid=\(getpid())\nstarted=\(stamp)\n"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unavailable(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK {
                var holder = readHolder(fd: fd)
                // The holder may have just locked and not yet written its pid: look again briefly.
                for _ in 0..<20 where holder.pid == nil {
                    usleep(5_000)
                    holder = readHolder(fd: fd)
                }
                close(fd)
                throw .held(path: path, pid: holder.pid, startedAt: holder.startedAt)
            }
            close(fd)
            throw .unavailable(path: path, reason: String(cString: strerror(code)))
        }
        // Overwrite, then cut to length: no emptied-file moment for a refused run to read.
        let length = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        if length > 0 { _ = ftruncate(fd, off_t(length)) }
        _ = fsync(fd)
        return RunLock(path: path, fd: fd, startedAt: now)
    }

    /// True while this instance holds the lock.
    public var isHeld: Bool { fd >= 0 }

    /// Drops the lock (also done on deinit and by the kernel at process exit).
    public func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    /// Holder's pid and start time as written in the file; nils when unreadable (e.g. the holder
    /// has locked but not yet written).
    private static func readHolder(fd: Int32) -> (pid: Int32?, startedAt: String?) {
        var buf = [UInt8](repeating: 0, count: 256)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return (nil, nil) }
        let text = String(decoding: buf[0..<n], as: UTF8.self)
        var pid: Int32?
        var started: String?
        for line in text.split(separator: "\n") {
            if pid == nil, line.hasPrefix("pid=") { pid = Int32(line.dropFirst(4)) }
            if started == nil, line.hasPrefix("started=") { started = String(line.dropFirst(8)) }
        }
        return (pid, started)
    }
}
