/// Streaming conversion of one file's bytes to UTF-8, chunk by chunk, BOM removed; a sequence
/// split between chunks is kept for the next chunk. Invariant: the output (and `replacements`)
/// never depends on where chunks are cut.
///
/// UTF-8 is validated by hand; UTF-16 is decoded by hand (a BOM at the start of the file decides
/// the byte order, whatever was declared); Windows-1252/1256 use a table built with glibc iconv.
/// Every U+FEFF is dropped, wherever it is; NUL bytes pass through.
public struct UTF8Transcoder: Sendable {
    private enum Decoder: Sendable {
        case utf8
        case utf16(bigEndian: Bool)
        case singleByte(SingleByteTable)
    }

    private var decoder: Decoder
    private var validation = UTF8Validation()
    /// Bytes of an incomplete sequence carried to the next chunk (at most 3).
    private var pending: [UInt8] = []
    /// UTF-16: a high surrogate waiting for its low half.
    private var highSurrogate: UInt16?
    /// UTF-16: no code unit decoded yet (a BOM here may switch the byte order).
    private var atFileStart = true

    /// Number of invalid or undecodable byte sequences replaced by U+FFFD so far (invalid UTF-8 in
    /// a UTF-8 file, odd trailing byte or unpaired surrogate of UTF-16, bytes undefined in CP1252
    /// like 0x81...).
    public private(set) var replacements: Int = 0

    /// The encoding being decoded.
    public let encoding: TextEncoding

    public init(encoding: TextEncoding) throws(TranscodeError) {
        self.encoding = encoding
        switch encoding {
        case .utf8, .utf8BOM: decoder = .utf8
        case .utf16LE: decoder = .utf16(bigEndian: false)
        case .utf16BE: decoder = .utf16(bigEndian: true)
        case .windows1252, .windows1256:
            guard let table = SingleByteTable.table(for: encoding) else {
                throw TranscodeError(encoding: encoding, reason: "iconv_open failed for this code page")
            }
            decoder = .singleByte(table)
        }
    }

    /// Appends the UTF-8 text of `chunk` to `output`, keeping an incomplete tail for later.
    public mutating func convert(_ chunk: [UInt8], into output: inout [UInt8]) {
        chunk.withUnsafeBufferPointer { convert($0, into: &output) }
    }

    /// Appends the UTF-8 text of `chunk` to `output`, keeping an incomplete tail for later.
    public mutating func convert(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        switch decoder {
        case .utf8: convertUTF8(chunk, final: false, into: &output)
        case .utf16(let bigEndian): convertUTF16(chunk, bigEndian: bigEndian, into: &output)
        case .singleByte(let table): convertSingleByte(chunk, table: table, into: &output)
        }
    }

    /// Flushes the end of the file: an incomplete sequence left over becomes one U+FFFD.
    public mutating func finish(into output: inout [UInt8]) {
        switch decoder {
        case .utf8:
            let empty: [UInt8] = []
            empty.withUnsafeBufferPointer { convertUTF8($0, final: true, into: &output) }
        case .utf16:
            if highSurrogate != nil {
                replace(into: &output)
                highSurrogate = nil
            }
            if !pending.isEmpty {
                replace(into: &output)
                pending.removeAll()
            }
        case .singleByte:
            break
        }
    }

    private mutating func replace(into output: inout [UInt8]) {
        output.append(contentsOf: UTF8Validation.replacementCharacter)
        replacements += 1
    }

    // MARK: UTF-8

    private mutating func convertUTF8(
        _ chunk: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8]
    ) {
        var start = 0
        if !pending.isEmpty {
            // Complete the carried sequence with at most 3 bytes of this chunk: enough for any
            // sequence that starts in `pending` to be decided.
            let borrowed = min(3, chunk.count)
            var combined = pending
            combined.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<borrowed]))
            let carried = pending.count
            let stop = combined.withUnsafeBufferPointer {
                validation.decode($0, limit: carried, final: final, into: &output)
            }
            if stop < carried {
                pending = Array(combined[stop...])
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[borrowed...]))
                replacements = validation.replacements
                return
            }
            start = stop - carried
            pending.removeAll(keepingCapacity: true)
        }
        let rest = UnsafeBufferPointer(rebasing: chunk[start...])
        let stop = validation.decode(rest, limit: rest.count, final: final, into: &output)
        if stop < rest.count {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: rest[stop...]))
        }
        replacements = validation.replacements
    }

    // MARK: UTF-16

    private mutating func convertUTF16(
        _ chunk: UnsafeBufferPointer<UInt8>, bigEndian declared: Bool, into output: inout [UInt8]
    ) {
        var bigEndian = declared
        var i = 0
        let count = chunk.count
        while i < count {
            let first: UInt8
            let second: UInt8
            if let carried = pending.first {
                first = carried
                second = chunk[i]
                pending.removeAll(keepingCapacity: true)
                i += 1
            } else if i + 1 < count {
                first = chunk[i]
                second = chunk[i + 1]
                i += 2
            } else {
                pending.append(chunk[i])
                break
            }
            let unit =
                bigEndian
                ? UInt16(first) << 8 | UInt16(second)
                : UInt16(second) << 8 | UInt16(first)
            if atFileStart {
                atFileStart = false
                if unit == 0xFEFF { continue }
                if unit == 0xFFFE {
                    bigEndian.toggle()
                    decoder = .utf16(bigEndian: bigEndian)
                    continue
                }
            }
            decodeUnit(unit, into: &output)
        }
    }

    private mutating func decodeUnit(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                let scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                Self.appendScalar(scalar, into: &output)
                return
            }
            replace(into: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: replace(into: &output)
        case 0xFEFF: break
        default: Self.appendScalar(UInt32(unit), into: &output)
        }
    }

    static func appendScalar(_ scalar: UInt32, into output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: Windows code pages

    private mutating func convertSingleByte(
        _ chunk: UnsafeBufferPointer<UInt8>, table: SingleByteTable, into output: inout [UInt8]
    ) {
        guard let base = chunk.baseAddress else { return }
        let count = chunk.count
        output.reserveCapacity(output.count + count + count / 2)
        table.utf8.withUnsafeBufferPointer { utf8 in
            table.lengths.withUnsafeBufferPointer { lengths in
                var i = 0
                while i < count {
                    let runStart = i
                    while i < count && base[i] < 0x80 { i += 1 }
                    if i > runStart {
                        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                    }
                    while i < count && base[i] >= 0x80 {
                        let byte = Int(base[i])
                        let length = Int(lengths[byte])
                        if length == 0 {
                            output.append(contentsOf: UTF8Validation.replacementCharacter)
                            replacements += 1
                        } else {
                            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[4 * byte..<4 * byte + length]))
                        }
                        i += 1
                    }
                }
            }
        }
    }
}
