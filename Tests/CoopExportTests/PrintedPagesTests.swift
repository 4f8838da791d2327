import XCTest

@testable import CoopExport

/// Where the print breaks pages so that charts stay whole (issue 14). Page heights and row heights
/// are round numbers, so every expected break is worked out by hand.
final class PrintedPagesTests: XCTestCase {
    /// Rows of 10 points on pages of 100 points, row 0 repeated on every later page.
    private func pages(lastRow: Int, repeated: ClosedRange<Int>? = 0...0) -> PrintedPages {
        PrintedPages(pageHeight: 100, rowHeight: { _ in 10 }, repeatedRows: repeated, lastRow: lastRow)
    }

    func testAChartThatFitsUnderTheTableAddsNoBreak() {
        // Rows 0-3 take 40 points; a 50-point chart at row 4 ends at 90 <= 100.
        XCTAssertEqual(pages(lastRow: 9).breaks(keepingWhole: [(row: 4, depth: 50)], manual: []), [])
    }

    func testAChartCrossingThePageBottomStartsANewPage() {
        // Rows 0-5 take 60 points; a 50-point chart at row 6 would end at 110 > 100.
        XCTAssertEqual(pages(lastRow: 12).breaks(keepingWhole: [(row: 6, depth: 50)], manual: []), [6])
    }

    func testTheRepeatedRowsCountOnLaterPages() {
        // Page 1 holds rows 0-9; page 2 starts at row 10 with the repeated row 0 (10 points), so
        // rows 10-14 fill 60 points and a 45-point chart at row 15 would end at 105 > 100.
        XCTAssertEqual(pages(lastRow: 20).breaks(keepingWhole: [(row: 15, depth: 45)], manual: []), [15])
        // Without repeated rows the same chart ends at 95: no break.
        XCTAssertEqual(pages(lastRow: 20, repeated: nil).breaks(keepingWhole: [(row: 15, depth: 45)], manual: []), [])
    }

    func testManualBreaksAreKeptAndRestartTheCount() {
        // A manual break at row 5 starts page 2 there (10 points of repeated row): a 60-point chart at
        // row 8 ends at 10 + 30 + 60 = 100, which fits; without the manual break it would not (140).
        XCTAssertEqual(pages(lastRow: 20).breaks(keepingWhole: [(row: 8, depth: 60)], manual: [5]), [5])
        XCTAssertEqual(pages(lastRow: 20).breaks(keepingWhole: [(row: 8, depth: 60)], manual: []), [8])
    }

    func testAChartAtTheTopOfAPageIsNeverPushedFurther() {
        // A chart taller than a page, anchored at row 0, cannot be helped by a break.
        XCTAssertEqual(pages(lastRow: 3).breaks(keepingWhole: [(row: 0, depth: 300)], manual: []), [])
    }

    func testChartsSideBySideBreakOnceByTheTallest() {
        XCTAssertEqual(pages(lastRow: 12).breaks(keepingWhole: [(row: 6, depth: 20), (row: 6, depth: 50)], manual: []), [6])
    }
}
