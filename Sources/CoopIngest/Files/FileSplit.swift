import CoopDomain
import Foundation

/// How a large registry file is cut into parts parsed in parallel: at line feeds, with the
/// encoding, delimiter and header settled on the file's head (the encoding on `EncodingWindow`). A cut is only a guess that the line
/// feed is outside quotes; the parts are checked afterwards (`RegistryIngest` falls back to one
/// pass when a part ended inside a quoted field). Invariant: the parts cover the file exactly, in order.
public struct FileSplit: Sendable {
    /// Byte ranges of the parts, in file order.
    public let parts: [Range<Int>]
    /// Settings of the parts after the first.
    public let continuation: RegistryContinuation
    /// Files smaller than this are read in one pass.
    public static let minimumPartSize = 8 << 20

    /// A split of `path` into at most `maximumParts` parts, or nil when it should be read in one pass
    /// (small file, UTF-16, header not in the head, no line feed to cut at).
    public static func plan(
        path: String, size: Int, format: RegistryFormat, reference: ReferenceData, range: DateRange,
        maximumParts: Int, minimumPartSize: Int = FileSplit.minimumPartSize
    ) -> FileSplit? {
        let partCount = min(maximumParts, size / max(1, minimumPartSize))
        guard partCount >= 2, let head = try? RegistryFileReader.head(path: path, count: RegistryParser.headSize) else { return nil }
        // The bytes the first part must hold: those that settle the encoding, the delimiter and the header.
        var settled = head.count
        var probeFormat = format
        if format.encoding == nil, EncodingWindow.of(head, complete: false) == nil {
            // An ASCII head: the encoding is settled further on, as the one-pass read settles it.
            guard let longer = try? RegistryFileReader.head(path: path, count: EncodingWindow.longest) else { return nil }
            probeFormat.encoding = EncodingWindow.encoding(of: longer)
            if longer.contains(where: { $0 >= 0x80 }) { settled = EncodingWindow.of(longer, complete: true)?.count ?? longer.count }
        }
        // Read the head alone to settle encoding, delimiter and header.
        var probe = RegistryParser(file: path, reference: reference, range: range, format: probeFormat)
        probe.feed(head) { _, _ in }
        probe.finish { _, _ in }
        guard let continuation = probe.continuation, continuation.encoding != .utf16LE, continuation.encoding != .utf16BE else {
            return nil
        }
        guard let cuts = lineFeedCuts(path: path, size: size, parts: partCount, after: settled) else { return nil }
        var parts: [Range<Int>] = []
        var start = 0
        for cut in cuts where cut > start && cut < size {
            parts.append(start..<cut)
            start = cut
        }
        parts.append(start..<size)
        return parts.count >= 2 ? FileSplit(parts: parts, continuation: continuation) : nil
    }

    /// Offsets just after the first line feed at or past each even share of the file (and past the head).
    static func lineFeedCuts(path: String, size: Int, parts: Int, after head: Int) -> [Int]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var cuts: [Int] = []
        for index in 1..<parts {
            let target = max(head, size * index / parts)
            var offset = target
            var found: Int?
            while found == nil && offset < size {
                do {
                    try handle.seek(toOffset: UInt64(offset))
                    guard let block = try handle.read(upToCount: 1 << 16), !block.isEmpty else { break }
                    if let position = block.firstIndex(of: 0x0A) { found = offset + (position - block.startIndex) + 1 }
                    offset += block.count
                } catch {
                    return nil
                }
            }
            if let found, found < size, (cuts.last ?? 0) < found {
                cuts.append(found)
            }
        }
        return cuts.isEmpty ? nil : cuts
    }

    /// Line breaks in `bytes` counted as the scanner counts them: LF, CRLF and a lone CR each once.
    public static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, previousWasCR: inout Bool) -> Int {
        var count = 0
        var cr = previousWasCR
        for byte in bytes {
            if byte == 0x0A {
                if !cr { count += 1 }
                cr = false
            } else if byte == 0x0D {
                count += 1
                cr = true
            } else {
                cr = false
            }
        }
        previousWasCR = cr
        return count
    }
}
