/// Collects rejected rows in read order into a `RejectLog`: the first `bound` kept in memory, the
/// rest written to spills as they come (one per file and run of rows). Invariant: rows and logs
/// are appended in read order, and the log `finish()` returns holds every one of them.
public struct RejectLogBuilder {
    private var log = RejectLog()
    private let bound: Int
    private var writer: (any RejectSpilling)?
    /// Opens a writer for the rows of a file past the bound (CoopIngest's temporary files).
    private let openSpill: (_ file: String) throws(RejectSpillError) -> any RejectSpilling

    public init(
        bound: Int = RejectLog.bound, spillingTo openSpill: @escaping (_ file: String) throws(RejectSpillError) -> any RejectSpilling
    ) {
        self.bound = bound
        self.openSpill = openSpill
    }

    /// Adds one row, its line moved by `lineShift`.
    public mutating func append(_ row: RejectedRow, lineShift: Int = 0) {
        log.count += 1
        log.tally(row.reason, count: 1)
        place(row, lineShift: lineShift)
    }

    /// Adds every row of `other` (a later part or file), its lines moved by `lineShift`.
    public mutating func append(contentsOf other: RejectLog, lineShift: Int = 0) {
        for row in other.listed { place(row, lineShift: lineShift) }
        if !other.spills.isEmpty {
            closeWriter()
            log.spills += other.spills.map { ($0.spill, $0.lineShift + lineShift) }
        }
        log.count += other.count
        for (code, entry) in other.reasons {
            let own = log.reasons[code]
            log.reasons[code] = (own?.sentence ?? entry.sentence, (own?.count ?? 0) + entry.count)
        }
        log.failure = log.failure ?? other.failure
    }

    /// The log of every row appended.
    public mutating func finish() -> RejectLog {
        closeWriter()
        return log
    }

    /// Lists `row` while nothing has been spilled and the bound allows, else spills it.
    private mutating func place(_ row: RejectedRow, lineShift: Int) {
        if log.listed.count < bound && writer == nil && log.spills.isEmpty {
            log.listed.append(
                lineShift == 0
                    ? row
                    : RejectedRow(
                        file: row.file, line: row.line + lineShift, registrationId: row.registrationId, field: row.field,
                        value: row.value, reason: row.reason))
            return
        }
        guard log.failure == nil else { return }
        do throws(RejectSpillError) {
            if let open = writer, open.file != row.file { closeWriter() }
            let open: any RejectSpilling
            if let current = writer {
                open = current
            } else {
                open = try openSpill(row.file)
                writer = open
            }
            try open.append(row, lineShift: lineShift)
        } catch {
            log.failure = error
            writer = nil
        }
    }

    private mutating func closeWriter() {
        guard let open = writer else { return }
        writer = nil
        do throws(RejectSpillError) {
            log.spills.append((try open.finish(), 0))
        } catch {
            log.failure = log.failure ?? error
        }
    }
}
