import CoopDomain
import CoopTestSupport
import CoopTransform
import Foundation
import XCTest

@testable import CoopExport

/// A small hand-written world for the report tests: the real reference tables and 16 cooperatives
/// across 2023–2024 whose figures are computed by hand in the tests.
enum TextReportFixture {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Reads a CSV file with quoted fields (`"a, b"`, `""` for a quote) into header → value rows.
    static func readCSV(_ url: URL) throws -> ReferenceTable {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        let header = records.first ?? []
        let rows = records.dropFirst().filter { $0 != [""] }.map { values in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < values.count ? values[$0.offset] : "") })
        }
        return ReferenceTable(file: url.lastPathComponent, rows: Array(rows))
    }

    static func reference() throws -> ReferenceData {
        let folder = repoRoot.appendingPathComponent("datasets/reference")
        // The 1997 regions play no part in a report, and the bundled legacy_regions.csv currently
        // clashes with regions.csv (alias "L'Oriental"), so the fixture leaves them out.
        return try ReferenceData(
            regions: readCSV(folder.appendingPathComponent("regions.csv")),
            legacyRegions: ReferenceTable(file: "legacy_regions.csv", rows: []),
            provinces: readCSV(folder.appendingPathComponent("provinces.csv")),
            sectors: readCSV(folder.appendingPathComponent("sectors.csv")))
    }

    /// id, date, region, province, sector, total, women, men, youth, capital cents, soulaliyate.
    typealias Row = (String, String, String, String?, String, Int, Int?, Int?, Int?, Int64?, Bool?)
    static let rows: [Row] = [
        // 2024 Q4
        ("A-001", "2024-10-05", "07", "Marrakech", "agriculture", 10, 4, 6, 3, 1_250_050, true),
        ("A-002", "2024-11-12", "07", "Al Haouz", "argane", 8, 8, 0, 2, 500_000, true),
        ("A-003", "2024-12-31", "09", "Taroudant", "argane", 12, 12, 0, nil, 2_000_025, false),
        ("A-004", "2024-10-20", "06", nil, "artisanat", 7, nil, nil, 1, nil, nil),
        ("A-005", "2024-11-30", "01", "Tanger-Assilah", "services", 15, 5, 10, 6, 10_000_000, false),
        ("A-006", "2024-12-01", "07", "Safi", "agriculture", 9, nil, nil, nil, 300_010, true),
        // 2024 Q3
        ("B-001", "2024-07-15", "07", "Essaouira", "agriculture", 20, 10, 10, 5, 800_000, false),
        ("B-002", "2024-09-30", "03", nil, "denrees_alimentaires", 11, 3, 8, nil, nil, nil),
        ("B-003", "2024-08-01", "09", "Tiznit", "argane", 6, 6, 0, 0, 250_000, true),
        // 2023 Q4
        ("C-001", "2023-10-01", "07", "Marrakech", "agriculture", 5, 2, 3, nil, 100_000, nil),
        ("C-002", "2023-12-15", "04", nil, "habitat", 30, 10, 20, 10, 5_000_000, false),
        // 2024 Q1, Q2
        ("D-001", "2024-02-29", "08", nil, "agriculture", 7, 7, 0, 7, 70_000, true),
        ("D-002", "2024-05-05", "05", nil, "artisanat", 4, nil, nil, nil, nil, nil),
        // 2023 Q1–Q3
        ("E-001", "2023-03-10", "02", nil, "peche", 25, 0, 25, 5, 25_000_099, false),
        ("E-002", "2023-06-21", "07", "Chichaoua", "pam", 9, 9, 0, nil, 90_000, true),
        ("E-003", "2023-08-08", "10", nil, "transport", 3, 1, 2, nil, nil, nil),
    ]

    static func records(_ reference: ReferenceData) -> [CooperativeRecord] {
        rows.map { row in
            CooperativeRecord(
                registrationId: row.0, name: "Coopérative \(row.0)", creationDate: Day(iso: row.1)!,
                regionCode: RegionCode(row.2), provinceIndex: row.3.flatMap { reference.matchProvince($0) },
                commune: "", sectorIndex: reference.sectorIndex(code: row.4)!, membersTotal: row.5,
                membersWomen: row.6, membersMen: row.7, membersYouth: row.8, capitalCents: row.9,
                status: "active", soulaliyate: row.10)
        }
    }

    static var files: [FileQuality] {
        var a = FileQuality(file: "registries/2023.csv", encoding: "utf-8", delimiter: ";")
        a.rowsRead = 8
        a.accepted = 6
        a.rejected = 1
        a.duplicates = 1
        a.duplicateConflicts = 1
        a.skippedBlank = 2
        var b = FileQuality(file: "registries/2024.csv", encoding: "windows-1256", delimiter: "\t")
        b.rowsRead = 12
        b.accepted = 10
        b.rejected = 2
        b.unknownSector = 1
        var c = FileQuality(file: "registries/old_office.csv")
        c.refusal = "registries/old_office.csv:1: file refused: missing required column 'creation_date'"
        c.refusalValues = .missingField(.creationDate, line: 1, headersFound: ["id", "region", "secteur"])
        return [a, b, c]
    }

    static var rejects: [RejectedRow] {
        [
            RejectedRow(
                file: "registries/2023.csv", line: 4, registrationId: "X-1", field: .region, value: "Atlantis", reason: .unknownRegion),
            RejectedRow(
                file: "registries/2024.csv", line: 7, registrationId: "X-2", field: .creationDate, value: "31/02/2024", reason: .invalidDate
            ),
            RejectedRow(
                file: "registries/2024.csv", line: 9, registrationId: "X-3", field: .region, value: "Nowhere", reason: .unknownRegion),
        ]
    }

    static func context(
        period: Period, language: Language = .en, scope: AnalysisScope = AnalysisScope(),
        asOf: Day? = nil, today: Day? = nil
    ) throws -> ReportContext {
        let reference = try reference()
        let analysis = Analysis(
            records: records(reference), files: files, reference: reference, period: period,
            range: .standard, scope: scope, language: language, today: today)
        let end = analysis.reported.days.end
        return ReportContext(
            analysis: analysis, reference: reference, files: files, rejects: RejectLog(rejects), conflicts: [],
            inputs: [
                InputDescription(
                    path: "registries/2023.csv", size: 1234,
                    sha256: String(repeating: "ab", count: 32), encoding: "utf-8",
                    delimiter: ";", rowsRead: 8),
                InputDescription(
                    path: "registries/2024.csv", size: 2048,
                    sha256: String(repeating: "0f", count: 32), encoding: "windows-1256",
                    delimiter: "\t", rowsRead: 12),
            ],
            options: [(key: "period", value: period.label), (key: "lang", value: language.rawValue)],
            version: "0.1.0-test", asOf: asOf ?? end)
    }
}

