import CoopDomain
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Rejected rows of one file beyond the rows kept in memory, written as they were found to a file
/// that has no name: made in a private temporary folder (mode 0700, like `mkdtemp`), it is unlinked
/// and its folder removed as soon as it is open, so that nothing is left on disk however the run
/// ends (even by SIGKILL) and the space is freed when its descriptor closes. Each record is the
/// row's line (8 bytes, little-endian), the byte length of the rest (4 bytes) and the rest of its
/// `rejects.csv` line (`RejectsCSV.tail`). Invariant: once made, the file is complete and never
/// changes; the descriptor is closed by `remove()` or when the last reference goes.
public final class RejectSpill: SpilledRejects, @unchecked Sendable {
    /// The `file` field every row of this spill shares.
    public let fileField: [UInt8]
    /// The rows in the file.
    let count: Int
    /// Where the file was made (its name is gone), for error messages.
    let path: String
    /// The open descriptor of the nameless file, -1 once removed; guarded by `lock`.
    private var descriptor: Int32
    private let lock = NSLock()

    init(descriptor: Int32, path: String, fileField: [UInt8], count: Int) {
        self.descriptor = descriptor
        self.path = path
        self.fileField = fileField
        self.count = count
    }

    deinit { remove() }

    /// Closes the file, which frees its space (nothing when already closed).
    public func remove() {
        lock.lock()
        defer { lock.unlock() }
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Calls `body` with each record's line and `rejects.csv` tail, in the order written.
    public func forEachRecord(_ body: (_ line: Int, _ tail: ArraySlice<UInt8>) throws -> Void) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var pending: [UInt8] = []
        var seen = 0
        var offset = 0
        while true {
            let read = try readChunk(into: &chunk, at: offset)
            if read == 0 { break }
            offset += read
            pending.append(contentsOf: chunk[0..<read])
            var start = 0
            while pending.count - start >= 12 {
                var line: UInt64 = 0
                for index in 0..<8 { line |= UInt64(pending[start + index]) << (8 * UInt64(index)) }
                var length = 0
                for index in 0..<4 { length |= Int(pending[start + 8 + index]) << (8 * index) }
                guard pending.count - start - 12 >= length else { break }
                try body(Int(truncatingIfNeeded: line), pending[(start + 12)..<(start + 12 + length)])
                start += 12 + length
                seen += 1
            }
            pending.removeFirst(start)
        }
        guard pending.isEmpty, seen == count else {
            throw RejectSpillError(path: path, reason: "the file holds \(seen) rows, not \(count)")
        }
    }

    /// Reads the bytes of the file at `offset` into `chunk`: how many (0 at the end).
    private func readChunk(into chunk: inout [UInt8], at offset: Int) throws(RejectSpillError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { throw RejectSpillError(path: path, reason: "the spill was already removed") }
        switch chunk.withUnsafeMutableBytes({ NamelessFile.read(into: $0, from: descriptor, at: offset) }) {
        case .success(let read): return read
        case .failure(let failure): throw RejectSpillError(path: path, reason: failure.reason)
        }
    }
}

/// Writes one file's rejected rows, in read order, into a `RejectSpill`; the nameless file is made
/// at the first row. Invariant: every appended row is in the spill `finish()` returns, or it throws;
/// dropped unfinished, it closes what it wrote (which frees it).
final class RejectSpillWriter: RejectSpilling {
    let file: String
    private let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var count = 0

    init(file: String) throws(RejectSpillError) {
        do {
            (descriptor, path) = try NamelessFile.open(folderPrefix: "coopstat-rejects", name: "rejects.bin")
        } catch {
            throw RejectSpillError(path: error.path, reason: error.reason)
        }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds `row` (of this writer's file) with its line moved by `lineShift`.
    func append(_ row: RejectedRow, lineShift: Int) throws(RejectSpillError) {
        let tail = RejectsCSV.tail(of: row)
        let line = UInt64(truncatingIfNeeded: row.line + lineShift)
        for index in 0..<8 { buffer.append(UInt8(truncatingIfNeeded: line >> (8 * UInt64(index)))) }
        let length = tail.utf8.count
        guard length <= Int(UInt32.max) else { throw RejectSpillError(path: path, reason: "a rejected row of \(length) bytes") }
        for index in 0..<4 { buffer.append(UInt8(truncatingIfNeeded: length >> (8 * index))) }
        buffer.append(contentsOf: tail.utf8)
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered and hands the file over to the spill it returns.
    func finish() throws(RejectSpillError) -> any SpilledRejects {
        try flush()
        let spill = RejectSpill(descriptor: descriptor, path: path, fileField: Array(RejectsCSV.fileField(file).utf8), count: count)
        descriptor = -1
        return spill
    }

    private func flush() throws(RejectSpillError) {
        if let reason = buffer.withUnsafeBytes({ NamelessFile.write($0, to: descriptor, at: nil) }) {
            throw RejectSpillError(path: path, reason: reason)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
