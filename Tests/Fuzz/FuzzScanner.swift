// libFuzzer harness for the byte layer of CoopIngest (Sources/CoopIngest/Text).
// Build and run with Tests/Fuzz/run.sh. Compiled together with those sources as one module.
// Any broken invariant calls `fail`, which aborts so libFuzzer saves the input.

#if canImport(Glibc)
    import Glibc
#endif

private func fail(_ message: String) -> Never {
    fputs("INVARIANT BROKEN: \(message)\n", stderr)
    abort()
}

/// A plain snapshot of a row, comparable.
private struct RowSnapshot: Equatable {
    var line: Int
    var fields: [[UInt8]]
    var isBlank: Bool
    var unterminatedQuote: Bool
    var lineCount: Int

    init(_ row: CSVRow) {
        line = row.line
        fields = (0..<row.count).map { Array(row.fieldBytes($0)) }
        isBlank = row.isBlank
        unterminatedQuote = row.unterminatedQuote
        lineCount = row.lineCount
    }

    init(line: Int, fields: [[UInt8]], isBlank: Bool, unterminatedQuote: Bool, lineCount: Int) {
        self.line = line
        self.fields = fields
        self.isBlank = isBlank
        self.unterminatedQuote = unterminatedQuote
        self.lineCount = lineCount
    }
}

/// Obviously-correct reference: one record at a time, with look-ahead, over the whole input.
private func referenceRows(_ s: [UInt8], delimiter: UInt8) -> [RowSnapshot] {
    var rows: [RowSnapshot] = []
    var i = 0
    var line = 1
    while i < s.count {
        let startLine = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var content = false
        var inQuotes = false
        var atFieldStart = true
        var unterminated = false
        var lineCount = 0
        while true {
            if i == s.count {
                unterminated = inQuotes
                fields.append(field)
                lineCount = line - startLine + 1
                break
            }
            let c = s[i]
            let next: UInt8? = i + 1 < s.count ? s[i + 1] : nil
            if inQuotes {
                if c == 0x22 {
                    if next == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    continue
                }
                if c == 0x0D {
                    line += 1
                    if next == 0x0A {
                        field += [0x0D, 0x0A]
                        i += 2
                        continue
                    }
                } else if c == 0x0A {
                    line += 1
                }
                field.append(c)
                i += 1
                continue
            }
            if c == 0x22 && atFieldStart {
                inQuotes = true
                content = true
                atFieldStart = false
                i += 1
                continue
            }
            if c == delimiter {
                fields.append(field)
                field = []
                atFieldStart = true
                i += 1
                continue
            }
            if c == 0x0D || c == 0x0A {
                fields.append(field)
                lineCount = line - startLine + 1
                line += 1
                i += (c == 0x0D && next == 0x0A) ? 2 : 1
                break
            }
            if c != 0x20 && c != 0x09 { content = true }
            field.append(c)
            atFieldStart = false
            i += 1
        }
        rows.append(
            RowSnapshot(
                line: startLine, fields: fields, isBlank: !content,
                unterminatedQuote: unterminated, lineCount: lineCount))
    }
    return rows
}

private func scan(_ text: [UInt8], delimiter: UInt8, cuts: [Int]) -> [RowSnapshot] {
    var scanner = CSVScanner(delimiter: delimiter)
    var rows: [RowSnapshot] = []
    var start = 0
    for cut in cuts + [text.count] where cut >= start && cut <= text.count {
        scanner.feed(Array(text[start..<cut])) { rows.append(RowSnapshot($0)) }
        start = cut
    }
    scanner.finish { rows.append(RowSnapshot($0)) }
    return rows
}

private func transcode(_ bytes: [UInt8], _ encoding: TextEncoding, cuts: [Int]) -> ([UInt8], Int) {
    guard var transcoder = try? UTF8Transcoder(encoding: encoding) else {
        fail("no transcoder for \(encoding)")
    }
    var out: [UInt8] = []
    var start = 0
    for cut in cuts + [bytes.count] where cut >= start && cut <= bytes.count {
        transcoder.convert(Array(bytes[start..<cut]), into: &out)
        start = cut
    }
    transcoder.finish(into: &out)
    return (out, transcoder.replacements)
}

