import Foundation
import Glibc

/// Finds where given physical lines start in a registry file's raw bytes, so that a row known by
/// its line can be read again from its own offset instead of from the top of the file. Lines are
/// counted as the scanner counts them (LF, CRLF and a lone CR each once, inside quotes too): in
/// UTF-8 and the code pages the breaks are the bytes 0x0A and 0x0D, in UTF-16 the code units
/// U+000A and U+000D at even offsets. A state machine over blocks of bytes, no I/O inside
/// (`offsets(of:in:utf16BigEndian:)` reads). Invariant: a found offset is just past the line
/// break that ends the line before it.
struct LineStarts {
    /// nil: breaks are bytes; else the file is UTF-16 in this byte order.
    private let utf16BigEndian: Bool?
    /// UTF-16: the first byte of a code unit cut by the end of the last block.
    private var carriedByte: UInt8?
    /// The lines wanted, ascending, and how many of them are found.
    private let wanted: [Int]
    private var next = 0
    /// The line the next byte is on, and the offset of that byte in the file.
    private var line = 1
    private var offset = 0
    /// The last byte seen was a CR: the line after it starts after an LF that may follow.
    private var pendingCR = false
    /// Where each wanted line found starts.
    private(set) var found: [Int: Int] = [:]

    init(lines: Set<Int>, utf16BigEndian: Bool? = nil) {
        self.utf16BigEndian = utf16BigEndian
        wanted = lines.filter { $0 >= 1 }.sorted()
        while next < wanted.count && wanted[next] == 1 {
            found[1] = 0
            next += 1
        }
    }

    /// Every wanted line was found: the rest of the file need not be read.
    var isDone: Bool { next == wanted.count }

    /// Reads the next block of the file's bytes.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let bigEndian = utf16BigEndian {
            feedUTF16(bytes, bigEndian: bigEndian)
            return
        }
        var index = 0
        let count = bytes.count
        if pendingCR && count > 0 {
            pendingCR = false
            if bytes[0] == 0x0A { index = 1 }
            lineStarted(at: index)
        }
        while index < count && !isDone {
            // Eight bytes at a time past those that are neither CR nor LF.
            while index + 8 <= count && !Self.mayHoldBreak(bytes, at: index) { index += 8 }
            guard index < count else { break }
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
                lineStarted(at: index)
            } else if byte == 0x0D {
                line += 1
                if index == count {
                    pendingCR = true
                } else {
                    if bytes[index] == 0x0A { index += 1 }
                    lineStarted(at: index)
                }
            }
        }
        offset += count
    }

    /// `feed(_:)` for UTF-16: the same machine over code units (a unit cut by the block's end is
    /// carried to the next block; a lone byte at the very end of the file is no unit).
    private mutating func feedUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) {
        let count = bytes.count
        var index = 0
        func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
            bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
        }
        // The unit that starts at `index` (or with the carried byte) and the offset just past it.
        var units: [(value: UInt16, end: Int)] = []
        if let carried = carriedByte, count > 0 {
            carriedByte = nil
            units.append((unit(carried, bytes[0]), 1))
            index = 1
        }
        func take(_ value: UInt16, end: Int) {
            if pendingCR {
                pendingCR = false
                lineStarted(at: value == 0x0A ? end : end - 2)
                if value == 0x0A { return }
            }
            if value == 0x0A {
                line += 1
                lineStarted(at: end)
            } else if value == 0x0D {
                line += 1
                pendingCR = true
            }
        }
        for (value, end) in units { take(value, end: end) }
        while index + 1 < count && !isDone {
            // Eight bytes (four units) at a time past those that hold no byte 0x0A or 0x0D.
            if !pendingCR {
                while index + 8 <= count && !Self.mayHoldBreak(bytes, at: index) { index += 8 }
                guard index + 1 < count else { break }
            }
            let value = unit(bytes[index], bytes[index + 1])
            index += 2
            // A line after a CR cut by the block's end starts at the block's first unit (end - 2 = 0).
            take(value, end: index)
        }
        if index < count && !isDone { carriedByte = bytes[index] }
        offset += count
    }

    /// Ends the file: a CR at its very end starts a line there.
    mutating func finish() {
        if pendingCR {
            pendingCR = false
            lineStarted(at: 0)
        }
    }

    /// `line` starts at `position` of the block being read.
    private mutating func lineStarted(at position: Int) {
        while next < wanted.count && wanted[next] < line { next += 1 }
        if next < wanted.count && wanted[next] == line {
            found[line] = offset + position
            next += 1
        }
    }

    /// Whether one of the eight bytes at `index` may be a CR or an LF (no false negative).
    @inline(__always)
    private static func mayHoldBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D))
    }

    /// The byte offset of the start of each of `lines` (1-based) in `path` (UTF-16 in the byte order
    /// given, or not), reading only up to the last of them; a line beyond the end of the file is left out.
    static func offsets(of lines: Set<Int>, in path: String, utf16BigEndian: Bool? = nil) throws -> [Int: Int] {
        var finder = LineStarts(lines: lines, utf16BigEndian: utf16BigEndian)
        guard !finder.isDone else { return finder.found }
        let descriptor = try RegularFile.open(path).get()
        defer { Glibc.close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while !finder.isDone {
            let count = buffer.withUnsafeMutableBytes { Glibc.pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 {
                finder.finish()
                break
            }
            buffer.withUnsafeBufferPointer { finder.feed(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            offset += count
        }
        return finder.found
    }
}
