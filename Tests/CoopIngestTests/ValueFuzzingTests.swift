import CoopDomain
import CoopFuzzing
import XCTest

@testable import CoopIngest

final class ValueFuzzingTests: XCTestCase {
    /// The invariants hold on hand-picked awkward inputs, and the parsers give the values worked out
    /// by hand for the ones with a known reading.
    func testExerciseOnAwkwardInputs() {
        let inputs = [
            "", " ", "0", "60", "61", "2958465", "2958466", "38718.5", "01/07/2019", "٠١/٠٧/٢٠١٩", "29/02/2023",
            "1 250", "1\u{066C}250", "-3", "12 500,50 DH", "(500)", "1,500", "1.500.000", "92233720368547758.07",
            "9223372036854775807", "9223372036854775808", "oui", "لا", "x", "\u{200F}", "\u{FEFF}12", "١٢٫٥",
            "2019-07-01T10:30:00Z", "0,500", "د.م.", "\u{2212}1", "1\u{2028}250", "1\u{0085}250", "١\u{00A0}٢٥٠",
            "\u{0660}", "\u{06F9}", "\u{066B}", "\u{066C}", "\u{E2}", "é", "ﻻ", "+", "(", ")", "()", "(DH)",
        ]
        for input in inputs { XCTAssertEqual(ValueFuzzing.violations(input), [], input) }
        // Day/month/year as Moroccan offices write it, in either digit script.
        XCTAssertEqual(DateParser.parse("01/07/2019"), Day(year: 2019, month: 7, day: 1))
        XCTAssertEqual(DateParser.parse("٠١/٠٧/٢٠١٩"), Day(year: 2019, month: 7, day: 1))
        XCTAssertNil(DateParser.parse("29/02/2023"))  // 2023 is no leap year
        // Excel serials: 61 is 1900-03-01 (after the fictitious 29 February, 60); 2958465 is 9999-12-31.
        XCTAssertEqual(DateParser.parse("61"), Day(year: 1900, month: 3, day: 1))
        XCTAssertEqual(DateParser.parse("2958465"), Day(year: 9999, month: 12, day: 31))
        XCTAssertNil(DateParser.parse("2958466"))
        XCTAssertEqual(CountParser.parse("1 250"), .value(1250))
        XCTAssertEqual(CountParser.parse("-3"), .invalid)
        XCTAssertEqual(CountParser.parse(" "), .empty)
        // 12 500,50 DH = 1 250 050 centimes; 10^12 MAD (10^14 centimes) is the largest capital.
        XCTAssertEqual(CapitalParser.parse("12 500,50 DH"), .cents(1_250_050))
        XCTAssertEqual(CapitalParser.parse("1000000000000"), .cents(100_000_000_000_000))
        XCTAssertEqual(CapitalParser.parse("1000000000000.01"), .tooLarge)
        XCTAssertEqual(CapitalParser.parse("9223372036854775808"), .tooLarge)  // 2^63 dirhams
        XCTAssertEqual(YesNoParser.parse("oui"), .yes)
        XCTAssertEqual(YesNoParser.parse("لا"), .no)
    }

    /// The invariants hold on 4 000 pseudo-random strings over an alphabet of the characters the
    /// parsers care about (deterministic generator, so a failure is reproducible).
    func testExerciseOnGeneratedInputs() {
        let alphabet: [String] = [
            "0", "1", "2", "5", "9", "٠", "٣", "۹", " ", "\u{00A0}", "\u{2009}", "\u{202F}", "\t",
            ",", ".", "/", "-", "+", ":", "T", "Z", "(", ")", "\u{066B}", "\u{066C}", "\u{200F}",
            "DH", "MAD", "درهم", "د.م.", "x", "o", "n", "oui", "لا", "a", "é", "\u{2212}", "AM",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var dates = 0
        for _ in 0..<4_000 {
            let length = next() % 12
            var text = ""
            for _ in 0..<length { text += alphabet[next() % alphabet.count] }
            XCTAssertEqual(ValueFuzzing.violations(text), [], text)
            if DateParser.parse(text) != nil { dates += 1 }
        }
        XCTAssertGreaterThan(dates, 0)  // the generator does reach the date grammar
    }

    func testCanonicalCapitalText() {
        XCTAssertEqual(ValueFuzzing.canonical(0), "0.00")
        XCTAssertEqual(ValueFuzzing.canonical(5), "0.05")
        XCTAssertEqual(ValueFuzzing.canonical(-1_250_050), "-12500.50")
        XCTAssertEqual(ValueFuzzing.canonical(Int64.max), "92233720368547758.07")
    }
}
