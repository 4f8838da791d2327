import XCTest

@testable import CoopIngest

/// `TextCleaner` works on UTF-8 bytes with a fixed table of the White_Space characters; this
/// checks it against a reference written on Unicode scalars with `properties.isWhitespace`.
final class TextCleanerTests: XCTestCase {
    /// Trimmed, with each run of White_Space scalars made one space: split on them, join with " ".
    private func reference(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    func testEveryScalarUpToU3100AgreesWithTheUnicodeProperty() {
        var whiteSpace = 0
        for value in 0...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(String.UnicodeScalarView([scalar]))
            if scalar.properties.isWhitespace { whiteSpace += 1 }
            for text in ["a\(c)b", "\(c)x\(c)\(c)", "x\(c)", "\(c)", "a \(c) b"] {
                XCTAssertEqual(TextCleaner.clean(text), reference(text), "U+\(String(value, radix: 16))")
                XCTAssertEqual(TextCleaner.clean(Substring(text)), reference(text))
                let bytes = Array(text.utf8)
                let viaBytes = bytes.withUnsafeBufferPointer { TextCleaner.withClean($0) { Array($0) } }
                XCTAssertEqual(viaBytes, Array(reference(text).utf8))
            }
        }
        // U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000.
        XCTAssertEqual(whiteSpace, 25)
    }

    func testCleanTextIsHandedOnUnchanged() {
        for text in ["Coopérative Al Amal", "تعاونية الأمل", "d’Or", "a", "", "x\u{2019}y\u{2014}z"] {
            XCTAssertEqual(TextCleaner.clean(text), text)
            let clean = Array(text.utf8).withUnsafeBufferPointer { TextCleaner.isClean($0) }
            XCTAssertTrue(clean, text)
        }
    }
}
