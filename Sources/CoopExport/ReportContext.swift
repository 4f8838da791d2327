import CoopDomain
import CoopTransform

/// One input file as the outputs describe it (summary.json, the workbook's About sheet).
/// Invariant: `sha256` is lower-case hex, empty when not computed.
public struct InputDescription: Sendable, Equatable {
    public let path: String
    public let size: Int64
    public let sha256: String
    public let encoding: String
    public let delimiter: String
    public let rowsRead: Int

    public init(path: String, size: Int64, sha256: String, encoding: String, delimiter: String, rowsRead: Int) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowsRead = rowsRead
    }
}

/// Everything an output needs about one run: the analysis, the data quality (files, rejects,
/// conflicts), the inputs and the options. Invariant: `asOf` is derived from the period (or given),
/// never the wall clock, so outputs are reproducible.
public struct ReportContext: Sendable {
    public let analysis: Analysis
    public let reference: ReferenceData
    public let files: [FileQuality]
    /// Every rejected row: the first in memory, the rest streamed from spills into `rejects.csv`.
    public let rejects: RejectLog
    public let conflicts: [DuplicateConflict]
    public let inputs: [InputDescription]
    /// The options as a user would write them (`period`, `lang`, `region`, ...), for the record.
    public let options: [(key: String, value: String)]
    public let version: String
    /// The "data as of" day: the end of the reported period (or `--as-of`).
    public let asOf: Day

    public init(
        analysis: Analysis, reference: ReferenceData, files: [FileQuality], rejects: RejectLog,
        conflicts: [DuplicateConflict], inputs: [InputDescription], options: [(key: String, value: String)],
        version: String, asOf: Day
    ) {
        self.analysis = analysis
        self.reference = reference
        self.files = files
        self.rejects = rejects
        self.conflicts = conflicts
        self.inputs = inputs
        self.options = options
        self.version = version
        self.asOf = asOf
    }

    public var language: Language { analysis.language }

    /// Rejects counted by reason code, most frequent first (ties by code).
    public var rejectsByReason: [(code: String, sentence: String, count: Int)] { rejects.byReason }

    /// The TOTAL row of the data quality.
    public var totalQuality: FileQuality {
        FileQuality.total(of: files)
    }
}
