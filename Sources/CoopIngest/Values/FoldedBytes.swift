/// The byte-level preparation every value parser starts with: a field's UTF-8 bytes with every
/// digit made ASCII (Arabic-Indic U+0660–0669, Eastern Arabic-Indic U+06F0–06F9), every Unicode
/// white-space character and the Arabic thousands separator U+066C made `' '`, the Arabic decimal
/// separator U+066B made `'.'`, the minus sign U+2212 made `'-'`, and invisible marks (direction
/// marks, zero-width space/joiners, BOM) dropped; other bytes are copied unchanged.
/// Invariant: the folded bytes are never longer than the input, and pure ASCII input is handed on
/// as it is, without copying.
enum FoldedBytes {
    /// Calls `body` with the folded form of `bytes` (temporary storage, no heap for short fields).
    @inline(__always)
    static func with<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return body(bytes) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            let count = fold(bytes, into: out)
            return body(UnsafeBufferPointer(rebasing: out[..<count]))
        }
    }

    /// Writes the folded form of `src` into `out` (at least `src.count` long); returns its length.
    static func fold(_ src: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let end = src.count
        var i = 0
        var n = 0
        @inline(__always) func emit(_ byte: UInt8, consumed: Int) {
            out[n] = byte
            n += 1
            i += consumed
        }
        while i < end {
            let b0 = src[i]
            if b0 < 0x80 {
                emit(b0, consumed: 1)
                continue
            }
            let b1: UInt8 = i + 1 < end ? src[i + 1] : 0
            let b2: UInt8 = i + 2 < end ? src[i + 2] : 0
            switch (b0, b1) {
            case (0xC2, 0xA0), (0xC2, 0x85):  // no-break space, next line
                emit(0x20, consumed: 2)
            case (0xD9, 0xA0...0xA9):  // Arabic-Indic digits
                emit(0x30 + (b1 - 0xA0), consumed: 2)
            case (0xDB, 0xB0...0xB9):  // Eastern Arabic-Indic digits
                emit(0x30 + (b1 - 0xB0), consumed: 2)
            case (0xD9, 0xAB):  // Arabic decimal separator
                emit(0x2E, consumed: 2)
            case (0xD9, 0xAC):  // Arabic thousands separator
                emit(0x20, consumed: 2)
            case (0xD8, 0x9C):  // Arabic letter mark
                i += 2
            case (0xE1, 0x9A) where b2 == 0x80:  // Ogham space mark
                emit(0x20, consumed: 3)
            case (0xE2, 0x80):
                switch b2 {
                case 0x80...0x8A, 0xA8, 0xA9, 0xAF:  // U+2000–200A, line/paragraph separators, U+202F
                    emit(0x20, consumed: 3)
                case 0x8B...0x8F, 0xAA...0xAE:  // zero-width, direction marks and embeddings
                    i += 3
                default:
                    emit(b0, consumed: 1)
                }
            case (0xE2, 0x81):
                switch b2 {
                case 0x9F: emit(0x20, consumed: 3)  // medium mathematical space
                case 0xA0, 0xA6...0xA9: i += 3  // word joiner, direction isolates
                default: emit(b0, consumed: 1)
                }
            case (0xE2, 0x88) where b2 == 0x92:  // minus sign
                emit(0x2D, consumed: 3)
            case (0xE3, 0x80) where b2 == 0x80:  // ideographic space
                emit(0x20, consumed: 3)
            case (0xEF, 0xBB) where b2 == 0xBF:  // BOM / zero-width no-break space
                i += 3
            default:
                // Any other byte (lead or continuation) is copied; continuation bytes never match a case above.
                emit(b0, consumed: 1)
            }
        }
        return n
    }
}

/// A window `[start, end)` over folded ASCII-compatible bytes, with the small reading steps the
/// value parsers share. Invariant: `start <= end <= bytes.count`.
struct ByteWindow {
    let bytes: UnsafeBufferPointer<UInt8>
    var start: Int
    var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.start = 0
        self.end = bytes.count
    }

    var isEmpty: Bool { start >= end }
    var count: Int { end - start }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// The byte at `start`, if any.
    @inline(__always) var first: UInt8? { start < end ? bytes[start] : nil }
    /// The byte before `end`, if any.
    @inline(__always) var last: UInt8? { start < end ? bytes[end - 1] : nil }

    /// Drops ASCII white space at both ends.
    @inline(__always) mutating func trim() {
        while start < end, ByteWindow.isSpace(bytes[start]) { start += 1 }
        while end > start, ByteWindow.isSpace(bytes[end - 1]) { end -= 1 }
    }

    /// Drops white space at the front; returns how many bytes were dropped.
    @discardableResult
    @inline(__always) mutating func skipSpaces() -> Int {
        let before = start
        while start < end, ByteWindow.isSpace(bytes[start]) { start += 1 }
        return start - before
    }

    /// Takes `byte` from the front if it is there.
    @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
        guard start < end, bytes[start] == byte else { return false }
        start += 1
        return true
    }

    /// Takes a run of ASCII digits from the front: its value (meaningful up to 18 digits) and length.
    @inline(__always) mutating func digits() -> (value: Int, count: Int) {
        var value = 0
        var count = 0
        while start < end, ByteWindow.isDigit(bytes[start]) {
            if count < 18 { value = value * 10 + Int(bytes[start] &- 0x30) }
            count += 1
            start += 1
        }
        return (value, count)
    }

    /// Whether the window starts with `word`, comparing ASCII letters case-insensitively
    /// (`word` must be lower-case); other bytes compare exactly.
    func hasPrefix(_ word: [UInt8]) -> Bool {
        guard word.count <= count else { return false }
        for (k, w) in word.enumerated() where ByteWindow.lowered(bytes[start + k]) != w { return false }
        return true
    }

    /// Whether the window ends with `word` (same comparison as `hasPrefix`).
    func hasSuffix(_ word: [UInt8]) -> Bool {
        guard word.count <= count else { return false }
        let base = end - word.count
        for (k, w) in word.enumerated() where ByteWindow.lowered(bytes[base + k]) != w { return false }
        return true
    }

    /// Whether the window, as a whole, equals `word` (same comparison as `hasPrefix`).
    func equals(_ word: [UInt8]) -> Bool {
        word.count == count && hasPrefix(word)
    }

    @inline(__always) static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(lowered(byte))
    }
}

/// Runs a byte-level parse on the UTF-8 of a `String` or `Substring` without copying native strings.
enum UTF8Access {
    @inline(__always)
    static func with<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    @inline(__always)
    static func with<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }
}
