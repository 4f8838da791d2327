import CoopDomain
import XCTest

@testable import CoopIngest

/// What a row should look like, as computed by the reference parser below.
private struct ExpectedRow: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var isBlank: Bool
    var unterminatedQuote: Bool
    var lineCount: Int

    var description: String {
        "line \(line) x\(lineCount) \(fields.debugDescription)\(isBlank ? " blank" : "")\(unterminatedQuote ? " unterminated" : "")"
    }
}

/// Tiny reference parser: one record at a time, scalar by scalar, with look-ahead over the whole text.
private func referenceParse(_ text: String, delimiter: Unicode.Scalar) -> [ExpectedRow] {
    let s = Array(text.unicodeScalars)
    var rows: [ExpectedRow] = []
    var i = 0
    var line = 1
    while i < s.count {
        let startLine = line
        var fields: [String] = []
        var field = ""
        var content = false
        var inQuotes = false
        var atFieldStart = true
        var unterminated = false
        var lineCount = 0
        while true {
            if i == s.count {  // end of text
                unterminated = inQuotes
                fields.append(field)
                lineCount = line - startLine + 1
                break
            }
            let c = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if inQuotes {
                if c == "\"" {
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    continue  // closing quote; what follows is literal
                }
                if c == "\r" {
                    line += 1
                    if next == "\n" {
                        field.unicodeScalars.append(contentsOf: ["\r", "\n"])
                        i += 2
                        continue
                    }
                } else if c == "\n" {
                    line += 1
                }
                field.unicodeScalars.append(c)
                i += 1
                continue
            }
            if c == "\"" && atFieldStart {
                inQuotes = true
                content = true
                atFieldStart = false
                i += 1
                continue
            }
            if c == delimiter {
                fields.append(field)
                field = ""
                atFieldStart = true
                i += 1
                continue
            }
            if c == "\r" || c == "\n" {
                fields.append(field)
                lineCount = line - startLine + 1
                line += 1
                i += (c == "\r" && next == "\n") ? 2 : 1
                break
            }
            if c != " " && c != "\t" { content = true }
            field.unicodeScalars.append(c)
            atFieldStart = false
            i += 1
        }
        rows.append(
            ExpectedRow(
                line: startLine, fields: fields, isBlank: !content,
                unterminatedQuote: unterminated, lineCount: lineCount))
    }
    return rows
}

/// Scans `bytes` cut into chunks of `chunkSize` (0 = one chunk).
private func scan(_ bytes: [UInt8], delimiter: UInt8, chunkSize: Int, onlyLines: [Int]? = nil) -> [ExpectedRow] {
    var scanner = CSVScanner(delimiter: delimiter)
    if let onlyLines { scanner.deliverOnly(recordsStartingAt: onlyLines) }
    var rows: [ExpectedRow] = []
    let record: (CSVRow) -> Void = { row in
        XCTAssertEqual(row.count, row.ends.count)
        rows.append(
            ExpectedRow(
                line: row.line, fields: (0..<row.count).map { row.field($0) },
                isBlank: row.isBlank, unterminatedQuote: row.unterminatedQuote,
                lineCount: row.lineCount))
    }
    let size = chunkSize == 0 ? max(1, bytes.count) : chunkSize
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + size)
        scanner.feed(Array(bytes[start..<end]), onRow: record)
        start = end
    }
    scanner.finish(onRow: record)
    return rows
}

