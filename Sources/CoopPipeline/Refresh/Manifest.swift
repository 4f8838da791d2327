import Foundation

/// `manifest.json` in each published folder: what went in, with which options, what came out.
/// Invariant: encodes with sorted keys and pretty printing, times as ISO 8601 UTC text, so the
/// same run always gives the same bytes and decoding gives back an equal value.
public struct Manifest: Sendable, Equatable, Codable {
    /// File name inside a published folder.
    public static let fileName = "manifest.json"

    /// The options that shaped the report.
    /// Invariant: mirrors `RefreshConfig` in plain values (paths absolute).
    public struct Options: Sendable, Equatable, Codable {
        public var period: String
        public var languages: [String]
        public var formats: [String]
        public var rejectThreshold: String?
        public var keep: Int
        public var reference: String?
        public var region: String?
        public var only: String?
        /// The configured ends of the range (null: 2005-01-01, and the run's today).
        public var rangeStart: String?
        public var rangeEnd: String?
        /// The configured today (null: the system's local date).
        public var today: String?
        public var fileOverrides: [FileOverride]

        /// A `[[file]]` override in plain words: the encoding's and the delimiter's canonical names.
        public struct FileOverride: Sendable, Equatable, Codable {
            public var path: String
            public var encoding: String?
            public var delimiter: String?
        }

        public init(config: RefreshConfig) {
            period = config.period.description
            languages = config.languages.map(\.rawValue)
            formats = config.formats.map(\.rawValue)
            rejectThreshold = config.rejectThreshold?.description
            keep = config.keep
            reference = config.reference?.path
            region = config.region?.text
            only = config.only?.rawValue
            rangeStart = config.rangeStart?.description
            rangeEnd = config.rangeEnd?.description
            today = config.today?.description
            fileOverrides = config.fileOverrides.map {
                FileOverride(path: $0.path, encoding: $0.encoding?.rawValue, delimiter: $0.delimiter?.rawValue)
            }
        }

        enum CodingKeys: String, CodingKey {
            case period, languages, formats, keep, reference, region, only, today
            case rejectThreshold = "reject_threshold"
            case rangeStart = "range_start"
            case rangeEnd = "range_end"
            case fileOverrides = "file_overrides"
        }
    }

    public var coopstatVersion: String
    /// The period folder name (`2024Q4`).
    public var period: String
    /// The period's days, "to date" state and coverage (nil in manifests of older versions).
    public var reported: ManifestPeriod?
    public var inputs: [FileDigest]
    public var options: Options
    /// Counts given by the report builder (rows read, accepted, rejected, …).
    public var counts: [String: Int]
    public var startedAt: String
    public var endedAt: String
    public var durationSeconds: Double
    /// The exit status the run ends with once published (0 or 65).
    public var exitStatus: Int32
    /// The input fingerprint digest.
    public var fingerprint: String

    public init(
        coopstatVersion: String, period: String, inputs: [FileDigest], options: Options,
        counts: [String: Int], startedAt: Date, endedAt: Date, exitStatus: Int32, fingerprint: String,
        reported: ManifestPeriod? = nil
    ) {
        self.coopstatVersion = coopstatVersion
        self.period = period
        self.reported = reported
        self.inputs = inputs
        self.options = options
        self.counts = counts
        self.startedAt = Timestamp.iso(startedAt)
        self.endedAt = Timestamp.iso(endedAt)
        self.durationSeconds = (endedAt.timeIntervalSince(startedAt) * 1000).rounded() / 1000
        self.exitStatus = exitStatus
        self.fingerprint = fingerprint
    }

    enum CodingKeys: String, CodingKey {
        case period, inputs, options, counts, fingerprint, reported
        case coopstatVersion = "coopstat_version"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case durationSeconds = "duration_seconds"
        case exitStatus = "exit_status"
    }

    /// Pretty-printed, sorted-key JSON with a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Decodes a manifest written by `encoded()`.
    public static func decode(_ data: Data) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: data)
    }

    /// Writes `manifest.json` into `folder` (atomically, fsynced).
    public func write(into folder: URL, faults: FaultInjection = .none) throws {
        try faults.check("write:" + Self.fileName)
        try DurableFiles.writeAtomically(try encoded(), to: folder.appendingPathComponent(Self.fileName).path)
    }
}
