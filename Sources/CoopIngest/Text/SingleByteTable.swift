#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The UTF-8 form of every byte of a single-byte code page (Windows-1252, Windows-1256), built once
/// by asking glibc iconv to decode each byte. Invariant: bytes 0x00-0x7F map to themselves; a byte
/// the code page leaves undefined (iconv EILSEQ, e.g. 0x81 in CP1252) has length 0.
///
/// A single-byte code page never splits a character between chunks, so a table lookup gives the
/// same result as running iconv on the stream (EILSEQ = one undefined byte) at a fraction of the cost.
struct SingleByteTable: Sendable {
    /// `utf8[4 * b ..< 4 * b + lengths[b]]` is the UTF-8 encoding of byte `b`.
    let utf8: [UInt8]
    let lengths: [UInt8]

    static let windows1252: SingleByteTable? = SingleByteTable(iconvName: "CP1252")
    static let windows1256: SingleByteTable? = SingleByteTable(iconvName: "CP1256")

    static func table(for encoding: TextEncoding) -> SingleByteTable? {
        switch encoding {
        case .windows1252: return windows1252
        case .windows1256: return windows1256
        default: return nil
        }
    }

    init?(iconvName: String) {
        let descriptor = iconv_open("UTF-8", iconvName)
        if Int(bitPattern: descriptor) == -1 { return nil }
        defer { iconv_close(descriptor) }
        var utf8 = [UInt8](repeating: 0, count: 256 * 4)
        var lengths = [UInt8](repeating: 0, count: 256)
        for byte in 0..<256 {
            if byte < 0x80 {
                utf8[4 * byte] = UInt8(byte)
                lengths[byte] = 1
                continue
            }
            var input: [CChar] = [CChar(bitPattern: UInt8(byte))]
            var output = [CChar](repeating: 0, count: 8)
            var produced = 0
            input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                    var inLeft = 1
                    var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                    var outLeft = 8
                    _ = iconv(descriptor, nil, nil, nil, nil)  // reset shift state
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 && inLeft == 0 { produced = 8 - outLeft }
                }
            }
            guard produced > 0, produced <= 4 else { continue }
            for k in 0..<produced { utf8[4 * byte + k] = UInt8(bitPattern: output[k]) }
            lengths[byte] = UInt8(produced)
        }
        self.utf8 = utf8
        self.lengths = lengths
    }

    /// The Unicode text of `bytes` (undefined bytes become U+FFFD); for detection and tests.
    func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            let length = Int(lengths[Int(byte)])
            if length == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                for k in 0..<length { out.append(utf8[4 * Int(byte) + k]) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
