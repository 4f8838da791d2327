import CoopDomain
import CoopTransform
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// coopstat's hidden record, in an output folder, of the files it wrote there
/// (`.coopstat-outputs.json`): relative path with the device, inode, size and modification time
/// (nanoseconds) the file had once written.
/// Invariant: a file of an earlier run is removed only when it is listed here, bears one of the
/// names coopstat writes (CONTRACT §3.0; a listing that names anything else is ignored) *and*
/// still is the very file coopstat wrote (a regular file, all four the same: an inode number
/// reused by a user's new file does not pass); anything else is the user's.
public struct OutputBookkeeping: Sendable, Equatable, Codable {
    /// The bookkeeping file's name inside the output folder.
    public static let fileName = ".coopstat-outputs.json"

    /// One file coopstat wrote.
    /// Invariant: `path` is relative to the output folder, `/`-separated, never `..`.
    public struct Entry: Sendable, Equatable, Codable {
        public var path: String
        public var device: UInt64
        public var inode: UInt64
        public var size: Int64
        public var modifiedNanoseconds: Int64

        init(path: String, status st: stat) {
            self.path = path
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            modifiedNanoseconds = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        }
    }

    public var files: [Entry]

    public init(files: [Entry] = []) { self.files = files }

    /// The bookkeeping in `folder`, empty when there is none or it cannot be read (then nothing
    /// of an earlier run is removed: not knowing means not ours).
    public static func load(folder: String) -> OutputBookkeeping {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
            let decoded = try? JSONDecoder().decode(OutputBookkeeping.self, from: data)
        else { return OutputBookkeeping() }
        return OutputBookkeeping(files: decoded.files.filter { isSafeRelative($0.path) && isCoopstatName($0.path) })
    }

    /// True for the names coopstat writes in an output folder (CONTRACT §3.0): `coopstat.xlsx`,
    /// `coopstat.txt`, `summary.json`, `rejects.csv`, `manifest.json`, `coopstat.LANG.xlsx|txt`
    /// and `tables/NAME.csv` for the tables it knows.
    static func isCoopstatName(_ path: String) -> Bool {
        if ["coopstat.xlsx", "coopstat.txt", "summary.json", "rejects.csv", Manifest.fileName].contains(path) { return true }
        for language in Language.allCases {
            if path == "coopstat.\(language.rawValue).xlsx" || path == "coopstat.\(language.rawValue).txt" { return true }
        }
        return TableKey.allCases.contains { path == "tables/\($0.rawValue).csv" }
    }

    /// The entry for `relative` as it now is in `folder` (after coopstat wrote it).
    static func entry(_ relative: String, in folder: String) -> Entry? {
        var st = stat()
        guard lstat(folder + "/" + relative, &st) == 0 else { return nil }
        return Entry(path: relative, status: st)
    }

    /// Removes from `folder` the files of this (earlier) bookkeeping that `current` no longer
    /// lists and that are still the very files coopstat wrote. Returns the removed paths.
    func removeStale(keeping current: OutputBookkeeping, in folder: String) throws(PublishError) -> [String] {
        let kept = Set(current.files.map(\.path))
        var removed: [String] = []
        for entry in files where !kept.contains(entry.path) {
            let path = folder + "/" + entry.path
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Entry(path: entry.path, status: st) == entry
            else { continue }
            guard unlink(path) == 0 else { throw DurableFiles.systemError("remove", path) }
            removed.append(entry.path)
        }
        for parent in Set(removed.map { PathParent.of(folder + "/" + $0) }) {
            try DurableFiles.sync(parent, directory: true)
        }
        return removed
    }

    /// This (earlier) bookkeeping after a run that put only `finished` in place: the entries of
    /// `finished`, and the earlier entries for every other path (their files were not replaced).
    /// What a failed run saves, so that a later run still removes what either run wrote.
    func updated(with finished: OutputBookkeeping) -> OutputBookkeeping {
        let replaced = Set(finished.files.map(\.path))
        return OutputBookkeeping(files: files.filter { !replaced.contains($0.path) } + finished.files)
    }

    /// Writes this bookkeeping into `folder` (beside and renamed, like every output).
    func save(folder: String) throws(PublishError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(self) } catch {
            throw PublishError(operation: "encode", path: folder + "/" + Self.fileName, reason: "\(error)")
        }
        try DurableFiles.writeAtomically(data, to: folder + "/" + Self.fileName)
    }

    private static func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
}
