import Glibc

/// The byte encodings the offices' files come in. Invariant: `encode` either returns every
/// character of the text or throws; it never drops or replaces a character silently.
enum TextEncoding: Sendable {
    case utf8, utf8BOM, utf16LEBOM, windows1252, windows1256

    func encode(_ text: String) throws(SampleError) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LEBOM:
            var bytes: [UInt8] = [0xFF, 0xFE]
            bytes.reserveCapacity(2 + text.utf8.count * 2)
            for unit in text.utf16 {
                bytes.append(UInt8(unit & 0xFF))
                bytes.append(UInt8(unit >> 8))
            }
            return bytes
        case .windows1252: return try Self.iconvEncode(text, to: "WINDOWS-1252")
        case .windows1256: return try Self.iconvEncode(text, to: "WINDOWS-1256")
        }
    }

    /// Converts UTF-8 text to a code page with glibc's iconv; throws on a character the code page lacks.
    private static func iconvEncode(_ text: String, to target: String) throws(SampleError) -> [UInt8] {
        let converter = iconv_open(target, "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw SampleError(reason: "this system's iconv cannot encode \(target); install the glibc gconv modules")
        }
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count + 16)
        var failed = false
        var written = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 || inLeft != 0 { failed = true }
                written = outBuffer.count - outLeft
            }
        }
        if failed {
            throw SampleError(reason: "a generated value cannot be written in \(target); this is a bug in the sample generator")
        }
        return output.prefix(written).map { UInt8(bitPattern: $0) }
    }
}
