import CoopDomain
import XCTest

/// Today, `latest`, `previous-quarter`, periods "to date", coverage and dates in the future
/// (CONTRACT §2.1). Every date is fixed here; none depends on the real date.
final class TimeTests: XCTestCase {
    func day(_ text: String) throws -> Day { try XCTUnwrap(Day(iso: text), text) }
    func quarter(_ text: String) throws -> Quarter { try XCTUnwrap(Quarter(text), text) }

    func testCalendarArithmeticIsTotalAtTheEdges() throws {
        let first = try quarter("0001Q1")
        XCTAssertNil(first.previous)
        XCTAssertNil(first.yearEarlier)
        XCTAssertEqual(first.next?.description, "0001Q2")
        XCTAssertNil(try quarter("9999Q4").next)
        XCTAssertNil(Quarter(ordinal: -1))
        XCTAssertEqual(Period.quarter(first).comparisons, [])
        XCTAssertEqual(Period.year(1).comparisons, [])
        XCTAssertEqual(Period.quarter(try quarter("0001Q2")).comparisons.map(\.label), ["0001Q1"])
        let range = try XCTUnwrap(DateRange(start: try day("0001-01-01"), end: try day("2025-01-15")))
        XCTAssertEqual(Period.quarter(first).days(within: range), first.range)
        // `--range-start 0001-01-01 --period 0001Q1` once crashed on 0000Q4.
        let reported = ReportedPeriod(period: .quarter(first), range: range, today: try day("2025-01-15"))
        XCTAssertEqual(reported.comparisons, [])
        XCTAssertEqual(reported.days.dayCount, 90)  // 31 + 28 + 31
    }

    func testTodayEndsTheDefaultRangeAndLaterDatesAreInTheFuture() throws {
        let today = try day("2025-05-10")
        let range = DateRange.analysed(until: today)
        XCTAssertEqual(range.start, try day("2005-01-01"))
        XCTAssertEqual(range.end, today)
        XCTAssertNil(range.rejection(of: today))
        XCTAssertEqual(range.rejection(of: try day("2025-05-11")), .dateInFuture(today: today))
        XCTAssertEqual(range.rejection(of: try day("2004-12-31"))?.code, "date_out_of_range")
        XCTAssertEqual(RejectReason.dateInFuture(today: today).code, "date_in_future")
        // A range configured beyond today still rejects the days after today as in the future.
        let wide = try XCTUnwrap(DateRange(start: try day("2005-01-01"), end: try day("2030-12-31"), today: today))
        XCTAssertEqual(wide.rejection(of: try day("2026-01-01")), .dateInFuture(today: today))
    }

    func testLatestIsTheLastEndedQuarterHoldingCreations() throws {
        let today = try day("2025-05-10")
        let range = DateRange.analysed(until: today)
        // Only creations up to the end of the quarter before today's count: 2025-03-31.
        XCTAssertEqual(PeriodSpec.latestCutoff(today: today), try day("2025-03-31"))
        XCTAssertEqual(
            try PeriodSpec.latest.resolve(range: range, today: today, latestEnded: try day("2025-02-10")), .quarter(try quarter("2025Q1")))
        // Registries that stop in 2024 keep reporting 2024Q4.
        XCTAssertEqual(
            try PeriodSpec.latest.resolve(range: range, today: today, latestEnded: try day("2024-12-31")), .quarter(try quarter("2024Q4")))
        // No ended quarter with creations: a data error, not a usage error.
        XCTAssertThrowsError(try PeriodSpec.latest.resolve(range: range, today: today, latestEnded: nil)) { error in
            XCTAssertEqual((error as? PeriodError)?.isDataError, true)
        }
        // Before the data is read (--check-config), latest is the last ended quarter within the range.
        let old = try XCTUnwrap(DateRange(start: try day("2019-01-01"), end: try day("2024-12-31"), today: today))
        XCTAssertEqual(
            try PeriodSpec.latest.resolve(range: old, today: today, latestEnded: nil, dataKnown: false), .quarter(try quarter("2024Q4")))
    }

    func testPreviousQuarterFollowsTodayWhateverTheData() throws {
        for (today, expected) in [("2025-01-05", "2024Q4"), ("2026-04-05", "2026Q1"), ("2026-12-31", "2026Q3")] {
            let d = try day(today)
            XCTAssertEqual(
                try PeriodSpec.previousQuarter.resolve(range: .analysed(until: d), today: d, latestEnded: nil),
                .quarter(try quarter(expected)),
                today)
        }
    }

    func testAPeriodThatHasNotBegunIsRefusedAndTheGrammarIsOne() throws {
        let today = try day("2025-05-10")
        XCTAssertThrowsError(try PeriodSpec(parsing: "2025q3").resolve(range: .analysed(until: today), today: today, latestEnded: nil)) {
            XCTAssertTrue(String(describing: $0).contains("after today (2025-05-10)"), String(describing: $0))
        }
        XCTAssertEqual(try PeriodSpec(parsing: "2024q4"), try PeriodSpec(parsing: "2024Q4"))
        XCTAssertTrue(PeriodSpec.isValid("2024q4"))
        XCTAssertFalse(PeriodSpec.isValid("0000..0001"))
    }

