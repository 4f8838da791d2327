import XCTest

@testable import CoopIngest

final class DelimiterSnifferTests: XCTestCase {
    private func sniff(_ text: String) -> UInt8 {
        DelimiterSniffer.sniff(utf8Head: Array(text.utf8))
    }

    func testSemicolonWithCommasInQuotedFields() {
        let text = "id;nom;capital\n1;\"Coop A, B, C\";\"12,5\"\n2;\"X, Y\";\"1,5\"\n3;\"Z,,,\";7\n"
        XCTAssertEqual(sniff(text), 0x3B)
    }

    func testSemicolonWithUnquotedDecimalCommas() {
        XCTAssertEqual(sniff("id;capital\n1;12 500,50\n2;3,5\n"), 0x3B)
    }

    func testCommaWithSemicolonsInQuotes() {
        XCTAssertEqual(sniff("id,name,region\n1,\"a;b;c;d\",01\n2,x,02\n"), 0x2C)
    }

    func testTab() {
        XCTAssertEqual(sniff("id\tname\tregion\n1\tA, B\t01\n2\tC; D\t02\n"), 0x09)
    }

    func testPipe() {
        XCTAssertEqual(sniff("id|name\r\n1|A,B\r\n2|C\r\n"), 0x7C)
    }

    func testSingleColumnDefaultsToComma() {
        XCTAssertEqual(sniff("name\nAtlas\nRif\n"), 0x2C)
        XCTAssertEqual(sniff(""), 0x2C)
    }

    func testHeaderOnlyWithoutNewline() {
        XCTAssertEqual(sniff("id;name;region"), 0x3B)
    }

    func testHeadCutInsideARowIgnoresTheCutRow() {
        // The last row is cut right after its first `;`; consistency comes from the complete rows.
        XCTAssertEqual(sniff("a;b;c\n1;2;3\n4;5;6\n7;"), 0x3B)
    }

    func testConsistencyBeatsCount() {
        // Header has 1 comma and 2 pipes; only pipes are consistent over the rows.
        XCTAssertEqual(sniff("a,b|c|d\n1|2|3\n4|5|6\n"), 0x7C)
    }

    func testNamesAndParsing() {
        XCTAssertEqual(DelimiterSniffer.displayName(0x2C), ",")
        XCTAssertEqual(DelimiterSniffer.displayName(0x3B), ";")
        XCTAssertEqual(DelimiterSniffer.displayName(0x09), "tab")
        XCTAssertEqual(DelimiterSniffer.displayName(0x7C), "|")
        XCTAssertEqual(DelimiterSniffer.parse(userName: ","), 0x2C)
        XCTAssertEqual(DelimiterSniffer.parse(userName: ";"), 0x3B)
        XCTAssertEqual(DelimiterSniffer.parse(userName: "|"), 0x7C)
        XCTAssertEqual(DelimiterSniffer.parse(userName: "tab"), 0x09)
        XCTAssertEqual(DelimiterSniffer.parse(userName: "TAB"), 0x09)
        XCTAssertEqual(DelimiterSniffer.parse(userName: "\\t"), 0x09)
        XCTAssertEqual(DelimiterSniffer.parse(userName: "\t"), 0x09)
        XCTAssertNil(DelimiterSniffer.parse(userName: ":"))
        XCTAssertNil(DelimiterSniffer.parse(userName: ""))
    }
}
