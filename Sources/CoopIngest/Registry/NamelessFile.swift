import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary file that has no name: made in a private folder (mode 0700, like `mkdtemp`) under
/// `folder` (`TMPDIR` when set, else `/var/tmp`, else `/tmp`), then unlinked and its folder removed as soon as it is open,
/// so that nothing is left on disk however the run ends (even by SIGKILL) and its space is freed
/// when the descriptor closes. Invariant: once `open` returns, no name of it exists on disk.
enum NamelessFile {
    /// Why a nameless file could not be made, written or read: where it was made and the system's reason.
    struct Failure: Error, Sendable {
        let path: String
        let reason: String
    }

    /// Where the files are made: `TMPDIR` when set; else `/var/tmp`, which is on disk where `/tmp` may be
    /// a RAM-backed tmpfs (Debian 13), since a run's spills can be as large as its input; else `/tmp`.
    static var folder: String {
        if let chosen = ProcessInfo.processInfo.environment["TMPDIR"], !chosen.isEmpty { return chosen }
        if access("/var/tmp", W_OK | X_OK) == 0 { return "/var/tmp" }
        return "/tmp"
    }

    /// Opens a new, empty nameless file for reading and writing, made as `folderPrefix-XXXXXX/name`;
    /// the path it was made at (gone already: for messages) and its descriptor.
    static func open(folderPrefix: String, name: String) throws(Failure) -> (descriptor: Int32, path: String) {
        let base = URL(fileURLWithPath: folder).appendingPathComponent("\(folderPrefix)-XXXXXX").path
        var template = Array(base.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard made != nil else { throw Failure(path: base, reason: String(cString: strerror(errno))) }
        let folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let path = folder + "/" + name
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        let reason = descriptor < 0 ? String(cString: strerror(errno)) : ""
        // The name goes at once: the open descriptor is the file (nothing to clean up after a kill).
        unlink(path)
        rmdir(folder)
        if descriptor < 0 { throw Failure(path: path, reason: reason) }
        return (descriptor, path)
    }

    /// Writes all of `bytes` at `offset` (the end of the file when nil); the system's reason when it cannot.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int?) -> String? {
        var done = 0
        while done < bytes.count {
            let start = bytes.baseAddress.map { $0 + done }
            let written =
                offset.map { pwrite(descriptor, start, bytes.count - done, off_t($0 + done)) }
                ?? Glibc.write(descriptor, start, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if written == 0 { return "nothing could be written" }
            done += written
        }
        return nil
    }

    /// Reads up to `buffer.count` bytes at `offset` into `buffer`: how many (0 at the end), or the system's reason.
    static func read(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int) -> Result<Int, Failure> {
        while true {
            let read = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if read >= 0 { return .success(read) }
            if errno != EINTR { return .failure(Failure(path: "", reason: String(cString: strerror(errno)))) }
        }
    }
}
