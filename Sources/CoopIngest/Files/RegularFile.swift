import Glibc

/// Opens a file for reading only when it is a regular file (CONTRACT §3.0): the open itself
/// never blocks (`O_NONBLOCK`, so a FIFO cannot hang the run) and `fstat` on the opened
/// descriptor settles what was opened, so a file swapped for a FIFO or a device between the
/// listing and the read is refused too. Invariant: a returned descriptor is a regular file's,
/// in blocking mode again, close-on-exec.
public enum RegularFile {
    /// The descriptor of `path`, or the reason it cannot be read (one clause, no path).
    public static func open(_ path: String) -> Result<Int32, FileReadError> {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileReadError(path: path, reason: String(cString: strerror(errno)))) }
        var st = stat()
        guard fstat(descriptor, &st) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            return .failure(FileReadError(path: path, reason: reason))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(descriptor)
            return .failure(FileReadError(path: path, reason: "not a regular file; coopstat reads only regular CSV files"))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return .success(descriptor)
    }
}
