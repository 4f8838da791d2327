/// The accounting of one input file (one row of the `data_quality` table).
/// Invariant (checked at the end of every run): `rowsRead == accepted + rejected + duplicates`
/// unless the file was refused, in which case all counts are zero.
public struct FileQuality: Sendable, Equatable {
    public var file: String
    public var encoding: String
    public var delimiter: String
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    public var duplicates = 0
    public var duplicateConflicts = 0
    public var unknownSector = 0
    public var skippedBlank = 0
    /// Bytes that could not be decoded and were replaced by U+FFFD.
    public var replacedBytes = 0
    /// Header cells that matched no known column, as written.
    public var unknownColumns: [String] = []
    /// Distinct unknown sector values (as written) and how often each appeared.
    public var unknownSectorValues: [String: Int] = [:]
    /// Why the whole file was refused (missing required column, unreadable), nil when it was read.
    public var refusal: String?
    /// The same refusal as values, for outputs that word it in the run's language; nil when the file was read.
    public var refusalValues: FileRefusal?

    public init(file: String, encoding: String = "", delimiter: String = "") {
        self.file = file
        self.encoding = encoding
        self.delimiter = delimiter
    }

    /// True when every row read is accounted for.
    public var isBalanced: Bool { rowsRead == accepted + rejected + duplicates }

    /// The counts of `lhs` and `rhs` added together, under `lhs`'s name, encoding and delimiter (for the TOTAL row).
    /// Unknown sector values are summed per value; unknown columns and refusals stay `lhs`'s.
    public static func + (lhs: FileQuality, rhs: FileQuality) -> FileQuality {
        var sum = lhs
        sum.rowsRead += rhs.rowsRead
        sum.accepted += rhs.accepted
        sum.rejected += rhs.rejected
        sum.duplicates += rhs.duplicates
        sum.duplicateConflicts += rhs.duplicateConflicts
        sum.unknownSector += rhs.unknownSector
        sum.skippedBlank += rhs.skippedBlank
        sum.replacedBytes += rhs.replacedBytes
        for (value, count) in rhs.unknownSectorValues { sum.unknownSectorValues[value, default: 0] += count }
        return sum
    }

    /// The TOTAL row over `files`: every count summed with `+`, named "TOTAL", no encoding or delimiter.
    public static func total(of files: [FileQuality]) -> FileQuality {
        files.reduce(FileQuality(file: "TOTAL"), +)
    }
}

/// Two versions of one cooperative that differ in a field both report: the one replaced and the one that won.
/// Invariant: both share the same `duplicateKey`; ids are kept as each row spelled them (trimmed), never case-folded.
public struct DuplicateConflict: Sendable, Equatable {
    /// The id as the replaced (earlier) row spelled it: the registry's own spelling.
    public let registrationId: String
    /// The id as the row that won spelled it (may differ from `registrationId` in case only).
    public let keptRegistrationId: String
    public let replacedFile: String
    public let replacedLine: Int
    public let keptFile: String
    public let keptLine: Int
    /// Field names whose values differ.
    public let differingFields: [RegistryField]
    public let replaced: CooperativeRecord
    public let kept: CooperativeRecord

    public init(
        replacedFile: String, replacedLine: Int, keptFile: String, keptLine: Int,
        replaced: CooperativeRecord, kept: CooperativeRecord
    ) {
        self.registrationId = replaced.registrationId
        self.keptRegistrationId = kept.registrationId
        self.replacedFile = replacedFile
        self.replacedLine = replacedLine
        self.keptFile = keptFile
        self.keptLine = keptLine
        self.replaced = replaced
        self.kept = kept
        self.differingFields = CooperativeRecord.differingFields(replaced, kept)
    }
}
