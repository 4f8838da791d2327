import CoopDomain
import CoopExport
import CoopTestSupport
import CoopTransform
import Foundation
import XCTest

/// A Marrakech-Safi run worked out by hand: 2024 has Marrakech 2, Safi 1 and 2 cooperatives without a
/// province (07), Taroudant 1 (09, out of scope); 2023 has Essaouira 1. Read back in French and Arabic.
final class RegionalReportTests: XCTestCase {
    private var directory: URL!
    private var reference: ReferenceData!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("regional-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        reference = try ReferenceFixture.load()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func record(
        _ id: String, _ date: String, _ region: String, _ province: String?, _ sector: String, total: Int, women: Int?,
        men: Int?, youth: Int? = nil, soulaliyate: Bool? = nil
    ) -> CooperativeRecord {
        CooperativeRecord(
            registrationId: id, name: "Coop \(id)", creationDate: Day(iso: date)!, regionCode: RegionCode(region),
            provinceIndex: province.flatMap { reference.matchProvince($0) }, commune: "",
            sectorIndex: reference.sectorIndex(code: sector)!, membersTotal: total, membersWomen: women, membersMen: men,
            membersYouth: youth, capitalCents: nil, status: "", soulaliyate: soulaliyate)
    }

    var records: [CooperativeRecord] {
        [
            record("P1", "2024-02-10", "07", "Marrakech", "agriculture", total: 10, women: 4, men: 6, youth: 2, soulaliyate: true),
            record("P2", "2024-05-03", "07", "Marrakech", "artisanat", total: 6, women: 6, men: 0, soulaliyate: false),
            record("P3", "2024-08-20", "07", "Safi", "agriculture", total: 8, women: nil, men: nil, youth: 3),
            record("P4", "2024-11-11", "07", nil, "agriculture", total: 5, women: 2, men: 3, youth: 1),
            record("P5", "2024-12-01", "07", nil, "argane", total: 7, women: 7, men: 0),
            record("P6", "2023-06-01", "07", "Essaouira", "agriculture", total: 9, women: 3, men: 6),
            record("Q1", "2024-03-03", "09", "Taroudant", "argane", total: 12, women: 12, men: 0, youth: 4),
        ]
    }

    func context(_ language: Language) -> ReportContext {
        var file = FileQuality(file: "registries/all.csv", encoding: "utf-8", delimiter: "tab")
        file.rowsRead = 10
        file.accepted = 7
        file.rejected = 2
        file.duplicates = 1
        file.duplicateConflicts = 1
        var refused = FileQuality(file: "registries/old.csv")
        refused.refusal = "registries/old.csv:1: file refused: missing required column 'sector'"
        refused.refusalValues = .missingField(.sector, line: 1, headersFound: ["id", "date"])
        let files = [file, refused]
        let analysis = Analysis(
            records: records, files: files, reference: reference, period: .year(2024), range: .standard,
            scope: AnalysisScope(region: RegionCode("07")), language: language)
        let rejects = [
            RejectedRow(
                file: "registries/all.csv", line: 3, registrationId: "R1", field: .row, value: "a;b",
                reason: .fieldCount(expected: 7, found: 5)),
            RejectedRow(
                file: "registries/all.csv", line: 4, registrationId: "R2", field: .membersWomen, value: "12",
                reason: .exceedsTotal("women")),
        ]
        var kept = records[0]
        kept.soulaliyate = false
        let conflict = DuplicateConflict(
            replacedFile: "registries/all.csv", replacedLine: 2, keptFile: "registries/all.csv", keptLine: 9,
            replaced: records[0], kept: kept)
        return ReportContext(
            analysis: analysis, reference: reference, files: files, rejects: RejectLog(rejects), conflicts: [conflict], inputs: [],
            options: [("period", "2024"), ("lang", language.rawValue), ("region", "07")], version: "0.0-test",
            asOf: Day(iso: "2024-12-31")!)
    }

