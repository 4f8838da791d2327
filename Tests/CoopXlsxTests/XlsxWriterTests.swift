import CoopTestSupport
import Foundation
import XCTest

@testable import CoopXlsx

final class XlsxWriterTests: XCTestCase {
    static let arabicSheet = "الجهات"
    static let latinSheet = "Coop's data"
    /// 2024-10-01T00:00:00Z, computed independently (Python calendar.timegm).
    static let created = 1_727_740_800

    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The sample workbook used by the round-trip and reproducibility tests.
    private func writeSample(to target: String) throws {
        let book = try XlsxWorkbook(path: target)
        try book.setProperties(XlsxDocumentProperties(title: "Coopstat test", author: "coopstat", created: Self.created))

        let latin = try book.addWorksheet(Self.latinSheet)
        try latin.writeString(row: 0, column: 0, "=HYPERLINK(\"x\")")
        try latin.writeString(row: 1, column: 0, "+SUM(1,2)")
        try latin.writeString(row: 2, column: 0, "@cmd")
        try latin.writeString(row: 3, column: 0, "-2+3")
        try latin.writeNumber(row: 0, column: 1, 42.5)
        try latin.writeNumber(row: 1, column: 1, 0.1234, format: .number("0.0%"))
        try latin.writeFormula(row: 2, column: 1, "=B1*2", cachedValue: 85)
        try latin.setColumnWidth(first: 0, last: 0, width: 18.5)

        let arabic = try book.addWorksheet(Self.arabicSheet)
        try arabic.setRightToLeft()
        try arabic.freezePanes(row: 1, column: 0)
        let headers = ["الجهة", "التعاونيات", "نسبة النساء"]
        let rows: [(String, Double, Double)] = [("طنجة", 120, 0.25), ("الشرق", 80, 0.5), ("فاس", 100, 0.125)]
        for (i, row) in rows.enumerated() {
            try arabic.writeString(row: i + 1, column: 0, row.0)
            try arabic.writeNumber(row: i + 1, column: 1, row.1)
            try arabic.writeNumber(row: i + 1, column: 2, row.2, format: .number("0.0%"))
        }
        try arabic.addTable(
            XlsxTable(
                name: "by_region", headerRow: 0, firstColumn: 0, dataRows: rows.count,
                columns: [
                    .init(headers[0], totalLabel: "المجموع"),
                    .init(headers[1], totalFunction: .sum, totalValue: 300),
                    .init(headers[2], format: .number("0.0%")),
                ],
                totalsRow: true))
        try arabic.addConditionalFormat(.dataBar(color: XlsxColor(rgb: 0x63BE7B)), firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 1)

        let categories = XlsxRange(sheet: Self.arabicSheet, firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 0)
        let column = try book.addChart(.column)
        try column.addSeries(
            values: XlsxRange(sheet: Self.arabicSheet, firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 1),
            categories: categories, name: headers[1], style: .init(color: XlsxColor(rgb: 0x1F77B4), showValues: true))
        try column.setTitle("التعاونيات حسب الجهة")
        try column.setAxisNames(category: headers[0], value: headers[1])
        try column.setLegend(.bottom)
        try arabic.insertChart(column, row: 6, column: 0)

        let line = try book.addChart(.line)
        try line.addSeries(
            values: XlsxRange(sheet: Self.arabicSheet, firstRow: 1, firstColumn: 2, lastRow: 3, lastColumn: 2),
            categories: categories, name: headers[2], style: .init(markers: true))
        try line.setValueAxisNumberFormat("0%")
        try arabic.insertChart(line, row: 6, column: 8, xScale: 1.5)
        try book.close()
    }

    // MARK: round trip

