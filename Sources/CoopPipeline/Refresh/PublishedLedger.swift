import Foundation

/// Refresh's own record, in `OUTPUT_ROOT/.coopstat-published.json`, of what it owns there: the
/// period folders it published (name, device and inode, publish time) and the scratch entries
/// (`.staging-*`, `.old-*`, `.trash-*`, `.latest-tmp-*`) it is creating, recorded *before* they
/// exist so that the next run can clean up after a kill.
/// Invariant: refresh creates, replaces, prunes and cleans only what this ledger lists; a folder
/// it lists counts as its own only while it still has a recorded device and inode (a user's
/// copy or replacement, marker included, is the user's). A publish records the new folder
/// before renaming it into place, so for a moment a name may have two entries.
public struct PublishedLedger: Sendable, Equatable, Codable {
    /// The ledger's name inside the output root.
    public static let fileName = ".coopstat-published.json"

    /// A period folder refresh published.
    /// Invariant: `name` is a valid period folder name.
    public struct Folder: Sendable, Equatable, Codable {
        public var name: String
        public var device: UInt64
        public var inode: UInt64
        public var publishedAt: String
    }

    public var folders: [Folder] = []
    public var scratch: [String] = []

    public init() {}

    /// The ledger of `root`; empty when absent. An unreadable ledger is an error: guessing would
    /// risk the user's folders.
    static func load(root: String) throws(PublishError) -> PublishedLedger {
        let path = root + "/" + fileName
        guard DurableFiles.exists(path) else { return PublishedLedger() }
        guard let data = FileManager.default.contents(atPath: path),
            let ledger = try? JSONDecoder().decode(PublishedLedger.self, from: data)
        else {
            throw PublishError(operation: "read the ledger", path: path, reason: "it is not coopstat's JSON; restore it or move it away")
        }
        return ledger
    }

    func save(root: String) throws(PublishError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(self) } catch {
            throw PublishError(operation: "encode the ledger", path: root + "/" + Self.fileName, reason: "\(error)")
        }
        try DurableFiles.writeAtomically(data, to: root + "/" + Self.fileName)
    }

    /// The recorded folder `name`, when it is still the very folder refresh published.
    func owned(_ name: String, root: String) -> Folder? {
        folders.first { $0.name == name && Self.isCurrent($0, root: root) }
    }

    /// True while `folder` is still the one refresh published: same device and inode, and its
    /// marker holds the recorded publish time (an inode number reused by a folder the user made
    /// later has no such marker; a `cp -a` copy has the marker but another inode).
    static func isCurrent(_ folder: Folder, root: String) -> Bool {
        let path = root + "/" + folder.name
        guard FileIdentity.ofEntry(path) == FileIdentity(device: folder.device, inode: folder.inode),
            let marker = FileManager.default.contents(atPath: path + "/" + AtomicPublisher.markerName)
        else { return false }
        return String(decoding: marker, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == folder.publishedAt
    }
}