final class CSVScannerTests: XCTestCase {
    /// Tricky inputs: (text, delimiter).
    private let cases: [(String, Unicode.Scalar)] = [
        ("a,b,c\n1,2,3\n", ","),
        ("a,b,c\n1,2,3", ","),  // no final newline
        ("a,b\r\n1,2\r\n", ","),  // CRLF
        ("a,b\r1,2\r", ","),  // CR only
        ("a,b\n1,2\r\n3,4\r5,6", ","),  // mixed line ends
        ("\"a,b\",c\n", ","),  // delimiter inside quotes
        ("\"he said \"\"hi\"\"\",x\n", ","),  // doubled quotes
        ("\"\"\"\"\n", ","),  // field that is one quote
        ("\"line1\nline2\",b\nnext,row\n", ","),  // LF inside quotes
        ("\"line1\r\nline2\r\nline3\",b\r\nz,y", ","),  // CRLF inside quotes
        ("\"a\rb\",c\rd,e", ","),  // CR inside quotes
        (",,\n,\n", ","),  // only delimiters: blank
        ("a,b,\n1,2,\n", ","),  // trailing delimiter
        ("a,,c\n,,\n", ","),  // empty fields
        ("a,\"unterminated\nb,c\n", ","),  // unterminated quote to the end
        ("a,\"open", ","),  // unterminated, no newline
        ("a,b\"c,d\n", ","),  // quote inside unquoted field is literal
        ("\"ab\"cd,e\n", ","),  // text after closing quote
        ("\"ab\" \"cd\",e\n", ","),  // quote after closing quote text
        ("a,b\n\n\nc,d\n", ","),  // blank lines
        ("  \n\t,\n\"\"\n", ","),  // whitespace-only lines; "" is not blank
        ("\n", ","),  // only a newline
        ("", ","),  // empty
        ("x", ","),  // single byte
        ("\r\n\r\n", ","),
        ("الجهة;القطاع\nالرباط;\"فلاحة; صيد\"\n", ";"),  // Arabic
        ("Région;Secteur\nFès-Meknès;Agriculture\n", ";"),
        ("a\u{0}b,c\n\u{0},\u{0}\n", ","),  // NUL bytes
        ("id\tname\n1\t\"a\tb\"\n", "\t"),  // tab delimiter
        ("id|name\n1|\"x|y\"\r\n2|z", "|"),  // pipe
        ("a,\"b\"\r", ","),  // closing quote then CR at the end
        ("\"a\"\"\r\n\"\"b\",c\n", ","),  // escapes around a CRLF in quotes
        ("a;b,c\n1;2,3\n", ";"),  // comma is data with ;
        ("\"\r\"\r\n", ","),  // CR in quotes, then CRLF
        // Fields longer than the scanner's 8-byte words, so every cut falls inside a run it skips.
        ("registration_id,name_of_the_cooperative,x\nMA-05-2024-00000001,Al Mostakbal Handicraft Cooperative,9\n", ","),
        ("a,\"long quoted field, with a comma\r\nand a CRLF and \"\"escaped\"\" quotes in it\",tail_after_the_quote\r\n", ","),
        ("id;الاسم\n1;تعاونية السعادة للصناعة التقليدية فرع النساء;x\r2;\"سطر\r\rثان\n\nثالث\"\n", ";"),
        ("            \t\t\t\t            \n            \t    x          \n", ","),  // long blank, then content late
    ]

    func testEveryChunkSizeMatchesReference() {
        for (text, delimiter) in cases {
            let expected = referenceParse(text, delimiter: delimiter)
            let bytes = Array(text.utf8)
            for size in 0...max(1, bytes.count) {
                let rows = scan(bytes, delimiter: UInt8(delimiter.value), chunkSize: size)
                XCTAssertEqual(rows, expected, "input \(text.debugDescription), chunk size \(size)")
                if rows != expected { break }
            }
        }
    }

    /// Re-reading chosen rows: with `deliverOnly`, exactly the reference's records that start at the
    /// chosen lines come out (the others followed through quotes and line breaks), at every chunk size.
    func testDeliveringOnlyChosenLinesMatchesReference() {
        var generator = SplitMix64(seed: 7)
        for (text, delimiter) in cases {
            let expected = referenceParse(text, delimiter: delimiter)
            let lastLine = (expected.last.map { $0.line + $0.lineCount } ?? 1) + 1
            for _ in 0..<4 {
                let chosen = (1...lastLine).filter { _ in generator.next() % 2 == 0 }
                let wanted = expected.filter { chosen.contains($0.line) }
                let bytes = Array(text.utf8)
                for size in [0, 1, 2, 3, 7, 9] {
                    let rows = scan(bytes, delimiter: UInt8(delimiter.value), chunkSize: size, onlyLines: chosen.shuffled())
                    XCTAssertEqual(rows, wanted, "input \(text.debugDescription), lines \(chosen), chunk size \(size)")
                }
            }
        }
        // By hand: line 3 is inside the quoted field of the record of line 2, so asking for it gives nothing.
        let text = Array("h1,h2\n\"a\nb\",c\nd,e\n".utf8)
        XCTAssertEqual(scan(text, delimiter: 0x2C, chunkSize: 0, onlyLines: [3]), [])
        XCTAssertEqual(scan(text, delimiter: 0x2C, chunkSize: 0, onlyLines: [4]).map(\.fields), [["d", "e"]])
        XCTAssertEqual(scan(text, delimiter: 0x2C, chunkSize: 0, onlyLines: [2]).map(\.fields), [["a\nb", "c"]])
    }

