import XCTest

@testable import CoopIngest

final class CapitalValueTests: XCTestCase {
    private func assertCents(_ text: String, _ cents: Int64, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(CapitalParser.parse(text), .cents(cents), "capital of \(text.debugDescription)", file: file, line: line)
    }

    private func assertInvalid(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(CapitalParser.parse(text), .invalid, "\(text.debugDescription) should be invalid", file: file, line: line)
    }

    func testFrenchNotation() {
        assertCents("12 500,50", 1_250_050)
        assertCents("12\u{00A0}500,50", 1_250_050)
        assertCents("12\u{202F}500,50", 1_250_050)
        assertCents("12\u{2009}500,5", 1_250_050)
        assertCents("1 000 000", 100_000_000)
        assertCents("1500,5", 150_050)
        assertCents("1500,05", 150_005)
        assertCents("0,5", 50)
        assertCents("1.500,50", 150_050)  // both marks: the last (,) is decimal
        assertCents("1.500.000,00", 150_000_000)
    }

    func testEnglishNotation() {
        assertCents("12,500.50", 1_250_050)
        assertCents("12500.50", 1_250_050)
        assertCents("12500.5", 1_250_050)
        assertCents("1,500,000.00", 150_000_000)
        assertCents("0.75", 75)
        assertCents(".75", 75)
        assertCents("12500", 1_250_000)
        assertCents("12500.", 1_250_000)
    }

    func testAmbiguousSeparators() {
        assertCents("1,500", 150_000)  // lone comma + exactly three digits: thousands
        assertCents("1,500,000", 150_000_000)  // several commas: thousands
        assertCents("12,500", 1_250_000)
        assertCents("999,999", 99_999_900)
        assertCents("1500,5", 150_050)  // lone comma otherwise: decimal
        assertCents("1500,50", 150_050)
        assertCents("1,5", 150)
        assertCents("1,50", 150)
        assertCents("1,5000", 150)  // four digits after: decimal (1.5000)
        assertCents("1500,500", 150_050)  // 1500 cannot be a thousands group: decimal
        assertCents("0,500", 50)  // 0 cannot lead a thousands group: decimal
        assertCents("1.500", 150)  // a lone dot is always decimal
        assertCents("1.500.000", 150_000_000)  // several dots: thousands
        assertCents("12.500.000", 1_250_000_000)
        assertCents("1 500,000", 150_000_000)  // lone comma + three digits, well grouped
        assertInvalid("1,50,000")  // badly grouped
        assertInvalid("1.50.000")
        assertInvalid("1,500,00")
        assertInvalid("1.500,000.5")  // last mark (.) is decimal but there are two dots
        assertInvalid("1,500.000,5")
        assertInvalid("1,5.5")
        assertInvalid("1,500,5.5,5")
        assertInvalid("12 5,50")
        assertInvalid("1 ,500")
        assertInvalid("1, 500")
        assertInvalid("1.5.")
        assertInvalid(",")
        assertInvalid(".")
    }

    func testCurrencyWords() {
        let expected: Int64 = 1_250_050
        for word in [
            "DH", "dh", "Dh", "DHS", "Dhs", "dhs", "Dhs.", "DH.", "MAD", "mad", "Mad", "dirhams", "Dirhams",
            "DIRHAMS", "dirham", "درهم", "دراهم", "د.م.", "د.م",
        ] {
            assertCents("12 500,50 \(word)", expected)
            assertCents("12 500,50\(word)", expected)
            assertCents("\(word) 12 500,50", expected)
            assertCents("\(word)12 500,50", expected)
            assertCents("\(word) 12,500.50", expected)
        }
        assertCents("٢٥٠٠٠ درهم", 2_500_000)
        assertCents("MAD 1,500", 150_000)
        assertInvalid("DH")
        assertInvalid("MAD MAD 100")
        assertInvalid("100 DH DH")
        assertInvalid("100 EUR")
        assertInvalid("€ 100")
        assertInvalid("100 DHX")
        assertInvalid("MADE 100")
        assertInvalid("100 madrid")
    }

    func testNegative() {
        assertCents("-500", -50_000)
        assertCents("- 500", -50_000)
        assertCents("\u{2212}500", -50_000)
        assertCents("(500)", -50_000)
        assertCents("( 500 DH )", -50_000)
        assertCents("(500) DH", -50_000)
        assertCents("-12 500,50 DH", -1_250_050)
        assertCents("DH -500", -50_000)
        assertCents("-DH 500", -50_000)
        assertCents("+500", 50_000)
        assertCents("-0", 0)
        assertInvalid("(-500)")
        assertInvalid("--500")
        assertInvalid("500-")
        assertInvalid("(500")
        assertInvalid("-")
    }

    func testRoundingHalfAwayFromZero() {
        assertCents("0.005", 1)
        assertCents("0.004", 0)
        assertCents("0.0049999", 0)
        assertCents("1.234", 123)
        assertCents("1.235", 124)
        assertCents("1,999", 199_900)  // lone comma + three digits: thousands, no rounding
        assertCents("1500,999", 150_100)  // decimal: 1500.999 rounds up to 1501.00
        assertCents("-0.005", -1)
        assertCents("-1.235", -124)
        assertCents("99.995", 10_000)
    }

    func testArabicDigitsAndSeparators() {
        assertCents("١٢٥٠٠٫٥٠", 1_250_050)  // Arabic decimal separator
        assertCents("١٢٬٥٠٠٫٥٠", 1_250_050)  // Arabic thousands + decimal separators
        assertCents("۱۲ ۵۰۰,۵۰", 1_250_050)
        assertCents("\u{200F}١٢٥٠٠ درهم\u{200F}", 1_250_000)
    }

    func testEmptyAndGarbage() {
        XCTAssertEqual(CapitalParser.parse(""), .empty)
        XCTAssertEqual(CapitalParser.parse("  \u{00A0} "), .empty)
        for text in ["abc", "12a", "1e6", "1.5E+06", "N/A", "12 500 50,5", "½", "0x10", "12#", "+-5", "1 000,00,00"] {
            assertInvalid(text)
        }
    }

    func testLimitAndOverflowAreTooLarge() {
        // CONTRACT §3.0: beyond 10^12 MAD = 10^14 centimes is too large to count with.
        assertCents("1000000000000", 100_000_000_000_000)
        assertCents("1 000 000 000 000,00 DH", 100_000_000_000_000)
        XCTAssertEqual(CapitalParser.parse("1000000000000.01"), .tooLarge)
        XCTAssertEqual(CapitalParser.parse("-1000000000000.01"), .tooLarge)
        // Beyond Int64 centimes (92 233 720 368 547 758.07 MAD), still "too large", never a trap.
        XCTAssertEqual(CapitalParser.parse("92233720368547758"), .tooLarge)
        XCTAssertEqual(CapitalParser.parse("92233720368547758.08"), .tooLarge)
        XCTAssertEqual(CapitalParser.parse("999999999999999999999999"), .tooLarge)
        XCTAssertEqual(CapitalParser.parse("92233720368547758.075"), .tooLarge)
        XCTAssertEqual(CapitalParser.parse(String(repeating: "9", count: 5000)), .tooLarge)
        // Too many digits is not "not a number", but garbage after them is.
        assertInvalid("99999999999999999999x")
    }

    func testSubstringAndBytes() {
        let line = "a;12 500,50 DH;b"
        XCTAssertEqual(CapitalParser.parse(line.split(separator: ";")[1]), .cents(1_250_050))
        let bytes = Array("١٢٬٥٠٠ درهم".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { CapitalParser.parse(utf8: $0) }, .cents(1_250_000))
    }
}
