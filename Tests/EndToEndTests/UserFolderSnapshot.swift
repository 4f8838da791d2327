import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// What a folder holds, entry by entry, as the kernel sees it: inode, mode, owner, link count,
/// allocated blocks and content (regular files), link target (symlinks), for asserting that
/// coopstat left the user's files exactly as they were (issue 12).
/// Invariant: entries are keyed by path relative to the root, the root itself as ".".
struct UserFolderSnapshot: Equatable, CustomStringConvertible {
    struct Entry: Equatable {
        var inode: UInt64
        var mode: UInt32
        var owner: UInt32
        var group: UInt32
        var links: UInt64
        var blocks: Int64
        var content: [UInt8]?
        var target: String?
    }

    var entries: [String: Entry]

    /// Snapshot of `root`, skipping relative paths for which `skip` is true.
    init(_ root: String, skip: (String) -> Bool = { _ in false }) {
        entries = [:]
        walk(root, relative: ".", skip: skip)
    }

    private mutating func walk(_ path: String, relative: String, skip: (String) -> Bool) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        var entry = Entry(
            inode: UInt64(st.st_ino), mode: UInt32(st.st_mode), owner: st.st_uid, group: st.st_gid,
            links: UInt64(st.st_nlink), blocks: Int64(st.st_blocks), content: nil, target: nil)
        switch st.st_mode & S_IFMT {
        case S_IFREG: entry.content = FileManager.default.contents(atPath: path).map { Array($0) }
        case S_IFLNK: entry.target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
        default: break
        }
        entries[relative] = entry
        guard (st.st_mode & S_IFMT) == S_IFDIR, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            let child = relative == "." ? name : relative + "/" + name
            if skip(child) { continue }
            walk(path + "/" + name, relative: child, skip: skip)
        }
    }

    var description: String {
        entries.keys.sorted().map { key in
            let e = entries[key]!
            return "\(key) ino=\(e.inode) mode=\(String(e.mode, radix: 8)) uid=\(e.owner) links=\(e.links) blocks=\(e.blocks)"
        }.joined(separator: "\n")
    }

    /// Asserts that every entry of this (earlier) snapshot is in `after` exactly as it was;
    /// for the folders in `folders` (which may gain coopstat's own files) only inode, mode and
    /// owner are compared. Entries `after` has in addition are not checked here.
    func assertKept(in after: UserFolderSnapshot, folders: Set<String> = ["."], file: StaticString = #filePath, line: UInt = #line) {
        for (key, was) in entries.sorted(by: { $0.key < $1.key }) {
            guard let now = after.entries[key] else {
                XCTFail("\(key) vanished", file: file, line: line)
                continue
            }
            if folders.contains(key) {
                XCTAssertEqual(
                    [now.inode, UInt64(now.mode), UInt64(now.owner), UInt64(now.group)],
                    [was.inode, UInt64(was.mode), UInt64(was.owner), UInt64(was.group)], "\(key) changed", file: file, line: line)
            } else {
                XCTAssertEqual(now, was, "\(key) changed", file: file, line: line)
            }
        }
    }

    /// The differences with `other`, one line per path, for a readable failure.
    func differences(_ other: UserFolderSnapshot) -> String {
        Set(entries.keys).union(other.entries.keys).sorted().compactMap { key in
            entries[key] == other.entries[key]
                ? nil : "\(key): \(String(describing: entries[key])) -> \(String(describing: other.entries[key]))"
        }.joined(separator: "\n")
    }
}

/// Runs the built `coopstat` as the unprivileged user `nobody` through
/// `setpriv --reuid=nobody --regid=nogroup --clear-groups`; available only to root.
enum Unprivileged {
    /// nil when this test process cannot drop privileges (not root, or no setpriv).
    static var available: String? {
        guard getuid() == 0 else { return "not running as root: the privilege tests need root to become nobody" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return "setpriv is not installed" }
        guard getpwnam("nobody") != nil, getgrnam("nogroup") != nil else { return "no nobody/nogroup accounts" }
        return nil
    }

    static var nobody: (uid: uid_t, gid: gid_t) {
        (getpwnam("nobody")?.pointee.pw_uid ?? 65534, getgrnam("nogroup")?.pointee.gr_gid ?? 65534)
    }

    /// `coopstat ARGS` as nobody, in `folder` (which must be traversable by nobody).
    static func run(_ arguments: [String], in folder: URL) throws -> CoopstatProcess.Finished {
        let binary = try CoopstatProcess.executable().path
        return try CoopstatProcess.run(
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary] + arguments, scratch: folder, executable: "/usr/bin/setpriv")
    }
}
