import CoopDomain
import XCTest

/// Issue 12 item 8: input text reaches terminals, logs and `coopstat.txt` only as visible escapes.
final class VisibleTextTests: XCTestCase {
    func testControlCharactersEscapeSequencesAndBidiAreShownAsEscapes() {
        // Screen clear, an OSC 52 clipboard write (ESC ] 52 ; c ; payload BEL), a right-to-left
        // override, an isolate, a newline and a C1 control (U+009B, the one-byte CSI).
        XCTAssertEqual(VisibleText.escaped("a\u{1B}[2Jb"), "a\\e[2Jb")
        XCTAssertEqual(VisibleText.escaped("\u{1B}]52;c;ZXZpbA==\u{07}"), "\\e]52;c;ZXZpbA==\\x07")
        XCTAssertEqual(VisibleText.escaped("abc\u{202E}fed"), "abc\\u{202E}fed")
        XCTAssertEqual(VisibleText.escaped("x\u{2066}y\u{2069}"), "x\\u{2066}y\\u{2069}")
        XCTAssertEqual(VisibleText.escaped("one\ntwo\r\tend\u{7F}"), "one\\ntwo\\r\\tend\\x7F")
        XCTAssertEqual(VisibleText.escaped("\u{9B}31m"), "\\u{9B}31m")
        XCTAssertEqual(VisibleText.escaped("line\u{2028}sep"), "line\\u{2028}sep")
    }

    func testPrintableTextIsUnchanged() {
        for text in ["Coopérative Étoile", "تعاونية الأمل", "registries/2024 Q4.csv", "", "a\\b"] {
            XCTAssertEqual(VisibleText.escaped(text), text)
        }
    }

    func testNoUnsafeCharacterSurvives() {
        // Every code point below U+0100 and the bidi range, one after the other.
        var text = ""
        for value in Array(0..<0x100) + Array(0x2028...0x202E) + Array(0x2066...0x2069) {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        let escaped = VisibleText.escaped(text)
        XCTAssertFalse(escaped.unicodeScalars.contains(where: VisibleText.isUnsafe), escaped)
        XCTAssertFalse(escaped.contains("\n"))
    }

    func testBytesThatAreNotUTF8AreShownAsHex() {
        // "café" in Latin-1 (é = 0xE9), a lone continuation byte, a truncated sequence, then UTF-8 "é".
        XCTAssertEqual(VisibleText.escaped(bytes: Array("caf".utf8) + [0xE9] + Array(".csv".utf8)), "caf\\xE9.csv")
        XCTAssertEqual(VisibleText.escaped(bytes: [0x80, 0x41, 0xE2, 0x82]), "\\x80A\\xE2\\x82")
        XCTAssertEqual(VisibleText.escaped(bytes: Array("é\n".utf8)), "é\\n")
        // Overlong and surrogate encodings are not UTF-8 either.
        XCTAssertEqual(VisibleText.escaped(bytes: [0xC0, 0xAF]), "\\xC0\\xAF")
        XCTAssertEqual(VisibleText.escaped(bytes: [0xED, 0xA0, 0x80]), "\\xED\\xA0\\x80")
    }
}
