import CoopTestSupport
import Foundation
import XCTest

/// Runs the built `coopstat` on a two-file fixture whose expected figures are worked out by hand below.
final class RunFixtureTests: XCTestCase {
    /// a.csv: UTF-8, comma, canonical headers.
    ///   R1 2024Q2 Marrakech-Safi (province Essaouira) argane 10 members, 10 women → men 0; capital 12 500,50
    ///   R2 2024Q2 Marrakech-Safi agriculture 8 = 2 women + 6 men, capital 1000 — replaced later by b.csv (conflict)
    ///   R3 2024Q1 Souss-Massa artisanat 12, gender not reported
    ///   R4 2023Q2 Souss-Massa-Drâa (split) with province Tinghir → Drâa-Tafilalet (08); 7 = 3 + 4
    ///   R5 unknown region Atlantide → rejected
    ///   R6 2024Q2 region 01, unknown sector → other; 5 = 0 + 5; capital 500.25
    static let fileA = """
        registration_id,name,creation_date,region,province,sector,members_total,members_women,members_men,capital_mad
        R1,Coop A,2024-04-10,07,Essaouira,argane,10,10,,"12 500,50"
        R2,Coop B,15/05/2024,Marrakech-Safi,,agriculture,8,2,6,1000
        R3,Coop C,2024-01-20,09,,artisanat,12,,,
        R4,Coop D,2023-06-30,Souss-Massa-Drâa,Tinghir,agriculture,7,3,4,
        R5,Coop E,2024-05-05,Atlantide,,agriculture,7,,,
        R6,Coop F,2024-06-01,01,,Astronautique,5,0,5,500.25
        """

    /// b.csv: Windows-1252, semicolons, French headers.
    ///   R2 again (later file wins): 9 members, 3 women → men 6; no capital column
    ///   R7 2024Q2 Rabat-Salé-Kénitra pêche, 6 women → men 0
    ///   (empty id) → rejected
    static let fileB = """
        N° d'agrément;Dénomination;Date de création;Région;Secteur;Nombre d'adhérents;dont femmes\r
        r2 ;Coop B bis;15/05/2024;Marrakech-Safi;Agriculture;9;3\r
        R7;Coopérative Étoile;01/04/2024;Rabat-Salé-Kénitra;Pêche;6;6\r
        ;x;01/04/2024;Rabat;Pêche;6;6\r

        """

    var scratch: ScratchFolder!

