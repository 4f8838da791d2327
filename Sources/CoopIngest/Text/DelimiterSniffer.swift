/// Detects and names the field delimiter of a CSV file: `,` `;` TAB or `|`.
/// Invariant: `sniff` always returns one of `candidates`.
public enum DelimiterSniffer {
    /// The delimiters a registry may use, in tie-break order (most common first).
    public static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]

    /// How many records `sniff` looks at (header included).
    static let sampleRecords = 50
    /// Bytes fed to a candidate's scanner at a time.
    static let slice = 4 * 1024

    /// Picks `,` `;` TAB or `|` from the start of UTF-8 text (header + first rows), honouring quotes
    /// (each candidate is tried with `CSVScanner`, so a delimiter inside a quoted field does not
    /// count). Rule: a candidate must split the header (first non-blank record) into 2+ fields;
    /// among those, the winner has the most of the following records (up to 50, blank ones and a
    /// possibly cut last record of `utf8Head` left out) with the header's field count; ties go to
    /// the larger header field count, then to the order `,` `;` TAB `|`. Default `,` (one column).
    public static func sniff(utf8Head: [UInt8]) -> UInt8 {
        var best: (delimiter: UInt8, matching: Int, headerFields: Int)?
        for candidate in candidates {
            var counts: [Int] = []
            var scanner = CSVScanner(delimiter: candidate)
            let collect: (CSVRow) -> Void = { row in
                if !row.isBlank && counts.count < sampleRecords { counts.append(row.count) }
            }
            // Fed a slice at a time, and no further once the sample is full (the rest cannot change it).
            var start = 0
            while start < utf8Head.count && counts.count < sampleRecords {
                let end = min(utf8Head.count, start + Self.slice)
                utf8Head.withUnsafeBufferPointer { scanner.feed(UnsafeBufferPointer(rebasing: $0[start..<end]), onRow: collect) }
                start = end
            }
            if counts.count < sampleRecords {
                let complete = counts.count
                scanner.finish(onRow: collect)
                // The record left open at the end of the head may be cut: use it only as a header.
                if counts.count > complete && complete > 0 { counts.removeLast() }
            }
            guard let header = counts.first, header >= 2 else { continue }
            let matching = counts.dropFirst().filter { $0 == header }.count
            if let current = best {
                if matching < current.matching { continue }
                if matching == current.matching && header <= current.headerFields { continue }
            }
            best = (candidate, matching, header)
        }
        return best?.delimiter ?? 0x2C
    }

    /// Human name for data-quality output: "," ";" "tab" "|" (other bytes: the character itself).
    public static func displayName(_ delimiter: UInt8) -> String {
        switch delimiter {
        case 0x09: return "tab"
        default: return String(UnicodeScalar(delimiter))
        }
    }

    /// Parses a user's delimiter: ",", ";", "|", a literal tab, "\t" (backslash-t), "tab" (any
    /// case), "comma", "semicolon", "pipe"; nil otherwise.
    public static func parse(userName: String) -> UInt8? {
        if userName == "\t" { return 0x09 }
        var trimmed = Substring(userName)
        while let first = trimmed.first, first == " " { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " { trimmed.removeLast() }
        switch trimmed.lowercased() {
        case ",", "comma": return 0x2C
        case ";", "semicolon": return 0x3B
        case "|", "pipe": return 0x7C
        case "\t", "\\t", "tab": return 0x09
        default: return nil
        }
    }
}
