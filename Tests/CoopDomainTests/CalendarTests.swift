import CoopDomain
import XCTest

final class CalendarTests: XCTestCase {
    func testRealDatesOnly() {
        XCTAssertNotNil(Day(year: 2024, month: 2, day: 29))
        XCTAssertNil(Day(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(Day(year: 2000, month: 2, day: 29))
        XCTAssertNil(Day(year: 1900, month: 2, day: 29))
        XCTAssertNil(Day(year: 2019, month: 2, day: 31))
        XCTAssertNil(Day(year: 2019, month: 13, day: 1))
        XCTAssertNil(Day(year: 2019, month: 4, day: 31))
    }

    func testEpochAndExcelSerials() {
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)!.daysSinceEpoch, 0)
        XCTAssertEqual(Day(year: 2000, month: 3, day: 1)!.daysSinceEpoch, 11_017)
        XCTAssertEqual(Day(excelSerial: 38_718), Day(year: 2006, month: 1, day: 1))
        XCTAssertEqual(Day(excelSerial: 36_526), Day(year: 2000, month: 1, day: 1))
        XCTAssertEqual(Day(excelSerial: 45_658), Day(year: 2025, month: 1, day: 1))
        XCTAssertEqual(Day(year: 2024, month: 12, day: 31)!.excelSerial, 45_657)
        for serial in stride(from: 61, to: 60_000, by: 997) {
            XCTAssertEqual(Day(excelSerial: serial)!.excelSerial, serial)
        }
    }

    func testQuarters() {
        let q = Quarter("2024Q3")!
        XCTAssertEqual(q.firstDay, Day(year: 2024, month: 7, day: 1))
        XCTAssertEqual(q.lastDay, Day(year: 2024, month: 9, day: 30))
        XCTAssertEqual(q.previous?.description, "2024Q2")
        XCTAssertEqual(Quarter("2024Q1")?.previous?.description, "2023Q4")
        XCTAssertEqual(q.yearEarlier?.description, "2023Q3")
        XCTAssertEqual(Quarter("2024Q4")?.next?.description, "2025Q1")
        XCTAssertNil(Quarter("2024Q5"))
        XCTAssertNil(Quarter("2024Q0"))
        XCTAssertEqual(Day(year: 2024, month: 2, day: 29)!.quarter.description, "2024Q1")
        XCTAssertEqual(Quarter(ordinal: q.ordinal), q)
    }

    func testPeriodParsingAndErrors() throws {
        XCTAssertEqual(try PeriodSpec(parsing: "2024Q3"), .fixed(.quarter(Quarter(year: 2024, index: 3)!)))
        XCTAssertEqual(try PeriodSpec(parsing: "2024"), .fixed(.year(2024)))
        XCTAssertEqual(try PeriodSpec(parsing: "2020..2024"), .fixed(.years(2020, 2024)))
        XCTAssertEqual(try PeriodSpec(parsing: "all"), .fixed(.all))
        XCTAssertEqual(try PeriodSpec(parsing: "latest"), .latest)
        XCTAssertEqual(try PeriodSpec(parsing: "previous-quarter"), .previousQuarter)
        XCTAssertThrowsError(try PeriodSpec(parsing: "2024Q5"))
        XCTAssertThrowsError(try PeriodSpec(parsing: "2024..2020")) { error in
            XCTAssertTrue(String(describing: error).contains("reversed"))
        }
        XCTAssertThrowsError(try PeriodSpec(parsing: "soon"))
        let range = DateRange.standard
        XCTAssertThrowsError(try PeriodSpec(parsing: "2030").resolve(range: range, today: range.end, latestEnded: nil))
        XCTAssertEqual(
            try PeriodSpec.latest.resolve(range: range, today: range.end, latestEnded: Day(year: 2024, month: 11, day: 5)),
            .quarter(Quarter("2024Q4")!))
        XCTAssertEqual(
            try PeriodSpec.previousQuarter.resolve(range: range, today: Day(year: 2024, month: 2, day: 10)!, latestEnded: nil),
            .quarter(Quarter("2023Q4")!))
    }

    func testPeriodComparisonsAndDays() {
        let q = Period.quarter(Quarter("2024Q3")!)
        XCTAssertEqual(q.comparisons.map(\.label), ["2024Q2", "2023Q3"])
        XCTAssertEqual(Period.year(2024).comparisons.map(\.label), ["2023"])
        XCTAssertEqual(Period.years(2020, 2024).comparisons, [])
        XCTAssertEqual(Period.years(2000, 2006).days(within: .standard)?.start, Day(year: 2005, month: 1, day: 1))
        XCTAssertNil(Period.year(2030).days(within: .standard))
    }
}

final class RegistryFieldTests: XCTestCase {
    func testOrdinalIsThePositionInAllCases() {
        for (index, field) in RegistryField.allCases.enumerated() { XCTAssertEqual(field.ordinal, index, field.rawValue) }
    }
}

final class UnixDayTests: XCTestCase {
    func testUnixTimeFallsOnItsUTCDay() {
        XCTAssertEqual(Day(unixTime: 0), Day(year: 1970, month: 1, day: 1))
        XCTAssertEqual(Day(unixTime: 86_399), Day(year: 1970, month: 1, day: 1))
        XCTAssertEqual(Day(unixTime: -1), Day(year: 1969, month: 12, day: 31))
        XCTAssertEqual(Day(unixTime: 1_727_740_800), Day(year: 2024, month: 10, day: 1))  // 2024-10-01T00:00:00Z
    }
}
