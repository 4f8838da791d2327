import CoopPipeline
import Foundation
import XCTest

/// The progress line's text and redraws, on a clock the test sets (no real time involved).
final class ProgressLineTests: XCTestCase {
    final class Screen: @unchecked Sendable {
        private let lock = NSLock()
        private var written: [String] = []
        var time = 0.0
        func write(_ text: String) { lock.withLock { written.append(text) } }
        var writes: [String] { lock.withLock { written } }
    }

    func testLineShowsBytesOfTotalRowsRateAndTimeLeft() {
        let screen = Screen()
        let line = ProgressLine(interval: 0.25, now: { [screen] in screen.time }, write: { [screen] in screen.write($0) })
        line.begin(totalBytes: 10_000_000)
        line.stage("reading big.csv")
        XCTAssertEqual(screen.writes.count, 1)
        XCTAssertEqual(screen.writes[0], "\r\u{1B}[Kcoopstat: reading big.csv · 0 B of 10.0 MB (0%) · 0 rows")
        // 2 s later, 2.5 MB and 100,000 rows read: 50,000 rows/s; 7.5 MB left at 1.25 MB/s = 6 s.
        screen.time = 2
        line.read(bytes: 2_500_000, rows: 100_000)
        XCTAssertEqual(
            screen.writes.last,
            "\r\u{1B}[Kcoopstat: reading big.csv · 2.5 MB of 10.0 MB (25%) · 100,000 rows · 50,000 rows/s · about 6 s left")
        // Within the interval: no redraw.
        screen.time = 2.1
        line.read(bytes: 1_000, rows: 10)
        XCTAssertEqual(screen.writes.count, 2)
        // finish clears the line once; nothing after.
        line.finish()
        line.read(bytes: 1, rows: 1)
        line.finish()
        XCTAssertEqual(screen.writes.last, "\r\u{1B}[K")
        XCTAssertEqual(screen.writes.count, 3)
    }

    func testCountsAreGrouped() {
        XCTAssertEqual(ProgressLine.grouped(1_000_000), "1,000,000")
        XCTAssertEqual(ProgressLine.grouped(999), "999")
        XCTAssertEqual(ProgressLine.grouped(1_000), "1,000")
        XCTAssertEqual(ProgressLine.grouped(-12_345), "-12,345")
        XCTAssertEqual(ProgressLine.grouped(0), "0")
    }

    func testNothingIsWrittenWhenNothingWasShown() {
        let screen = Screen()
        let line = ProgressLine(now: { 0 }, write: { [screen] in screen.write($0) })
        line.finish()
        XCTAssertTrue(screen.writes.isEmpty)
    }
}