    func testRoundTripSheetsCellsTablesChartsAndProperties() throws {
        let target = path("sample.xlsx")
        try writeSample(to: target)
        let book = try WorkbookReader(path: target)

        XCTAssertEqual(book.sheetNames, [Self.latinSheet, Self.arabicSheet])
        XCTAssertEqual(book.created, "2024-10-01T00:00:00Z")
        XCTAssertEqual(book.title, "Coopstat test")

        let latin = try XCTUnwrap(book.sheet(named: Self.latinSheet))
        XCTAssertFalse(latin.rightToLeft)
        let expectedText = ["A1": "=HYPERLINK(\"x\")", "A2": "+SUM(1,2)", "A3": "@cmd", "A4": "-2+3"]
        for (ref, text) in expectedText {
            let cell = try XCTUnwrap(latin.cell(ref), ref)
            XCTAssertEqual(cell.kind, .sharedString, ref)
            XCTAssertEqual(cell.value, text, ref)
            XCTAssertNil(cell.formula, "\(ref) must not be a formula")
        }
        XCTAssertEqual(latin.cell("B1")?.number, 42.5)
        XCTAssertEqual(latin.cell("B1")?.numberFormat, "General")
        XCTAssertEqual(latin.cell("B2")?.number, 0.1234)
        XCTAssertEqual(latin.cell("B2")?.numberFormat, "0.0%")
        XCTAssertEqual(latin.cell("B3")?.formula, "B1*2")
        XCTAssertEqual(latin.cell("B3")?.value, "85")
        XCTAssertEqual(latin.formulaCount, 1, "only the deliberate formula")
        // Excel stores widths with pixel padding: pixels = floor(18.5 * 7 + 0.5) + 5 = 135,
        // stored = floor(135 / 7 * 256) / 256 = 4937 / 256.
        XCTAssertEqual(latin.columnWidths[0], 4937.0 / 256.0)
        XCTAssertTrue(latin.tables.isEmpty)
        XCTAssertTrue(latin.charts.isEmpty)

        let arabic = try XCTUnwrap(book.sheet(named: Self.arabicSheet))
        XCTAssertTrue(arabic.rightToLeft)
        XCTAssertEqual(arabic.frozenPane?.rows, 1)
        XCTAssertEqual(arabic.frozenPane?.columns, 0)
        XCTAssertEqual(arabic.cell("A1")?.value, "الجهة")
        XCTAssertEqual(arabic.cell("A2")?.value, "طنجة")
        XCTAssertEqual(arabic.cell("C3")?.numberFormat, "0.0%")
        XCTAssertEqual(arabic.conditionalFormatTypes, ["dataBar"])

        XCTAssertEqual(arabic.tables.count, 1)
        let table = try XCTUnwrap(arabic.tables.first)
        XCTAssertEqual(table.name, "by_region")
        XCTAssertEqual(table.reference, "A1:C5")  // header + 3 data rows + totals row
        XCTAssertEqual(table.columnNames, ["الجهة", "التعاونيات", "نسبة النساء"])
        XCTAssertEqual(table.totalsRowCount, 1)
        XCTAssertEqual(table.columns[0].totalsRowLabel, "المجموع")
        XCTAssertEqual(table.columns[1].totalsRowFunction, "sum")
        XCTAssertEqual(table.styleName, "TableStyleMedium2")
        let total = try XCTUnwrap(arabic.cell("B5"))
        XCTAssertEqual(total.formula, "SUBTOTAL(109,[التعاونيات])")
        XCTAssertEqual(total.number, 300)
        XCTAssertEqual(arabic.cell("A5")?.value, "المجموع")

        XCTAssertEqual(arabic.charts.count, 2)
        XCTAssertEqual(book.charts.count, 2)
        let quoted = "'" + Self.arabicSheet + "'"
        let columnChart = arabic.charts[0]
        XCTAssertEqual(columnChart.types, ["barChart"])
        XCTAssertEqual(columnChart.barDirection, "col")
        XCTAssertEqual(columnChart.title, "التعاونيات حسب الجهة")
        XCTAssertEqual(columnChart.series.count, 1)
        XCTAssertEqual(columnChart.series[0].categoriesReference, "\(quoted)!$A$2:$A$4")
        XCTAssertEqual(columnChart.series[0].valuesReference, "\(quoted)!$B$2:$B$4")
        XCTAssertEqual(columnChart.series[0].cachedValues, ["120", "80", "100"])
        XCTAssertEqual(columnChart.series[0].name, "التعاونيات")
        let lineChart = arabic.charts[1]
        XCTAssertEqual(lineChart.types, ["lineChart"])
        XCTAssertEqual(lineChart.series[0].valuesReference, "\(quoted)!$C$2:$C$4")
        XCTAssertEqual(lineChart.valueAxisNumberFormats, ["0%"])
    }

