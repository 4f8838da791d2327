import Foundation

/// The registry files named by `--input` paths: a file as given, a folder as every `*.csv` below it
/// (recursively), in lexicographic path order. Invariant: no path appears twice.
public enum InputFiles {
    /// Expands `paths`; throws `InputError.missing` for a path that does not exist.
    public static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { throw InputError.missing(path) }
            if isFolder.boolValue {
                guard let walker = manager.enumerator(atPath: path) else { throw InputError.unreadable(path, "cannot list the folder") }
                var inFolder: [String] = []
                while let relative = walker.nextObject() as? String {
                    guard relative.lowercased().hasSuffix(".csv") else { continue }
                    let full = (path as NSString).appendingPathComponent(relative)
                    var isSub: ObjCBool = false
                    if manager.fileExists(atPath: full, isDirectory: &isSub), !isSub.boolValue { inFolder.append(full) }
                }
                found.append(contentsOf: inFolder)
            } else {
                found.append(path)
            }
        }
        var seen = Set<String>()
        return found.filter { seen.insert(($0 as NSString).standardizingPath).inserted }.sorted(by: InputFiles.pathOrder)
    }

    /// Lexicographic order of paths by their UTF-8 bytes (independent of locale).
    public static func pathOrder(_ a: String, _ b: String) -> Bool {
        Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }
}

/// An input that cannot be read at all (exit 66). Invariant: `description` is one line naming the path and the fix.
public enum InputError: Error, CustomStringConvertible, Sendable, Equatable {
    case missing(String)
    case unreadable(String, String)
    case noFiles([String])

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or folder; check the --input path"
        case .unreadable(let path, let why): "\(path): cannot read it (\(why)); check its permissions"
        case .noFiles(let paths): "\(paths.joined(separator: ", ")): no *.csv file found; point --input at registry files"
        }
    }
}