    /// XCTest keeps every test case object to the end of the run: dropping the folder here removes it.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws {
        scratch = try ScratchFolder("fixture")
        try scratch.write("in/a.csv", bytes: Array(Self.fileA.utf8))
        // Windows-1252 is Latin-1 for these characters.
        try scratch.write("in/b.csv", bytes: Self.fileB.unicodeScalars.map { UInt8($0.value) })
    }

    func csv(_ relative: String) throws -> [[String]] {
        ReferenceFixture.simpleCSV(try scratch.read(relative))
    }

    func rowsByKey(_ relative: String) throws -> [String: [String: String]] {
        let rows = try csv(relative)
        let header = rows[0]
        var map: [String: [String: String]] = [:]
        for row in rows.dropFirst() { map[row[0]] = Dictionary(uniqueKeysWithValues: zip(header, row)) }
        return map
    }

    func testQuarterRunProducesHandComputedTables() throws {
        let result = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("out"),
            "--period", "2024Q2", "--quiet",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in [
            "by_region", "by_province", "by_sector", "by_gender", "region_sector", "yearly", "quarterly",
            "comparison", "data_quality", "by_community", "youth_by_region", "province_sector", "youth_by_province",
        ] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("out/tables/\(name).csv")), name)
        }
        for name in ["coopstat.txt", "summary.json", "rejects.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("out/\(name)")), name)
        }

        let byRegion = try csv("out/tables/by_region.csv")
        XCTAssertEqual(
            byRegion[0],
            [
                "region_code", "region", "cooperatives", "members_total", "members_women", "members_men",
                "members_gender_unknown", "women_share", "women_cooperatives", "capital_mad",
            ])
        XCTAssertEqual(byRegion.count, 13)
        let regions = try rowsByKey("out/tables/by_region.csv")
        // 07: R1 + R2(b) = 2 cooperatives, 19 members, 13 women, 6 men; share 13/19 = 0.6842; R1 is a women's cooperative.
        XCTAssertEqual(byRegion.first { $0[0] == "07" }, ["07", "Marrakesh-Safi", "2", "19", "13", "6", "0", "0.6842", "1", "12500.50"])
        XCTAssertEqual(
            byRegion.first { $0[0] == "01" }, ["01", "Tanger-Tetouan-Al Hoceima", "1", "5", "0", "5", "0", "0.0000", "0", "500.25"])
        XCTAssertEqual(byRegion.first { $0[0] == "04" }, ["04", "Rabat-Sale-Kenitra", "1", "6", "6", "0", "0", "1.0000", "1", "0.00"])
        XCTAssertEqual(regions["09"]?["cooperatives"], "0")  // R3 is in 2024Q1
        XCTAssertEqual(regions["12"]?["women_share"], "")

        let sectors = try csv("out/tables/by_sector.csv")
        XCTAssertEqual(sectors.last?[0], "other")
        XCTAssertEqual(sectors.last?[2], "1")
        XCTAssertEqual(sectors.first { $0[0] == "agriculture" }?[2], "1")
        XCTAssertEqual(sectors.first { $0[0] == "peche" }?[2], "1")

        // 2024Q2 by province: R6 (01) and R7 (04) name no province, R1 is in Essaouira, R2 (b.csv, no province
        // column) is 07's not-reported row, last in its region: 1 + 1 + 1 + 1 = the quarter's 4 cooperatives.
        let provinces = try csv("out/tables/by_province.csv")
        XCTAssertEqual(
            provinces.dropFirst().map { Array($0[0...3]) },
            [["01", "", "1", "5"], ["04", "", "1", "6"], ["07", "Essaouira", "1", "10"], ["07", "", "1", "9"]])

        let comparison = try csv("out/tables/comparison.csv")
        XCTAssertEqual(
            comparison.map { Array($0[0...4]) },
            [
                ["period", "cooperatives", "members_total", "members_women", "members_men"],
                ["2024Q2", "4", "30", "19", "11"],
                ["2024Q1", "1", "12", "0", "0"],
                ["2023Q2", "1", "7", "3", "4"],
            ])
        XCTAssertEqual(comparison[1][5...7], ["0", "0.6333", "2"])  // 19 / 30
        XCTAssertEqual(comparison[2][5...6], ["12", ""])

        let yearly = try rowsByKey("out/tables/yearly.csv")
        XCTAssertEqual(yearly.count, 20)
        XCTAssertEqual(yearly["2023"]?["cooperatives"], "1")
        XCTAssertEqual(yearly["2024"]?["cooperatives"], "5")
        XCTAssertEqual(yearly["2024"]?["cumulative_cooperatives"], "6")
        let quarterly = try csv("out/tables/quarterly.csv")
        XCTAssertEqual(quarterly.last?[0], "2024Q2")
        XCTAssertEqual(quarterly.last?.last, "6")

        let quality = try csv("out/tables/data_quality.csv")
        XCTAssertEqual(
            quality[0],
            [
                "file", "encoding", "delimiter", "rows_read", "accepted", "rejected", "duplicates",
                "duplicate_conflicts", "unknown_sector", "skipped_blank",
            ])
        XCTAssertEqual(Array(quality[1].dropFirst()), ["utf-8", ",", "6", "4", "1", "1", "1", "1", "0"])
        XCTAssertEqual(Array(quality[2].dropFirst()), ["windows-1252", ";", "3", "2", "1", "0", "0", "0", "0"])
        XCTAssertEqual(quality[3], ["TOTAL", "", "", "9", "6", "2", "1", "1", "1", "0"])
        XCTAssertTrue(quality[1][0].hasSuffix("a.csv"))

        let rejects = try csv("out/rejects.csv")
        XCTAssertEqual(rejects[0], ["file", "line", "registration_id", "field", "value", "reason"])
        XCTAssertEqual(rejects.count, 3)
        XCTAssertEqual(Array(rejects[1][1...4]), ["6", "R5", "region", "Atlantide"])
        XCTAssertEqual(Array(rejects[2][1...4]), ["4", "", "registration_id", ""])

        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("out/summary.json"))))
            as? [String: Any]
        XCTAssertNotNil(summary)
        let headline = summary?["headline"] as? [String: Any]
        XCTAssertEqual(headline?["cooperatives"] as? Int, 4)
        XCTAssertEqual((headline?["capital_mad"] as? NSNumber)?.doubleValue ?? 0, 13000.75, accuracy: 0.001)
        // The unknown sector is listed, per input, in summary.json and in the text report.
        let inputs = summary?["inputs"] as? [[String: Any]]
        XCTAssertEqual(inputs?.first?["unknown_sectors"] as? [String: Int], ["Astronautique": 1])
        XCTAssertEqual(inputs?.first?["unknown_columns"] as? [String], [])
        XCTAssertTrue(try scratch.read("out/coopstat.txt").contains("Astronautique"))
    }

    func testLanguageChangesNamesNotKeys() throws {
        let result = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("ar"),
            "--period", "2024", "--lang", "ar", "--format", "csv,txt", "--quiet",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let byRegion = try csv("ar/tables/by_region.csv")
        XCTAssertEqual(byRegion[0][0], "region_code")
        XCTAssertEqual(byRegion.first { $0[0] == "07" }?[1], "مراكش - آسفي")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("ar/summary.json")))
        XCTAssertTrue(try scratch.read("ar/coopstat.txt").contains("مراكش"))
    }

    func testRegionScopeAndSoulaliyateOnly() throws {
        let result = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("r07"),
            "--period", "all", "--region", "7", "--format", "csv", "--quiet",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let byRegion = try csv("r07/tables/by_region.csv")
        XCTAssertEqual(byRegion.count, 2)
        XCTAssertEqual(Array(byRegion[1][0...3]), ["07", "Marrakesh-Safi", "2", "19"])
        XCTAssertEqual(try csv("r07/tables/by_gender.csv").count, 4)
    }

    func testRegionGivenByAnyAliasAndUnknownOneListsTheRegions() throws {
        let byCode = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("code"), "--period", "all", "--region", "07",
            "--format", "csv,json", "--quiet",
        ])
        XCTAssertEqual(byCode.status, 0, byCode.stderr)
        for (index, alias) in ["Marrakech-Safi", "  marrakech safi ", "جهة مراكش آسفي"].enumerated() {
            let result = try CoopstatBinary.run([
                "run", "--input", scratch.path("in"), "--output", scratch.path("alias\(index)"), "--period", "all",
                "--region", alias, "--format", "csv,json", "--quiet",
            ])
            XCTAssertEqual(result.status, 0, "\(alias): \(result.stderr)")
            for table in ["by_region", "by_province", "province_sector", "youth_by_province"] {
                XCTAssertEqual(
                    try scratch.read("alias\(index)/tables/\(table).csv"), try scratch.read("code/tables/\(table).csv"), "\(alias) \(table)"
                )
            }
            // The region is recorded by its code, however it was named.
            XCTAssertTrue(try scratch.read("alias\(index)/summary.json").contains("\"region\" : \"07\""), alias)
        }
        let unknown = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("none"), "--region", "Atlantide", "--quiet",
        ])
        XCTAssertEqual(unknown.status, 64)
        let lines = unknown.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("region 'Atlantide' is not a 2015 region"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("01 Tanger-Tétouan-Al Hoceïma"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("07 Marrakech-Safi"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("12 Dakhla-Oued Ed-Dahab"), unknown.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("none/summary.json")))
    }

    func testValidateAndExitCodes() throws {
        let validate = try CoopstatBinary.run(["validate", "--input", scratch.path("in")])
        XCTAssertEqual(validate.status, 65)
        XCTAssertTrue(validate.stdout.contains("TOTAL"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("unknown_region"), validate.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("out")))

        try scratch.write("clean/a.csv", bytes: Array("id,creation_date,region,sector,members\nX1,2020-01-01,07,agriculture,9\n".utf8))
        XCTAssertEqual(try CoopstatBinary.run(["validate", "--input", scratch.path("clean")]).status, 0)

        let badPeriod = try CoopstatBinary.run(["run", "--input", scratch.path("in"), "--output", scratch.path("x"), "--period", "2024Q5"])
        XCTAssertEqual(badPeriod.status, 64)
        XCTAssertTrue(badPeriod.stderr.contains("2024Q5"), badPeriod.stderr)
        XCTAssertEqual(badPeriod.stderr.split(separator: "\n").count, 1, badPeriod.stderr)
        XCTAssertEqual(
            try CoopstatBinary.run(["run", "--input", scratch.path("in"), "--output", scratch.path("x"), "--period", "2030"]).status, 64)
        XCTAssertEqual(
            try CoopstatBinary.run(["run", "--input", scratch.path("in"), "--output", scratch.path("x"), "--lang", "de"]).status, 64)

        // A period before Excel's first date (year 1) is a valid, empty report, not an output error:
        // the workbook shows the days it cannot hold as text.
        let yearOne = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("one"), "--range-start", "0001-01-01", "--period", "0001Q1",
            "--today", "2025-01-15",
        ])
        XCTAssertEqual(yearOne.status, 0, yearOne.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("one/coopstat.xlsx")))
        XCTAssertEqual(try rowsByKey("one/tables/comparison.csv")["0001Q1"]?["cooperatives"], "0")

        let missing = try CoopstatBinary.run(["run", "--input", scratch.path("nope.csv"), "--output", scratch.path("x")])
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.stderr.contains("nope.csv"), missing.stderr)

        try scratch.write("plainfile", bytes: [])
        let unwritable = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("plainfile/out"), "--format", "csv",
        ])
        XCTAssertEqual(unwritable.status, 73, unwritable.stderr)

        // A refused file (missing creation date column): other files still run, exit 65 at the end.
        try scratch.write("in/c.csv", bytes: Array("id,region,sector,members\nZ1,07,agriculture,9\n".utf8))
        let refused = try CoopstatBinary.run([
            "run", "--input", scratch.path("in"), "--output", scratch.path("y"), "--format", "csv", "--quiet",
        ])
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.stderr.contains("c.csv") && refused.stderr.contains("creation_date"), refused.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("y/tables/by_region.csv")))

        let threshold = try CoopstatBinary.run([
            "run", "--input", scratch.path("in/a.csv"), "--output", scratch.path("z"),
            "--format", "csv", "--reject-threshold", "0", "--quiet",
        ])
        XCTAssertEqual(threshold.status, 65)
    }

    func testOutputFolderKeepsUserFilesAndDropsOnlyItsOwnOldOutputs() throws {
        try scratch.write("out/README.md", bytes: Array("mine".utf8))
        XCTAssertEqual(
            try CoopstatBinary.run(["run", "--input", scratch.path("in"), "--output", scratch.path("out"), "--quiet"]).status, 0)
        XCTAssertEqual(
            try CoopstatBinary.run(["run", "--input", scratch.path("in"), "--output", scratch.path("out"), "--format", "json", "--quiet"])
                .status, 0)
        XCTAssertEqual(try scratch.read("out/README.md"), "mine")
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("out/summary.json")))
        // Not a mix of two runs: the first run's tables, workbook and text report, which the
        // bookkeeping lists as coopstat's, are gone; the folders stay (they may be the user's too).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out/tables")), [])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).sorted(),
            [".coopstat-outputs.json", "README.md", "rejects.csv", "summary.json", "tables"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter {
            $0.contains("staging") || $0.contains(".old-")
        }
        XCTAssertEqual(leftovers, [])
    }
}