final class TextReportTests: XCTestCase {
    func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    func line(_ text: String, startingWith prefix: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> String {
        let found = lines(text).first { $0.hasPrefix(prefix) }
        XCTAssertNotNil(found, "no line starts with '\(prefix)'", file: file, line: lineNumber)
        return found ?? ""
    }

    /// The cells of a table line (split on runs of two or more spaces).
    func cells(_ line: String) -> [String] {
        line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: Golden files

    func checkGolden(_ language: Language, scope: AnalysisScope = AnalysisScope(), suffix: String = "") throws {
        let text = TextReport.render(
            try TextReportFixture.context(
                period: .quarter(Quarter(year: 2024, index: 4)!),
                language: language, scope: scope))
        let url = TextReportFixture.repoRoot.appendingPathComponent("Tests/CoopExportTests/Golden/report_\(language.rawValue)\(suffix).txt")
        if let failure = try GoldenFile(url).check(text) { XCTFail(failure) }
    }

    func testGoldenEnglish() throws { try checkGolden(.en) }
    func testGoldenFrench() throws { try checkGolden(.fr) }
    func testGoldenArabic() throws { try checkGolden(.ar) }
    func testGoldenRegionalFrench() throws { try checkGolden(.fr, scope: AnalysisScope(region: RegionCode("07")), suffix: "_region07") }
    func testGoldenRegionalArabic() throws { try checkGolden(.ar, scope: AnalysisScope(region: RegionCode("07")), suffix: "_region07") }
    func testGoldenRegionalSoulaliyate() throws {
        try checkGolden(.en, scope: AnalysisScope(region: RegionCode("07"), onlySoulaliyate: true), suffix: "_region07_soulaliyate")
    }

    // MARK: Hand-computed figures (2024 Q4)

    func testHeadlineFiguresMatchHandCount() throws {
        let text = TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2024, index: 4)!)))
        XCTAssertTrue(
            text.hasPrefix(
                "Cooperatives created in Morocco — national\n2024 Q4 (1 October – 31 December 2024)\nData as of 31 December 2024\n"))
        // 6 cooperatives in 2024 Q4; 3 in Q3 (+3, +100%); 2 in 2023 Q4 (+4, +200%); 16 since 2005.
        XCTAssertEqual(
            cells(line(text, startingWith: "  Cooperatives created")),
            ["Cooperatives created", "6", "+3 (+100.0%)", "+4 (+200.0%)", "16"])
        // Members 10+8+12+7+15+9 = 61; Q3 37 (+24, 24/37 = 64.86%); 2023 Q4 35 (+26, 74.29%); all 181.
        XCTAssertEqual(cells(line(text, startingWith: "  Members")), ["Members", "61", "+24 (+64.9%)", "+26 (+74.3%)", "181"])
        // Women 4+8+12+5 = 29, men 6+10 = 16, not reported 7+9 = 16.
        XCTAssertEqual(cells(line(text, startingWith: "    women")), ["women", "29", "+10 (+52.6%)", "+17 (+141.7%)", "77"])
        XCTAssertEqual(cells(line(text, startingWith: "    men")), ["men", "16", "-2 (-11.1%)", "-7 (-30.4%)", "84"])
        XCTAssertEqual(
            cells(line(text, startingWith: "    gender not reported")), ["gender not reported", "16", "+16 (—)", "+16 (—)", "20"])
        // 29/45 = 64.4%; Q3 19/37: +13.09 pts; 2023 Q4 12/35: +30.16 pts; cumulative 77/161 = 47.8%.
        XCTAssertEqual(cells(line(text, startingWith: "  Women's share")), ["Women's share", "64.4%", "+13.1 pts", "+30.2 pts", "47.8%"])
        XCTAssertEqual(
            cells(line(text, startingWith: "  Women's cooperatives")), ["Women's cooperatives", "2", "+1 (+100.0%)", "+2 (—)", "5"])
        // Capital 140,500.85 MAD → 140,501; Q3 10,500 → +130,001 (+1,238.1%); 2023 Q4 51,000 → +89,501 (+175.5%).
        XCTAssertEqual(
            cells(line(text, startingWith: "  Capital (MAD)")),
            ["Capital (MAD)", "140,501", "+130,001 (+1,238.1%)", "+89,501 (+175.5%)", "453,602"])
    }

    func testRankingsAndBreakdownsMatchHandCount() throws {
        let text = TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2024, index: 4)!)))
        // Marrakesh-Safi, A-006 = 3 of 6 (50%), members 27, women 12 of 18 reported (66.7%).
        XCTAssertEqual(cells(line(text, startingWith: "   1  Marrakesh-Safi")), ["1", "Marrakesh-Safi", "3", "50.0%", "27", "66.7%"])
        // All 12 regions are listed in the ranking (8 with no cooperative).
        let ranking = Array(lines(text).drop { !$0.hasPrefix("Regions ranked") }.prefix { !$0.isEmpty })
        XCTAssertEqual(ranking.count, 2 + 2 + 12 + 2)
        XCTAssertEqual(ranking.filter { cells($0).dropFirst(2) == ["0", "0.0%", "0", "—"] }.count, 8)
        // Sectors: agriculture 2, argan 2, handicrafts 1, services 1; 27 - 4 = 23 sectors with none.
        XCTAssertEqual(cells(line(text, startingWith: "  1  Agriculture")), ["1", "Agriculture", "2", "33.3%", "19", "40.0%"])
        XCTAssertEqual(cells(line(text, startingWith: "  2  Argan")), ["2", "Argan", "2", "33.3%", "20", "100.0%"])
        XCTAssertTrue(text.contains("\nSectors with no cooperative created in the period: 23 (Housing, Foodstuffs, "))
        // The 23 are named: every sector of the taxonomy but the four above.
        let named = text.components(separatedBy: "in the period: 23 (").last?.components(separatedBy: ")\n\n").first ?? ""
        let reference = try TextReportFixture.reference()
        let none = reference.sectors.map { $0.name(in: .en) }.filter { !["Agriculture", "Argan", "Handicrafts", "Services"].contains($0) }
        XCTAssertEqual(none.count, 23)
        XCTAssertEqual(named.replacingOccurrences(of: "\n", with: " "), none.joined(separator: ", "))
        // Communities: soulaliyate, A-006 (27 members, youth 5); other A-003, A-005 (27, youth 6); not reported A-004 (7, youth 1).
        XCTAssertEqual(cells(line(text, startingWith: "  Soulaliyate")), ["Soulaliyate", "3", "50.0%", "27", "66.7%", "5"])
        XCTAssertEqual(cells(line(text, startingWith: "  Other")), ["Other", "2", "33.3%", "27", "63.0%", "6"])
        // Youth: reported by: 12 young of 40 members = 30.0%.
        XCTAssertTrue(text.contains("Youth share over the cooperatives that report youth: 30.0% (4 cooperatives, 40 members)."))
        // Trend: 2023 has 5, 2024 has 11, cumulative 16; 2024 fills the 40-cell bar.
        XCTAssertEqual(cells(line(text, startingWith: "  2024")), ["2024", "11", String(repeating: "█", count: 40), "16"])
        // 5/11 of 40 cells = 18.18 cells = 18 full + 1/8 (145.45 eighths rounds to 145).
        XCTAssertEqual(cells(line(text, startingWith: "  2023")), ["2023", "5", String(repeating: "█", count: 18) + "▏", "5"])
        XCTAssertEqual(cells(line(text, startingWith: "  2005")), ["2005", "0", "0"])
        // Data quality: 20 rows read, 16 accepted, 3 rejected (2 unknown region, 1 invalid date), 1 duplicate.
        XCTAssertTrue(text.contains("Files read: 3. Rows read: 20; accepted: 16; rejected: 3; duplicates: 1 (with differing values: 1)."))
        XCTAssertTrue(text.contains("\n  2  unknown region\n  1  creation date is not a real date\n"))
        XCTAssertTrue(
            text.contains(
                "  registries/old_office.csv:1: file refused: the required column 'Creation date' is missing (headers\n"
                    + "  found: id, region, secteur); add the column or rename a header\n"))
        XCTAssertEqual(
            cells(line(text, startingWith: "  registries/2024.csv")), ["registries/2024.csv", "windows-1256", "tab", "12", "10", "2", "0"])
    }

    func testFrenchAndArabicNumberStyle() throws {
        let fr = TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2024, index: 4)!), language: .fr))
        XCTAssertTrue(fr.hasPrefix("Coopératives créées au Maroc — ensemble du territoire\nT4 2024 (1er octobre – 31 décembre 2024)\n"))
        XCTAssertEqual(
            cells(line(fr, startingWith: "  Part des femmes")), ["Part des femmes", "64,4 %", "+13,1 pts", "+30,2 pts", "47,8 %"])
        XCTAssertEqual(
            cells(line(fr, startingWith: "  Capital (MAD)")),
            ["Capital (MAD)", "140 501", "+130 001 (+1 238,1 %)", "+89 501 (+175,5 %)", "453 602"])
        // The Arabic figures carry bidi isolates (see ArabicReportBidiTests); compared here without them.
        let ar = FigureStyle.withoutIsolates(
            TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2024, index: 4)!), language: .ar)))
        XCTAssertTrue(ar.contains("(1 أكتوبر – 31 دجنبر 2024)"))
        XCTAssertEqual(cells(line(ar, startingWith: "  نسبة النساء")), ["نسبة النساء", "64.4%", "+13.1 نقطة", "+30.2 نقطة", "47.8%"])
        XCTAssertTrue(ar.contains("1  مراكش - آسفي"))
    }

    // MARK: Width, zero quarters, scopes

    func testEveryLineFitsInHundredColumns() throws {
        let periods: [Period] = [
            .quarter(Quarter(year: 2024, index: 4)!), .quarter(Quarter(year: 2022, index: 3)!), .year(2024),
            .years(2023, 2024), .all,
        ]
        let scopes = [
            AnalysisScope(), AnalysisScope(region: RegionCode("07")), AnalysisScope(onlySoulaliyate: true),
            AnalysisScope(region: RegionCode("09"), onlySoulaliyate: true),
        ]
        for language in Language.allCases {
            for period in periods {
                for scope in scopes {
                    let text = TextReport.render(try TextReportFixture.context(period: period, language: language, scope: scope))
                    XCTAssertTrue(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
                    for line in lines(text) {
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line), 100, "\(language) \(period.label): \(line)")
                        // Right-to-left tables pad their lines to one width (so RTL viewers keep the columns aligned).
                        if !language.isRightToLeft {
                            XCTAssertFalse(line.hasSuffix(" "), "trailing space: \(line)")
                        }
                    }
                }
            }
        }
    }

    func testZeroCreationQuarterRendersDashes() throws {
        // 2022 Q3: nothing created, nothing in 2022 Q2 or 2021 Q3 either.
        let text = TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2022, index: 3)!)))
        XCTAssertEqual(
            cells(line(text, startingWith: "  Cooperatives created")),
            ["Cooperatives created", "0", "0 (—)", "0 (—)", "0"])
        XCTAssertEqual(cells(line(text, startingWith: "  Women's share")), ["Women's share", "—", "—", "—", "—"])
        XCTAssertTrue(text.contains("Sectors with no cooperative created in the period: 27"))
        XCTAssertTrue(text.contains("report youth: — (0 cooperatives, 0 members)."))
        XCTAssertFalse(text.contains("nan") || text.contains("inf"))
        // A quarter with creations after an empty one: 2024 Q1 (D-001) vs 2023 Q4 (2) and 2023 Q1 (E-001).
        let q1 = TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2024, index: 1)!)))
        XCTAssertEqual(
            cells(line(q1, startingWith: "  Cooperatives created")),
            ["Cooperatives created", "1", "-1 (-50.0%)", "0 (0.0%)", "6"])
    }

    func testYearAndRangePeriods() throws {
        let year = TextReport.render(try TextReportFixture.context(period: .year(2024)))
        // 2024: 11 cooperatives vs 5 in 2023: +6 (+120%).
        XCTAssertEqual(cells(line(year, startingWith: "  Cooperatives created")), ["Cooperatives created", "11", "+6 (+120.0%)", "16"])
        XCTAssertTrue(year.contains("vs 2023"))
        let all = TextReport.render(try TextReportFixture.context(period: .all))
        XCTAssertTrue(all.contains("\nAll years (1 January 2005 – 31 December 2024)\n"))
        XCTAssertEqual(cells(line(all, startingWith: "  Cooperatives created")), ["Cooperatives created", "16"])
    }

    func testRegionalAndSoulaliyateScope() throws {
        let text = TextReport.render(
            try TextReportFixture.context(
                period: .quarter(Quarter(year: 2024, index: 4)!),
                scope: AnalysisScope(region: RegionCode("07"), onlySoulaliyate: true)))
        XCTAssertTrue(text.hasPrefix("Cooperatives created in Morocco — Marrakesh-Safi region, soulaliyate cooperatives only\n"))
        XCTAssertTrue(text.contains("Provinces ranked by cooperatives created"))
        // Soulaliyate in 07, 2024 Q4: A-001 Marrakech, A-002 Al Haouz, A-006 Safi; vs Q3 (B-001 is not soulaliyate): 0.
        XCTAssertEqual(
            cells(line(text, startingWith: "  Cooperatives created")),
            ["Cooperatives created", "3", "+3 (—)", "+3 (—)", "4"])
        let ranking = Array(lines(text).drop { !$0.hasPrefix("Provinces ranked") }.prefix { !$0.isEmpty })
        // The 8 provinces of Marrakech-Safi are listed; the three with one cooperative first, in reference order.
        XCTAssertEqual(ranking.filter { cells($0).count == 6 && cells($0)[2...3] == ["1", "33.3%"] }.count, 3)
        XCTAssertEqual(ranking.count, 2 + 2 + 8 + 2)
        XCTAssertEqual(cells(ranking[4]), ["1", "Marrakech", "1", "33.3%", "10", "40.0%"])
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("Tétouan"), 7)  // precomposed é
        XCTAssertEqual(DisplayWidth.of("Te\u{301}touan"), 7)  // e + combining acute
        XCTAssertEqual(DisplayWidth.of("مُرَاكِش"), 5)  // harakat take no column
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
        XCTAssertEqual(DisplayWidth.of("█▌—…"), 4)
        XCTAssertEqual(DisplayWidth.padLeft("é", to: 3), "  é")
        XCTAssertEqual(DisplayWidth.truncate("Alphabétisation", to: 6), "Alpha…")
        XCTAssertEqual(DisplayWidth.truncateHead("a/b/c/file.csv", to: 9), "…file.csv")
        // Wrapping never splits "60 055" nor leaves a French ":" alone at the start of a line.
        XCTAssertEqual(DisplayWidth.wrap("aaaaaaa bbb 60 055 ccc : dd", width: 12), ["aaaaaaa bbb", "60 055 ccc :", "dd"])
        XCTAssertTrue(DisplayWidth.wrap(String(repeating: "mot ", count: 60), width: 30).allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    func testNumberStyles() {
        XCTAssertEqual(FigureStyle(.en).integer(60_055), "60,055")
        XCTAssertEqual(FigureStyle(.fr).integer(60_055), "60 055")
        XCTAssertEqual(FigureStyle(.ar).integer(1_234_567), "1,234,567")
        XCTAssertEqual(FigureStyle(.en).percent(Ratio(341, 1000)), "34.1%")
        XCTAssertEqual(FigureStyle(.fr).percent(Ratio(341, 1000)), "34,1 %")
        XCTAssertEqual(FigureStyle(.en).percent(Ratio(1, 0)), "—")
        XCTAssertEqual(FigureStyle(.en).change(-3, base: 7), "-3 (-42.9%)")
        XCTAssertEqual(FigureStyle(.en).dirhams(1_250_050), "12,501")
        XCTAssertEqual(FigureStyle(.en).dirhams(1_250_049), "12,500")
        XCTAssertEqual(TrendBar.bar(1, maximum: 8, width: 1), "▏")
        XCTAssertEqual(TrendBar.bar(4, maximum: 8, width: 2), "█")
        XCTAssertEqual(TrendBar.bar(0, maximum: 0, width: 40), "")
    }
}
