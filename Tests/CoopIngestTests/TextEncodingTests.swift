import XCTest

@testable import CoopIngest

/// Converts `bytes` with the transcoder, cut into chunks of `chunkSize` (0 = one chunk).
private func transcode(_ bytes: [UInt8], _ encoding: TextEncoding, chunkSize: Int = 0) throws -> (String, Int) {
    var transcoder = try UTF8Transcoder(encoding: encoding)
    var out: [UInt8] = []
    let size = chunkSize == 0 ? max(1, bytes.count) : chunkSize
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + size)
        transcoder.convert(Array(bytes[start..<end]), into: &out)
        start = end
    }
    transcoder.finish(into: &out)
    guard let text = String(validating: out, as: UTF8.self) else {
        XCTFail("output is not valid UTF-8: \(out)")
        return ("", transcoder.replacements)
    }
    return (text, transcoder.replacements)
}

/// Header scorer standing in for the column-alias matcher: counts known header words.
private func score(_ header: String) -> Int {
    ["Région", "Secteur", "Province", "الجهة", "القطاع", "رقم الاعتماد"].filter { header.contains($0) }.count
}

final class TextEncodingTests: XCTestCase {
    // Hand-built byte strings.
    private let cp1252French: [UInt8] = [
        0x52, 0xE9, 0x67, 0x69, 0x6F, 0x6E, 0x3B, 0x53, 0x65, 0x63, 0x74, 0x65,
        0x75, 0x72, 0x0A, 0x46, 0xE8, 0x73, 0x3B, 0x80, 0x0A,
    ]  // "Région;Secteur\nFès;€\n"
    // "الجهة;القطاع\nعين\n" in Windows-1256: ا=C7 ل=E1 ج=CC ه=E5 ة=C9 ق=DE ط=D8 ع=DA ي=ED ن=E4
    private let cp1256Arabic: [UInt8] = [
        0xC7, 0xE1, 0xCC, 0xE5, 0xC9, 0x3B, 0xC7, 0xE1, 0xDE, 0xD8, 0xC7, 0xDA,
        0x0A, 0xDA, 0xED, 0xE4, 0x0A,
    ]

    func testUserNames() {
        XCTAssertEqual(TextEncoding(userName: "UTF-8"), .utf8)
        XCTAssertEqual(TextEncoding(userName: "utf8"), .utf8)
        XCTAssertEqual(TextEncoding(userName: "utf-8-sig"), .utf8BOM)
        XCTAssertEqual(TextEncoding(userName: "UTF-16"), .utf16LE)
        XCTAssertEqual(TextEncoding(userName: "utf-16be"), .utf16BE)
        XCTAssertEqual(TextEncoding(userName: "Latin1"), .windows1252)
        XCTAssertEqual(TextEncoding(userName: "ISO-8859-1"), .windows1252)
        XCTAssertEqual(TextEncoding(userName: "cp1252"), .windows1252)
        XCTAssertEqual(TextEncoding(userName: "CP1256"), .windows1256)
        XCTAssertEqual(TextEncoding(userName: "arabic"), .windows1256)
        XCTAssertNil(TextEncoding(userName: "ebcdic"))
        XCTAssertNil(TextEncoding(userName: ""))
        for encoding in TextEncoding.allCases {
            XCTAssertEqual(TextEncoding(userName: encoding.rawValue), encoding)
        }
    }

    func testDetectsBOMs() {
        XCTAssertEqual(EncodingDetector.detect(head: [0xEF, 0xBB, 0xBF, 0x61], headerScore: score), .utf8BOM)
        XCTAssertEqual(EncodingDetector.detect(head: [0xFF, 0xFE, 0x61, 0x00], headerScore: score), .utf16LE)
        XCTAssertEqual(EncodingDetector.detect(head: [0xFE, 0xFF, 0x00, 0x61], headerScore: score), .utf16BE)
    }

    func testDetectsUTF16WithoutBOM() {
        let le: [UInt8] = [0x69, 0x00, 0x64, 0x00, 0x2C, 0x00, 0x27, 0x06, 0x0A, 0x00]  // "id,ا\n"
        let be: [UInt8] = [0x00, 0x69, 0x00, 0x64, 0x00, 0x2C, 0x06, 0x27, 0x00, 0x0A]
        XCTAssertEqual(EncodingDetector.detect(head: le, headerScore: score), .utf16LE)
        XCTAssertEqual(EncodingDetector.detect(head: be, headerScore: score), .utf16BE)
    }

