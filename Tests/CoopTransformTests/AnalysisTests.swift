import CoopDomain
import CoopTestSupport
import CoopTransform
import XCTest

/// A small registry whose figures are worked out by hand in the comments.
final class AnalysisTests: XCTestCase {
    var reference: ReferenceData!

    override func setUpWithError() throws { reference = try ReferenceFixture.load() }

    func record(
        _ id: String, _ date: String, region: String, province: String? = nil, sector: String,
        total: Int, women: Int?, men: Int?, youth: Int? = nil, capital: Int64? = nil, soulaliyate: Bool? = nil
    ) -> CooperativeRecord {
        let day = Day(iso: date)!
        let provinceIndex = province.flatMap { reference.matchProvince($0) }
        return CooperativeRecord(
            registrationId: id, name: "Coop \(id)", creationDate: day, regionCode: RegionCode(region),
            provinceIndex: provinceIndex, commune: "", sectorIndex: reference.sectorIndex(code: sector)!,
            membersTotal: total, membersWomen: women, membersMen: men, membersYouth: youth,
            capitalCents: capital, status: "", soulaliyate: soulaliyate)
    }

    var records: [CooperativeRecord] {
        [
            // 2024Q3: three cooperatives
            record(
                "A", "2024-07-15", region: "07", province: "Essaouira", sector: "argane", total: 10, women: 10, men: 0,
                youth: 4, capital: 1_000_050, soulaliyate: true),
            record("B", "2024-09-30", region: "07", province: "Safi", sector: "agriculture", total: 8, women: 2, men: 6, capital: 500_000),
            record("C", "2024-08-01", region: "09", sector: "artisanat", total: 12, women: nil, men: nil, youth: 3, soulaliyate: false),
            // 2024Q2: one
            record("D", "2024-04-01", region: "01", province: "Tétouan", sector: "agriculture", total: 7, women: 3, men: 4),
            // 2023Q3: two
            record("E", "2023-07-01", region: "07", province: "Marrakech", sector: "habitat", total: 20, women: 5, men: 15),
            record("F", "2023-09-15", region: "04", sector: "agriculture", total: 9, women: 0, men: 9),
            // 2005Q1: one (range start)
            record("G", "2005-01-01", region: "06", sector: "agriculture", total: 22, women: 11, men: 11, capital: 1),
        ]
    }

    func analysis(_ period: Period, scope: AnalysisScope = AnalysisScope(), language: Language = .en) -> Analysis {
        Analysis(records: records, files: [], reference: reference, period: period, range: .standard, scope: scope, language: language)
    }

