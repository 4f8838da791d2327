import CoopDomain
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Rejected rows of one file beyond the rows kept in memory, written as they were found to a file
/// of its own private temporary folder (mode 0700, made like `mkdtemp`). Each record is the row's
/// line (8 bytes, little-endian), the byte length of the rest (4 bytes) and the rest of its
/// `rejects.csv` line (`RejectsCSV.tail`). Invariant: once made, the file is complete and never
/// changes; its folder is removed by `remove()` or when the last reference goes, whichever comes first.
public final class RejectSpill: SpilledRejects {
    /// The private folder holding `path`.
    public let folder: String
    let path: String
    /// The `file` field every row of this spill shares.
    public let fileField: [UInt8]
    /// The rows in the file.
    let count: Int

    init(folder: String, path: String, fileField: [UInt8], count: Int) {
        self.folder = folder
        self.path = path
        self.fileField = fileField
        self.count = count
    }

    deinit { remove() }

    /// Removes the folder and its file (nothing when already gone).
    public func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Calls `body` with each record's line and `rejects.csv` tail, in the order written.
    public func forEachRecord(_ body: (_ line: Int, _ tail: ArraySlice<UInt8>) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RejectSpillError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var pending: [UInt8] = []
        var seen = 0
        while true {
            let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if read < 0 {
                if errno == EINTR { continue }
                throw RejectSpillError(path: path, reason: String(cString: strerror(errno)))
            }
            if read == 0 { break }
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
}

/// Writes one file's rejected rows, in read order, into a `RejectSpill`; the folder is made at the
/// first row. Invariant: every appended row is in the spill `finish()` returns, or it throws;
/// dropped unfinished, it closes and removes what it wrote.
final class RejectSpillWriter: RejectSpilling {
    let file: String
    private let folder: String
    private let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var count = 0

    init(file: String) throws(RejectSpillError) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-rejects-XXXXXX").path
        var template = Array(base.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard made != nil else { throw RejectSpillError(path: base, reason: String(cString: strerror(errno))) }
        folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        path = folder + "/rejects.bin"
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        self.file = file
        if descriptor < 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: folder)
            throw RejectSpillError(path: path, reason: reason)
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            try? FileManager.default.removeItem(atPath: folder)
        }
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

    /// Writes what is buffered, closes the file and returns the spill.
    func finish() throws(RejectSpillError) -> any SpilledRejects {
        try flush()
        close(descriptor)
        descriptor = -1
        return RejectSpill(folder: folder, path: path, fileField: Array(RejectsCSV.fileField(file).utf8), count: count)
    }

    private func flush() throws(RejectSpillError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw RejectSpillError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
