import CoopDomain
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One registry file to read: a path that opens it and the name shown to the user.
/// Invariant: `path` names a regular file; `shown` is the path as the user wrote it (folder
/// prefix kept), every byte that is not printable UTF-8 escaped (`VisibleText`).
public struct InputFile: Sendable, Equatable {
    /// A path that opens the file: the real path when its name is UTF-8, else
    /// `/proc/self/fd/N` of a descriptor held open for the life of the process.
    public let path: String
    /// The path for messages and outputs.
    public let shown: String
}

/// Expands config inputs (files, folders, glob patterns) into the files to read (CONTRACT §3.0).
/// Invariant: the result is sorted by path bytes (the contract's lexicographic reading order);
/// every element is a regular file, read once however it is named (`reg`, `./reg`, a hard link
/// or a symlink: one device and inode, one entry); names in any byte encoding are kept; a FIFO,
/// device or socket, an unreadable file or folder is an `InputError` (exit 66), never a hang.
public enum InputFiles {
    /// The paths of `expandFiles(specs)`.
    public static func expand(_ specs: [String]) throws(InputError) -> [String] {
        try expandFiles(specs).map(\.path)
    }

    /// Files for `specs`: a file as is, a folder as all `*.csv` below it (recursive, hidden
    /// entries skipped), a pattern with `*?[` through glob(3).
    public static func expandFiles(_ specs: [String]) throws(InputError) -> [InputFile] {
        var found: [[UInt8]] = []
        for spec in specs {
            if spec.contains(where: { "*?[".contains($0) }) {
                let matches = glob(spec)
                if matches.isEmpty {
                    throw InputError(
                        path: VisibleText.escaped(spec),
                        reason: "no file matches this pattern; check the --input path (or inputs in the config)")
                }
                for match in matches { try add(Array(match.utf8), explicit: true, into: &found) }
                continue
            }
            try add(Array(spec.utf8), explicit: true, into: &found)
        }
        found.sort { $0.lexicographicallyPrecedes($1) }
        var seen = Set<FileIdentity>()
        var out: [InputFile] = []
        for bytes in found {
            var st = stat()
            guard withPath(bytes, { stat($0, &st) }) == 0 else { continue }
            guard seen.insert(FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))).inserted else { continue }
            out.append(try openable(bytes))
        }
        return out
    }

    /// Adds `path` (a file or folder) to `found`, checking what it is.
    private static func add(_ path: [UInt8], explicit: Bool, into found: inout [[UInt8]]) throws(InputError) {
        let shown = VisibleText.escaped(bytes: path)
        var st = stat()
        guard withPath(path, { stat($0, &st) }) == 0 else {
            let code = errno
            if code == ENOENT {
                throw InputError(path: shown, reason: "no such file or folder; check the --input path (or inputs in the config)")
            }
            throw InputError(path: shown, reason: "cannot be read (\(String(cString: strerror(code)))); check its permissions")
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let before = found.count
            try walk(path, into: &found)
            if explicit && found.count == before { throw InputError(path: shown, reason: "folder holds no .csv file") }
        case S_IFREG:
            guard withPath(path, { access($0, R_OK) }) == 0 else {
                throw InputError(path: shown, reason: "file is not readable; check its permissions")
            }
            found.append(path)
        default:
            throw InputError(
                path: shown,
                reason: "is not a regular file (\(kind(st.st_mode))); coopstat reads only regular CSV files, give a file or a folder")
        }
    }

    /// All `*.csv` entries (any case) below `folder`, recursively, skipping hidden entries and
    /// not following symlinked folders. Names are read as bytes, whatever their encoding.
    private static func walk(_ folder: [UInt8], into found: inout [[UInt8]]) throws(InputError) {
        guard let dir = withPath(folder, { opendir($0) }) else {
            throw InputError(
                path: VisibleText.escaped(bytes: folder),
                reason: "folder cannot be read (\(String(cString: strerror(errno)))); check its permissions")
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let first = name.first, first != UInt8(ascii: ".") else { continue }
            names.append(name)
        }
        let base = folder.last == UInt8(ascii: "/") ? folder : folder + [UInt8(ascii: "/")]
        for name in names {
            let full = base + name
            var st = stat()
            guard withPath(full, { lstat($0, &st) }) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                try walk(full, into: &found)
            } else if isCSVName(name) {
                try add(full, explicit: false, into: &found)
            }
        }
    }

    /// True for names ending in `.csv`, any case.
    static func isCSVName(_ name: [UInt8]) -> Bool {
        guard name.count > 4 else { return false }
        return Array(name.suffix(4)).map { $0 | 0x20 } == Array(".csv".utf8)
    }

    /// An `InputFile` for `bytes`: as is when UTF-8, else through a held descriptor.
    private static func openable(_ bytes: [UInt8]) throws(InputError) -> InputFile {
        let shown = VisibleText.escaped(bytes: bytes)
        if let text = String(validating: bytes, as: UTF8.self), !text.contains("\0") {
            return InputFile(path: text, shown: shown)
        }
        let fd = withPath(bytes) { open($0, O_RDONLY | O_NONBLOCK) }
        guard fd >= 0 else {
            throw InputError(path: shown, reason: "cannot be opened (\(String(cString: strerror(errno)))); check its permissions")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw InputError(path: shown, reason: "is not a regular file; coopstat reads only regular CSV files")
        }
        return InputFile(path: "/proc/self/fd/\(fd)", shown: shown)
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    /// Calls `body` with `bytes` as a NUL-terminated C path.
    private static func withPath<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        let path = (bytes + [0]).map { CChar(bitPattern: $0) }
        return body(path)
    }

    /// glob(3) matches of `pattern`, sorted.
    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { out.append(String(cString: p)) }
        }
        return out.sorted()
    }
}
