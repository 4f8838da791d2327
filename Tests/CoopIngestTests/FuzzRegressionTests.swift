import CoopDomain
import CoopFuzzing
import CoopTestSupport
import XCTest

@testable import CoopIngest

/// Inputs found by the libFuzzer harnesses (Tests/Fuzz) and their seed corpora, run through the
/// normal library with the harnesses' checks: chunked feeding gives the same result as one chunk,
/// and the accounting holds (`rowsRead` == accepted + rejected outcomes delivered).
final class FuzzRegressionTests: XCTestCase {
    private static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    private struct Parse: Equatable {
        var outcomes: [RowOutcome] = []
        var lines: [Int] = []
        var quality: FileQuality
        var refusal: RegistryRefusal?
    }

    private func parse(
        _ bytes: [UInt8], chunkSize: Int?, reference: ReferenceData,
        format: RegistryFormat = RegistryFormat()
    ) -> Parse {
        var parser = RegistryParser(file: "f.csv", reference: reference, range: .standard, format: format)
        var outcomes: [RowOutcome] = []
        var lines: [Int] = []
        let deliver: (RowOutcome, Int) -> Void = {
            outcomes.append($0)
            lines.append($1)
        }
        let size = chunkSize ?? max(1, bytes.count)
        var start = 0
        while start < bytes.count {
            parser.feed(Array(bytes[start..<min(bytes.count, start + size)]), deliver: deliver)
            start += size
        }
        parser.finish(deliver: deliver)
        return Parse(outcomes: outcomes, lines: lines, quality: parser.quality, refusal: parser.refusal)
    }

    /// The harness's accounting checks, on one parse.
    private func assertAccounting(_ p: Parse, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        var accepted = 0
        var rejected = 0
        var unknown = 0
        for outcome in p.outcomes {
            switch outcome {
            case .accepted(let record, let unknownSector):
                accepted += 1
                if unknownSector != nil { unknown += 1 }
                XCTAssertGreaterThanOrEqual(record.membersTotal, 1, name, file: file, line: line)
                XCTAssertTrue(DateRange.standard.contains(record.creationDate), name, file: file, line: line)
            case .rejected:
                rejected += 1
            }
        }
        XCTAssertEqual(p.quality.rowsRead, accepted + rejected, "\(name): rowsRead", file: file, line: line)
        XCTAssertEqual(p.quality.rejected, rejected, "\(name): rejected", file: file, line: line)
        XCTAssertEqual(p.quality.unknownSector, unknown, "\(name): unknownSector", file: file, line: line)
        XCTAssertEqual(p.lines, p.lines.sorted(), "\(name): lines in order", file: file, line: line)
        if p.refusal != nil { XCTAssertTrue(p.outcomes.isEmpty, "\(name): refused file delivered rows", file: file, line: line) }
    }

