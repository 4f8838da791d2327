// libFuzzer harness for the full row pipeline of CoopIngest: `RegistryParser` (encoding detection,
// decoding, delimiter sniffing, scanning, header, row validation, accounting).
// Build and run with `Tests/Fuzz/run.sh registry` (compiled as one module with CoopDomain, CoopIngest,
// CoopTransform and Tests/CoopFuzzing, whose `PipelineFuzzing` carries accepted records through the
// cube and the tables; the parser's 64 KiB head is scaled down to 256 bytes there so that chunks cross it).
// Any broken invariant calls `fail`, which aborts so libFuzzer saves the input.
//
// The input is the file's bytes. A hash of them picks the rest: where chunks are cut, whether the
// encoding and/or delimiter are forced (as config/--encoding would), and the accepted date range.

#if canImport(Glibc)
    import Glibc
#endif

private func fail(_ message: String) -> Never {
    fputs("INVARIANT BROKEN: \(message)\n", stderr)
    abort()
}

/// The four reference tables of datasets/reference, read once (ReferenceLoader.parse on each file).
private let reference: ReferenceData = {
    var folder = String(#filePath)
    for _ in 0..<3 { folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]) }
    if let override = getenv("COOPSTAT_REFERENCE") { folder = String(cString: override) }
    do {
        return try ReferenceLoader.load(folder: folder.isEmpty ? "datasets/reference" : folder + "/datasets/reference")
    } catch {
        fail("cannot load the reference data: \(error)")
    }
}()

/// Everything a parse produced, comparable.
private struct ParseResult: Equatable {
    var outcomes: [RowOutcome] = []
    var lines: [Int] = []
    var quality: FileQuality
    var refusal: RegistryRefusal?
}

private func parse(_ bytes: [UInt8], chunks: [Int], format: RegistryFormat, range: DateRange) -> ParseResult {
    var parser = RegistryParser(file: "fuzz.csv", reference: reference, range: range, format: format)
    var outcomes: [RowOutcome] = []
    var lines: [Int] = []
    let deliver: (RowOutcome, Int) -> Void = {
        outcomes.append($0)
        lines.append($1)
    }
    var start = 0
    for size in chunks where start < bytes.count {
        let end = min(bytes.count, start + size)
        parser.feed(Array(bytes[start..<end]), deliver: deliver)
        start = end
    }
    if start < bytes.count { parser.feed(Array(bytes[start...]), deliver: deliver) }
    parser.finish(deliver: deliver)
    return ParseResult(outcomes: outcomes, lines: lines, quality: parser.quality, refusal: parser.refusal)
}

/// FNV-1a, to draw the harness's choices from the input.
private func hash(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return h
}

private func checkRecord(_ record: CooperativeRecord, unknownSector: String?, range: DateRange) {
    if record.registrationId.isEmpty { fail("accepted a record without id") }
    if record.registrationId != TextCleaner.clean(record.registrationId) { fail("id not cleaned: \(record.registrationId)") }
    if !range.contains(record.creationDate) { fail("accepted a date outside the range: \(record.creationDate)") }
    if Day(year: record.creationDate.year, month: record.creationDate.month, day: record.creationDate.day) == nil {
        fail("accepted an impossible day")
    }
    if reference.region(record.regionCode) == nil { fail("accepted an unknown region code") }
    if let province = record.provinceIndex {
        if !reference.provinces.indices.contains(province) { fail("province index \(province) out of range") }
        if reference.provinces[province].regionCode != record.regionCode { fail("province outside its region") }
    }
    if !reference.sectors.indices.contains(record.sectorIndex) { fail("sector index \(record.sectorIndex) out of range") }
    if unknownSector != nil && record.sectorIndex != reference.sectors.count - 1 { fail("unknown sector not in the last sector") }
    let total = record.membersTotal
    if total < 1 { fail("accepted total \(total)") }
    for (name, count) in [("women", record.membersWomen), ("men", record.membersMen), ("youth", record.membersYouth)] {
        if let count, count < 0 || count > total { fail("accepted \(name) \(count) of \(total)") }
    }
    if let women = record.membersWomen, let men = record.membersMen, women + men != total {
        fail("accepted women \(women) + men \(men) != total \(total)")
    }
    if (record.membersWomen == nil) != (record.membersMen == nil) { fail("only one of women/men derived") }
    if let capital = record.capitalCents, capital < 0 { fail("accepted a negative capital") }
}

