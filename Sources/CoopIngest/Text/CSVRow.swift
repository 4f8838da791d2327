/// One CSV record as scanned: unescaped field bytes stored back to back, reused between records to
/// avoid allocation. Invariant: `count == ends.count`, `ends` is non-decreasing and its last value
/// is `bytes.count`; `line` is the 1-based physical line where the record starts.
public struct CSVRow: Sendable, Equatable {
    /// 1-based physical line where the record starts (blank lines and lines inside quoted fields count).
    public internal(set) var line: Int
    /// The unescaped bytes of all fields, back to back (UTF-8 when fed by `UTF8Transcoder`).
    public internal(set) var bytes: [UInt8]
    /// End offset in `bytes` of each field; field `i` is `bytes[ends[i-1] ..< ends[i]]`.
    public internal(set) var ends: [Int]
    /// True when the line has no content: empty, or only delimiters/whitespace (space, tab), with
    /// no quote character in it.
    public internal(set) var isBlank: Bool
    /// True when the file ended inside a quoted field.
    public internal(set) var unterminatedQuote: Bool
    /// Number of physical lines the record spans (>1 when quoted fields hold line breaks; a file
    /// ending inside a quoted field that ends with a line break counts the line after it too).
    public internal(set) var lineCount: Int

    /// A row of the given fields; for tests and callers that build rows by hand.
    public init(
        line: Int = 1, fields: [[UInt8]] = [], isBlank: Bool = false,
        unterminatedQuote: Bool = false, lineCount: Int = 1
    ) {
        self.line = line
        self.bytes = []
        self.ends = []
        for field in fields {
            bytes.append(contentsOf: field)
            ends.append(bytes.count)
        }
        self.isBlank = isBlank
        self.unterminatedQuote = unterminatedQuote
        self.lineCount = lineCount
    }

    /// Number of fields.
    public var count: Int { ends.count }

    /// The field's text, UTF-8 decoded (invalid bytes repaired to U+FFFD); "" when `index` is out of range.
    public func field(_ index: Int) -> String {
        String(decoding: fieldBytes(index), as: UTF8.self)
    }

    /// The field's bytes; empty when `index` is out of range.
    public func fieldBytes(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0 && index < ends.count else { return bytes[0..<0] }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]]
    }

    /// All fields as text, in order.
    public var fields: [String] {
        (0..<count).map { field($0) }
    }
}
