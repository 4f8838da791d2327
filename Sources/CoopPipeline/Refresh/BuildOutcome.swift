/// What the injected report builder tells the refresh after writing a report into staging.
/// Invariant: `periodLabel` names the folder the report is published as (`2024Q4`).
public struct BuildOutcome: Sendable, Equatable {
    /// Counts for the manifest (`rows_read`, `accepted`, `rejected`, `duplicates`, …).
    public var counts: [ManifestCount: Int]
    /// Non-blank rows read over all inputs.
    public var rowsRead: Int
    /// Rejected rows over all inputs.
    public var rejected: Int
    /// Files refused as a whole (missing required column); any -> exit 65 after publishing.
    public var refusedFiles: [String]
    /// Period folder name.
    public var periodLabel: String
    /// The period's days, "to date" state and coverage, for the manifest and the log; nil when not known.
    public var reported: ManifestPeriod?

    public init(
        counts: [ManifestCount: Int], rowsRead: Int, rejected: Int, refusedFiles: [String], periodLabel: String,
        reported: ManifestPeriod? = nil
    ) {
        self.counts = counts
        self.rowsRead = rowsRead
        self.rejected = rejected
        self.refusedFiles = refusedFiles
        self.periodLabel = periodLabel
        self.reported = reported
    }

    /// Accepted rows: `counts[.accepted]` when given, else rows read minus rejected.
    public var accepted: Int { counts[.accepted] ?? max(0, rowsRead - rejected) }

    /// The counts as `manifest.json` writes them, keyed by their JSON names.
    public var manifestCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
    }
}

/// The period as the manifest records it (CONTRACT §2.1): the run's today and analysed range, the
/// days reported, whether the period runs "to date", and how far the registries reach.
/// Invariant: days are ISO text; `runsTo` is set exactly when `toDate`.
public struct ManifestPeriod: Sendable, Equatable, Codable {
    public var label: String
    public var today: String
    public var rangeStart: String
    public var rangeEnd: String
    public var start: String
    public var end: String
    public var toDate: Bool
    public var runsTo: String?
    public var lastCreationDate: String?
    public var coveredTo: String?

    public init(
        label: String, today: String, rangeStart: String, rangeEnd: String, start: String, end: String, runsTo: String?,
        lastCreationDate: String?, coveredTo: String?
    ) {
        self.label = label
        self.today = today
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        self.start = start
        self.end = end
        self.toDate = runsTo != nil
        self.runsTo = runsTo
        self.lastCreationDate = lastCreationDate
        self.coveredTo = coveredTo
    }

    /// `2025Q2`, or `2025Q2 to date 2025-05-10` while the period runs.
    public var stated: String { runsTo.map { "\(label) to date \($0)" } ?? label }

    enum CodingKeys: String, CodingKey {
        case label, today, start, end
        case rangeStart = "range_start"
        case rangeEnd = "range_end"
        case toDate = "to_date"
        case runsTo = "runs_to"
        case lastCreationDate = "last_creation_date"
        case coveredTo = "covered_to"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(today, forKey: .today)
        try c.encode(rangeStart, forKey: .rangeStart)
        try c.encode(rangeEnd, forKey: .rangeEnd)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(toDate, forKey: .toDate)
        try c.encode(runsTo, forKey: .runsTo)
        try c.encode(lastCreationDate, forKey: .lastCreationDate)
        try c.encode(coveredTo, forKey: .coveredTo)
    }
}