    func testDetectsUTF8EvenWhenCutMidCharacter() {
        let text = Array("Région;الجهة\n".utf8)
        XCTAssertEqual(EncodingDetector.detect(head: text, headerScore: score), .utf8)
        // "é" = C3 A9: cut after C3.
        XCTAssertEqual(EncodingDetector.detect(head: Array("abc é".utf8.dropLast()), headerScore: score), .utf8)
        XCTAssertEqual(EncodingDetector.detect(head: Array("plain ascii".utf8), headerScore: score), .utf8)
        XCTAssertEqual(EncodingDetector.detect(head: [], headerScore: score), .utf8)
    }

    func testDetectsFrenchAndArabicCodePagesByHeader() {
        XCTAssertEqual(EncodingDetector.detect(head: cp1252French, headerScore: score), .windows1252)
        XCTAssertEqual(EncodingDetector.detect(head: cp1256Arabic, headerScore: score), .windows1256)
    }

    func testDetectsCodePagesByStatisticsWhenHeadersTie() {
        let none: (String) -> Int = { _ in 0 }
        // "Fès;Créée;Coopérative\n" in 1252: isolated lowercase accents between ASCII letters.
        let french: [UInt8] =
            Array("F".utf8) + [0xE8] + Array("s;Cr".utf8) + [0xE9, 0xE9] + Array("e;Coop".utf8)
            + [0xE9] + Array("rative\n".utf8)
        XCTAssertEqual(EncodingDetector.detect(head: french, headerScore: none), .windows1252)
        XCTAssertEqual(EncodingDetector.detect(head: cp1256Arabic, headerScore: none), .windows1256)
    }

    func testConvertsWindows1252() throws {
        let (text, replaced) = try transcode(cp1252French, .windows1252)
        XCTAssertEqual(text, "Région;Secteur\nFès;€\n")
        XCTAssertEqual(replaced, 0)
        // 0x81 and 0x8D are undefined in CP1252.
        let (bad, badCount) = try transcode([0x41, 0x81, 0x42, 0x8D], .windows1252)
        XCTAssertEqual(bad, "A\u{FFFD}B\u{FFFD}")
        XCTAssertEqual(badCount, 2)
    }

    func testConvertsWindows1256() throws {
        let (text, replaced) = try transcode(cp1256Arabic, .windows1256)
        XCTAssertEqual(text, "الجهة;القطاع\nعين\n")
        XCTAssertEqual(replaced, 0)
        XCTAssertEqual(try transcode([0xDA], .windows1256).0, "ع")
        XCTAssertEqual(try transcode([0xE9], .windows1256).0, "é")  // French accents kept in 1256
    }

    func testConvertsUTF16WithBOM() throws {
        // "é,ع\n😀" : é=00E9, ع=0639, 😀=D83D DE00
        let le: [UInt8] = [0xFF, 0xFE, 0xE9, 0x00, 0x2C, 0x00, 0x39, 0x06, 0x0A, 0x00, 0x3D, 0xD8, 0x00, 0xDE]
        let be: [UInt8] = [0xFE, 0xFF, 0x00, 0xE9, 0x00, 0x2C, 0x06, 0x39, 0x00, 0x0A, 0xD8, 0x3D, 0xDE, 0x00]
        XCTAssertEqual(try transcode(le, .utf16LE).0, "é,ع\n😀")
        XCTAssertEqual(try transcode(be, .utf16BE).0, "é,ع\n😀")
        // "utf-16" from the user maps to LE; a BE BOM still wins.
        XCTAssertEqual(try transcode(be, .utf16LE).0, "é,ع\n😀")
        XCTAssertEqual(try transcode(le, .utf16LE).1, 0)
    }

    func testUTF16OddByteAndLoneSurrogatesAreReplaced() throws {
        let (odd, oddCount) = try transcode([0xFF, 0xFE, 0x41, 0x00, 0x42], .utf16LE)
        XCTAssertEqual(odd, "A\u{FFFD}")
        XCTAssertEqual(oddCount, 1)
        // high surrogate then 'A', then a lone low surrogate, then a high surrogate at the end
        let (lone, loneCount) = try transcode([0x3D, 0xD8, 0x41, 0x00, 0x00, 0xDE, 0x3D, 0xD8], .utf16LE)
        XCTAssertEqual(lone, "\u{FFFD}A\u{FFFD}\u{FFFD}")
        XCTAssertEqual(loneCount, 3)
    }

