import CoopDomain
import XCTest

@testable import CoopIngest

final class DateParserTests: XCTestCase {
    private func assertDate(_ text: String, _ y: Int, _ m: Int, _ d: Int, file: StaticString = #filePath, line: UInt = #line) {
        let day = DateParser.parse(text)
        XCTAssertEqual(day?.year, y, "year of \(text.debugDescription)", file: file, line: line)
        XCTAssertEqual(day?.month, m, "month of \(text.debugDescription)", file: file, line: line)
        XCTAssertEqual(day?.day, d, "day of \(text.debugDescription)", file: file, line: line)
    }

    private func assertNoDate(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(DateParser.parse(text), "\(text.debugDescription) should not be a date", file: file, line: line)
    }

    func testISOForms() {
        assertDate("2019-07-01", 2019, 7, 1)
        assertDate("2019/07/01", 2019, 7, 1)
        assertDate("2019-7-1", 2019, 7, 1)
        assertDate("2019/12/31", 2019, 12, 31)
        assertDate("2019.07.01", 2019, 7, 1)
        assertDate("  2008-03-15\t", 2008, 3, 15)
    }

    func testDayFirstForms() {
        assertDate("01/07/2019", 2019, 7, 1)
        assertDate("1/7/2019", 2019, 7, 1)
        assertDate("01-07-2019", 2019, 7, 1)
        assertDate("1-7-2019", 2019, 7, 1)
        assertDate("01.07.2019", 2019, 7, 1)
        assertDate("1.7.2019", 2019, 7, 1)
        assertDate("31/12/2024", 2024, 12, 31)
        assertDate("13/01/2010", 2010, 1, 13)  // day first: 13 cannot be a month anyway
        assertDate("05/11/2012", 2012, 11, 5)  // day first, never month first
        assertDate("\u{00A0}05/11/2012\u{202F}", 2012, 11, 5)
    }

    func testTimes() {
        assertDate("2019-07-01 10:30", 2019, 7, 1)
        assertDate("2019-07-01 10:30:00", 2019, 7, 1)
        assertDate("2019-07-01T10:30:00", 2019, 7, 1)
        assertDate("2019-07-01T10:30:00Z", 2019, 7, 1)
        assertDate("2019-07-01T23:59:59+01:00", 2019, 7, 1)  // an offset never moves the day
        assertDate("2019-07-01T00:30:00-0500", 2019, 7, 1)
        assertDate("2019-07-01 00:00:00.000", 2019, 7, 1)
        assertDate("01/07/2019 00:00:00", 2019, 7, 1)
        assertDate("01/07/2019 9:05", 2019, 7, 1)
        assertDate("01/07/2019  9:05", 2019, 7, 1)  // several spaces
        assertDate("01/07/2019 10:30 AM", 2019, 7, 1)
        assertDate("01/07/2019 12:00:00 pm", 2019, 7, 1)
        assertDate("01.07.2019 23:00", 2019, 7, 1)
        assertDate("01-07-2019T08:00", 2019, 7, 1)
        assertDate("01/07/2019 10h30", 2019, 7, 1)  // French notation
        assertDate("01/07/2019 9h", 2019, 7, 1)
        assertDate("2019-07-01 23H59", 2019, 7, 1)
        assertDate("٠١/٠٧/٢٠١٩ ١٠h٣٠", 2019, 7, 1)
    }

    func testBadTimes() {
        assertNoDate("2019-07-01 24:00")
        assertNoDate("2019-07-01 10:60")
        assertNoDate("2019-07-01 10:3")
        assertNoDate("2019-07-01 10")
        assertNoDate("2019-07-01T")
        assertNoDate("01/07/2019 24h00")
        assertNoDate("01/07/2019 10h60")
        assertNoDate("01/07/2019 10h3")
        assertNoDate("01/07/2019 10h30 PM")
        assertNoDate("01/07/2019 h30")
    }

    func testTrailingBlankIsTrimmed() {
        assertDate("2019-07-01 ", 2019, 7, 1)
        assertNoDate("2019-07-01 10:30 xyz")
        assertNoDate("2019-07-01 13:00 PM")
        assertNoDate("2019-07-01 0:00 AM")
        assertNoDate("2019-07-0110:30")
    }

    func testExcelSerials() {
        assertDate("38718", 2006, 1, 1)
        assertDate("45658", 2025, 1, 1)
        assertDate("36526", 2000, 1, 1)
        assertDate("43466", 2019, 1, 1)
        assertDate("43647", 2019, 7, 1)  // 43466 + 181 days (Jan–Jun 2019)
        assertDate("38718.5", 2006, 1, 1)  // noon
        assertDate("38718,75", 2006, 1, 1)  // French decimal comma
        assertDate("38718.999988", 2006, 1, 1)
        assertDate("1", 1900, 1, 1)
        assertDate("59", 1900, 2, 28)
        assertNoDate("60")  // Excel's fictitious 1900-02-29
        assertDate("61", 1900, 3, 1)
        assertDate("2958465", 9999, 12, 31)
        assertNoDate("2958466")
        assertNoDate("0")
        assertNoDate("-38718")
        assertNoDate("+38718")
        assertNoDate("38718.")
        assertNoDate(".5")
        assertNoDate("99999999999999999999999")
        assertDate("٣٨٧١٨", 2006, 1, 1)
    }