    func testRandomChunkingsMatchReference() {
        var generator = SplitMix64(seed: 42)
        for (text, delimiter) in cases {
            let expected = referenceParse(text, delimiter: delimiter)
            let bytes = Array(text.utf8)
            for _ in 0..<20 {
                var scanner = CSVScanner(delimiter: UInt8(delimiter.value))
                var rows: [ExpectedRow] = []
                let record: (CSVRow) -> Void = { row in
                    rows.append(
                        ExpectedRow(
                            line: row.line, fields: row.fields, isBlank: row.isBlank,
                            unterminatedQuote: row.unterminatedQuote, lineCount: row.lineCount))
                }
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + 1 + Int(generator.next() % 5))
                    bytes[start..<end].withUnsafeBufferPointer { scanner.feed($0, onRow: record) }
                    start = end
                }
                scanner.finish(onRow: record)
                XCTAssertEqual(rows, expected, "input \(text.debugDescription)")
            }
        }
    }

    /// Hand-written expectations, so the reference itself is checked.
    func testHandWrittenExpectations() {
        let rows = scan(Array("id;nom\r\n1;\"a;\"\"b\"\"\r\nc\"\r\n\r\n;;\n2;x".utf8), delimiter: 0x3B, chunkSize: 0)
        XCTAssertEqual(
            rows,
            [
                ExpectedRow(line: 1, fields: ["id", "nom"], isBlank: false, unterminatedQuote: false, lineCount: 1),
                ExpectedRow(line: 2, fields: ["1", "a;\"b\"\r\nc"], isBlank: false, unterminatedQuote: false, lineCount: 2),
                ExpectedRow(line: 4, fields: [""], isBlank: true, unterminatedQuote: false, lineCount: 1),
                ExpectedRow(line: 5, fields: ["", "", ""], isBlank: true, unterminatedQuote: false, lineCount: 1),
                ExpectedRow(line: 6, fields: ["2", "x"], isBlank: false, unterminatedQuote: false, lineCount: 1),
            ])
        let open = scan(Array("a,\"b\nc".utf8), delimiter: 0x2C, chunkSize: 1)
        XCTAssertEqual(
            open,
            [
                ExpectedRow(
                    line: 1, fields: ["a", "b\nc"], isBlank: false,
                    unterminatedQuote: true, lineCount: 2)
            ])
        XCTAssertEqual(referenceParse("a\n\nb", delimiter: ",").map(\.line), [1, 2, 3])
    }

    /// Every file of the fuzzing corpus (seeds, and any input the fuzzer ever broke) decodes and
    /// scans the same at every chunk size.
    func testFuzzCorpusIsChunkInvariant() throws {
        let corpus = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 15)
        for name in names {
            let input = Array(try Data(contentsOf: corpus.appendingPathComponent(name)))
            let encoding = EncodingDetector.detect(head: input, headerScore: { _ in 0 })
            var whole: [UInt8] = []
            var transcoder = try UTF8Transcoder(encoding: encoding)
            transcoder.convert(input, into: &whole)
            transcoder.finish(into: &whole)
            let delimiter = DelimiterSniffer.sniff(utf8Head: whole)
            let expected = scan(whole, delimiter: delimiter, chunkSize: 0)
            XCTAssertFalse(expected.isEmpty, name)
            for size in 1...max(1, input.count) {
                var chunked: [UInt8] = []
                var pieces = try UTF8Transcoder(encoding: encoding)
                var start = 0
                while start < input.count {
                    let end = min(input.count, start + size)
                    pieces.convert(Array(input[start..<end]), into: &chunked)
                    start = end
                }
                pieces.finish(into: &chunked)
                XCTAssertEqual(chunked, whole, "\(name) transcoded in chunks of \(size)")
                XCTAssertEqual(pieces.replacements, transcoder.replacements, name)
                XCTAssertEqual(scan(whole, delimiter: delimiter, chunkSize: size), expected, "\(name) chunk \(size)")
            }
        }
    }

    func testFieldAccessors() {
        var scanner = CSVScanner(delimiter: 0x2C)
        var kept: [CSVRow] = []
        scanner.feed(Array("ab,,\u{00E9}\n".utf8)) { kept.append($0) }
        scanner.feed(Array("x\n".utf8)) { kept.append($0) }
        scanner.finish { kept.append($0) }
        XCTAssertEqual(kept.count, 2)
        XCTAssertEqual(kept[0].ends, [2, 2, 4])  // rows handed out stay intact
        XCTAssertEqual(Array(kept[0].fieldBytes(2)), [0xC3, 0xA9])
        XCTAssertEqual(kept[0].field(2), "é")
        XCTAssertEqual(kept[0].field(7), "")  // out of range: empty, no crash
        XCTAssertEqual(kept[1].fields, ["x"])
        XCTAssertEqual(kept[1].line, 2)
    }

    func testInvalidUTF8FieldIsRepaired() {
        var scanner = CSVScanner(delimiter: 0x2C)
        var fields: [String] = []
        scanner.feed([0x61, 0xFF, 0x2C, 0x62]) { _ in }
        scanner.finish { fields = $0.fields }
        XCTAssertEqual(fields, ["a\u{FFFD}", "b"])
    }

    func testLargeInputManyRows() {
        var text = "id,name\n"
        for k in 0..<2000 { text += "\(k),\"name \(k), \"\"q\"\"\"\r\n" }
        let bytes = Array(text.utf8)
        var count = 0
        var lastLine = 0
        var scanner = CSVScanner(delimiter: 0x2C)
        for start in stride(from: 0, to: bytes.count, by: 777) {
            scanner.feed(Array(bytes[start..<min(bytes.count, start + 777)])) { row in
                count += 1
                lastLine = row.line
                if row.line == 1001 { XCTAssertEqual(row.fields, ["999", "name 999, \"q\""]) }
            }
        }
        scanner.finish { _ in count += 1 }
        XCTAssertEqual(count, 2001)
        XCTAssertEqual(lastLine, 2001)
    }
}
