import CoopDomain
import CoopTestSupport
import CoopTransform
import CoopXlsx
import Foundation
import XCTest

@testable import CoopExport

/// How the workbook prints and presents (issue 14): page setup on every sheet, category charts
/// sorted by value without empty categories, the Notes sheet, the Summary's figures, dates per
/// language and the year-on-year columns. Expected values are worked out by hand from the fixture.
final class WorkbookPrintTests: XCTestCase {
    private var directory: URL!
    private var fixture: WorkbookFixture!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        fixture = try WorkbookFixture()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func written(_ context: ReportContext, name: String = "coopstat.xlsx") throws -> WorkbookReader {
        let path = directory.appendingPathComponent(name).path
        try WorkbookWriter.write(context, to: path)
        return try WorkbookReader(path: path)
    }

    /// The values a series range shows, read from the cells it points at.
    private func values(_ formula: String?, in book: WorkbookReader) throws -> [String] {
        let (sheetName, box) = A1Reference.sheetRange(try XCTUnwrap(formula))
        let sheet = try XCTUnwrap(book.sheet(named: sheetName), sheetName)
        return A1Reference.cells(of: box).map { sheet.cell($0)?.value ?? "" }
    }

    func testEverySheetPrintsOnA4OnePageWideWithItsHeaderRepeated() throws {
        for language in Language.allCases {
            let book = try written(fixture.context(language: language), name: "print-\(language.rawValue).xlsx")
            for sheet in book.sheets {
                XCTAssertEqual(sheet.pageSetup.paperSize, 9, "\(language) \(sheet.name): A4 is paperSize 9")
                XCTAssertTrue(sheet.pageSetup.fitToPage, "\(language) \(sheet.name)")
                XCTAssertEqual(sheet.pageSetup.fitToWidth, 1, "\(language) \(sheet.name)")
                XCTAssertEqual(sheet.pageSetup.fitToHeight, 0, "\(language) \(sheet.name): any number of pages tall")
                XCTAssertNotNil(sheet.printTitles, "\(language) \(sheet.name) repeats no row")
                XCTAssertEqual(sheet.pageSetup.footer, "&L&A&R&P / &N", "\(language) \(sheet.name)")
                // A sheet holding one contract table repeats that table's header row (row 3).
                if sheet.tables.count == 1, sheet.tables[0].reference.hasPrefix("A3:") {
                    XCTAssertTrue(sheet.printTitles?.hasSuffix("!$3:$3") ?? false, "\(language) \(sheet.name): \(sheet.printTitles ?? "")")
                }
            }
            // The Summary's charts start a page of their own, right under the figures' last block.
            let summary = try XCTUnwrap(book.sheets.first)
            XCTAssertEqual(summary.pageSetup.rowBreaks.count, 1, "\(language)")
            let firstChartRow = summary.pageSetup.rowBreaks.first ?? 0
            XCTAssertNil(summary.cells.values.first { A1Reference.cell(Substring($0.reference)).row >= firstChartRow })
            // by_region has 10 columns (about 150 characters): landscape.
            let byRegion = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "by_region" } })
            XCTAssertEqual(byRegion.pageSetup.orientation, "landscape", "\(language)")
        }
    }

    func testLongDescriptionsWrapWithinTheTableInsteadOfWideningThePrint() throws {
        for language in Language.allCases {
            let book = try written(fixture.context(language: language), name: "wrap-\(language.rawValue).xlsx")
            let sheet = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "province_sector" } })
            let table = try XCTUnwrap(sheet.tables.first { $0.name == "province_sector" })
            // The table spans A3:F…; its description (longer than the six columns) is merged over A2:F2.
            let lastColumn = try XCTUnwrap(table.reference.split(separator: ":").last?.prefix { $0.isLetter })
            XCTAssertEqual(lastColumn, "F", "\(language)")
            XCTAssertTrue(sheet.mergedRanges.contains("A2:F2"), "\(language): \(sheet.mergedRanges)")
            XCTAssertFalse(sheet.cells["A2"]?.value.isEmpty ?? true, "\(language)")
            // Six columns, about 100 characters with French headers: portrait, a little scaled, not turned.
            XCTAssertNotEqual(sheet.pageSetup.orientation, "landscape", "\(language)")
        }
    }

    func testPlaceGridsTurnTheirHeadersAndStayNarrow() throws {
        let book = try written(fixture.context(language: .en), name: "grid.xlsx")
        let sheet = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "quarter_region" } })
        let table = try XCTUnwrap(sheet.tables.first { $0.name == "quarter_region" })
        let columns = try XCTUnwrap(table.reference.split(separator: ":").last.map { A1Reference.cell($0).column })
        XCTAssertGreaterThan(columns, 2)
        // Every count column is 8 characters (plus Excel's padding), whatever the length of its place's name,
        // so the grid fits a landscape page (about 140 characters) at full size.
        for column in 1...columns { XCTAssertEqual(sheet.columnWidths[column] ?? 0, 8.71, accuracy: 0.05, "column \(column)") }
        XCTAssertLessThan((0...columns).reduce(0.0) { $0 + (sheet.columnWidths[$1] ?? 8.43) }, 140)
    }

    func testPrintAreasLeaveOutTheChartHelperCells() throws {
        let book = try written(fixture.context(language: .en))
        for sheet in book.sheets {
            let helperColumns = sheet.cells.values.filter { $0.value == WorkbookLabels.english.word("chart_data") }
                .map { A1Reference.cell(Substring($0.reference)).column }
            guard let helper = helperColumns.min() else { continue }
            let area = try XCTUnwrap(sheet.printArea, "\(sheet.name) has helper cells but no print area")
            let box = A1Reference.sheetRange(area).box
            XCTAssertLessThan(box.last.column, helper, "\(sheet.name): print area \(area) reaches the helper cells")
            for table in sheet.tables {
                XCTAssertLessThanOrEqual(A1Reference.box(Substring(table.reference)).last.column, box.last.column, sheet.name)
            }
        }
    }

    func testCategoryChartsAreSortedByValueAndLeaveOutEmptyCategories() throws {
        let context = fixture.context(language: .en)
        let book = try written(context)
        let labels = WorkbookLabels.english
        // 2024 Q4 by region, by hand: 01 has 2 (A1, A2); 04, 06, 09 and 12 one each; the other 7 none.
        // Sorted by value, ties in code order: 01, 04, 06, 09, 12.
        let table = try XCTUnwrap(context.analysis.table(.byRegion))
        let nameColumn = try XCTUnwrap(table.column("region"))
        func name(_ code: String) -> String {
            table.rows.first { $0[0] == .text(code) }.map { $0[nameColumn].csvText } ?? code
        }
        let regions = try XCTUnwrap(
            book.charts.first { $0.title == ReportLabels.fill(labels.chart("by_region"), ["period": "2024 Q4"]) })
        XCTAssertEqual(try values(regions.series[0].categoriesReference, in: book), ["01", "04", "06", "09", "12"].map(name))
        XCTAssertEqual(try values(regions.series[0].valuesReference, in: book), ["2", "1", "1", "1", "1"])

        // Women's share, by hand: 09 25/25 = 1; 01 11/17 = 0.6471; 04 3/8 = 0.375; 12 1/5 = 0.2;
        // 06 reports no gender (no share): left out.
        let share = try XCTUnwrap(book.charts.first { $0.title?.hasPrefix("Women’s share of members by region") == true })
        XCTAssertEqual(try values(share.series[0].categoriesReference, in: book), ["09", "01", "04", "12"].map(name))
        XCTAssertEqual(try values(share.series[0].valuesReference, in: book), ["1", "0.6471", "0.375", "0.2"])

        // Women and men: 09 25, 01 17, 04 8, 12 5; 06 has neither women nor men: left out.
        let members = try XCTUnwrap(book.charts.first { $0.title?.hasPrefix("Women and men members by region") == true })
        XCTAssertEqual(members.series.count, 2)
        XCTAssertEqual(try values(members.series[0].categoriesReference, in: book), ["09", "01", "04", "12"].map(name))
        XCTAssertEqual(try values(members.series[0].valuesReference, in: book), ["25", "11", "3", "1"])
        XCTAssertEqual(try values(members.series[1].valuesReference, in: book), ["0", "6", "5", "4"])

        // Sectors: agriculture 2 (A1, A3), then one each in taxonomy order: 5 of the 27 sectors.
        let sectors = try XCTUnwrap(book.charts.first { $0.title == ReportLabels.fill(labels.chart("sectors"), ["period": "2024 Q4"]) })
        let sectorTable = try XCTUnwrap(context.analysis.table(.bySector))
        let counts = sectorTable.rows.enumerated().compactMap { index, row -> (Int, String, Int)? in
            guard case .integer(let n) = row[2], n > 0 else { return nil }
            return (index, row[1].csvText, n)
        }
        let expected = counts.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        XCTAssertEqual(expected.count, 5)
        XCTAssertEqual(try values(sectors.series[0].categoriesReference, in: book), expected.map(\.1))
        XCTAssertEqual(try values(sectors.series[0].valuesReference, in: book), expected.map { String($0.2) })
    }

    func testSectorTailBeyondTheTopTenFoldsIntoOtherSectors() throws {
        // 14 sectors with 14, 13, …, 1 cooperatives and one with none: the chart keeps the top ten
        // (14…5) and folds 4 + 3 + 2 + 1 = 10 into "Other sectors"; the empty one is left out.
        let rows: [[Cell]] = (0..<15).map { index in [.text("s\(index)"), .text("Sector \(index)"), .integer(max(0, 14 - index))] }
        let table = ReportTable(
            name: "by_sector",
            columns: [TableColumn("sector_code", .text), TableColumn("sector", .text), TableColumn("cooperatives", .integer)],
            rows: rows.reversed(), hasTotals: false)
        let placed = PlacedTable(sheet: "S", name: "by_sector", table: table, headerRow: 2, dataRows: 15, hasTotalsRow: false)
        var ranking = ChartRanking(table: placed, nameKey: "sector", valueKeys: ["cooperatives"])
        ranking.keep = 10
        let (shown, folded) = ranking.order()
        // Reversed rows: "Sector 0" (14) is the last row (14), "Sector 14" (0) the first (0).
        XCTAssertEqual(shown, [14, 13, 12, 11, 10, 9, 8, 7, 6, 5])
        XCTAssertEqual(folded, [4, 3, 2, 1])
        XCTAssertEqual(folded.map { ranking.values($0)["cooperatives"] ?? 0 }.reduce(0, +), 10)
        // Eleven categories are all shown: folding one into "other" would hide nothing.
        ranking.keep = 13
        XCTAssertEqual(ranking.order().shown.count, 14)
        XCTAssertTrue(ranking.order().folded.isEmpty)
    }

    func testYearAxesAreTurnedAndThinned() throws {
        let book = try written(fixture.context(language: .en))
        let yearly = try XCTUnwrap(book.charts.first { $0.title == WorkbookLabels.english.chart("yearly") })
        // Six years (2019…2024) fit side by side: labels stay level.
        XCTAssertNil(yearly.categoryAxisRotation)
        // The quarterly chart shows 20 quarters: labels turned 45° and one in two.
        let quarterly = try XCTUnwrap(book.charts.first { $0.title?.hasPrefix("Cooperatives created per quarter") == true })
        XCTAssertEqual(quarterly.categoryAxisRotation, -2_700_000, "rot is in 60,000ths of a degree")
        XCTAssertEqual(quarterly.categoryLabelInterval, 2)
    }

    func testNotesDefineTheTermsAndFlagTheBundledRegistries() throws {
        for language in Language.allCases {
            let notes = NotesText.of(language)
            let book = try written(fixture.context(language: language), name: "notes-\(language.rawValue).xlsx")
            let sheet = try XCTUnwrap(book.sheet(named: WorkbookLabels.of(language).sheet("notes")), "\(language)")
            let terms = sheet.cells.values.filter { $0.reference.hasPrefix("A") }.map(\.value)
            for key in NotesText.terms {
                XCTAssertTrue(terms.contains(notes.term(key)), "\(language): no row for \(key)")
                XCTAssertFalse(notes.text(key).isEmpty)
            }
            // The fixture's inputs are not the bundled registries: no synthetic statement.
            XCTAssertFalse(terms.contains(notes.term("synthetic")), "\(language)")
        }
        // The same context whose first input has the fingerprint of a bundled registry.
        let plain = fixture.context(language: .fr)
        let bundled = try XCTUnwrap(BundledRegistries.fingerprints.first)
        var inputs = plain.inputs
        inputs[0] = InputDescription(
            path: "ailleurs/copie.csv", size: 10, sha256: bundled.key.uppercased(), encoding: "utf-8", delimiter: ";", rowsRead: 1)
        let context = ReportContext(
            analysis: plain.analysis, reference: plain.reference, files: plain.files, rejects: plain.rejects,
            conflicts: plain.conflicts, inputs: inputs, options: plain.options, version: plain.version, asOf: plain.asOf)
        let book = try written(context, name: "notes-synthetic.xlsx")
        let sheet = try XCTUnwrap(book.sheet(named: "Notes"))
        XCTAssertEqual(sheet.cell("A3")?.value, NotesText.french.term("synthetic"))
        XCTAssertTrue(sheet.cell("B3")?.value.contains("ailleurs/copie.csv") == true, sheet.cell("B3")?.value ?? "")
        XCTAssertTrue(sheet.cell("B3")?.value.contains("Certains fichiers") == true, "one of two inputs: 'some'")
    }

    func testBundledFingerprintsAreThoseOfTheBundledFiles() throws {
        let folder = TextReportFixture.repoRoot.appendingPathComponent("datasets/registries")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(files, BundledRegistries.fingerprints.values.sorted())
        for file in files {
            let digest = try Self.sha256(folder.appendingPathComponent(file).path)
            XCTAssertEqual(
                BundledRegistries.fingerprints[digest], file,
                "\(file) changed (SHA-256 \(digest)): update BundledRegistries.fingerprints after regenerating the sample")
        }
    }

    /// SHA-256 by the system's `sha256sum`, independent of the code under test.
    static func sha256(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    func testSummaryHasEveryHeadlineFigureYouthSoulaliyateAndCoverage() throws {
        let context = fixture.context(language: .en)
        let book = try written(context)
        let summary = try XCTUnwrap(book.sheets.first)
        let report = ReportLabels.english
        func row(_ label: String) -> Int? {
            summary.cells.values.first { $0.reference.hasPrefix("A") && $0.value == label }
                .map { A1Reference.cell(Substring($0.reference)).row + 1 }
        }
        // 2024 Q4 by hand: members 10 + 7 + 12 + 25 + 8 + 5 = 67; women 4 + 7 + 25 + 3 + 1 = 40;
        // men 6 + 0 + 0 + 5 + 4 = 15; not reported 12 (A3): 40 + 15 + 12 = 67.
        let members = try XCTUnwrap(row(report.members))
        let women = try XCTUnwrap(row(report.women))
        let men = try XCTUnwrap(row(report.men))
        let unknown = try XCTUnwrap(row(report.genderNotReported))
        XCTAssertEqual(summary.cell("B\(members)")?.number, 67)
        XCTAssertEqual(summary.cell("B\(women)")?.number, 40)
        XCTAssertEqual(summary.cell("B\(men)")?.number, 15)
        XCTAssertEqual(summary.cell("B\(unknown)")?.number, 12)
        // Youth: A1 2, A4 5, A5 1 = 8 young members of 10 + 25 + 8 = 43 members reporting: 0.186.
        XCTAssertEqual(summary.cell("B\(try XCTUnwrap(row(report.youngMembers)))")?.number, 8)
        XCTAssertEqual(summary.cell("B\(try XCTUnwrap(row(report.youthShare)))")?.number, 0.186)
        // Soulaliyate: A1 yes, A2 and A4 no: 1 soulaliyate of 3 reporting; coverage 3 of 6 = 50.0%.
        let labels = WorkbookLabels.english
        XCTAssertEqual(summary.cell("B\(try XCTUnwrap(row(labels.word("soulaliyate_cooperatives"))))")?.number, 1)
        let coverage = summary.cells.values.map(\.value)
        XCTAssertTrue(coverage.contains("Cooperatives reporting youth: 3 of 6 (50.0%)"), "\(coverage)")
        XCTAssertTrue(coverage.contains("Cooperatives reporting whether they are soulaliyate: 3 of 6 (50.0%)"))
        // The indented rows carry an indent, not leading spaces.
        XCTAssertEqual(summary.cell("A\(women)")?.value, report.women)
    }

    func testDatesFollowTheLanguage() throws {
        let codes: [Language: String] = [.en: "d mmm yyyy", .fr: "dd/mm/yyyy", .ar: "dd/mm/yyyy"]
        for (language, code) in codes {
            let book = try written(fixture.context(language: language), name: "date-\(language.rawValue).xlsx")
            // Data as of 2024-12-31 = Excel serial 45657.
            XCTAssertEqual(book.sheets[0].cell("B3")?.number, 45_657)
            XCTAssertEqual(book.sheets[0].cell("B3")?.numberFormat, code, "\(language)")
        }
    }

    func testYearlyAndQuarterlySheetsHaveAYearOnYearColumn() throws {
        let book = try written(fixture.context(language: .en))
        let yearly = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "yearly" } })
        let table = try XCTUnwrap(yearly.tables.first { $0.name == "yearly" })
        let box = A1Reference.box(Substring(table.reference))
        let column = box.last.column + 1
        // Years 2019…2024 in rows 4…9: 2019 2 (B4, B5), 2020 1, 2021 1, 2022 1, 2023 2, 2024 8.
        XCTAssertNil(yearly.cell(A1Reference.name(3, column)), "2019 has no year before")
        XCTAssertEqual(yearly.cell(A1Reference.name(4, column))?.number, -0.5)  // 1 / 2 - 1
        XCTAssertEqual(yearly.cell(A1Reference.name(8, column))?.number, 3)  // 8 / 2 - 1
        XCTAssertEqual(yearly.cell(A1Reference.name(8, column))?.formula, "IF(OR(N(B8)=0,ISTEXT(B9)),\"\",B9/B8-1)")
        let quarterly = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "quarterly" } })
        let quarters = try XCTUnwrap(quarterly.tables.first { $0.name == "quarterly" })
        let qColumn = A1Reference.box(Substring(quarters.reference)).last.column + 1
        // 2024Q4 (row 27) against 2023Q4 (row 23): 6 against 2 = +200 %.
        XCTAssertEqual(quarterly.cell(A1Reference.name(26, qColumn))?.number, 2)
        XCTAssertEqual(quarterly.cell(A1Reference.name(26, qColumn))?.formula, "IF(OR(N(B23)=0,ISTEXT(B27)),\"\",B27/B23-1)")
    }

    func testSectorsWithNoCooperativeAreNamed() throws {
        let context = fixture.context(language: .en)
        let book = try written(context)
        let sheet = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "by_sector" } })
        let none = context.analysis.sectors.filter { $0.metrics.cooperatives == 0 }.map { $0.sector.name(in: .en) }
        XCTAssertEqual(none.count, context.analysis.sectors.count - 5)
        let line = try XCTUnwrap(sheet.cells.values.first { $0.value.hasPrefix("Sectors with no cooperative") })
        XCTAssertTrue(line.value.hasPrefix("Sectors with no cooperative (\(none.count)): "), line.value)
        for name in none { XCTAssertTrue(line.value.contains(name), name) }
    }
}