    func testUTF8BOMRemovedAndInvalidBytesReplaced() throws {
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,é".utf8) + [0xEF, 0xBB, 0xBF] + Array("\n".utf8)
        let (text, count) = try transcode(withBOM, .utf8BOM)
        XCTAssertEqual(text, "id,é\n")  // mid-file BOM dropped, not counted
        XCTAssertEqual(count, 0)
        // FF: invalid; E2 82 then 'x': one truncated sequence; C0 AF: two invalid bytes;
        // ED A0 80: surrogate, three invalid bytes; trailing F0 9F at the end: one.
        let bad: [UInt8] = [0x61, 0xFF, 0xE2, 0x82, 0x78, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x62, 0xF0, 0x9F]
        let (repaired, badCount) = try transcode(bad, .utf8)
        XCTAssertEqual(repaired, "a\u{FFFD}\u{FFFD}x\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}")
        XCTAssertEqual(badCount, 8)
        // Swift's own repairing decoder agrees on the text.
        XCTAssertEqual(repaired, String(decoding: bad, as: UTF8.self))
    }

    func testNULPassesThrough() throws {
        XCTAssertEqual(try transcode([0x61, 0x00, 0x62], .utf8).0, "a\u{0}b")
        XCTAssertEqual(try transcode([0x61, 0x00, 0x62], .windows1252).0, "a\u{0}b")
    }

    func testConversionDoesNotDependOnChunking() throws {
        let inputs: [(TextEncoding, [UInt8])] = [
            (.utf8, Array("Région;الجهة\n😀 ok".utf8) + [0xFF, 0xE2, 0x82, 0x41, 0xEF, 0xBB, 0xBF, 0xF0, 0x9F, 0x98]),
            (.utf8BOM, [0xEF, 0xBB, 0xBF] + Array("a,ب\n".utf8)),
            (.utf16LE, [0xFF, 0xFE, 0xE9, 0x00, 0x3D, 0xD8, 0x00, 0xDE, 0xFF, 0xFE, 0x39, 0x06, 0x00, 0xDC, 0x41]),
            (.utf16BE, [0xFE, 0xFF, 0x00, 0xE9, 0xD8, 0x3D, 0xDE, 0x00, 0x06, 0x39, 0xD8, 0x00]),
            (.windows1252, cp1252French + [0x81, 0x9D]),
            (.windows1256, cp1256Arabic),
        ]
        for (encoding, bytes) in inputs {
            let whole = try transcode(bytes, encoding)
            for size in 1...bytes.count {
                let chunked = try transcode(bytes, encoding, chunkSize: size)
                XCTAssertEqual(chunked.0, whole.0, "\(encoding) chunk size \(size)")
                XCTAssertEqual(chunked.1, whole.1, "\(encoding) chunk size \(size)")
            }
        }
    }

    /// Random bytes (ASCII-heavy, with Arabic, supplementary characters, BOMs and junk) decoded by
    /// the transcoder in random chunks give what Swift's own repairing decoders give, U+FEFF removed.
    func testRandomInputMatchesTheStandardLibraryDecoders() throws {
        var random = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("Région;".utf8), Array("الجهة".utf8), Array("😀".utf8), [0xEF, 0xBB, 0xBF], [0xFF], [0xE2, 0x82], [0xC0, 0xAF],
            [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0x0A], Array("abcdefghij0123456789".utf8),
        ]
        func withoutBOM(_ text: String) -> String { text.replacingOccurrences(of: "\u{FEFF}", with: "") }
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<40, using: &random) { bytes += pieces.randomElement(using: &random) ?? [] }
            let chunk = Int.random(in: 1...max(1, bytes.count), using: &random)
            XCTAssertEqual(try transcode(bytes, .utf8, chunkSize: chunk).0, withoutBOM(String(decoding: bytes, as: UTF8.self)))
            // The same text as UTF-16LE with a BOM, plus random lone surrogates.
            var units = Array(String(decoding: bytes, as: UTF8.self).utf16)
            if !units.isEmpty && Bool.random(using: &random) { units.insert(0xD83D, at: Int.random(in: 0..<units.count, using: &random)) }
            if !units.isEmpty && Bool.random(using: &random) { units.insert(0xDE00, at: Int.random(in: 0..<units.count, using: &random)) }
            let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
            let expected = withoutBOM(String(decoding: units, as: UTF16.self))
            let utf16Chunk = Int.random(in: 1...max(1, utf16.count), using: &random)
            XCTAssertEqual(try transcode(utf16, .utf16LE, chunkSize: utf16Chunk).0, expected)
        }
    }

    func testTranscodeErrorDescription() {
        let error = TranscodeError(encoding: .windows1256, reason: "iconv_open failed")
        XCTAssertEqual(error.description, "cannot decode windows-1256 text: iconv_open failed")
    }
}
