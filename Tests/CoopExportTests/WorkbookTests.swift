import CoopDomain
import CoopExport
import CoopTestSupport
import CoopTransform
import CoopXlsx
import Foundation
import XCTest

final class WorkbookTests: XCTestCase {
    private var directory: URL!
    private var fixture: WorkbookFixture!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        fixture = try WorkbookFixture()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func written(_ context: ReportContext, name: String = "coopstat.xlsx") throws -> (path: String, book: WorkbookReader) {
        let path = directory.appendingPathComponent(name).path
        try WorkbookWriter.write(context, to: path)
        return (path, try WorkbookReader(path: path))
    }

    // MARK: A1 references (CoopTestSupport's reader, independent of the writer)

    private func cell(_ text: Substring) -> (row: Int, column: Int) { A1Reference.cell(text) }
    private func box(_ text: Substring) -> A1Reference.Box { A1Reference.box(text) }
    private func sheetRange(_ formula: String) -> (sheet: String, box: A1Reference.Box) { A1Reference.sheetRange(formula) }
    private func a1(_ row: Int, _ column: Int) -> String { A1Reference.name(row, column) }

    // MARK: tests

    func testSheetsTablesAndValuesEqualTheCSVInEveryLanguage() throws {
        for language in Language.allCases {
            let context = fixture.context(language: language)
            let (_, book) = try written(context, name: "book-\(language.rawValue).xlsx")
            let labels = WorkbookLabels.of(language)
            XCTAssertEqual(book.sheetNames.first, labels.sheet("summary"), "\(language)")
            XCTAssertEqual(book.sheetNames.last, labels.sheet("data_quality"), "\(language)")
            // Summary, 13 tables, the matrix, the two grids, Notes, About, Data quality: 19 sheets nationally.
            XCTAssertEqual(book.sheetNames.count, 19, "\(language): \(book.sheetNames)")
            // The wide grids charts need: one column per region plus the period and a total.
            for grid in ["year_region", "quarter_region"] {
                let table = book.tables.first { $0.name == grid }
                XCTAssertEqual(table?.columns.count, context.analysis.regions.count + 2, "\(language): \(grid)")
            }
            let yearGrid = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "year_region" } })
            let yearly = try XCTUnwrap(context.analysis.table(.yearly))
            let lastYear = try XCTUnwrap(yearly.rows.last)
            // Header on row 3 (index 2), one row per year: the last year's total equals yearly's cooperatives.
            let totalCell = yearGrid.cell(a1(2 + yearly.rows.count, context.analysis.regions.count + 1))
            XCTAssertEqual(totalCell?.value, lastYear[1].csvText, "\(language)")
            for name in book.sheetNames {
                XCTAssertLessThanOrEqual(name.utf16.count, 31)
                XCTAssertFalse(name.contains { "[]:*?/\\".contains($0) }, name)
            }

            for table in context.analysis.tables {
                let found = book.sheets.compactMap { sheet in sheet.tables.first { $0.name == table.name }.map { (sheet, $0) } }
                XCTAssertEqual(found.count, 1, "\(language): table \(table.name)")
                guard let (sheet, read) = found.first else { continue }
                // Header at row 3; one row per CSV row; a totals row when the table has one.
                let dataRows = max(1, table.rows.count)
                let totals = table.hasTotals && !table.rows.isEmpty
                XCTAssertEqual(read.reference, "A3:\(a1(2 + dataRows + (totals ? 1 : 0), table.columns.count - 1))", table.name)
                XCTAssertEqual(read.columns.count, table.columns.count, table.name)
                XCTAssertEqual(read.totalsRowCount, totals ? 1 : 0, table.name)
                if sheet.name != labels.sheet("data_quality") {
                    XCTAssertEqual(sheet.frozenPane?.rows, 3, table.name)
                }
                XCTAssertEqual(read.columnNames, table.columns.map { labels.header($0.key) }, table.name)

                let csv = ReferenceFixture.simpleCSV(TableCSV.render(table))
                XCTAssertEqual(csv.first, table.columns.map(\.key))
                for (r, fields) in csv.dropFirst().enumerated() {
                    for (c, field) in fields.enumerated() {
                        let reference = a1(3 + r, c)
                        let stored = sheet.cell(reference)
                        switch table.columns[c].kind {
                        case .text where field.isEmpty:
                            XCTAssertEqual(stored?.value ?? "", "", "\(table.name) \(reference) should be blank")
                        case .text:
                            // Key cells (genders, communities, TOTAL, an empty province) are shown in the run's language.
                            let shown = ValueLabels.of(language).cell(column: table.columns[c].key, field)
                            XCTAssertEqual(stored?.isText, true, "\(table.name) \(reference)")
                            XCTAssertEqual(stored?.value, shown, "\(table.name) \(reference)")
                        case .integer, .money, .share:
                            if field.isEmpty {
                                XCTAssertNil(stored?.number, "\(table.name) \(reference) should be blank")
                            } else {
                                let number = try XCTUnwrap(stored?.number, "\(table.name) \(reference) should be a number")
                                XCTAssertEqual(number, Double(field)!, accuracy: 1e-9, "\(table.name) \(reference)")
                            }
                            if table.columns[c].kind == .share, let stored {
                                XCTAssertTrue(stored.numberFormat.contains("%"), "\(table.name) \(reference): \(stored.numberFormat)")
                            }
                            if table.columns[c].kind == .money, let stored {
                                XCTAssertEqual(stored.numberFormat, "#,##0.00")
                            }
                        }
                    }
                }
            }
        }
    }

    func testTotalsRowsSumTheColumnsAndShareTotalsAreRecomputed() throws {
        let context = fixture.context(language: .en)
        let (_, book) = try written(context)
        let sheet = try XCTUnwrap(book.sheet(named: "By region"))
        let table = try XCTUnwrap(context.analysis.table(.byRegion))
        let totalsRow = 3 + table.rows.count  // zero-based
        let cooperatives = table.column("cooperatives")!
        let totalCell = try XCTUnwrap(sheet.cell(a1(totalsRow, cooperatives)))
        XCTAssertEqual(totalCell.formula, "SUBTOTAL(109,by_region[Cooperatives])")
        XCTAssertEqual(totalCell.number, Double(fixture.records.filter { $0.creationDate >= Day(year: 2024, month: 10, day: 1)! }.count))
        XCTAssertEqual(sheet.cell(a1(totalsRow, 0))?.value, "Total")
        // Women's share in the totals row: women / (women + men) of the totals, computed by Excel.
        let share = try XCTUnwrap(sheet.cell(a1(totalsRow, table.column("women_share")!)))
        let women = a1(totalsRow, table.column("members_women")!)
        let men = a1(totalsRow, table.column("members_men")!)
        XCTAssertEqual(share.formula, "IF((\(women)+\(men))=0,\"\",\(women)/(\(women)+\(men)))")
        XCTAssertEqual(share.number!, 40.0 / 55.0, accuracy: 1e-12)  // Q4 2024: 40 women, 15 men (by hand)
        XCTAssertTrue(share.numberFormat.contains("%"))
        // Cumulative columns are not summed.
        let yearly = try XCTUnwrap(book.tables.first { $0.name == "yearly" })
        XCTAssertNil(yearly.columns.last?.totalsRowFunction)
        XCTAssertEqual(yearly.columns[1].totalsRowFunction, "sum")
    }

    func testSummaryFiguresComparisonsAndDate() throws {
        let (_, book) = try written(fixture.context(language: .en))
        let summary = try XCTUnwrap(book.sheets.first)
        // Data as of 2024-12-31 = Excel serial 45657 (20088 days after 1970-01-01, + 25569).
        XCTAssertEqual(summary.cell("B3")?.number, 45_657)
        XCTAssertEqual(summary.cell("B3")?.numberFormat, "d mmm yyyy")
        XCTAssertEqual(book.created, "2024-12-31T00:00:00Z")
        // Cooperatives created: 6 in 2024Q4, 2 in 2024Q3, 2 in 2023Q4; members 67 in 2024Q4 (by hand).
        XCTAssertEqual(summary.cell("B6")?.number, 6)
        XCTAssertEqual(summary.cell("C6")?.number, 2)
        XCTAssertEqual(summary.cell("E6")?.number, 2)
        XCTAssertEqual(summary.cell("B7")?.number, 67)
        XCTAssertEqual(summary.cell("D6")?.formula, "IF(C6=0,\"\",B6/C6-1)")
        XCTAssertEqual(summary.cell("D6")?.number, 2)  // +200 %
        // Women 40, men 15, gender not reported 12 (= 67 members); women's share 40/55 rounded to 4 places like the CSV.
        XCTAssertEqual(summary.cell("B10")?.number, 12)
        XCTAssertEqual(summary.cell("B11")?.number, 0.7273)
        // Since 2019: all 15 cooperatives.
        XCTAssertEqual(summary.cell("G6")?.number, 15)
        XCTAssertTrue(summary.conditionalFormatTypes.contains("cellIs"))
        XCTAssertEqual(summary.charts.count, 4)
    }

    func testSummarySaysToDateAndCoverage() throws {
        // 2024Q4 on 15 November 2024: 1 October .. 15 November = 31 + 15 = 46 days.
        let (_, book) = try written(fixture.context(language: .en, today: Day(year: 2024, month: 11, day: 15)), name: "to-date.xlsx")
        let summary = try XCTUnwrap(book.sheets.first)
        XCTAssertEqual(summary.cell("B2")?.value, "2024 Q4 to date (1 October – 15 November 2024)")
        XCTAssertEqual(summary.cell("B5")?.value, "2024 Q4 to date")
        XCTAssertEqual(summary.cell("C5")?.value, "2024 Q3 (same 46 days)")
        XCTAssertEqual(summary.cell("E5")?.value, "2023 Q4 (same 46 days)")
        XCTAssertTrue(
            summary.cell("B4")?.value.hasPrefix("Registries: last creation date") ?? false, "\(String(describing: summary.cell("B4")))")
        // Once the quarter has ended, no "to date" and whole comparison quarters.
        let (_, whole) = try written(fixture.context(language: .en), name: "whole.xlsx")
        let ended = try XCTUnwrap(whole.sheets.first)
        XCTAssertEqual(ended.cell("B2")?.value, "2024 Q4 (1 October – 31 December 2024)")
        XCTAssertEqual(ended.cell("C5")?.value, "2024 Q3")
    }

    func testChartsDrawFromTheTables() throws {
        for language in Language.allCases {
            let (_, book) = try written(fixture.context(language: language), name: "charts-\(language.rawValue).xlsx")
            XCTAssertEqual(book.charts.count, 8, "\(language)")
            // The youth chart sits under youth_by_region and draws its youth_share column (F), ranked.
            let youthSheet = try XCTUnwrap(book.sheets.first { $0.tables.contains { $0.name == "youth_by_region" } })
            XCTAssertEqual(youthSheet.charts.count, 1, "\(language)")
            let youthValues = try XCTUnwrap(youthSheet.charts.first?.series.first?.valuesReference)
            let firstValue = A1Reference.cells(of: sheetRange(youthValues).box).first ?? ""
            XCTAssertTrue(youthSheet.cell(firstValue)?.formula?.hasPrefix("F") ?? false, "\(language): \(youthValues)")
            for chart in book.charts {
                XCTAssertNotNil(chart.title, chart.part)
                XCTAssertFalse(chart.series.isEmpty, chart.part)
                for series in chart.series {
                    for formula in [series.valuesReference, series.categoriesReference] {
                        let formula = try XCTUnwrap(formula, "\(chart.part) has a series without a range")
                        let (sheetName, box) = sheetRange(formula)
                        let sheet = try XCTUnwrap(book.sheet(named: sheetName), formula)
                        func insideData(_ box: A1Reference.Box) -> Bool {
                            sheet.tables.contains { table in
                                let t = self.box(Substring(table.reference))
                                let lastData = t.last.row - table.totalsRowCount
                                return box.first.row > t.first.row && box.last.row <= lastData
                                    && box.first.column >= t.first.column && box.last.column <= t.last.column
                            }
                        }
                        if insideData(box) { continue }
                        // A ranking beside the table: each cell points at one data cell of a table
                        // (or sums several: the folded tail), or is a label of its own.
                        for reference in A1Reference.cells(of: box) {
                            let cell = try XCTUnwrap(sheet.cell(reference), "\(formula): \(reference) is empty")
                            guard let cellFormula = cell.formula else {
                                XCTAssertTrue(cell.isText, "\(chart.part): \(reference) is neither a reference nor a label")
                                continue
                            }
                            let inner = cellFormula.hasPrefix("SUM(") ? String(cellFormula.dropFirst(4).dropLast()) : cellFormula
                            for part in inner.split(separator: ",") {
                                XCTAssertTrue(
                                    insideData(self.box(part)),
                                    "\(language) \(chart.part): \(reference) = \(cellFormula) does not point into a table's data rows")
                            }
                        }
                    }
                }
            }
            let quarterly = try XCTUnwrap(
                book.charts.first {
                    $0.series.first?.categoriesReference?.contains("$A$") == true
                        && $0.series.first?.valuesReference.map { sheetRange($0).sheet } == WorkbookLabels.of(language).sheet("quarterly")
                })
            // 24 quarters from 2019Q1 to 2024Q4: the chart shows the last 20 (rows 8...27, one-based).
            XCTAssertEqual(quarterly.series.first?.categoriesReference.map { sheetRange($0).box.first.row }, 7)
            XCTAssertEqual(quarterly.series.first?.categoriesReference.map { sheetRange($0).box.last.row }, 26)
        }
    }

    func testRegionScopeChartsUseProvinces() throws {
        let (_, book) = try written(fixture.context(language: .fr, scope: AnalysisScope(region: RegionCode("01"))))
        let sheets = Set(book.charts.flatMap { $0.series.compactMap(\.categoriesReference) }.map { sheetRange($0).sheet })
        XCTAssertTrue(sheets.contains("Par province"), "\(sheets)")
        XCTAssertFalse(sheets.contains("Par région"), "\(sheets)")
        XCTAssertTrue(book.sheets[0].cell("A1")?.value.contains("région Tanger-Tétouan-Al Hoceïma") == true)
    }

    func testArabicSheetsAreRightToLeftWithArabicNames() throws {
        let (_, book) = try written(fixture.context(language: .ar))
        XCTAssertFalse(book.sheets.isEmpty)
        for sheet in book.sheets { XCTAssertTrue(sheet.rightToLeft, sheet.name) }
        XCTAssertEqual(book.sheetNames.first, "ملخص")
        let byRegion = try XCTUnwrap(book.tables.first { $0.name == "by_region" })
        XCTAssertEqual(byRegion.columnNames[1], "الجهة")
        let (_, english) = try written(fixture.context(language: .en), name: "en.xlsx")
        for sheet in english.sheets { XCTAssertFalse(sheet.rightToLeft, sheet.name) }
    }

    func testFormulasAreOnlyTotalsChartRankingsAndChanges() throws {
        let (_, book) = try written(fixture.context(language: .en))
        for sheet in book.sheets.dropFirst() {
            let totalsRows = Set(sheet.tables.filter { $0.totalsRowCount == 1 }.map { box(Substring($0.reference)).last.row })
            let tableBoxes = sheet.tables.map { box(Substring($0.reference)) }
            func outsideTables(_ reference: String) -> Bool {
                let c = cell(Substring(reference))
                return !tableBoxes.contains {
                    c.row >= $0.first.row && c.row <= $0.last.row && c.column >= $0.first.column && c.column <= $0.last.column
                }
            }
            func inTableData(_ part: Substring) -> Bool {
                let c = cell(part)
                return tableBoxes.contains {
                    c.row > $0.first.row && c.row <= $0.last.row && c.column >= $0.first.column && c.column <= $0.last.column
                }
            }
            for cell in sheet.cells.values {
                guard let formula = cell.formula else { continue }
                if totalsRows.contains(self.cell(Substring(cell.reference)).row) { continue }
                XCTAssertTrue(outsideTables(cell.reference), "\(sheet.name)!\(cell.reference): a formula inside a table's data: \(formula)")
                if formula.hasPrefix("IF(") {
                    // The year-on-year change beside yearly/quarterly: IF(OR(N(Bn)=0,ISTEXT(Bm)),"",Bm/Bn-1).
                    XCTAssertTrue(
                        formula.hasPrefix("IF(OR(N(") && formula.hasSuffix("-1)") && formula.contains(")),\"\","),
                        "\(sheet.name)!\(cell.reference): \(formula)")
                } else {
                    // A chart ranking cell: one table data cell, or the sum of several.
                    let inner = formula.hasPrefix("SUM(") ? String(formula.dropFirst(4).dropLast()) : formula
                    for part in inner.split(separator: ",") {
                        XCTAssertTrue(inTableData(part), "\(sheet.name)!\(cell.reference): \(formula) does not point into a table")
                    }
                }
            }
        }
        XCTAssertGreaterThan(book.sheets[0].formulaCount, 0)
    }

    func testFormulaLookingInputIsWrittenAsText() throws {
        let (_, book) = try written(fixture.context(language: .en))
        let quality = try XCTUnwrap(book.sheets.last)
        for text in [WorkbookFixture.formulaValue, "+SUM(1,2)", "@cmd", "=1+1"] {
            let cells = quality.cells.values.filter { $0.value == text }
            XCTAssertFalse(cells.isEmpty, text)
            for cell in cells {
                XCTAssertEqual(cell.kind, .sharedString, text)
                XCTAssertNil(cell.formula, text)
            }
        }
        let rejects = try XCTUnwrap(quality.tables.first { $0.name == "rejects" })
        XCTAssertEqual(rejects.columnNames, ["File", "Line", "Registration id", "Field", "Value", "Reason", "Detail"])
        let conflicts = try XCTUnwrap(quality.tables.first { $0.name == "duplicate_conflicts" })
        let first = box(Substring(conflicts.reference)).first.row + 1
        XCTAssertEqual(quality.cell(a1(first, 5))?.value, "Members, Men")
        XCTAssertEqual(quality.cell(a1(first, 6))?.value, "Members = 10; Men = 6")
        XCTAssertEqual(quality.cell(a1(first, 7))?.value, "Members = 11; Men = 7")
        XCTAssertNotNil(quality.tables.first { $0.name == "rejects_by_reason" })
    }

    func testRejectsAreCappedAtOneThousand() throws {
        let (_, book) = try written(fixture.context(language: .en, rejects: 1_002))
        let quality = try XCTUnwrap(book.sheets.last)
        let rejects = try XCTUnwrap(quality.tables.first { $0.name == "rejects" })
        let corners = box(Substring(rejects.reference))
        XCTAssertEqual(corners.last.row - corners.first.row, 1_000)
        XCTAssertEqual(quality.cell(a1(corners.last.row + 1, 0))?.value, "… 5 more in rejects.csv")
    }

    func testAboutListsInputsAndTheCommandLine() throws {
        let (_, book) = try written(fixture.context(language: .en))
        let about = try XCTUnwrap(book.sheet(named: "About"))
        let inputs = try XCTUnwrap(about.tables.first { $0.name == "inputs" })
        let first = box(Substring(inputs.reference)).first.row + 1
        XCTAssertEqual(about.cell(a1(first, 0))?.value, "registries/a.csv")
        XCTAssertEqual(about.cell(a1(first, 1))?.number, 1_234)
        XCTAssertEqual(about.cell(a1(first, 5))?.value, String(repeating: "ab", count: 32))
        let command = about.cells.values.first { $0.value.hasPrefix("coopstat run") }?.value
        XCTAssertEqual(
            command,
            "coopstat run --input registries/a.csv 'registries/b;1.csv' --output DIR --period 2024Q4 --lang en --range-start 2019-01-01 --range-end 2024-12-31"
        )
    }

    func testTwoWritesAreByteIdentical() throws {
        let context = fixture.context(language: .ar)
        let (first, _) = try written(context, name: "one.xlsx")
        let (second, _) = try written(context, name: "two.xlsx")
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        XCTAssertGreaterThan(a.count, 10_000)
        XCTAssertEqual(a, b)
    }

    func testHeadersAndSheetNamesAreValidInEveryLanguage() {
        for language in Language.allCases {
            let labels = WorkbookLabels.of(language)
            let names = WorkbookLabels.sheetOrder.map { labels.sheet($0) }
            XCTAssertEqual(Set(names.map { $0.lowercased() }).count, names.count, "\(language)")
            for name in names { XCTAssertNoThrow(try XlsxNames.validateSheetName(name), name) }
            for key in labels.headers.keys {
                XCTAssertFalse(labels.header(key).contains { "[]#'".contains($0) }, "\(language) \(key)")
            }
            XCTAssertEqual(Set(labels.headers.keys), Set(WorkbookLabels.english.headers.keys), "\(language)")
            XCTAssertEqual(Set(labels.charts.keys), Set(WorkbookLabels.english.charts.keys), "\(language)")
        }
    }
}