    func cells(_ line: String) -> [String] {
        line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func testFrenchTextRanksProvincesAndListsTheNotReportedRowLast() {
        let text = TextReport.render(context(.fr))
        let lines = text.components(separatedBy: "\n")
        let ranking = Array(lines.drop { !$0.hasPrefix("Provinces et préfectures classées") }.dropFirst(4).prefix { !$0.hasPrefix("  ─") })
        // The 8 provinces of 07 (Marrakech 2, Safi 1, six with none in 2024), then the 2 without a province, unranked,
        // though they outnumber Safi: 2 of 5 = 40,0 %, 12 members, women 9 / 12 = 75,0 %.
        XCTAssertEqual(ranking.count, 9, ranking.joined(separator: "\n"))
        XCTAssertEqual(cells(ranking[0]), ["1", "Marrakech", "2", "40,0 %", "16", "62,5 %"])
        XCTAssertEqual(cells(ranking[1]), ["2", "Safi", "1", "20,0 %", "8", "—"])
        XCTAssertEqual(cells(ranking[2]).prefix(2), ["3", "Chichaoua"])
        XCTAssertEqual(cells(ranking[8]), ["Province non renseignée", "2", "40,0 %", "12", "75,0 %"])
        XCTAssertTrue(ranking[8].hasPrefix("     Province"), ranking[8])
        XCTAssertTrue(text.contains("Acceptées dans le champ de ce rapport (région Marrakech-Safi) : 6."), text)
        XCTAssertTrue(text.contains("registries/old.csv:1 : fichier refusé : la colonne obligatoire « Secteur » manque"), text)
    }

    func testSoulaliyateOnlyShowsUnreportedYearsAsDashes() {
        // Only P1 and P2 (2024) report the flag in 07; P6 (2023) does not: 2023 is not reported. 2005–2022
        // created nothing in 07: their 0 is true.
        let reference = self.reference!
        let analysis = Analysis(
            records: records, files: [], reference: reference, period: .year(2024), range: .standard,
            scope: AnalysisScope(region: RegionCode("07"), onlySoulaliyate: true), language: .fr)
        let text = TextReport.render(
            ReportContext(
                analysis: analysis, reference: reference, files: [], rejects: [], conflicts: [], inputs: [], options: [],
                version: "0.0-test", asOf: Day(iso: "2024-12-31")!))
        XCTAssertEqual(cells(text.components(separatedBy: "\n").first { $0.hasPrefix("  2023") } ?? ""), ["2023", "—", "—"])
        XCTAssertEqual(cells(text.components(separatedBy: "\n").first { $0.hasPrefix("  2024") } ?? "").first, "2024")
        XCTAssertEqual(cells(text.components(separatedBy: "\n").first { $0.hasPrefix("  2022") } ?? ""), ["2022", "0", "0"])
        XCTAssertTrue(text.contains("Aucun registre n’indique si les coopératives créées en 2023 sont soulaliyates"), text)
    }

    /// English keys a reader must never see as a workbook cell in French or Arabic (code columns aside).
    static let englishKeys: Set<String> = Set(
        ["women", "men", "not_reported", "soulaliyate", "other", "TOTAL", "tab", "yes", "no"]
            + RegistryField.allCases.map(\.rawValue))

    func testFrenchAndArabicWorkbooksShowNoEnglishKey() throws {
        for language in [Language.fr, .ar] {
            let path = directory.appendingPathComponent("regional-\(language.rawValue).xlsx").path
            try WorkbookWriter.write(context(language), to: path)
            let book = try WorkbookReader(path: path)
            let labels = WorkbookLabels.of(language)
            let codeHeaders = Set(["region_code", "sector_code", "reason_code"].map { labels.header($0) })
            for sheet in book.sheets {
                // Columns of code (region_code, sector_code, reason_code) keep their codes.
                var codeCells = Set<String>()
                for table in sheet.tables {
                    let corners = table.reference.split(separator: ":").map(String.init)
                    let firstRow = Int(corners[0].drop { $0.isLetter }) ?? 0
                    let lastRow = Int(corners[1].drop { $0.isLetter }) ?? 0
                    let firstColumn = Int(corners[0].unicodeScalars.first!.value) - 65
                    for (index, column) in table.columns.enumerated() where codeHeaders.contains(column.name) {
                        let letter = String(UnicodeScalar(UInt8(65 + firstColumn + index)))
                        for row in firstRow...lastRow { codeCells.insert(letter + String(row)) }
                    }
                }
                for cell in sheet.cells.values where cell.isText && !codeCells.contains(cell.reference) {
                    XCTAssertFalse(Self.englishKeys.contains(cell.value), "\(language) \(sheet.name)!\(cell.reference): \(cell.value)")
                }
            }
            let names = book.sheetNames
            for key in ["by_province", "province_sector", "province_matrix", "year_province", "quarter_province", "youth_by_province"] {
                XCTAssertTrue(names.contains(labels.sheet(key)), "\(language): \(key) in \(names)")
            }
            for key in ["matrix", "year_region", "quarter_region"] {
                XCTAssertFalse(names.contains(labels.sheet(key)), "\(language): no one-column \(key)")
            }
            XCTAssertEqual(language == .ar ? labels.sheet("by_community") : "", language == .ar ? "الجماعات السلالية" : "")
        }
    }

    /// The category names a chart's first series reads, from the cells of `sheet` its reference names.
    func chartNames(_ chart: ReadChart, in sheet: ReadSheet) throws -> [String] {
        let reference = try XCTUnwrap(chart.series.first?.categoriesReference)
        let cells = reference.split(separator: "!").last.map { $0.replacingOccurrences(of: "$", with: "") } ?? ""
        let corners = cells.split(separator: ":").map(String.init)
        let column = String(corners[0].prefix { $0.isLetter })
        let first = Int(corners[0].drop { $0.isLetter }) ?? 0
        let last = Int(corners[corners.count - 1].drop { $0.isLetter }) ?? 0
        return (first...last).map { sheet.cell(column + String($0))?.value ?? "" }
    }

    func testFrenchWorkbookIsShapedByProvince() throws {
        let path = directory.appendingPathComponent("regional-fr.xlsx").path
        try WorkbookWriter.write(context(.fr), to: path)
        let book = try WorkbookReader(path: path)
        let labels = WorkbookLabels.of(.fr)

        // by_province: Marrakech, Safi, then the not-reported row labelled (A3 header, data from row 4).
        let provinces = try XCTUnwrap(book.sheet(named: labels.sheet("by_province")))
        XCTAssertEqual(["B4", "B5", "B6"].map { provinces.cell($0)?.value }, ["Marrakech", "Safi", "Province non renseignée"])
        XCTAssertEqual(["C4", "C5", "C6", "C7"].map { provinces.cell($0)?.value }, ["2", "1", "2", "5"])

        // year × province: Marrakech, Essaouira (2023), Safi, not reported; 2024 (the 20th year) = 2, 0, 1, 2, total 5.
        let grid = try XCTUnwrap(book.tables.first { $0.name == "year_province" })
        XCTAssertEqual(grid.columnNames, ["Année", "Marrakech", "Essaouira", "Safi", "Province non renseignée", "Total"])
        let gridSheet = try XCTUnwrap(book.sheet(named: labels.sheet("year_province")))
        XCTAssertEqual(["A23", "B23", "C23", "D23", "E23", "F23"].map { gridSheet.cell($0)?.value }, ["2024", "2", "0", "1", "2", "5"])
        XCTAssertEqual(["A22", "C22", "F22"].map { gridSheet.cell($0)?.value }, ["2023", "1", "1"])

        // sector × province: agriculture row = Marrakech 1 (P1), Safi 1 (P3), not reported 1 (P4), total 3.
        let matrix = try XCTUnwrap(book.tables.first { $0.name == "sector_province_matrix" })
        XCTAssertEqual(matrix.columnNames, ["Code secteur", "Secteur", "Marrakech", "Safi", "Province non renseignée", "Total"])
        let matrixSheet = try XCTUnwrap(book.sheet(named: labels.sheet("province_matrix")))
        XCTAssertEqual(["A4", "C4", "D4", "E4", "F4"].map { matrixSheet.cell($0)?.value }, ["agriculture", "1", "1", "1", "3"])

        // The youth chart draws youth_by_province's provinces (Marrakech 2/10, Safi 3/8, not reported 1/5),
        // ranked by share, the not-reported row last though it ties with Marrakech.
        let youth = try XCTUnwrap(book.sheet(named: labels.sheet("youth_by_province")))
        XCTAssertEqual(youth.charts.count, 1)
        XCTAssertEqual(["F4", "F5", "F6"].map { youth.cell($0)?.value }, ["0.2", "0.375", "0.2"])
        XCTAssertEqual(try chartNames(youth.charts[0], in: youth), ["Safi", "Marrakech", "Province non renseignée"])
        // The places chart of the Summary: Marrakech 2, Safi 1, then the 2 without a province, unranked.
        let places = try XCTUnwrap(book.sheet(named: labels.sheet("by_province")))
        let summaryChart = try XCTUnwrap(
            book.sheet(named: labels.sheet("summary"))?.charts.first {
                $0.series.first?.categoriesReference?.contains(places.name) ?? false
            })
        XCTAssertEqual(try chartNames(summaryChart, in: places), ["Marrakech", "Safi", "Province non renseignée"])
        XCTAssertTrue(book.sheet(named: labels.sheet("youth_by_region"))?.charts.isEmpty ?? false)

        // Data quality: values and details in French, the counts said to cover all regions.
        let quality = try XCTUnwrap(book.sheets.last)
        let texts = Set(quality.cells.values.filter(\.isText).map(\.value))
        XCTAssertTrue(texts.contains("Total"))
        XCTAssertTrue(texts.contains("tabulation"))
        XCTAssertTrue(texts.contains("Ligne entière"))
        XCTAssertTrue(
            texts.contains(
                "la ligne a 5 champs alors que l’en-tête en a 7 ; vérifiez qu’un séparateur ne manque pas ou n’est pas en trop"))
        XCTAssertTrue(texts.contains("le nombre de femmes dépasse l’effectif total"))
        XCTAssertTrue(texts.contains("Soulaliyate = oui"))
        XCTAssertTrue(texts.contains("Soulaliyate = non"))
        XCTAssertTrue(
            texts.contains(
                "Les fichiers lus couvrent toutes les régions : les comptes ci-dessus portent sur toutes les régions. Acceptées dans le champ de ce rapport (région Marrakech-Safi) : 6."
            ))
        XCTAssertTrue(
            texts.contains {
                $0.hasPrefix(
                    "Refusé : registries/old.csv:1 : fichier refusé : la colonne obligatoire « Secteur » manque (en-têtes trouvés : id, date)"
                )
            })
    }
}