    func testSameWorkbookTwiceIsByteIdentical() throws {
        try writeSample(to: path("one.xlsx"))
        try writeSample(to: path("two.xlsx"))
        let one = try Data(contentsOf: URL(fileURLWithPath: path("one.xlsx")))
        let two = try Data(contentsOf: URL(fileURLWithPath: path("two.xlsx")))
        XCTAssertGreaterThan(one.count, 1000)
        XCTAssertEqual(one, two)
    }

    func testFormatsAreCreatedOncePerDistinctValue() throws {
        let target = path("formats.xlsx")
        let book = try XlsxWorkbook(path: target)
        try book.setProperties(XlsxDocumentProperties(created: Self.created))
        let sheet = try book.addWorksheet("S")
        for row in 0..<50 {
            try sheet.writeNumber(row: row, column: 0, Double(row), format: .number("0.0%"))
            try sheet.writeNumber(row: row, column: 1, Double(row), format: XlsxFormat(bold: true, numberFormat: "#,##0"))
        }
        try book.close()
        let read = try XCTUnwrap(try WorkbookReader(path: target).sheet(named: "S"))
        XCTAssertEqual(Set((0..<50).map { read.cell("A\($0 + 1)")?.styleIndex }).count, 1)
        XCTAssertEqual(read.cell("A7")?.numberFormat, "0.0%")
        XCTAssertEqual(read.cell("B7")?.numberFormat, "#,##0")
        XCTAssertNotEqual(read.cell("A1")?.styleIndex, read.cell("B1")?.styleIndex)
    }

    // MARK: validation