/// The parse's accounting and every delivered outcome, checked on their own.
private func checkAccounting(_ result: ParseResult, range: DateRange) {
    let quality = result.quality
    var accepted = 0
    var rejected = 0
    var unknown = 0
    for (outcome, line) in zip(result.outcomes, result.lines) {
        switch outcome {
        case .accepted(let record, let unknownSector):
            accepted += 1
            if unknownSector != nil { unknown += 1 }
            checkRecord(record, unknownSector: unknownSector, range: range)
        case .rejected(let row):
            rejected += 1
            if row.line != line { fail("reject line \(row.line) delivered as line \(line)") }
            if row.file != "fuzz.csv" { fail("reject names file \(row.file)") }
        }
    }
    if quality.rowsRead != accepted + rejected {
        fail("rowsRead \(quality.rowsRead) != accepted \(accepted) + rejected \(rejected) delivered")
    }
    if quality.rejected != rejected { fail("quality.rejected \(quality.rejected) != \(rejected) delivered") }
    if quality.unknownSector != unknown { fail("quality.unknownSector \(quality.unknownSector) != \(unknown)") }
    if quality.unknownSectorValues.values.reduce(0, +) != unknown { fail("unknownSectorValues do not add up") }
    if quality.accepted != 0 || quality.duplicates != 0 { fail("the parser settled accepted/duplicates itself") }
    for (a, b) in zip(result.lines, result.lines.dropFirst()) where a >= b { fail("lines not increasing: \(a), \(b)") }
    if let first = result.lines.first, first < 2 { fail("a row delivered at line \(first)") }
    if let refusal = result.refusal {
        if !result.outcomes.isEmpty { fail("refused file delivered rows") }
        if quality.rowsRead != 0 || quality.rejected != 0 { fail("refused file keeps counts") }
        if quality.refusal != refusal.description { fail("quality.refusal is not the refusal") }
    } else if quality.refusal != nil {
        fail("quality.refusal set without a refusal")
    }
}