    private func files(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
        let url = Self.fuzzFolder.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: url.appendingPathComponent($0)))) }
    }

    /// Every registry seed and saved crash: same result in one chunk, in 7-byte chunks and in
    /// 1-byte chunks; accounting balanced.
    func testRegistryCorpusIsChunkInvariantAndBalanced() throws {
        let reference = try ReferenceFixture.load()
        let corpus = try files("corpus-registry")
        XCTAssertGreaterThanOrEqual(corpus.count, 17)
        for (name, bytes) in corpus {
            let whole = parse(bytes, chunkSize: nil, reference: reference)
            assertAccounting(whole, name)
            XCTAssertEqual(parse(bytes, chunkSize: 7, reference: reference), whole, "\(name): 7-byte chunks")
            if bytes.count <= 2_000 {
                XCTAssertEqual(parse(bytes, chunkSize: 1, reference: reference), whole, "\(name): 1-byte chunks")
            }
        }
        // The seeds do reach validation: the English seed has 4 non-blank data rows.
        let english = parse(
            try XCTUnwrap(corpus.first { $0.name == "01-english-comma.csv" }).bytes,
            chunkSize: nil, reference: reference)
        XCTAssertNil(english.refusal)
        XCTAssertEqual(english.quality.rowsRead, 4)
        XCTAssertEqual(english.quality.skippedBlank, 1)
    }

    /// Every value seed and saved crash keeps the value parsers' invariants, read three ways as in
    /// the harness (each broken invariant fails the test, naming the input).
    func testValueCorpusKeepsInvariants() throws {
        let corpus = try files("corpus-values")
        XCTAssertGreaterThanOrEqual(corpus.count, 30)
        for (_, bytes) in corpus {
            XCTAssertEqual(ValueFuzzing.violations(String(decoding: bytes, as: UTF8.self)), [])
            for encoding in [TextEncoding.windows1256, .utf16LE] {
                var transcoder = try UTF8Transcoder(encoding: encoding)
                var utf8: [UInt8] = []
                transcoder.convert(bytes, into: &utf8)
                transcoder.finish(into: &utf8)
                XCTAssertEqual(ValueFuzzing.violations(String(decoding: utf8, as: UTF8.self)), [])
            }
        }
    }

    /// Found by the registry harness: the encoding was detected on all the bytes gathered before
    /// the first decision (a whole 1 MiB read), so a file whose first 64 KiB are ASCII and whose
    /// later bytes are not UTF-8 read as UTF-8 or as Windows-1252 depending on how it was cut into
    /// chunks. Detection sees exactly `EncodingWindow` now: after an ASCII head, on
    /// to 64 KiB past the first byte >= 0x80 — the Windows-1252 tail is read as Windows-1252.
    func testEncodingIsDetectedOnTheSameBytesWhateverTheChunks() throws {
        let reference = try ReferenceFixture.load()
        var text = Array("id,creation_date,region,sector,members_total\n".utf8)
        var row = 0
        while text.count < 70_000 {
            row += 1
            text += Array("A\(row),2019-01-01,04,agriculture,5\n".utf8)
        }
        let latinRows = 500
        for k in 0..<latinRows { text += Array("B\(k),2019-01-01,04,agricult".utf8) + [0xE9] + Array("re,5\n".utf8) }

        let whole = parse(text, chunkSize: nil, reference: reference)
        let chunked = parse(text, chunkSize: RegistryParser.headSize, reference: reference)
        XCTAssertEqual(RegistryParser.headSize, 65_536)
        // The first 64 KiB are ASCII: the window runs on past the first 0xE9, which reads as é.
        XCTAssertEqual(whole.quality.encoding, "windows-1252")
        XCTAssertEqual(whole.quality.replacedBytes, 0)
        XCTAssertEqual(whole.quality.rowsRead, row + latinRows)
        XCTAssertEqual(chunked, whole)
        assertAccounting(whole, "latin tail")
    }

    /// Found with the same fix: the delimiter was sniffed on the first 64 KiB of *decoded* text,
    /// which covers twice as much of a UTF-16 file when it arrives in one chunk as when it arrives
    /// in 64 KiB chunks. Here comma records fill the first 32 K characters and semicolon records
    /// the next ones: the first 64 KiB of the file (what a 64 KiB chunk gives) say ','.
    func testDelimiterIsSniffedOnTheFirst64KiBWhateverTheChunks() throws {
        let reference = try ReferenceFixture.load()
        let filler = String(repeating: "y", count: 2_990)
        var text = "h1,h2;h3\n"
        for k in 0..<10 { text += "c\(k),\(filler)\n" }
        for k in 0..<11 { text += "s\(k);\(filler)\n" }
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertGreaterThan(bytes.count, RegistryParser.headSize)  // the file crosses the head

        let whole = parse(bytes, chunkSize: nil, reference: reference)
        let chunked = parse(bytes, chunkSize: RegistryParser.headSize, reference: reference)
        XCTAssertEqual(whole.quality.encoding, "utf-16le")
        XCTAssertEqual(whole.quality.delimiter, ",")
        XCTAssertEqual(chunked, whole)
    }

    func testALittleEndianBOMUnderADeclaredBigEndianOrderDecodesTheRestOfItsChunkLittleEndian() throws {
        // The scanner fuzzer's crash: declared UTF-16 BE, a LE BOM, then units whose bytes look like BE ASCII
        // (00 41 = U+4100 in LE). The BOM switched the order for later chunks only: the ASCII run of its own
        // chunk was tested and copied with the declared order, giving "ABCD".
        let input: [UInt8] = [0xFF, 0xFE, 0x00, 0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x44, 0x0A, 0x00]
        let expected = "\u{4100}\u{4200}\u{4300}\u{4400}\n"
        func decoded(cuts: [Int]) throws -> String {
            var transcoder = try UTF8Transcoder(encoding: .utf16BE)
            var output: [UInt8] = []
            var start = 0
            for cut in cuts + [input.count] {
                transcoder.convert(Array(input[start..<cut]), into: &output)
                start = cut
            }
            transcoder.finish(into: &output)
            return String(decoding: output, as: UTF8.self)
        }
        XCTAssertEqual(try decoded(cuts: []), expected)
        XCTAssertEqual(try decoded(cuts: [2]), expected)
        XCTAssertEqual(try decoded(cuts: Array(1..<input.count)), expected)
    }
}
