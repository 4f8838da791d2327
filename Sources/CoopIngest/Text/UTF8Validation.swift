/// Repairing UTF-8 validation over a byte buffer: valid text is copied, each maximal invalid
/// subpart (Unicode 'best practice', as Swift's own decoder) becomes one U+FFFD, and every U+FEFF
/// (byte order mark) is dropped. Invariant: it stops only at the end of `limit` or before a
/// sequence that is a valid prefix cut by the end of the buffer (when `final` is false), so a
/// caller that carries the rest into the next buffer gets the same output for any cut.
struct UTF8Validation {
    /// U+FFFD written so far.
    var replacements = 0
    /// Valid multibyte sequences seen so far (for encoding detection).
    var multibyteSequences = 0

    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Decodes sequences starting before `limit`; returns the index where it stopped
    /// (>= `limit`, or the start of an incomplete sequence at the end of a non-final buffer).
    /// Valid text, multibyte included, is copied in runs: only a replacement or a dropped U+FEFF
    /// interrupts a run.
    mutating func decode(
        _ buffer: UnsafeBufferPointer<UInt8>, limit: Int, final: Bool, into output: inout [UInt8]
    ) -> Int {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return 0 }
        var i = 0
        // Start of the valid bytes not yet copied to `output`.
        var runStart = 0
        func copyRun(upTo end: Int) {
            if end > runStart { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: end - runStart)) }
        }
        while i < limit {
            // Fast path: skip ASCII, 8 bytes at a time.
            while i + 8 <= limit {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            while i < limit && base[i] < 0x80 { i += 1 }
            if i >= limit { break }

            let lead = base[i]
            // The common case of Arabic and accented Latin text: a valid two-byte sequence.
            if lead >= 0xC2 && lead <= 0xDF && i + 1 < count && base[i + 1] & 0xC0 == 0x80 {
                multibyteSequences += 1
                i += 2
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default:
                copyRun(upTo: i)
                output.append(contentsOf: Self.replacementCharacter)
                replacements += 1
                i += 1
                runStart = i
                continue
            }
            var k = 1
            var invalid = false
            while k < length {
                if i + k >= count {
                    if !final {  // valid prefix cut by the end: carry it
                        copyRun(upTo: i)
                        return i
                    }
                    invalid = true
                    break
                }
                let byte = base[i + k]
                if byte < low || byte > high {
                    invalid = true
                    break
                }
                low = 0x80
                high = 0xBF
                k += 1
            }
            if invalid {
                copyRun(upTo: i)
                output.append(contentsOf: Self.replacementCharacter)
                replacements += 1
                i += k
                runStart = i
                continue
            }
            multibyteSequences += 1
            if length == 3 && lead == 0xEF && base[i + 1] == 0xBB && base[i + 2] == 0xBF {
                copyRun(upTo: i)
                runStart = i + 3
            }
            i += length
        }
        copyRun(upTo: i)
        return i
    }
}