    private func assertXlsxError(
        _ kind: XlsxError.Kind, mentions words: [String], _ body: () throws -> Void,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard let error = error as? XlsxError else {
                return XCTFail("expected XlsxError, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(error.kind, kind, error.description, file: file, line: line)
            for word in words {
                XCTAssertTrue(error.description.contains(word), "'\(error.description)' lacks '\(word)'", file: file, line: line)
            }
        }
    }

    func testInvalidSheetNamesAreRejectedWithReason() throws {
        let book = try XlsxWorkbook(path: path("names.xlsx"))
        _ = try book.addWorksheet("Summary")
        let cases: [(String, String)] = [
            ("", "empty"),
            (String(repeating: "x", count: 32), "32 characters"),
            ("a/b", "'/'"),
            ("what?", "'?'"),
            ("[x]", "'['"),
            ("'quoted", "apostrophe"),
            ("history", "reserved"),
            ("SUMMARY", "already exists"),
        ]
        for (name, reason) in cases {
            assertXlsxError(.invalidSheetName, mentions: ["invalid sheet name", reason]) { _ = try book.addWorksheet(name) }
        }
        // 31 Arabic letters are fine; the apostrophe inside a name is fine.
        _ = try book.addWorksheet(String(repeating: "ب", count: 31))
        _ = try book.addWorksheet("O'Neil")
        XCTAssertEqual(book.worksheetNames.count, 3)
    }

    func testInvalidTableNamesAreRejectedWithReason() throws {
        let book = try XlsxWorkbook(path: path("tables.xlsx"))
        let sheet = try book.addWorksheet("T")
        func table(_ name: String, column: Int = 0) -> XlsxTable {
            XlsxTable(name: name, headerRow: 0, firstColumn: column, dataRows: 1, columns: [.init("a"), .init("b")])
        }
        let cases: [(String, String)] = [
            ("1abc", "must start"), ("A1", "cell reference"), ("xfd1048576", "cell reference"), ("R1C1", "R1C1"),
            ("C", "R1C1"), ("r", "R1C1"), ("by region", "' ' is not allowed"), ("by-region", "'-' is not allowed"), ("", "empty"),
        ]
        for (name, reason) in cases {
            assertXlsxError(.invalidTableName, mentions: ["invalid table name", reason]) { try sheet.addTable(table(name)) }
        }
        try sheet.addTable(table("by_region"))
        assertXlsxError(.invalidTableName, mentions: ["already uses it"]) { try sheet.addTable(table("BY_REGION", column: 5)) }
        // Names that only resemble references are fine: 4 letters, or past row 1048576.
        try sheet.addTable(table("ABCD1", column: 10))
        try sheet.addTable(table("A1048577", column: 20))
        try sheet.addTable(table("_x.y", column: 30))
        assertXlsxError(.invalidArgument, mentions: ["overlaps"]) { try sheet.addTable(table("other", column: 1)) }
        assertXlsxError(.invalidArgument, mentions: ["3 column definitions", "2 columns wide"]) {
            try sheet.addTable(
                XlsxTable(
                    name: "wide", firstRow: 10, firstColumn: 0, lastRow: 12, lastColumn: 1,
                    columns: [.init("a"), .init("b"), .init("c")]))
        }
        assertXlsxError(.invalidArgument, mentions: ["repeated"]) {
            try sheet.addTable(XlsxTable(name: "dup", headerRow: 10, firstColumn: 0, dataRows: 1, columns: [.init("a"), .init("A")]))
        }
    }

    func testOverlongStringNaNAndOutOfGridAreRejected() throws {
        let book = try XlsxWorkbook(path: path("limits.xlsx"))
        let sheet = try book.addWorksheet("L")
        let long = String(repeating: "a", count: 40_000)
        assertXlsxError(.stringTooLong, mentions: ["40000", "32767", "'L'", "C3"]) { try sheet.writeString(row: 2, column: 2, long) }
        try sheet.writeString(row: 0, column: 0, String(repeating: "a", count: 32_767))
        assertXlsxError(.invalidNumber, mentions: ["nan"]) { try sheet.writeNumber(row: 0, column: 1, .nan) }
        assertXlsxError(.invalidNumber, mentions: ["inf"]) { try sheet.writeNumber(row: 0, column: 1, -.infinity) }
        assertXlsxError(.cellOutOfRange, mentions: ["grid"]) { try sheet.writeNumber(row: 1_048_576, column: 0, 1) }
        assertXlsxError(.cellOutOfRange, mentions: ["grid"]) { try sheet.writeString(row: 0, column: 16_384, "x") }
        assertXlsxError(.cellOutOfRange, mentions: ["grid"]) { try sheet.writeString(row: -1, column: 0, "x") }
        try sheet.writeNumber(row: 1_048_575, column: 16_383, 1)
        assertXlsxError(.invalidArgument, mentions: ["NUL"]) { try sheet.writeString(row: 0, column: 0, "a\0b") }
        assertXlsxError(.invalidArgument, mentions: ["number format"]) {
            try sheet.writeNumber(row: 0, column: 0, 1, format: .number(String(repeating: "0", count: 200)))
        }
        assertXlsxError(.invalidArgument, mentions: ["rotation 91", "-90...90"]) {
            try sheet.writeString(row: 0, column: 0, "x", format: XlsxFormat(rotation: 91))
        }
        try sheet.writeString(row: 0, column: 0, "upwards", format: XlsxFormat(rotation: 90))
        try sheet.writeString(row: 0, column: 1, "downwards", format: XlsxFormat(rotation: -90))
    }

    func testChartSeriesMustReferToAWorksheetOfTheWorkbook() throws {
        let book = try XlsxWorkbook(path: path("chart.xlsx"))
        let sheet = try book.addWorksheet("Data")
        let chart = try book.addChart(.column)
        assertXlsxError(.invalidArgument, mentions: ["'Nope'", "not in this workbook"]) {
            try chart.addSeries(values: XlsxRange(sheet: "Nope", firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 0))
        }
        assertXlsxError(.invalidArgument, mentions: ["single row or column"]) {
            try chart.addSeries(values: XlsxRange(sheet: "Data", firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 1))
        }
        assertXlsxError(.invalidArgument, mentions: ["no series"]) { try sheet.insertChart(chart, row: 0, column: 0) }
        try chart.addSeries(values: XlsxRange(sheet: "Data", firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 0))
        try sheet.insertChart(chart, row: 0, column: 0)
        assertXlsxError(.invalidArgument, mentions: ["already inserted"]) { try sheet.insertChart(chart, row: 0, column: 5) }
    }

    // MARK: files

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
    }