/// The Arabic workbook's own sentences: Arabic commas, figures kept left to right.
final class ArabicWorkbookTextTests: XCTestCase {
    func testArabicTextUsesTheArabicCommaAndMarksItsFigures() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-ar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ar.xlsx").path
        try WorkbookWriter.write(try WorkbookFixture().context(language: .ar), to: path)
        let book = try WorkbookReader(path: path)
        var arabic = 0
        for sheet in book.sheets {
            for cell in sheet.cells.values where cell.isText && TextTable.hasRightToLeftLetters(cell.value) {
                arabic += 1
                XCTAssertFalse(cell.value.contains(", "), "\(sheet.name)!\(cell.reference): a Latin comma in «\(cell.value)»")
            }
        }
        XCTAssertGreaterThan(arabic, 50)
        // Coverage, by hand: 3 of the 6 cooperatives of 2024 Q4 report youth: 50.0%, between left-to-right marks.
        let summary = try XCTUnwrap(book.sheets.first)
        XCTAssertTrue(
            summary.cells.values.contains {
                FigureStyle.withoutIsolates($0.value) == "التعاونيات المصرحة بالشباب: 3 من أصل 6 (50.0%)"
                    && $0.value.contains("\u{200F}\u{200E}50.0%\u{200E}\u{200F}")
            },
            "\(summary.cells.values.map(\.value).filter { $0.contains("بالشباب") })")
    }
}
