import CoopDomain
import CoopTestSupport
import CoopTransform
import XCTest

/// A regional fixture worked out by hand: two regions, provinces named and not, youth reported by some.
final class ProvinceTablesTests: XCTestCase {
    var reference: ReferenceData!

    override func setUpWithError() throws { reference = try ReferenceFixture.load() }

    func record(
        _ id: String, _ date: String, _ region: String, _ province: String?, _ sector: String,
        total: Int, women: Int?, men: Int?, youth: Int? = nil
    ) -> CooperativeRecord {
        CooperativeRecord(
            registrationId: id, name: "Coop \(id)", creationDate: Day(iso: date)!, regionCode: RegionCode(region),
            provinceIndex: province.flatMap { reference.matchProvince($0) }, commune: "",
            sectorIndex: reference.sectorIndex(code: sector)!, membersTotal: total, membersWomen: women, membersMen: men,
            membersYouth: youth, capitalCents: nil, status: "", soulaliyate: nil)
    }

    /// 2024: P1–P5 in 07 (two without a province), Q1–Q2 in 09 (one without); 2023: P6 in 07 (Essaouira).
    var records: [CooperativeRecord] {
        [
            record("P1", "2024-02-10", "07", "Marrakech", "agriculture", total: 10, women: 4, men: 6, youth: 2),
            record("P2", "2024-05-03", "07", "Marrakech", "artisanat", total: 6, women: 6, men: 0),
            record("P3", "2024-08-20", "07", "Safi", "agriculture", total: 8, women: nil, men: nil, youth: 3),
            record("P4", "2024-11-11", "07", nil, "agriculture", total: 5, women: 2, men: 3, youth: 1),
            record("P5", "2024-12-01", "07", nil, "argane", total: 7, women: 7, men: 0),
            record("P6", "2023-06-01", "07", "Essaouira", "agriculture", total: 9, women: 3, men: 6),
            record("Q1", "2024-03-03", "09", "Taroudant", "argane", total: 12, women: 12, men: 0, youth: 4),
            record("Q2", "2024-04-04", "09", nil, "agriculture", total: 3, women: 1, men: 2),
        ]
    }

    func analysis(_ scope: AnalysisScope = AnalysisScope(), language: Language = .fr) -> Analysis {
        Analysis(records: records, files: [], reference: reference, period: .year(2024), range: .standard, scope: scope, language: language)
    }

    func csv(_ table: ReportTable?) -> [[String]] { (table?.rows ?? []).map { $0.map(\.csvText) } }

    func testByProvinceAddsUpToRegionsWithTheNotReportedRowLast() throws {
        let a = analysis()
        // Marrakech: P1+P2 = 2 coops, 16 members, women 4+6 = 10, men 6, share 10/16, one women's coop (P2).
        // Safi: P3, 8 members of unreported gender. 07 not reported: P4+P5 = 12 members, women 9, men 3, share 9/12,
        // P5 a women's coop. Taroudant: Q1. 09 not reported: Q2.
        XCTAssertEqual(
            csv(a.table(.byProvince)),
            [
                ["07", "Marrakech", "2", "16", "10", "6", "0", "0.6250", "1", "0.00"],
                ["07", "Safi", "1", "8", "0", "0", "8", "", "0", "0.00"],
                ["07", "", "2", "12", "9", "3", "0", "0.7500", "1", "0.00"],
                ["09", "Taroudant", "1", "12", "12", "0", "0", "1.0000", "1", "0.00"],
                ["09", "", "1", "3", "1", "2", "0", "0.3333", "0", "0.00"],
            ])
        // Provinces add up to regions: 07 = 2 + 1 + 2 = 5, 09 = 1 + 1 = 2, as in by_region.
        let byRegion = csv(a.table(.byRegion))
        for code in ["07", "09"] {
            let provinces = csv(a.table(.byProvince)).filter { $0[0] == code }.map { Int($0[2])! }.reduce(0, +)
            XCTAssertEqual(String(provinces), byRegion.first { $0[0] == code }?[2], code)
        }
    }

    func testProvinceSectorPairsWithAtLeastOneCooperative() {
        // Sectors in taxonomy order inside each place (agriculture, artisanat, …, argane).
        XCTAssertEqual(
            csv(analysis().table(.provinceSector)),
            [
                ["07", "Marrakech", "agriculture", "1", "10", "4"],
                ["07", "Marrakech", "artisanat", "1", "6", "6"],
                ["07", "Safi", "agriculture", "1", "8", "0"],
                ["07", "", "agriculture", "1", "5", "2"],
                ["07", "", "argane", "1", "7", "7"],
                ["09", "Taroudant", "argane", "1", "12", "12"],
                ["09", "", "agriculture", "1", "3", "1"],
            ])
        XCTAssertEqual(
            analysis().table(.provinceSector)?.columns.map(\.key),
            ["region_code", "province", "sector_code", "cooperatives", "members_total", "members_women"])
    }

    func testYouthByProvinceOverReportingCooperatives() {
        // P1 (2 of 10), P3 (3 of 8), P4 (1 of 5), Q1 (4 of 12) report youth; P2, P5 and Q2 do not, so 09's
        // not-reported row has no reporting cooperative and is left out.
        XCTAssertEqual(
            csv(analysis().table(.youthByProvince)),
            [
                ["07", "Marrakech", "1", "10", "2", "0.2000"],
                ["07", "Safi", "1", "8", "3", "0.3750"],
                ["07", "", "1", "5", "1", "0.2000"],
                ["09", "Taroudant", "1", "12", "4", "0.3333"],
            ])
    }

    func testRegionalRunGridsAreByProvince() {
        let a = analysis(AnalysisScope(region: RegionCode("07")))
        XCTAssertEqual(csv(a.table(.byProvince)).map { $0[1] }, ["Marrakech", "Safi", ""])
        // Range start to 2024: Marrakech, Essaouira (P6, 2023), Safi, then the not-reported column.
        XCTAssertEqual(a.gridProvinces.map { $0.province?.nameFR ?? "—" }, ["Marrakech", "Essaouira", "Safi", "—"])
        XCTAssertEqual(a.gridProvinces.map(\.metrics.cooperatives), [2, 1, 1, 2])
        XCTAssertEqual(a.provinceYears.first { $0.year == 2023 }?.provinces.map(\.cooperatives), [0, 1, 0, 0])
        XCTAssertEqual(a.provinceYears.first { $0.year == 2024 }?.provinces.map(\.cooperatives), [2, 0, 1, 2])
        XCTAssertEqual(a.provinceQuarters.first { $0.quarter.description == "2024Q4" }?.provinces.map(\.cooperatives), [0, 0, 0, 2])
        XCTAssertEqual(a.provinceQuarters.first { $0.quarter.description == "2024Q1" }?.provinces.map(\.cooperatives), [1, 0, 0, 0])
        // Accepted in the region, whatever the date: P1–P6.
        XCTAssertEqual(a.acceptedInScope, 6)
        XCTAssertEqual(analysis().acceptedInScope, 8)
    }
}
