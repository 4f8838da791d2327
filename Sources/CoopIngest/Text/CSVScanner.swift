/// RFC 4180 scanner as a pure state machine over UTF-8 bytes (no I/O): `"` quotes, `""` escapes,
/// delimiters and line breaks (LF, CRLF, CR) inside quotes, final line without newline.
/// Invariant: the rows produced never depend on how the input is cut into chunks.
///
/// Lenient on malformed quoting: a quote inside an unquoted field is literal; text after a closing
/// quote is appended literally. A blank line is delivered as a row with `isBlank`. A file ending
/// with a line break gives no extra empty row. The row passed to `onRow` is reused for the next
/// record: copy it to keep it. After `onRow` throws, the scanner must not be fed again.
public struct CSVScanner: Sendable {
    private enum State: Sendable {
        /// Before the first byte of a record.
        case recordStart
        /// At the start of a field inside a record.
        case fieldStart
        /// Inside an unquoted field (or after the closing quote of a quoted field).
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a `"` inside a quoted field: an escape if another `"` follows, else the end.
        case quoteInQuoted
        /// A CR ended the last record; a LF right after it belongs to the same line break.
        case afterCR
    }

    private static let quote: UInt8 = 0x22
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// The field separator byte.
    public let delimiter: UInt8
    private var state: State = .recordStart
    private var row = CSVRow()
    /// Physical line of the next byte.
    private var line = 1
    /// Inside a quoted field, the previous byte was a CR (so a LF now is the same line break).
    private var quotedAfterCR = false
    private var sawContent = false
    /// When set, only records starting at these lines (ascending) are built and delivered; the
    /// others are followed (quotes, delimiters, line breaks) without copying a byte.
    private var deliveredLines: [Int]?
    /// Index in `deliveredLines` of the first line not yet passed.
    private var deliveredCursor = 0
    /// The current record is being followed, not built.
    private var skipping = false

    public init(delimiter: UInt8) {
        self.delimiter = delimiter
        row.bytes.reserveCapacity(1024)
        row.ends.reserveCapacity(64)
    }

    /// From the next record on, builds and delivers only the records that start at `lines`
    /// (re-reading chosen rows): the rest cost a search for quotes and line breaks, no copy.
    public mutating func deliverOnly(recordsStartingAt lines: [Int]) {
        deliveredLines = lines.sorted()
        deliveredCursor = 0
    }

