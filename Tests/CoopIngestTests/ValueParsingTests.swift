import XCTest

@testable import CoopIngest

final class ValueParsingTests: XCTestCase {
    // MARK: DigitNormalizer

    func testArabicIndicDigits() {
        XCTAssertEqual(DigitNormalizer.asciiDigits("٠١٢٣٤٥٦٧٨٩"), "0123456789")
        XCTAssertEqual(DigitNormalizer.asciiDigits("۰۱۲۳۴۵۶۷۸۹"), "0123456789")
        XCTAssertEqual(DigitNormalizer.asciiDigits("٠١/٠٧/٢٠١٩"), "01/07/2019")
        XCTAssertEqual(DigitNormalizer.asciiDigits("١٢٬٥٠٠٫٥٠"), "12 500.50")
        XCTAssertEqual(DigitNormalizer.asciiDigits("عدد ٤٢ عضو"), "عدد 42 عضو")
        XCTAssertEqual(DigitNormalizer.asciiDigits("۴۲ و ٤٢ and 42"), "42 و 42 and 42")
    }

    func testNormalizerLeavesOtherTextAlone() {
        for text in ["", "plain ASCII 123", "Coopérative Al Amal", "تعاونية الأمل", "\u{0640}\u{066A}\u{06EF}\u{06FA}", "😀 ✓"] {
            XCTAssertEqual(DigitNormalizer.asciiDigits(text), text)
        }
        // Neighbours of the ranges are not digits: U+065F, U+066A (percent sign), U+06EF, U+06FA.
        XCTAssertEqual(DigitNormalizer.asciiDigits("\u{065F}\u{066A}\u{06EF}\u{06FA}"), "\u{065F}\u{066A}\u{06EF}\u{06FA}")
        XCTAssertEqual(DigitNormalizer.asciiDigits(Substring("x٣y")), "x3y")
    }

    // MARK: TextCleaner

    func testCleanTrimsAndCollapses() {
        XCTAssertEqual(TextCleaner.clean("  Coopérative   Al\tAmal \n"), "Coopérative Al Amal")
        XCTAssertEqual(TextCleaner.clean("Al\u{00A0}\u{00A0}Amal"), "Al Amal")
        XCTAssertEqual(TextCleaner.clean("Al\u{2009}Amal\u{202F}"), "Al Amal")
        XCTAssertEqual(TextCleaner.clean("\r\nتعاونية\u{00A0} الأمل\r\n"), "تعاونية الأمل")
        XCTAssertEqual(TextCleaner.clean("a\u{2028}b\u{3000}c"), "a b c")
        XCTAssertEqual(TextCleaner.clean("   "), "")
        XCTAssertEqual(TextCleaner.clean(""), "")
        XCTAssertEqual(TextCleaner.clean("already clean"), "already clean")
        XCTAssertEqual(TextCleaner.clean("x"), "x")
        XCTAssertEqual(TextCleaner.clean(" x"), "x")
        XCTAssertEqual(TextCleaner.clean("x "), "x")
        XCTAssertEqual(TextCleaner.clean("a  b"), "a b")
        XCTAssertEqual(TextCleaner.clean("Coop ° 1"), "Coop ° 1")  // U+00B0 shares the 0xC2 lead byte
        XCTAssertEqual(TextCleaner.clean("e\u{0301}  x"), "e\u{0301} x")  // combining marks kept
        XCTAssertEqual(TextCleaner.clean(Substring(" a  b ")), "a b")
    }

    // MARK: YesNoParser

    func testYes() {
        for text in [
            "oui", "OUI", "Oui", " oui ", "o", "O", "vrai", "VRAI", "yes", "Yes", "y", "Y", "true", "TRUE",
            "نعم", " نعم ", "نَعَم", "1", "١", "۱", "x", "X", "✓", "✔", "☑", "ÔUI", "Vrái",
        ] {
            XCTAssertEqual(YesNoParser.parse(text), .yes, text.debugDescription)
        }
    }

    func testNo() {
        for text in [
            "non", "NON", "Non", "n", "N", "faux", "Faux", "FAUX", "no", "No", "NO", "false", "False",
            "لا", "\u{200F}لا\u{200F}", "0", "٠", "۰", "nön",
        ] {
            XCTAssertEqual(YesNoParser.parse(text), .no, text.debugDescription)
        }
    }

    func testNotReported() {
        for text in ["", " ", "\t", "\u{00A0}", "\u{200F}"] {
            XCTAssertEqual(YesNoParser.parse(text), .notReported, text.debugDescription)
        }
    }

    func testInvalidFlags() {
        for text in ["-", "?", "2", "1.0", "oui non", "ouii", "yes!", "peut-être", "نعم لا", "ok", "xx", "10", "n/a", "nan"] {
            XCTAssertEqual(YesNoParser.parse(text), .invalid, text.debugDescription)
        }
    }

    func testFlagFromSubstringAndBytes() {
        let line = "a;Oui;b"
        XCTAssertEqual(YesNoParser.parse(line.split(separator: ";")[1]), .yes)
        let bytes = Array("لا".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { YesNoParser.parse(utf8: $0) }, .no)
    }
}