    func testQuarterToDateComparesTheSameFortyDays() throws {
        // 2025Q2 on 2025-05-10: 1 April .. 10 May = 30 + 10 = 40 days.
        let today = try day("2025-05-10")
        let reported = ReportedPeriod(period: .quarter(try quarter("2025Q2")), range: .analysed(until: today), today: today)
        XCTAssertEqual(reported.runsTo, today)
        XCTAssertEqual(reported.days, DateRange(start: try day("2025-04-01"), end: today))
        XCTAssertEqual(reported.days.dayCount, 40)
        XCTAssertEqual(reported.statedLabel, "2025Q2 to date 2025-05-10")
        // The quarter before: 1 January + 39 days = 9 February (31 + 9 = 40 days).
        // The same quarter a year earlier: 1 April .. 10 May 2024 (40 days).
        XCTAssertEqual(
            reported.comparisons,
            [
                ComparedSpan(
                    period: .quarter(try quarter("2025Q1")), days: DateRange(ordered: try day("2025-01-01"), try day("2025-02-09")),
                    sameSpan: true),
                ComparedSpan(
                    period: .quarter(try quarter("2024Q2")), days: DateRange(ordered: try day("2024-04-01"), try day("2024-05-10")),
                    sameSpan: true),
            ])
        // An ended quarter is compared whole.
        let ended = ReportedPeriod(period: .quarter(try quarter("2025Q1")), range: .analysed(until: today), today: today)
        XCTAssertNil(ended.runsTo)
        // 2024Q4: 31 + 30 + 31 = 92 days; 2024Q1 (leap): 31 + 29 + 31 = 91.
        XCTAssertEqual(ended.comparisons.map(\.days.dayCount), [92, 91])
        XCTAssertEqual(ended.comparisons.map(\.sameSpan), [false, false])
    }

    func testLeapYearQuarterToDate() throws {
        // 2024Q1 on 2024-03-01: 31 (January) + 29 (February, leap) + 1 = 61 days.
        let today = try day("2024-03-01")
        let reported = ReportedPeriod(period: .quarter(try quarter("2024Q1")), range: .analysed(until: today), today: today)
        XCTAssertEqual(reported.days.dayCount, 61)
        // 2023Q4: 1 October + 60 days = 30 November (31 + 30 = 61).
        // 2023Q1 (no 29 February): 1 January + 60 days = 2 March (31 + 28 + 2 = 61).
        XCTAssertEqual(reported.comparisons.map(\.days.end), [try day("2023-11-30"), try day("2023-03-02")])
        XCTAssertEqual(reported.comparisons.map(\.days.dayCount), [61, 61])
        // Whole, the leap quarter has 91 days and the one a year earlier 90.
        XCTAssertEqual(try quarter("2024Q1").range.dayCount, 91)
        XCTAssertEqual(try quarter("2023Q1").range.dayCount, 90)
    }

    func testYearToDate() throws {
        // 2025 on 2025-05-10: 31 + 28 + 31 + 30 + 10 = 130 days; 2024 (leap) first 130 days end 9 May.
        let today = try day("2025-05-10")
        let reported = ReportedPeriod(period: .year(2025), range: .analysed(until: today), today: today)
        XCTAssertEqual(reported.days.dayCount, 130)
        XCTAssertEqual(reported.comparisons.map(\.days), [DateRange(ordered: try day("2024-01-01"), try day("2024-05-09"))])
        XCTAssertEqual(reported.comparisons.map(\.sameSpan), [true])
    }

    func testCoverageRefusesAPeriodWhoseRegistriesHaveNotArrived() throws {
        let today = try day("2025-10-05")
        let coverage = Coverage(lastCreation: try day("2025-06-28"))
        let q3 = ReportedPeriod(period: .quarter(try quarter("2025Q3")), range: .analysed(until: today), today: today)
        XCTAssertEqual(
            coverage.refusal(for: q3)?.description,
            "the registries for 2025Q3 have not arrived: the last creation date is 2025-06-28; nothing was written — rerun once they are added"
        )
        // 2025Q2 ends on 30 June, after the last creation date: reported, with a note.
        let q2 = ReportedPeriod(period: .quarter(try quarter("2025Q2")), range: .analysed(until: today), today: today)
        XCTAssertNil(coverage.refusal(for: q2))
        XCTAssertEqual(coverage.coveredOnlyTo(q2), try day("2025-06-28"))
        // Covered whole: no note.
        let q1 = ReportedPeriod(period: .quarter(try quarter("2025Q1")), range: .analysed(until: today), today: today)
        XCTAssertNil(coverage.coveredOnlyTo(q1))
        // No accepted creation at all: nothing to measure against, the period is reported (all zero).
        XCTAssertNil(Coverage(lastCreation: nil).refusal(for: q3))
    }
}
