/// Rejected rows kept outside memory, in read order (a spill), read back to write `rejects.csv`
/// and removed when the run ends. CoopDomain does no I/O: the files are CoopIngest's `RejectSpill`.
/// Invariant: `forEachRecord` gives the rows in the order they were spilled, each with its line.
public protocol SpilledRejects: Sendable {
    /// The `file` field every row of this spill shares, as `rejects.csv` writes it.
    var fileField: [UInt8] { get }
    /// Calls `body` with each row's line and the rest of its `rejects.csv` line, in order.
    func forEachRecord(_ body: (_ line: Int, _ tail: ArraySlice<UInt8>) throws -> Void) throws
    /// Frees the rows' storage now (nothing when already freed); the spill is not read after.
    func remove()
}

/// Where a `RejectLogBuilder` writes one file's rows beyond its bound, as they come.
/// Invariant: every appended row is in the spill `finish()` returns, or it throws.
public protocol RejectSpilling: AnyObject {
    /// The file whose rows this writer takes.
    var file: String { get }
    /// Adds `row` with its line moved by `lineShift`.
    func append(_ row: RejectedRow, lineShift: Int) throws(RejectSpillError)
    /// Closes the writer and gives its rows back as a spill.
    func finish() throws(RejectSpillError) -> any SpilledRejects
}
