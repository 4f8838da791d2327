import CoopDomain
import CoopTestSupport
import XCTest

@testable import CoopExport

/// Issue 12 item 5: every CSV coopstat writes is safe to double-click (OWASP CSV injection).
final class CSVInjectionTests: XCTestCase {
    func testFormulaLikeCellsGetALeadingQuote() {
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
            ("=1+1&\".csv\"", "'=1+1&\".csv\""),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTAB", "'\tTAB"),
            ("\rCR", "'\rCR"),
            ("-", "'-"),
            ("+", "'+"),
        ]
        for (cell, written) in cases { XCTAssertEqual(CSVText.neutralised(cell), written, cell) }
    }

    func testNumbersAndOrdinaryTextAreUnchanged() {
        for cell in ["-211", "+352", "-14.8", "0.3412", "12500.50", "", "Agriculture", "a=b", "R-1", "'quoted"] {
            XCTAssertEqual(CSVText.neutralised(cell), cell, cell)
        }
        for cell in ["-1.", "-.5", "--1", "-1e3", "-1,5"] {
            XCTAssertEqual(CSVText.neutralised(cell), "'" + cell, cell)
        }
    }

    func testRejectsCSVWritesEveryHostileCellNeutralised() throws {
        let row = RejectedRow(
            file: "=1+1&\".csv\"", line: 2, registrationId: "@cmd", field: .region,
            value: "=HYPERLINK(\"http://evil\")", reason: .unknownRegion)
        let text = try RejectLog([row]).csvText()
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        // Quoted by RFC 4180 where a quote appears; the leading ' sits inside the quotes.
        XCTAssertEqual(
            lines[1],
            "\"'=1+1&\"\".csv\"\"\",2,'@cmd,region,\"'=HYPERLINK(\"\"http://evil\"\")\"," + RejectReason.unknownRegion.sentence)
    }
}
