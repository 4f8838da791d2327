import Foundation

/// What the last successful refresh recorded in `OUTPUT_ROOT/.coopstat-state.json`, so an
/// unchanged next run can be skipped.
/// Invariant: written atomically and only after a publish that ended with exit 0.
public struct RefreshState: Sendable, Equatable, Codable {
    /// Name of the state file inside the output root.
    public static let fileName = ".coopstat-state.json"

    /// The fingerprint digest of the published run.
    public var fingerprint: String
    /// The period folder it published.
    public var period: String
    /// When it was published (ISO 8601 UTC).
    public var publishedAt: String

    public init(fingerprint: String, period: String, publishedAt: String) {
        self.fingerprint = fingerprint
        self.period = period
        self.publishedAt = publishedAt
    }

    /// The recorded state, or nil when there is none or it cannot be parsed (then the run simply
    /// happens).
    public static func load(outputRoot: URL) -> RefreshState? {
        let url = outputRoot.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(RefreshState.self, from: data)
    }

    /// Atomically replaces the state file.
    public func save(outputRoot: URL, faults: FaultInjection = .none) throws {
        try faults.check("state:write")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(self) } catch {
            throw PublishError(operation: "encode state", path: Self.fileName, reason: "\(error)")
        }
        try DurableFiles.writeAtomically(data, to: outputRoot.appendingPathComponent(Self.fileName).path)
    }
}