    func testArabicDigits() {
        assertDate("٠١/٠٧/٢٠١٩", 2019, 7, 1)
        assertDate("۰۱/۰۷/۲۰۱۹", 2019, 7, 1)
        assertDate("٢٠١٩-٠٧-٠١", 2019, 7, 1)
        assertDate("١/٧/٢٠١٩", 2019, 7, 1)
        assertDate("٢٩/٠٢/٢٠٢٤", 2024, 2, 29)
        assertDate("٢٠١٩-٠٧-٠١ ١٠:٣٠", 2019, 7, 1)
        assertDate("\u{200F}٠١/٠٧/٢٠١٩\u{200F}", 2019, 7, 1)  // right-to-left marks around the value
        assertNoDate("٣١/٠٢/٢٠١٩")
    }

    func testImpossibleDates() {
        assertNoDate("31/02/2019")
        assertNoDate("30/02/2024")
        assertNoDate("29/02/2023")
        assertNoDate("31/04/2019")
        assertNoDate("31/06/2019")
        assertNoDate("31/09/2019")
        assertNoDate("31/11/2019")
        assertNoDate("01/13/2019")
        assertNoDate("00/01/2019")
        assertNoDate("01/00/2019")
        assertNoDate("32/01/2019")
        assertNoDate("2019-13-01")
        assertNoDate("2019-02-30")
        assertNoDate("0000-01-01")
    }

    func testLeapDays() {
        assertDate("29/02/2024", 2024, 2, 29)
        assertNoDate("29/02/2023")
        assertDate("29/02/2000", 2000, 2, 29)  // divisible by 400
        assertNoDate("29/02/1900")  // divisible by 100, not by 400
        assertNoDate("29/02/2100")
        assertDate("2008-02-29", 2008, 2, 29)
        assertDate("31/12/2020", 2020, 12, 31)
    }

    func testTwoDigitYearsAndGarbage() {
        for text in [
            "01/07/19", "1/7/19", "19-07-01", "01.07.19", "", "   ", "abc", "2019", "2019-07",
            "01/07", "01/07/2019/1", "01/07-2019", "2019-07/01", "01//07/2019", "001/07/2019",
            "01/007/2019", "01/07/20190", "20190-07-01", "2019-07-01-", "1er juillet 2019",
            "01 07 2019", "N/A", "-", "01,07,2019", "2019-07-01T10:30:00Zx", "١/٧",
        ] {
            if text == "2019" {
                // A bare integer is an Excel serial: 2019 = 1905-07-11 (serial 1 = 1900-01-01; 60 skipped).
                assertDate(text, 1905, 7, 11)
            } else {
                assertNoDate(text)
            }
        }
    }

    func testSubstringAndBytesAgree() {
        let line = "x;01/07/2019;y"
        let field = line.split(separator: ";")[1]
        XCTAssertEqual(DateParser.parse(field), Day(year: 2019, month: 7, day: 1))
        let bytes = Array("٠١/٠٧/٢٠١٩".utf8)
        let day = bytes.withUnsafeBufferPointer { DateParser.parse(utf8: $0) }
        XCTAssertEqual(day, Day(year: 2019, month: 7, day: 1))
    }

    /// Every day of 1996–2031 in three forms, against a calendar walked by hand in the test.
    func testEveryDayAgainstHandWalkedCalendar() {
        var (y, m, d) = (1996, 1, 1)
        var serial = 35065  // 1996-01-01 (36526 = 2000-01-01 minus 1461 days)
        func monthLength(_ m: Int, _ y: Int) -> Int {
            let lengths = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return lengths[m - 1]
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        while y < 2032 {
            let expected = Day(year: y, month: m, day: d)
            XCTAssertNotNil(expected)
            XCTAssertEqual(DateParser.parse("\(two(d))/\(two(m))/\(y)"), expected)
            XCTAssertEqual(DateParser.parse("\(y)-\(m)-\(d)"), expected)
            XCTAssertEqual(DateParser.parse(String(serial)), expected, "serial \(serial)")
            serial += 1
            d += 1
            if d > monthLength(m, y) {
                d = 1
                m += 1
            }
            if m > 12 {
                m = 1
                y += 1
            }
        }
        XCTAssertEqual(serial, 48214)  // 2032-01-01: 45658 (2025-01-01) + 7 * 365 + 1 (2028-02-29)
    }

    /// Not timed: 200k parses must finish quickly (nothing quadratic, no per-call set-up).
    func testManyDatesInALoop() {
        let samples = ["01/07/2019", "2019-07-01 10:30:00", "38718", "٠١/٠٧/٢٠١٩", "31/02/2019", "garbage"]
        var found = 0
        for k in 0..<200_000 where DateParser.parse(samples[k % samples.count]) != nil {
            found += 1
        }
        // 4 of every 6 samples are dates; 200_000 = 33_333 * 6 + 2 (the 2 extra are samples 0 and 1).
        XCTAssertEqual(found, 33_333 * 4 + 2)
    }
}
