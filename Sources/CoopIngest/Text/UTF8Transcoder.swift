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
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        let count = chunk.count
        // Each code unit writes at most 3 bytes, a pair 4 for its 2 units, a replaced lone high surrogate
        // 3 more with the unit after it; one carried from the last chunk may add 3.
        let units = (count + pending.count) / 2
        var writer = UTF8Writer(capacity: 3 * units + 3)
        var bigEndian = declared
        var high = highSurrogate
        var atStart = atFileStart
        var replaced = 0
        var i = 0
        if let carried = pending.first {
            pending.removeAll(keepingCapacity: true)
            let unit = bigEndian ? UInt16(carried) << 8 | UInt16(base[0]) : UInt16(base[0]) << 8 | UInt16(carried)
            i = 1
            Self.decode(unit, high: &high, replaced: &replaced, into: &writer, atFileStart: &atStart, bigEndian: &bigEndian)
        }
        while i + 1 < count {
            if high == nil && !atStart {
                // A run of ASCII, four code units (8 bytes) at a time: the high byte 0, the low one below 0x80.
                // The order is read here, not before the loop: a BOM first in this chunk may just have switched it.
                let asciiMask: UInt64 = bigEndian ? 0x80FF_80FF_80FF_80FF : 0xFF80_FF80_FF80_FF80
                let lowByte = bigEndian ? 1 : 0
                while i + 8 <= count && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian & asciiMask == 0 {
                    writer.append(base[i + lowByte])
                    writer.append(base[i + 2 + lowByte])
                    writer.append(base[i + 4 + lowByte])
                    writer.append(base[i + 6 + lowByte])
                    i += 8
                }
                if i + 1 >= count { break }
            }
            let first = base[i]
            let second = base[i + 1]
            i += 2
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
            // Most units are a whole scalar of their own: not a surrogate, not U+FEFF, not first in the file.
            if high == nil && !atStart && (unit < 0xD800 || (unit > 0xDFFF && unit != 0xFEFF)) {
                writer.append(scalar: UInt32(unit))
                continue
            }
            Self.decode(unit, high: &high, replaced: &replaced, into: &writer, atFileStart: &atStart, bigEndian: &bigEndian)
        }
        if i < count { pending.append(base[i]) }
        writer.finish(into: &output)
        atFileStart = atStart
        highSurrogate = high
        replacements += replaced
        if bigEndian != declared { decoder = .utf16(bigEndian: bigEndian) }
    }

    /// Decodes one UTF-16 code unit: a BOM first in the file may switch the byte order, U+FEFF is
    /// dropped, a surrogate pair becomes one scalar and a lone surrogate one U+FFFD.
    private static func decode(
        _ unit: UInt16, high: inout UInt16?, replaced: inout Int, into writer: inout UTF8Writer,
        atFileStart: inout Bool, bigEndian: inout Bool
    ) {
        if atFileStart {
            atFileStart = false
            if unit == 0xFEFF { return }
            if unit == 0xFFFE {
                bigEndian.toggle()
                return
            }
        }
        if let pendingHigh = high {
            high = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                writer.append(scalar: 0x10000 + (UInt32(pendingHigh - 0xD800) << 10) + UInt32(unit - 0xDC00))
                return
            }
            writer.appendReplacement()
            replaced += 1
        }
        switch unit {
        case 0xD800...0xDBFF: high = unit
        case 0xDC00...0xDFFF:
            writer.appendReplacement()
            replaced += 1
        case 0xFEFF: break
        default: writer.append(scalar: UInt32(unit))
        }
    }

    // MARK: Windows code pages

    private mutating func convertSingleByte(
        _ chunk: UnsafeBufferPointer<UInt8>, table: SingleByteTable, into output: inout [UInt8]
    ) {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        let count = chunk.count
        // A byte is at most 3 bytes of UTF-8 (the code pages are in the BMP; U+FFFD is 3).
        var replaced = 0
        table.utf8.withUnsafeBufferPointer { utf8 in
            table.lengths.withUnsafeBufferPointer { lengths in
                var writer = UTF8Writer(capacity: 3 * count)
                for i in 0..<count {
                    let byte = base[i]
                    if byte < 0x80 {
                        writer.append(byte)
                        continue
                    }
                    let length = Int(lengths[Int(byte)])
                    if length == 0 {
                        writer.appendReplacement()
                        replaced += 1
                    } else {
                        for k in 0..<length { writer.append(utf8[4 * Int(byte) + k]) }
                    }
                }
                writer.finish(into: &output)
            }
        }
        replacements += replaced
    }
}
