/// The start of a registry file that settles its encoding (CONTRACT §1.1: detected per file): the
/// first `RegistryParser.headSize` bytes; or, when those are all ASCII — which every candidate but
/// UTF-16 reads alike, so they cannot tell UTF-8 from Windows-1252 or -1256 — on to `headSize`
/// bytes past the first byte >= 0x80, at most `longest`. So a French or Arabic file whose first
/// accents come late (an English header, plain names first) is not read as UTF-8.
/// Invariant: the window, and so the encoding, depend only on the file's first bytes, never on
/// how they were cut into chunks or parts.
enum EncodingWindow {
    /// Bytes gathered at most to settle the encoding of a file whose head is ASCII.
    static let longest = 4 << 20

    /// The window of a file starting with `gathered`; nil while `gathered` is too short to tell
    /// and `complete` is false (more of the file is coming).
    static func of(_ gathered: [UInt8], complete: Bool) -> ArraySlice<UInt8>? {
        let head = RegistryParser.headSize
        let needed: Int
        if let firstHigh = gathered.firstIndex(where: { $0 >= 0x80 }) {
            needed = firstHigh < head ? head : min(firstHigh + head, longest)
        } else {
            needed = longest
        }
        if gathered.count >= needed { return gathered.prefix(needed) }
        return complete ? gathered[...] : nil
    }

    /// The encoding `EncodingDetector` settles on the window of a file starting with `gathered`
    /// (all of it, or at least the window).
    static func encoding(of gathered: [UInt8]) -> TextEncoding {
        EncodingDetector.detect(
            head: Array(of(gathered, complete: true) ?? gathered[...]), headerScore: { ColumnAliases.score(headerLine: $0) })
    }
}
