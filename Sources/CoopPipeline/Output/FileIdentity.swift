import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file or folder as the kernel knows it: device and inode, whatever path names it.
/// Invariant: two paths name the same object exactly when their identities are equal.
public struct FileIdentity: Hashable, Sendable, Codable {
    public let device: UInt64
    public let inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of what `path` names, following symlinks (`stat`), or nil when it does not exist.
    public static func of(_ path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// The identity of the entry `path` itself (`lstat`: a symlink is not followed).
    public static func ofEntry(_ path: String) -> FileIdentity? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// The identities of `path`'s folder chain that exist: `path` itself (when it exists), its
    /// parent, and so on up to `/`, resolved through `..` by the kernel (symlinks followed).
    public static func chain(_ path: String) -> [FileIdentity] {
        var out: [FileIdentity] = []
        var current = path.isEmpty ? "." : path
        var seen = Set<FileIdentity>()
        for _ in 0..<4096 {
            var st = stat()
            if stat(current, &st) == 0 {
                let id = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
                if seen.contains(id) { break }  // reached `/` (its parent is itself)
                seen.insert(id)
                out.append(id)
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    current += "/.."
                } else {
                    // A file: its folder is the one its name is in.
                    let parent = PathParent.of(current)
                    current = parent.isEmpty ? "." : parent
                }
            } else {
                // Not there yet (an output to create): try its parent by name.
                let parent = PathParent.of(current)
                current = parent.isEmpty ? "." : parent
                if current == path { break }
            }
        }
        return out
    }
}