private func checkRows(_ rows: [RowSnapshot]) {
    var expectedLine = 1
    for (index, row) in rows.enumerated() {
        if row.line != expectedLine { fail("row \(index) starts at line \(row.line), expected \(expectedLine)") }
        if row.fields.isEmpty { fail("row \(index) has no field") }
        if row.lineCount < 1 { fail("row \(index) lineCount \(row.lineCount)") }
        if row.unterminatedQuote && index != rows.count - 1 { fail("unterminated quote before the end") }
        expectedLine = row.line + row.lineCount
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = size == 0 ? 0 : Int(input[0]) % (size + 1)

    // Detection: deterministic, and never anything outside the enum.
    let score: (String) -> Int = { header in
        var n = 0
        for alias in ["Région", "الجهة", "id", "Secteur", "القطاع"] where header.contains(alias) { n += 1 }
        return n
    }
    let head = Array(input.prefix(EncodingDetector.headSize))
    let detected = EncodingDetector.detect(head: head, headerScore: score)
    if EncodingDetector.detect(head: head, headerScore: score) != detected { fail("detection not deterministic") }

    // Transcoding, every encoding: chunk-invariant, valid UTF-8 out, no BOM left.
    var text: [UInt8] = []
    for encoding in TextEncoding.allCases {
        let whole = transcode(input, encoding, cuts: [])
        let split = transcode(input, encoding, cuts: [cut])
        let bytewise = size <= 64 ? transcode(input, encoding, cuts: Array(0..<size)) : split
        if whole.0 != split.0 || whole.1 != split.1 || whole.0 != bytewise.0 || whole.1 != bytewise.1 {
            fail("\(encoding): output depends on chunking (cut at \(cut))")
        }
        var utf8Checker = UTF8Validation()
        var scratch: [UInt8] = []
        _ = whole.0.withUnsafeBufferPointer {
            utf8Checker.decode($0, limit: $0.count, final: true, into: &scratch)
        }
        if utf8Checker.replacements != 0 { fail("\(encoding): output is not valid UTF-8") }
        for k in 0..<max(0, whole.0.count - 2) where whole.0[k] == 0xEF && whole.0[k + 1] == 0xBB && whole.0[k + 2] == 0xBF {
            fail("\(encoding): BOM left in output")
        }
        if encoding == detected { text = whole.0 }
        if encoding == .windows1252 || encoding == .windows1256 {
            if whole.0.count < size { fail("\(encoding): lost bytes") }
        }
    }

    // Sniffing.
    let delimiter = DelimiterSniffer.sniff(utf8Head: Array(text.prefix(EncodingDetector.headSize)))
    if !DelimiterSniffer.candidates.contains(delimiter) { fail("sniffed \(delimiter)") }
    if DelimiterSniffer.parse(userName: DelimiterSniffer.displayName(delimiter)) != delimiter {
        fail("displayName/parse round trip for \(delimiter)")
    }

    // Scanning: on the raw input (any bytes) and on the transcoded text, with a delimiter taken
    // from the input too; chunked == unchunked == reference.
    let delimiters: [UInt8] = [delimiter, size > 1 ? input[1] : 0x3B]
    for (source, d) in [(input, delimiters[0]), (text, delimiters[0]), (input, delimiters[1])] {
        if d == 0x22 || d == 0x0A || d == 0x0D { continue }
        let reference = referenceRows(source, delimiter: d)
        let whole = scan(source, delimiter: d, cuts: [])
        if whole != reference { fail("scanner differs from reference (delimiter \(d))") }
        let sourceCut = source.isEmpty ? 0 : cut % (source.count + 1)
        if scan(source, delimiter: d, cuts: [sourceCut]) != whole { fail("scanner depends on cut at \(sourceCut)") }
        if source.count <= 64, scan(source, delimiter: d, cuts: Array(0..<source.count)) != whole {
            fail("scanner depends on byte-by-byte feeding")
        }
        checkRows(whole)
    }
    return 0
}
