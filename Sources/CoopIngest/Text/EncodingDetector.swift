/// Decides which `TextEncoding` a registry file uses from its first bytes.
/// Invariant: pure function of `head` and `headerScore`; never fails (falls back to UTF-8 / 1252).
public enum EncodingDetector {
    /// How many bytes of a file `detect` wants to see.
    public static let headSize = 64 * 1024

    /// Decides a file's encoding from its first bytes (pass up to 64 KiB), in this order:
    /// 1. a BOM: UTF-8, UTF-16 LE, UTF-16 BE;
    /// 2. UTF-16 without BOM: zero bytes only at odd (LE) or only at even (BE) offsets, on at least
    ///    a quarter of the code units (ASCII delimiters, digits and spaces have a zero half);
    /// 3. valid UTF-8 (a multibyte sequence cut at the end of `head` is allowed), or mostly valid
    ///    UTF-8 (at least 8 valid multibyte sequences per invalid one) -> `.utf8`;
    /// 4. else the first line is decoded as Windows-1252 and as Windows-1256 and the one whose
    ///    header `headerScore` rates higher (e.g. number of recognised column aliases) wins;
    /// 5. on a tie, byte statistics (see `arabicEvidence`): 1256 if the high bytes look Arabic,
    ///    else 1252.
    public static func detect(head: [UInt8], headerScore: (String) -> Int) -> TextEncoding {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if let utf16 = utf16WithoutBOM(head) { return utf16 }

        var validation = UTF8Validation()
        var scratch: [UInt8] = []
        scratch.reserveCapacity(head.count)
        _ = head.withUnsafeBufferPointer {
            validation.decode($0, limit: $0.count, final: false, into: &scratch)
        }
        if validation.replacements == 0 { return .utf8 }
        if validation.multibyteSequences >= 8 * validation.replacements { return .utf8 }

        let firstLine = head.prefix { $0 != 0x0A && $0 != 0x0D }
        guard let latin = SingleByteTable.windows1252, let arabic = SingleByteTable.windows1256 else {
            return .windows1252
        }
        let latinScore = headerScore(latin.decode(firstLine))
        let arabicScore = headerScore(arabic.decode(firstLine))
        if latinScore != arabicScore {
            return latinScore > arabicScore ? .windows1252 : .windows1256
        }
        return arabicEvidence(head) > 0 ? .windows1256 : .windows1252
    }

    /// Byte statistics for the 1252-vs-1256 tie: positive means Arabic. Each byte >= 0x80 votes:
    /// Arabic if it is an Arabic letter in 1256 that is not a French letter there (1256 keeps
    /// à â ç è é ê ë î ï ô ù û ü at their 1252 places), or if it sits in a run of 3+ high bytes
    /// (Arabic words are runs of high bytes between spaces); Latin if it is one of those shared
    /// French accents (lowercase, same byte in both pages), or any other 1252 letter (>= 0xC0)
    /// standing alone or in a pair next to an ASCII letter.
    static func arabicEvidence(_ bytes: [UInt8]) -> Int {
        var evidence = 0
        var i = 0
        let count = bytes.count
        while i < count {
            guard bytes[i] >= 0x80 else {
                i += 1
                continue
            }
            var end = i
            while end < count && bytes[end] >= 0x80 { end += 1 }
            let run = end - i
            if run >= 3 {
                evidence += run
            } else {
                let before = i > 0 ? bytes[i - 1] : 0x20
                let after = end < count ? bytes[end] : 0x20
                let besideLetter = isASCIILetter(before) || isASCIILetter(after)
                for k in i..<end {
                    let byte = bytes[k]
                    if isFrenchAccent(byte) || (besideLetter && byte >= 0xC0) {
                        evidence -= 1
                    } else if isArabicLetter1256(byte) {
                        evidence += 1
                    }
                }
            }
            i = end
        }
        return evidence
    }

    /// The lowercase French accents at the same byte in both code pages: à â ç è é ê ë î ï ô ù û ü.
    private static func isFrenchAccent(_ byte: UInt8) -> Bool {
        switch byte {
        case 0xE0, 0xE2, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEE, 0xEF, 0xF4, 0xF9, 0xFB, 0xFC: return true
        default: return false
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Arabic letters of Windows-1256 (0xC1-0xD6, 0xD8-0xDF, 0xE1, 0xE3-0xE6, 0xEC, 0xED).
    private static func isArabicLetter1256(_ byte: UInt8) -> Bool {
        switch byte {
        case 0xC1...0xD6, 0xD8...0xDF, 0xE1, 0xE3...0xE6, 0xEC, 0xED: return true
        default: return false
        }
    }

    private static func utf16WithoutBOM(_ head: [UInt8]) -> TextEncoding? {
        let units = head.count / 2
        guard units >= 2 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for unit in 0..<units {
            if head[2 * unit] == 0 { evenZeros += 1 }
            if head[2 * unit + 1] == 0 { oddZeros += 1 }
        }
        let enough = max(2, units / 4)
        if oddZeros >= enough && evenZeros == 0 { return .utf16LE }
        if evenZeros >= enough && oddZeros == 0 { return .utf16BE }
        return nil
    }
}
