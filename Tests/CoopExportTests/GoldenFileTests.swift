import CoopTestSupport
import Foundation
import XCTest

/// The golden-file check fails while recording and shows a line diff on a mismatch.
final class GoldenFileTests: XCTestCase {
    func testLineDiffShowsChangedLinesWithContext() {
        // Line 3 changed ("c" → "C"), line 6 added; one line of context each side, so the two
        // changes' contexts meet (d, e) and make one hunk.
        let diff = GoldenFile.lineDiff("a\nb\nc\nd\ne", "a\nb\nC\nd\ne\nf")
        XCTAssertEqual(diff, "@@ line 2\n b\n-c\n+C\n d\n e\n+f")
        // Far apart, two hunks: line 2 and line 9 of ten.
        let old = (1...10).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "2\n", with: "two\n").replacingOccurrences(of: "9\n", with: "nine\n")
        XCTAssertEqual(GoldenFile.lineDiff(old, new), "@@ line 1\n 1\n-2\n+two\n 3\n@@ line 8\n 8\n-9\n+nine\n 10")
        XCTAssertEqual(GoldenFile.lineDiff("same\n", "same\n"), "")
    }

    func testRecordingWritesAndFailsAndCheckingPassesOnlyOnEqualText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = GoldenFile(folder.appendingPathComponent("report.txt"))
        XCTAssertEqual(
            try golden.check("one\n", recording: false), "\(golden.url.path) is missing; record it with COOPSTAT_RECORD_GOLDEN=1")
        XCTAssertEqual(
            try golden.check("one\n", recording: true), "recorded report.txt (changed); rerun without COOPSTAT_RECORD_GOLDEN to check it")
        XCTAssertEqual(try String(contentsOf: golden.url, encoding: .utf8), "one\n")
        XCTAssertNil(try golden.check("one\n", recording: false))
        let failure = try XCTUnwrap(try golden.check("two\n", recording: false))
        XCTAssertTrue(failure.hasSuffix("@@ line 1\n-one\n+two\n "), failure)
    }
}