    func testWriteIntoMissingDirectoryThrowsAndLeavesNothing() throws {
        let target = path("missing/out.xlsx")
        let book = try XlsxWorkbook(path: target)
        try book.addWorksheet("S").writeString(row: 0, column: 0, "x")
        assertXlsxError(.library(code: 2), mentions: ["close", "missing/out.xlsx"]) { try book.close() }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        XCTAssertEqual(try leftovers(), [])
        assertXlsxError(.workbookClosed, mentions: ["closed"]) { try book.close() }
    }

    func testWriteUnderAFileThrowsAndLeavesNothing() throws {
        let blocker = path("blocker")
        XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let book = try XlsxWorkbook(path: blocker + "/out.xlsx")
        _ = try book.addWorksheet("S")
        XCTAssertThrowsError(try book.close())
        XCTAssertEqual(try leftovers(), ["blocker"])
    }

    func testWriteIntoReadOnlyDirectoryThrowsAndLeavesNothing() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        try XCTSkipIf(access(directory.path, W_OK) == 0, "running as root: permissions do not apply")
        let target = path("out.xlsx")
        let book = try XlsxWorkbook(path: target)
        _ = try book.addWorksheet("S")
        XCTAssertThrowsError(try book.close())
        XCTAssertEqual(try leftovers(), [])
    }

    func testWriteIntoReadOnlyFileSystemThrowsAndLeavesNothing() throws {
        // /proc refuses new files even for root, unlike a chmod-ed directory.
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/proc/self"), "no /proc here")
        let target = "/proc/coopstat-xlsx-test-\(UUID().uuidString).xlsx"
        let book = try XlsxWorkbook(path: target)
        _ = try book.addWorksheet("S")
        XCTAssertThrowsError(try book.close())
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    func testSuccessfulCloseLeavesOnlyTheTarget() throws {
        let target = path("ok.xlsx")
        try writeSample(to: target)
        XCTAssertEqual(try leftovers(), ["ok.xlsx"])
    }

    func testAbandonedWorkbookWritesNothing() throws {
        let target = path("abandoned.xlsx")
        do {
            let book = try XlsxWorkbook(path: target)
            try book.addWorksheet("S").writeString(row: 0, column: 0, "x")
            _ = try book.addChart(.column)
        }
        XCTAssertEqual(try leftovers(), [])
    }

    func testCallsAfterCloseThrowInsteadOfTouchingFreedMemory() throws {
        let book = try XlsxWorkbook(path: path("closed.xlsx"))
        let sheet = try book.addWorksheet("S")
        let chart = try book.addChart(.line)
        try book.close()
        assertXlsxError(.workbookClosed, mentions: ["'S'"]) { try sheet.writeString(row: 0, column: 0, "late") }
        assertXlsxError(.workbookClosed, mentions: []) { try sheet.setRightToLeft() }
        assertXlsxError(.workbookClosed, mentions: []) { try chart.setTitle("late") }
        assertXlsxError(.workbookClosed, mentions: []) { _ = try book.addWorksheet("T") }
    }

    // MARK: pure helpers

    func testRangeFormulasQuoteSheetNames() {
        XCTAssertEqual(
            XlsxRange(sheet: "O'Neil", firstRow: 1, firstColumn: 0, lastRow: 12, lastColumn: 0).formula,
            "='O''Neil'!$A$2:$A$13")
        XCTAssertEqual(
            XlsxRange(sheet: "الجهات", firstRow: 0, firstColumn: 27, lastRow: 0, lastColumn: 27).formula,
            "='الجهات'!$AB$1")
        XCTAssertEqual(XlsxRange.quotedSheetName("a''b"), "'a''''b'")
        XCTAssertEqual(
            [0, 25, 26, 51, 52, 701, 702, 16_383].map(XlsxCell.columnName),
            ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
    }

    func testUnixTimeOfCivilDates() {
        XCTAssertEqual(XlsxDocumentProperties.unixTime(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(XlsxDocumentProperties.unixTime(year: 2024, month: 10, day: 1), Self.created)
        // 2000-03-01 12:30:15 = 951868800 (midnight, by hand: 11017 days * 86400) + 45015.
        XCTAssertEqual(XlsxDocumentProperties.unixTime(year: 2000, month: 3, day: 1, hour: 12, minute: 30, second: 15), 951_913_815)
    }

    func testColumnWidthEstimates() {
        XCTAssertEqual(ColumnWidth.estimate(for: "12345"), 7, accuracy: 1e-9)  // 5 digits + 2 padding
        XCTAssertEqual(ColumnWidth.estimate(for: "MMMM"), 6.8, accuracy: 1e-9)  // 4 * 1.2 + 2
        XCTAssertEqual(ColumnWidth.estimate(for: "مَرْحَبًا"), 7.5, accuracy: 1e-9)  // 5 letters * 1.1, 4 marks * 0, + 2
        XCTAssertEqual(ColumnWidth.estimate(for: "ab\nabcdef"), 8, accuracy: 1e-9)  // widest line
        XCTAssertEqual(ColumnWidth.estimate(for: "12345", fontSize: 22), 12, accuracy: 1e-9)
        XCTAssertEqual(ColumnWidth.estimate(for: ""), ColumnWidth.minimum)
        // The unbounded length: no padding, no 60-unit cap (a 100-digit line is 100 units wide).
        XCTAssertEqual(ColumnWidth.length(of: String(repeating: "1", count: 100)), 100, accuracy: 1e-9)
        XCTAssertEqual(ColumnWidth.estimate(for: String(repeating: "1", count: 100)), ColumnWidth.maximum)
        XCTAssertEqual(ColumnWidth.length(of: "ab\nabcdef"), 6, accuracy: 1e-9)
        // A CRLF is one Character, not a line break between lines (its CR and LF are 0 wide).
        XCTAssertEqual(ColumnWidth.length(of: "ab\r\nabcdef"), 8, accuracy: 1e-9)
        XCTAssertEqual(ColumnWidth.length(of: "abc\n"), 3, accuracy: 1e-9)
        XCTAssertEqual(ColumnWidth.length(of: "\n\nabcd\nab"), 4, accuracy: 1e-9)
        XCTAssertEqual(ColumnWidth.length(of: "I.i"), 1.8, accuracy: 1e-9)  // narrow punctuation 0.6 each
        XCTAssertEqual(ColumnWidth.estimate(for: String(repeating: "x", count: 500)), ColumnWidth.maximum)
        XCTAssertEqual(ColumnWidth.estimate(for: ["1", "1234567890"]), 12, accuracy: 1e-9)
    }
}

/// The startup check of the linked libxlsxwriter against the headers coopstat was built with.
final class XlsxLibraryTests: XCTestCase {
    func testSameMinorVersionIsCompatibleOnly() throws {
        // Version ids are major*100 + minor*10 + patch: 114 is 1.1.4.
        XCTAssertTrue(XlsxLibrary.isCompatible(runtime: 114, compiled: 114))
        XCTAssertTrue(XlsxLibrary.isCompatible(runtime: 115, compiled: 110))  // a newer patch
        XCTAssertFalse(XlsxLibrary.isCompatible(runtime: 120, compiled: 114))
        XCTAssertFalse(XlsxLibrary.isCompatible(runtime: 99, compiled: 114))
        XCTAssertNoThrow(try XlsxLibrary.check())  // this build links what it compiled against
        XCTAssertEqual(XlsxLibrary.runtimeVersion, XlsxLibrary.compiledVersion)
        XCTAssertEqual(
            XlsxLibraryMismatch(runtime: "1.0.0", compiled: "1.1.4").description,
            "libxlsxwriter 1.0.0 is installed but coopstat was built against 1.1.4; "
                + "rebuild coopstat on this machine (make release) or install libxlsxwriter 1.1.4")
    }
}