    func row(_ table: ReportTable, where column: String, is value: String) -> [String: String]? {
        guard let index = table.column(column),
            let row = table.rows.first(where: { $0[index].csvText == value })
        else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), row.map(\.csvText)))
    }

    func testHeadlineOfAQuarter() {
        let a = analysis(.quarter(Quarter("2024Q3")!))
        // A, B, C: 30 members; women 10+2 = 12, men 0+6 = 6, gender unknown 12 (C).
        XCTAssertEqual(a.current.cooperatives, 3)
        XCTAssertEqual(a.current.membersTotal, 30)
        XCTAssertEqual(a.current.membersWomen, 12)
        XCTAssertEqual(a.current.membersMen, 6)
        XCTAssertEqual(a.current.membersGenderUnknown, 12)
        XCTAssertEqual(a.current.womenShare.decimal(), "0.6667")  // 12 / 18
        XCTAssertEqual(a.current.womenCooperatives, 1)  // A only
        XCTAssertEqual(a.current.capitalCents, 1_500_050)
        XCTAssertEqual(a.comparisons.map(\.period.label), ["2024Q2", "2023Q3"])
        XCTAssertEqual(a.comparisons.map(\.metrics.cooperatives), [1, 2])
        XCTAssertEqual(a.cumulative.cooperatives, 7 - 0)  // everything up to 2024Q3
    }

    func testTablesHaveContractColumnsAndRows() throws {
        let a = analysis(.quarter(Quarter("2024Q3")!))
        let byRegion = try XCTUnwrap(a.table(.byRegion))
        XCTAssertEqual(
            byRegion.columns.map(\.key),
            [
                "region_code", "region", "cooperatives", "members_total", "members_women",
                "members_men", "members_gender_unknown", "women_share",
                "women_cooperatives", "capital_mad",
            ])
        XCTAssertEqual(byRegion.rows.count, 12)
        XCTAssertEqual(
            row(byRegion, where: "region_code", is: "07"),
            [
                "region_code": "07", "region": "Marrakesh-Safi", "cooperatives": "2", "members_total": "18",
                "members_women": "12", "members_men": "6", "members_gender_unknown": "0", "women_share": "0.6667",
                "women_cooperatives": "1", "capital_mad": "15000.50",
            ])
        XCTAssertEqual(row(byRegion, where: "region_code", is: "09")?["women_share"], "")
        XCTAssertEqual(row(byRegion, where: "region_code", is: "12")?["cooperatives"], "0")

        let byProvince = try XCTUnwrap(a.table(.byProvince))
        // A (Essaouira) and B (Safi) in 07, then C (09, no province) as 09's not-reported row.
        XCTAssertEqual(byProvince.rows.map { $0[1].csvText }, ["Essaouira", "Safi", ""])
        XCTAssertEqual(byProvince.rows.map { $0[0].csvText }, ["07", "07", "09"])

        let bySector = try XCTUnwrap(a.table(.bySector))
        XCTAssertEqual(bySector.rows.count, reference.sectors.count)
        XCTAssertEqual(bySector.rows.last?[0].csvText, "other")
        XCTAssertEqual(row(bySector, where: "sector_code", is: "argane")?["cooperatives"], "1")

        let byGender = try XCTUnwrap(a.table(.byGender))
        XCTAssertEqual(byGender.rows.count, 36)
        XCTAssertEqual(byGender.rows.filter { $0[0].csvText == "09" }.map { $0[3].csvText }, ["0", "0", "12"])

        let regionSector = try XCTUnwrap(a.table(.regionSector))
        XCTAssertEqual(regionSector.rows.count, 12 * reference.sectors.count)

        let comparison = try XCTUnwrap(a.table(.comparison))
        XCTAssertEqual(comparison.rows.map { $0[0].csvText }, ["2024Q3", "2024Q2", "2023Q3"])
        XCTAssertEqual(comparison.rows.map { $0[1].csvText }, ["3", "1", "2"])

        let community = try XCTUnwrap(a.table(.byCommunity))
        XCTAssertEqual(community.rows.map { $0[0].csvText }, ["soulaliyate", "other", "not_reported"])
        XCTAssertEqual(community.rows.map { $0[1].csvText }, ["1", "1", "1"])
        // The not-reported cooperative reports no youth either: its youth cell is empty, not 0.
        XCTAssertEqual(community.rows.map { $0.last?.csvText }, ["4", "3", ""])

        let youth = try XCTUnwrap(a.table(.youthByRegion))
        XCTAssertEqual(
            row(youth, where: "region_code", is: "07"),
            [
                "region_code": "07", "region": "Marrakesh-Safi", "cooperatives_reporting": "1",
                "members_total_reporting": "10", "members_youth": "4", "youth_share": "0.4000",
            ])
    }

    func testYearlyAndQuarterlyRunFromRangeStartToPeriodEnd() throws {
        let a = analysis(.quarter(Quarter("2024Q3")!))
        let yearly = try XCTUnwrap(a.table(.yearly))
        XCTAssertEqual(yearly.rows.count, 20)  // 2005 … 2024
        XCTAssertEqual(yearly.rows.first?[0].csvText, "2005")
        XCTAssertEqual(row(yearly, where: "year", is: "2023")?["cooperatives"], "2")
        XCTAssertEqual(row(yearly, where: "year", is: "2024")?["cooperatives"], "4")
        XCTAssertEqual(row(yearly, where: "year", is: "2024")?["cumulative_cooperatives"], "7")
        let quarterly = try XCTUnwrap(a.table(.quarterly))
        XCTAssertEqual(quarterly.rows.count, 19 * 4 + 3)  // 2005Q1 … 2024Q3
        XCTAssertEqual(quarterly.rows.last?[0].csvText, "2024Q3")
        XCTAssertEqual(row(quarterly, where: "quarter", is: "2005Q1")?["cumulative_cooperatives"], "1")
        XCTAssertEqual(row(quarterly, where: "quarter", is: "2024Q2")?["cumulative_cooperatives"], "4")
    }

    func testFirstQuarterAndEmptyQuarter() throws {
        let first = analysis(.quarter(Quarter("2005Q1")!))
        XCTAssertEqual(first.current.cooperatives, 1)
        XCTAssertEqual(first.comparisons.map(\.period.label), ["2004Q4", "2004Q1"])
        XCTAssertEqual(first.table(.quarterly)?.rows.count, 1)
        let empty = analysis(.quarter(Quarter("2010Q2")!))
        XCTAssertEqual(empty.current.cooperatives, 0)
        XCTAssertFalse(empty.current.womenShare.isDefined)
        XCTAssertEqual(empty.table(.byProvince)?.rows.count, 0)
    }

    func testYearRangeAndAll() {
        XCTAssertEqual(analysis(.year(2024)).current.cooperatives, 4)
        XCTAssertEqual(analysis(.year(2024)).comparisons.map(\.metrics.cooperatives), [2])
        XCTAssertEqual(analysis(.years(2023, 2024)).current.cooperatives, 6)
        XCTAssertEqual(analysis(.all).current.cooperatives, 7)
        XCTAssertEqual(analysis(.all).table(.comparison)?.rows.count, 1)
    }

    func testRegionalScopeAndSoulaliyateOnly() throws {
        let regional = analysis(.year(2024), scope: AnalysisScope(region: RegionCode("07")), language: .fr)
        XCTAssertEqual(regional.current.cooperatives, 2)
        XCTAssertEqual(regional.table(.byRegion)?.rows.count, 1)
        XCTAssertEqual(regional.table(.byRegion)?.rows.first?[1].csvText, "Marrakech-Safi")
        XCTAssertEqual(regional.table(.byGender)?.rows.count, 3)
        let soulaliyate = analysis(.all, scope: AnalysisScope(onlySoulaliyate: true))
        XCTAssertEqual(soulaliyate.current.cooperatives, 1)
        XCTAssertEqual(soulaliyate.current.membersYouth, 4)
    }

    func testMergeOrderDoesNotMatter() {
        let all = records
        let whole = MetricsCube(records: all, reference: reference)
        // Split in three parts and merge in every order.
        let parts = [Array(all[0..<2]), Array(all[2..<5]), Array(all[5...])].map { MetricsCube(records: $0, reference: reference) }
        for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]] {
            var merged = MetricsCube()
            for index in order { merged.merge(parts[index]) }
            XCTAssertEqual(merged, whole)
        }
        // ((a+b)+c) == (a+(b+c))
        var left = parts[0]
        left.merge(parts[1])
        left.merge(parts[2])
        var right = parts[1]
        right.merge(parts[2])
        var outer = parts[0]
        outer.merge(right)
        XCTAssertEqual(left, outer)
    }

    func testRatioRoundsHalfUpOnce() {
        XCTAssertEqual(Ratio(1, 3).decimal(), "0.3333")
        XCTAssertEqual(Ratio(2, 3).decimal(), "0.6667")
        XCTAssertEqual(Ratio(1, 8).decimal(), "0.1250")
        XCTAssertEqual(Ratio(1, 20_000).decimal(), "0.0001")  // 0.00005 rounds up
        XCTAssertEqual(Ratio(5, 5).decimal(), "1.0000")
        XCTAssertEqual(Ratio(0, 0).decimal(), "")
        XCTAssertEqual(CoopTransform.Decimal.fixed(1_250_050, places: 2), "12500.50")
        XCTAssertEqual(CoopTransform.Decimal.fixed(5, places: 2), "0.05")
        XCTAssertEqual(CoopTransform.Decimal.fixed(-5, places: 2), "-0.05")
    }
}