    public mutating func feed(_ chunk: [UInt8], onRow: (CSVRow) throws -> Void) rethrows {
        try chunk.withUnsafeBufferPointer { try feed($0, onRow: onRow) }
    }

    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, onRow: (CSVRow) throws -> Void) rethrows {
        guard let base = chunk.baseAddress else { return }
        let count = chunk.count
        let delimiter = self.delimiter
        var i = 0
        while i < count {
            let byte = base[i]
            switch state {
            case .afterCR:
                state = .recordStart
                if byte == Self.lf { i += 1 }
            case .recordStart:
                startRecord()
                state = .fieldStart
                if let lines = deliveredLines {
                    while deliveredCursor < lines.count && lines[deliveredCursor] < line { deliveredCursor += 1 }
                    skipping = deliveredCursor == lines.count || lines[deliveredCursor] != line
                }
            case .fieldStart:
                i += 1
                if byte == Self.quote {
                    state = .quoted
                    quotedAfterCR = false
                    sawContent = true
                } else if byte == delimiter {
                    if !skipping { row.ends.append(row.bytes.count) }
                } else if byte == Self.lf || byte == Self.cr {
                    try endRecord(byte, onRow)
                } else {
                    if !skipping { row.bytes.append(byte) }
                    if byte != 0x20 && byte != 0x09 { sawContent = true }
                    state = .unquoted
                }
            case .unquoted:
                // Copy the run of ordinary bytes in one go.
                let start = i
                i = Self.firstOf(delimiter, Self.lf, Self.cr, in: base, from: i, to: count)
                if i > start && !skipping {
                    if !sawContent { sawContent = Self.hasContent(base, start, i) }
                    appendRun(base, start, i)
                }
                if i < count {
                    let b = base[i]
                    i += 1
                    if b == delimiter {
                        if !skipping { row.ends.append(row.bytes.count) }
                        state = .fieldStart
                    } else {
                        try endRecord(b, onRow)
                    }
                }
            case .quoted:
                let start = i
                while true {
                    let next = Self.firstOf(Self.quote, Self.cr, Self.lf, in: base, from: i, to: count)
                    if next > i { quotedAfterCR = false }  // ordinary bytes came after any CR
                    i = next
                    if i == count || base[i] == Self.quote { break }
                    if base[i] == Self.cr {
                        line += 1
                        quotedAfterCR = true
                    } else {
                        if !quotedAfterCR { line += 1 }  // a LF, not the second half of a CRLF
                        quotedAfterCR = false
                    }
                    i += 1
                }
                if i > start && !skipping { appendRun(base, start, i) }
                if i < count {
                    i += 1  // the quote
                    quotedAfterCR = false
                    state = .quoteInQuoted
                }
            case .quoteInQuoted:
                i += 1
                if byte == Self.quote {
                    if !skipping { row.bytes.append(Self.quote) }
                    state = .quoted
                } else if byte == delimiter {
                    if !skipping { row.ends.append(row.bytes.count) }
                    state = .fieldStart
                } else if byte == Self.lf || byte == Self.cr {
                    try endRecord(byte, onRow)
                } else {
                    if !skipping { row.bytes.append(byte) }
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the input: delivers the last record if the file does not end with a line break
    /// (with `unterminatedQuote` when it ends inside a quoted field). The scanner is then ready
    /// for a new input whose first line follows the last one.
    public mutating func finish(onRow: (CSVRow) throws -> Void) rethrows {
        switch state {
        case .recordStart, .afterCR:
            state = .recordStart
            return
        case .quoted:
            row.unterminatedQuote = true
        case .fieldStart, .unquoted, .quoteInQuoted:
            break
        }
        state = .recordStart
        if skipping { return }
        row.ends.append(row.bytes.count)
        row.isBlank = !sawContent
        row.lineCount = line - row.line + 1
        try onRow(row)
    }

    /// The index of the first byte in `base[from..<end]` equal to `a`, `b` or `c` (`end` when
    /// none): eight bytes at a time, each word tested for a zero byte after XOR with each byte
    /// repeated. The lowest flagged byte of that test is always a real match (a borrow only runs
    /// upwards from a zero byte), so the first match is exact.
    @inline(__always)
    static func firstOf(_ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let (wa, wb, wc) = (ones &* UInt64(a), ones &* UInt64(b), ones &* UInt64(c))
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        var i = from
        while i + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(word ^ wa) | zeroBytes(word ^ wb) | zeroBytes(word ^ wc)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end {
            let byte = base[i]
            if byte == a || byte == b || byte == c { return i }
            i += 1
        }
        return end
    }

    /// Whether `base[start..<end]` holds a byte other than space and tab.
    @inline(__always)
    private static func hasContent(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for k in start..<end where base[k] != 0x20 && base[k] != 0x09 { return true }
        return false
    }

    /// Appends `base[start..<end]` to the field bytes; short runs byte by byte (cheaper than the
    /// generic bulk append for the few bytes of a count or a code).
    @inline(__always)
    private mutating func appendRun(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) {
        if end - start <= 8 {
            for k in start..<end { row.bytes.append(base[k]) }
        } else {
            row.bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
        }
    }

    private mutating func startRecord() {
        row.line = line
        row.bytes.removeAll(keepingCapacity: true)
        row.ends.removeAll(keepingCapacity: true)
        row.unterminatedQuote = false
        sawContent = false
    }

    /// Closes the last field and delivers the record ended by the line break `byte`.
    private mutating func endRecord(_ byte: UInt8, _ onRow: (CSVRow) throws -> Void) rethrows {
        let startLine = row.line
        line += 1
        state = byte == Self.cr ? .afterCR : .recordStart
        if skipping { return }
        row.ends.append(row.bytes.count)
        row.isBlank = !sawContent
        row.lineCount = line - startLine
        try onRow(row)
    }
}
