import CoopDomain
import CoopTestSupport
import XCTest

final class ReferenceDataTests: XCTestCase {
    func testBundledTablesLoad() throws {
        let reference = try ReferenceFixture.load()
        XCTAssertEqual(reference.regions.count, 12)
        XCTAssertEqual(reference.regions.map(\.code.rawValue), (1...12).map { $0 < 10 ? "0\($0)" : "\($0)" })
        XCTAssertEqual(reference.legacyRegions.count, 16)
        XCTAssertEqual(reference.provinces.count, 75)
        XCTAssertEqual(reference.sectors.last?.code, "other")
        XCTAssertEqual(reference.sectors.count, 27)
    }

    func testRegionMatching() throws {
        let reference = try ReferenceFixture.load()
        XCTAssertEqual(reference.matchRegion("7"), .region(RegionCode("07")))
        XCTAssertEqual(reference.matchRegion("07"), .region(RegionCode("07")))
        XCTAssertEqual(reference.matchRegion("٠٧"), .region(RegionCode("07")))
        XCTAssertEqual(reference.matchRegion("marrakech safi"), .region(RegionCode("07")))
        XCTAssertEqual(reference.matchRegion("مراكش - آسفي"), .region(RegionCode("07")))
        XCTAssertEqual(reference.matchRegion("Région de l'Oriental"), .region(RegionCode("02")))
        XCTAssertNil(reference.matchRegion("13"))
        XCTAssertNil(reference.matchRegion("Atlantide"))
        guard case .legacy(let mth)? = reference.matchRegion("Marrakech-Tensift-Al Haouz") else { return XCTFail("legacy") }
        XCTAssertEqual(mth.directRegion, RegionCode("07"))
        guard case .legacy(let smd)? = reference.matchRegion("Souss-Massa-Drâa") else { return XCTFail("legacy") }
        XCTAssertNil(smd.directRegion)
        XCTAssertEqual(smd.regionCodes.map(\.rawValue), ["08", "09", "10"])
    }

    func testProvinceAndSectorMatching() throws {
        let reference = try ReferenceFixture.load()
        let essaouira = try XCTUnwrap(reference.matchProvince("Province d'Essaouira"))
        XCTAssertEqual(reference.provinces[essaouira].regionCode, RegionCode("07"))
        let safi = try XCTUnwrap(reference.matchProvince("آسفي"))
        XCTAssertEqual(reference.provinces[safi].nameFR, "Safi")
        XCTAssertEqual(reference.sectors[try XCTUnwrap(reference.matchSector("Élevage"))].code, "agriculture")
        XCTAssertEqual(reference.sectors[try XCTUnwrap(reference.matchSector("الصناعة التقليدية"))].code, "artisanat")
        XCTAssertNil(reference.matchSector("astronautique"))
    }

    func testBrokenTablesAreClearErrors() throws {
        let regions = try ReferenceFixture.table("regions.csv")
        var rows = regions.rows
        rows.append(rows[0])  // duplicated code 01
        XCTAssertThrowsError(
            try ReferenceData(
                regions: ReferenceTable(file: "regions.csv", rows: rows),
                legacyRegions: ReferenceFixture.table("legacy_regions.csv"),
                provinces: ReferenceFixture.table("provinces.csv"),
                sectors: ReferenceFixture.table("sectors.csv"))
        ) { error in
            XCTAssertTrue(String(describing: error).contains("regions.csv"), String(describing: error))
        }
        var sectors = try ReferenceFixture.table("sectors.csv").rows
        sectors[1]["aliases"] = (sectors[1]["aliases"] ?? "") + "|Agriculture"  // collides with agriculture
        XCTAssertThrowsError(
            try ReferenceData(
                regions: regions, legacyRegions: ReferenceFixture.table("legacy_regions.csv"),
                provinces: ReferenceFixture.table("provinces.csv"),
                sectors: ReferenceTable(file: "sectors.csv", rows: sectors))
        ) { error in
            XCTAssertTrue(String(describing: error).contains("folds like"), String(describing: error))
        }
    }

    /// A file-wide problem names the file alone (no ':0:'), a row's problem names its line.
    func testReferenceErrorNamesTheLineOnlyWhenThereIsOne() {
        XCTAssertEqual(
            ReferenceError(file: "/ref/legacy_regions.csv", line: 0, reason: "the file is missing or unreadable").description,
            "/ref/legacy_regions.csv: reference table is broken: the file is missing or unreadable; "
                + "fix the table or point --reference at a correct folder")
        XCTAssertEqual(
            ReferenceError(file: "/ref/regions.csv", line: 3, reason: "x").description,
            "/ref/regions.csv:3: reference table is broken: x; fix the table or point --reference at a correct folder")
    }
}
