import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Expands config inputs (files, folders, glob patterns) into the list of files to read.
/// Invariant: the result is sorted by path bytes (the contract's lexicographic reading order), without
/// duplicates, every element is an existing regular file, and paths keep the prefix the user wrote.
public enum InputFiles {
    /// Files for `specs`: a file as is, a folder as all `*.csv` below it (recursive, hidden
    /// entries skipped), a pattern with `*?[` through glob(3).
    public static func expand(_ specs: [String]) throws(InputError) -> [String] {
        var paths = Set<String>()
        for spec in specs {
            if spec.contains(where: { "*?[".contains($0) }) {
                let matches = glob(spec)
                if matches.isEmpty {
                    throw InputError(path: spec, reason: "no file matches this pattern; check the --input path (or inputs in the config)")
                }
                for m in matches {
                    if isDirectory(m) { paths.formUnion(try csvFiles(under: m)) } else { paths.insert(m) }
                }
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: spec, isDirectory: &isDir) else {
                throw InputError(path: spec, reason: "no such file or folder; check the --input path (or inputs in the config)")
            }
            if isDir.boolValue {
                let found = try csvFiles(under: spec)
                if found.isEmpty { throw InputError(path: spec, reason: "folder holds no .csv file") }
                paths.formUnion(found)
            } else {
                guard FileManager.default.isReadableFile(atPath: spec) else {
                    throw InputError(path: spec, reason: "file is not readable; check its permissions")
                }
                paths.insert(spec)
            }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// All regular `*.csv` files (any case) below `folder`, recursively, skipping hidden entries.
    static func csvFiles(under folder: String) throws(InputError) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw InputError(path: folder, reason: "folder cannot be listed; check its permissions")
        }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            let parts = relative.split(separator: "/")
            guard !parts.contains(where: { $0.hasPrefix(".") }), relative.lowercased().hasSuffix(".csv") else { continue }
            let full = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out.append(full) }
        }
        return out
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
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
