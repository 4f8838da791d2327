import CoopDomain
import Foundation
import Glibc

/// The thin I/O shell around `RegistryParser`: reads a file in large chunks and feeds them.
/// Invariant: memory is bounded by the chunk size and the largest record, never the file size.
public enum RegistryFileReader {
    public static let chunkSize = 1 << 20

    /// Reads `path` (shown as `displayName`) and delivers every row outcome with its line.
    public static func read(
        path: String, displayName: String, reference: ReferenceData, range: DateRange,
        format: RegistryFormat, deliver: (RowOutcome, Int) throws -> Void
    ) throws -> (quality: FileQuality, refusal: RegistryRefusal?) {
        var parser = RegistryParser(file: displayName, reference: reference, range: range, format: format)
        try read(path: path, bytes: nil, into: &parser, deliver: deliver)
        return (parser.quality, parser.refusal)
    }

    /// Feeds `parser` the bytes of `path` in `bytes` (the whole file when nil), `chunkSize` at a time, then finishes it;
    /// returns the line breaks in those bytes when `countingLines` (else 0). After each chunk,
    /// `meter` (when given) learns the bytes just read and the rows read since its last call.
    @discardableResult
    public static func read(
        path: String, bytes: Range<Int>?, into parser: inout RegistryParser, countingLines: Bool = false,
        chunkSize: Int = RegistryFileReader.chunkSize, meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil,
        deliver: (RowOutcome, Int) throws -> Void
    ) throws -> Int {
        try readRows(
            path: path, bytes: bytes, into: &parser, countingLines: countingLines, chunkSize: chunkSize, meter: meter,
            delivering: deliver)
    }

    /// `read(path:bytes:into:countingLines:meter:deliver:)` delivering each row in the form `Outcome`.
    @discardableResult
    static func readRows<Outcome: ParsedRow>(
        path: String, bytes: Range<Int>?, into parser: inout RegistryParser, countingLines: Bool = false,
        chunkSize: Int = RegistryFileReader.chunkSize, meter: (@Sendable (_ bytes: Int, _ rows: Int) -> Void)? = nil,
        delivering deliver: (Outcome, Int) throws -> Void
    ) throws -> Int {
        var rowsMetered = 0
        var lineBreaks = 0
        var previousWasCR = false
        let descriptor = try RegularFile.open(path).get()
        defer { Glibc.close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var offset = bytes?.lowerBound ?? 0
        let end = bytes?.upperBound ?? Int.max
        while offset < end {
            let wanted = min(chunkSize, end - offset)
            let count = buffer.withUnsafeMutableBytes { Glibc.pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            offset += count
            if countingLines {
                lineBreaks += buffer.withUnsafeBufferPointer {
                    FileSplit.lineBreaks(in: UnsafeBufferPointer(rebasing: $0[0..<count]), previousWasCR: &previousWasCR)
                }
            }
            try parser.feedRows(count == chunkSize ? buffer : Array(buffer[0..<count]), delivering: deliver)
            if let meter {
                meter(count, parser.quality.rowsRead - rowsMetered)
                rowsMetered = parser.quality.rowsRead
            }
        }
        try parser.finishRows(delivering: deliver)
        if let meter, parser.quality.rowsRead > rowsMetered { meter(0, parser.quality.rowsRead - rowsMetered) }
        return lineBreaks
    }

    /// The first `count` bytes of `path` (fewer for a shorter file).
    static func head(path: String, count: Int) throws -> [UInt8] {
        let descriptor = try RegularFile.open(path).get()
        defer { Glibc.close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }  // an empty buffer: nothing to read
                return Glibc.pread(descriptor, base + filled, count - filled, off_t(filled))
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(buffer[0..<filled])
    }
}
