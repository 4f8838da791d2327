/// The folder part of a path, as `NSString.deletingLastPathComponent` gives it (`"a/b"` → `"a"`,
/// `"/o"` → `"/"`, `"ab"` → `""`), without Foundation: swift-corelibs-foundation traps on a
/// one-character last component that starts the string (`"o"`, `"o/"`), so `--output o` crashed.
/// Invariant: pure text work, no file system access; the result never ends with `/` unless it is `/`.
enum PathParent {
    static func of(_ path: String) -> String {
        var name = Substring(path)
        while name.count > 1, name.hasSuffix("/") { name = name.dropLast() }
        guard let slash = name.lastIndex(of: "/") else { return "" }
        var folder = name[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
