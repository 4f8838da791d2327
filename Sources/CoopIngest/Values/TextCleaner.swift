/// Cleans a free-text field (CONTRACT §1.3): trimmed, and every internal run of white space — any
/// Unicode White_Space character: space, tab, line breaks, no-break U+00A0, thin U+2009, narrow
/// no-break U+202F, … — collapsed to one ASCII space. Letters, digits and marks are untouched.
/// Works on the UTF-8 bytes: the White_Space characters are few and fixed (`whiteSpaceLength`).
/// Invariant: `clean(clean(t)) == clean(t)`, and text that is already clean comes back unchanged
/// without allocating.
public enum TextCleaner {
    /// The trimmed, white-space-collapsed form of `text`.
    public static func clean(_ text: String) -> String {
        UTF8Access.with(text) { utf8 in isClean(utf8) ? text : collapsed(utf8) }
    }

    /// The trimmed, white-space-collapsed form of `text`.
    public static func clean(_ text: Substring) -> String {
        UTF8Access.with(text) { utf8 in isClean(utf8) ? String(text) : collapsed(utf8) }
    }

    /// Calls `body` with the cleaned form of the UTF-8 text `raw`: `raw` itself when it is already
    /// clean (no copy), else the collapsed bytes in temporary storage.
    @inline(__always)
    static func withClean<R>(_ raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if isClean(raw) { return body(raw) }
        return withCollapsed(raw, body)
    }

    /// Whether the UTF-8 text `utf8` is clean: no white space at either end, and none inside but
    /// single ASCII spaces. `visit` sees the bytes checked, in order (all of them when the text is
    /// clean), so a caller can hash clean text in the same pass.
    @inline(__always)
    static func isClean(_ utf8: UnsafeBufferPointer<UInt8>, visiting visit: (UInt8) -> Void = { _ in }) -> Bool {
        var previousWasSpace = true  // a leading space is not clean
        for i in utf8.indices {
            let byte = utf8[i]
            visit(byte)
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte &- 0x09 < 5 {
                return false
            } else if byte >= 0xC2, byte <= 0xE3, whiteSpaceLength(utf8, at: i) > 0 {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return utf8.isEmpty || !previousWasSpace
    }

    /// The length in bytes (1–3) of the White_Space character whose UTF-8 starts at `utf8[i]`, 0
    /// when none does: U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000. A continuation byte never starts one.
    @inline(__always)
    static func whiteSpaceLength(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = utf8[i]
        if b0 == 0x20 || b0 &- 0x09 < 5 { return 1 }
        guard b0 >= 0xC2, b0 <= 0xE3, i + 1 < utf8.count else { return 0 }
        let b1 = utf8[i + 1]
        if b0 == 0xC2 { return b1 == 0x85 || b1 == 0xA0 ? 2 : 0 }
        guard i + 2 < utf8.count else { return 0 }
        let b2 = utf8[i + 2]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The collapsed form of `utf8` as a String.
    static func collapsed(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        withCollapsed(utf8) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with `utf8` trimmed and each run of white space made one ASCII space (never
    /// longer than `utf8`, so it fits in temporary storage of that size).
    static func withCollapsed<R>(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, utf8.count)) { out in
            var count = 0
            var pendingSpace = false
            var i = 0
            while i < utf8.count {
                let space = whiteSpaceLength(utf8, at: i)
                if space > 0 {
                    pendingSpace = count > 0
                    i += space
                    continue
                }
                if pendingSpace {
                    out[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                out[count] = utf8[i]
                count += 1
                i += 1
            }
            return body(UnsafeBufferPointer(rebasing: out[..<count]))
        }
    }
}
