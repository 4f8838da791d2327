import Foundation
import XCTest

@testable import CoopIngest

final class CountValueTests: XCTestCase {
    private func assertCount(_ text: String, _ expected: CountParser.Outcome, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(CountParser.parse(text), expected, "count of \(text.debugDescription)", file: file, line: line)
    }

    func testPlainIntegers() {
        assertCount("0", .value(0))
        assertCount("7", .value(7))
        assertCount("25", .value(25))
        assertCount("007", .value(7))
        assertCount("+12", .value(12))
        assertCount("  42 ", .value(42))
        assertCount("\t42\r\n", .value(42))
        assertCount("1250", .value(1250))
        assertCount("1000000", .value(1_000_000))
    }

    func testEverySeparator() {
        assertCount("1 250", .value(1250))
        assertCount("1\u{00A0}250", .value(1250))  // no-break space
        assertCount("1\u{2009}250", .value(1250))  // thin space
        assertCount("1\u{202F}250", .value(1250))  // narrow no-break space
        assertCount("1\u{066C}250", .value(1250))  // Arabic thousands separator
        assertCount("1  250", .value(1250))  // a run of spaces is one separator
        assertCount("1 250 000", .value(1_250_000))
        assertCount("9 345 678", .value(9_345_678))
        assertCount("999 999", .value(999_999))
        assertCount("+1 250", .value(1250))
    }

    func testArabicDigits() {
        assertCount("٤٢", .value(42))
        assertCount("۴۲", .value(42))
        assertCount("١٬٢٥٠", .value(1250))
        assertCount("١ ٢٥٠", .value(1250))
        assertCount("\u{200F}١٢\u{200F}", .value(12))
        assertCount("٠", .value(0))
    }

    func testEmptyIsNotInvalid() {
        assertCount("", .empty)
        assertCount("   ", .empty)
        assertCount("\u{00A0}\t", .empty)
    }

    func testInvalid() {
        for text in [
            "-3", "3.5", "12.0", "1,250", "1.250", "abc", "12a", "1e3", "+", "-", "+-1", "++1", "+ 12",
            "12 5", "1 2 3", "1250 000", "0 250", "01 250", "1 2500", "1 25", "١٢٫٥", "3 ½",
            "12 -", "(12)", "12%", "٣-", "NaN", "∞", "1_000", "1'000",
        ] {
            assertCount(text, .invalid)
        }
    }

    func testBeyondTenMillionIsTooLarge() {
        // CONTRACT §3.0: a count beyond 10^7 is too large to count with; beyond Int.max too, never a trap.
        assertCount("10000000", .value(10_000_000))
        assertCount("10 000 000", .value(10_000_000))
        assertCount("10000001", .tooLarge)
        assertCount("12 345 678", .tooLarge)
        assertCount("9223372036854775808", .tooLarge)
        assertCount("99999999999999999999999", .tooLarge)
        assertCount("9 223 372 036 854 775 808", .tooLarge)
        assertCount(String(repeating: "9", count: 5000), .tooLarge)
        assertCount("99999999999999999999999x", .invalid)
    }

    /// Every number 0…20 000 written with thin-space grouping, against a hand-written grouping.
    func testGroupedRangeAgainstHandWrittenFormatting() {
        for n in stride(from: 0, through: 20_000, by: 7) {
            var groups: [String] = []
            var rest = n
            repeat {
                let group = rest % 1000
                rest /= 1000
                groups.insert(rest > 0 ? String(format: "%03d", group) : String(group), at: 0)
            } while rest > 0
            assertCount(groups.joined(separator: "\u{2009}"), .value(n))
        }
    }

    func testSubstringAndBytes() {
        let line = "a;1 250;b"
        XCTAssertEqual(CountParser.parse(line.split(separator: ";")[1]), .value(1250))
        let bytes = Array("١٬٢٥٠".utf8)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { CountParser.parse(utf8: $0) }, .value(1250))
    }
}