/// Re-reads the file with the text layer alone, using the encoding and delimiter the parser
/// reported, and checks the parser's rows, lines, counts and outcomes against it.
private func checkAgainstRescan(_ bytes: [UInt8], _ result: ParseResult, format: RegistryFormat, range: DateRange) {
    let quality = result.quality
    if bytes.isEmpty {
        if result.refusal?.reason != .empty { fail("empty input not refused as empty") }
        return
    }
    guard let encoding = TextEncoding(rawValue: quality.encoding) else { fail("unknown encoding '\(quality.encoding)'") }
    if let forced = format.encoding, forced != encoding { fail("forced encoding \(forced) reported as \(encoding)") }
    if format.encoding == nil {
        let head = Array(EncodingWindow.of(bytes, complete: true) ?? bytes[...])
        let expected = EncodingDetector.detect(head: head, headerScore: { ColumnAliases.score(headerLine: $0) })
        if encoding != expected { fail("encoding \(encoding) is not the detection on the head (\(expected))") }
    }
    if case .undecodable? = result.refusal?.reason { return }
    guard let delimiter = DelimiterSniffer.parse(userName: quality.delimiter) else {
        fail("delimiter '\(quality.delimiter)' does not read back")
    }
    if let forced = format.delimiter, forced != delimiter { fail("forced delimiter \(forced) reported as \(delimiter)") }
    guard var transcoder = try? UTF8Transcoder(encoding: encoding) else { fail("no transcoder for \(encoding)") }
    var text: [UInt8] = []
    transcoder.convert(bytes, into: &text)
    transcoder.finish(into: &text)
    var rows: [CSVRow] = []
    var scanner = CSVScanner(delimiter: delimiter)
    scanner.feed(text) { rows.append($0) }
    scanner.finish { rows.append($0) }

    guard let headerIndex = rows.firstIndex(where: { !$0.isBlank }) else {
        if result.refusal?.reason != .noHeader { fail("no non-blank row but refusal \(String(describing: result.refusal))") }
        if quality.skippedBlank != rows.count { fail("skippedBlank \(quality.skippedBlank) != \(rows.count) blank rows") }
        return
    }
    var cells = rows[headerIndex].fields
    if let first = cells.first, first.hasPrefix("\u{FEFF}") { cells[0] = String(first.dropFirst()) }
    let layout: HeaderLayout
    do {
        layout = try HeaderLayout(cells: cells)
    } catch {
        if result.refusal?.reason != .header(error, line: rows[headerIndex].line) {
            fail("header error \(error) but refusal \(String(describing: result.refusal))")
        }
        return
    }
    if let refusal = result.refusal { fail("valid header but refused: \(refusal)") }
    // (A refused file keeps all its counts at zero, replaced bytes included.)
    if quality.replacedBytes != transcoder.replacements { fail("replacedBytes \(quality.replacedBytes) != \(transcoder.replacements)") }
    if quality.unknownColumns != layout.unknownColumns { fail("unknownColumns differ") }
    let body = rows[(headerIndex + 1)...].filter { !$0.isBlank }
    if quality.skippedBlank != rows.count - body.count - 1 {
        fail("skippedBlank \(quality.skippedBlank) != \(rows.count - body.count - 1)")
    }
    if body.map(\.line) != result.lines { fail("delivered lines are not the non-blank rows after the header") }
    var validator = RowValidator(layout: layout, reference: reference, range: range, file: "fuzz.csv")
    for (row, outcome) in zip(body, result.outcomes) {
        let expected = validator.validate(fields: row.fields, line: row.line, unterminatedQuote: row.unterminatedQuote)
        if expected != outcome { fail("line \(row.line): outcome differs from validating the re-scanned row") }
    }
}

private let wideRange = DateRange(start: Day(year: 1900, month: 1, day: 1)!, end: Day(year: 2100, month: 12, day: 31)!)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let h = hash(bytes)
    var format = RegistryFormat()
    if h % 5 == 0 { format.encoding = TextEncoding.allCases[Int((h >> 8) % UInt64(TextEncoding.allCases.count))] }
    if (h >> 3) % 5 == 0 { format.delimiter = DelimiterSniffer.candidates[Int((h >> 16) % 4)] }
    let range = (h >> 6) % 3 == 0 ? wideRange : DateRange.standard

    let whole = parse(bytes, chunks: [], format: format, range: range)
    checkAccounting(whole, range: range)
    checkAgainstRescan(bytes, whole, format: format, range: range)
    // On past the validator: the accepted records through the metrics cube and the tables.
    let records = whole.outcomes.compactMap { outcome -> CooperativeRecord? in
        if case .accepted(let record, _) = outcome { return record }
        return nil
    }
    let broken = PipelineFuzzing.violations(records: records, files: [whole.quality], reference: reference, range: range)
    if let first = broken.first { fail(first) }

    // Chunked feeding gives the same outcomes and accounting: one cut, then small chunks (with
    // empty ones), then byte by byte for small inputs.
    let cut = size == 0 ? 0 : Int((h >> 24) % UInt64(size + 1))
    let small = Int((h >> 40) % 7) + 1
    var schedules: [[Int]] = [[cut], [0, small, 0] + Array(repeating: small, count: size / small + 1)]
    if size <= 700 { schedules.append(Array(repeating: 1, count: size)) }
    for chunks in schedules {
        let chunked = parse(bytes, chunks: chunks, format: format, range: range)
        if chunked != whole {
            fail(
                "chunked feeding (\(chunks.prefix(3))…) differs: quality \(chunked.quality) vs \(whole.quality); "
                    + "\(chunked.outcomes.count) vs \(whole.outcomes.count) outcomes; refusal \(String(describing: chunked.refusal)) vs \(String(describing: whole.refusal))"
            )
        }
    }
    return 0
}
