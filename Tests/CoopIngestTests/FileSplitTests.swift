import CoopDomain
import CoopIngest
import CoopTestSupport
import CoopTransform
import Foundation
import XCTest

/// A large file cut into parts parsed in parallel gives exactly what one pass gives.
final class FileSplitTests: XCTestCase {
    /// A registry with quoted line breaks, blank lines, CRLF and rejects spread through it.
    func registry(rows: Int, quotedBreakEvery: Int, crlf: Bool) -> [UInt8] {
        let end = crlf ? "\r\n" : "\n"
        var text = "registration_id,name,creation_date,region,sector,members_total" + end
        for index in 0..<rows {
            let name = index % quotedBreakEvery == 0 ? "\"Coop \(index)\(end)suite, \"\"x\"\"\"" : "Coop \(index)"
            let date = index % 97 == 0 ? "31/02/2019" : "2019-0\(index % 9 + 1)-1\(index % 9)"
            let region = index % 89 == 0 ? "Atlantide" : String(index % 12 + 1)
            text += "ID\(index % (rows - 50)),\(name),\(date),\(region),agriculture,\(index % 20 + 1)" + end
            if index % 501 == 0 { text += end }
        }
        return Array(text.utf8)
    }

    func assertSplitEqualsOnePass(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = try ReferenceFixture.load()
        let path = try temporaryCSV(bytes, prefix: "split")
        let source = RegistryIngest.Source(path: path, displayName: "r.csv")
        let single = RegistryIngest.ingest([source], reference: reference, range: .standard, maximumParts: 1)
        let plan = FileSplit.plan(
            path: path, size: bytes.count, format: RegistryFormat(), reference: reference, range: .standard,
            maximumParts: 3, minimumPartSize: bytes.count / 3)
        XCTAssertEqual(plan?.parts.count, 3, "the file is really cut", file: file, line: line)
        XCTAssertEqual(plan?.parts.first?.lowerBound, 0, file: file, line: line)
        XCTAssertEqual(plan?.parts.last?.upperBound, bytes.count, file: file, line: line)
        for parts in [2, 3, 5] {
            let split = RegistryIngest.ingest(
                [source], reference: reference, range: .standard,
                minimumPartSize: bytes.count / parts, maximumParts: parts)
            XCTAssertEqual(split.cube, single.cube, "parts \(parts)", file: file, line: line)
            XCTAssertEqual(split.latestCreation, single.latestCreation, "parts \(parts)", file: file, line: line)
            XCTAssertEqual(split.conflicts, single.conflicts, "parts \(parts)", file: file, line: line)
            XCTAssertEqual(split.rejects.listed, single.rejects.listed, "parts \(parts)", file: file, line: line)
            XCTAssertEqual(try split.rejects.csvText(), try single.rejects.csvText(), "parts \(parts)", file: file, line: line)
            XCTAssertEqual(split.files, single.files, "parts \(parts)", file: file, line: line)
            XCTAssertNil(split.verifyAccounting(), file: file, line: line)
        }
        XCTAssertGreaterThan(single.rejects.count, 10, file: file, line: line)
        XCTAssertGreaterThan(single.files[0].duplicates, 10, file: file, line: line)
    }

    func testPartsGiveTheSameRecordsRejectsLinesAndCounts() throws {
        try assertSplitEqualsOnePass(registry(rows: 3_000, quotedBreakEvery: 37, crlf: false))
        try assertSplitEqualsOnePass(registry(rows: 3_000, quotedBreakEvery: 41, crlf: true))
    }

    func testACutInsideAQuotedFieldFallsBackToOnePass() throws {
        // Every name holds a quoted line break: many cuts land inside quotes.
        try assertSplitEqualsOnePass(registry(rows: 2_000, quotedBreakEvery: 1, crlf: false))
    }

    func testLineBreaksAreCountedLikeTheScanner() {
        var cr = false
        let text: [UInt8] = Array("a\r\nb\rc\nd\r".utf8)
        let count = text.withUnsafeBufferPointer { FileSplit.lineBreaks(in: $0, previousWasCR: &cr) }
        XCTAssertEqual(count, 4)
        XCTAssertTrue(cr)
        let next: [UInt8] = Array("\ne".utf8)  // LF completing the CRLF begun before: not a new break
        XCTAssertEqual(next.withUnsafeBufferPointer { FileSplit.lineBreaks(in: $0, previousWasCR: &cr) }, 0)
    }
}
