/// Every rejected row of a run in read order: the first rows held in memory (the workbook's list,
/// the summaries), the rest in spills on disk, and exact counts by reason. Below the bound
/// (`RejectLogBuilder`) nothing is on disk. Invariant: `count` is `listed.count` plus the rows of
/// every spill, `listed` are the first rows in read order, and the spills follow them in order.
public struct RejectLog: Sendable, ExpressibleByArrayLiteral {
    /// How many rows a log keeps in memory when built row by row.
    public static let bound = 1_000

    /// The first rejected rows in read order (all of them when nothing was spilled).
    public internal(set) var listed: [RejectedRow] = []
    /// Every rejected row, listed or spilled.
    public internal(set) var count = 0
    /// Counts by reason code, each with the sentence of its first row in read order.
    var reasons: [String: (sentence: String, count: Int)] = [:]
    /// The spilled rows after `listed`, in order, each with the shift of its line numbers.
    var spills: [(spill: any SpilledRejects, lineShift: Int)] = []
    /// Why rows could not be spilled: `rejects.csv` cannot be written complete.
    var failure: RejectSpillError?

    /// A log of `rows`, all held in memory.
    public init(_ rows: [RejectedRow] = []) {
        listed = rows
        count = rows.count
        for row in rows { tally(row.reason, count: 1) }
    }

    public init(arrayLiteral rows: RejectedRow...) {
        self.init(rows)
    }

    public var isEmpty: Bool { count == 0 }

    /// How many spills hold the rows beyond the bound (none below the bound).
    public var spillCount: Int { spills.count }

    /// Counted by reason code, most frequent first (ties by code), each with its first row's
    /// sentence: the one grouping the terminal's quality summary and the workbook's list both show.
    public var byReason: [(code: String, sentence: String, count: Int)] {
        reasons.map { ($0.key, $0.value.sentence, $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
    }

    /// Frees every spill now (the run is over); the log must not be written after.
    public func removeSpills() {
        for spill in spills { spill.spill.remove() }
    }

    /// Writes `rejects.csv` (header, listed rows, then the spills) to `sink` in chunks of about 1 MiB.
    public func writeCSV(_ sink: ([UInt8]) throws -> Void) throws {
        if let failure { throw failure }
        let chunk = 1 << 20
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        out.append(contentsOf: RejectsCSV.header.utf8)
        for row in listed {
            out.append(contentsOf: RejectsCSV.line(of: row).utf8)
            if out.count >= chunk {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for (spill, lineShift) in spills {
            try spill.forEachRecord { line, tail in
                out.append(contentsOf: spill.fileField)
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: String(line + lineShift).utf8)
                out.append(contentsOf: tail)
                if out.count >= chunk {
                    try sink(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        try sink(out)
    }

    /// Counts `count` rows of `reason`; the first sentence of a code stays.
    mutating func tally(_ reason: RejectReason, count: Int) {
        let code = reason.code
        if let entry = reasons[code] {
            reasons[code] = (entry.sentence, entry.count + count)
        } else {
            reasons[code] = (reason.sentence, count)
        }
    }
}
