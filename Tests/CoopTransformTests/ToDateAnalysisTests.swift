import CoopDomain
import CoopTestSupport
import CoopTransform
import XCTest

/// A quarter still in progress is compared over the same span of days (CONTRACT §2.1); unreported
/// optional facts stay empty. Figures worked out by hand in the comments.
final class ToDateAnalysisTests: XCTestCase {
    var reference: ReferenceData!

    override func setUpWithError() throws { reference = try ReferenceFixture.load() }

    func record(_ id: String, _ date: String, total: Int, youth: Int? = nil, soulaliyate: Bool? = nil) throws -> CooperativeRecord {
        CooperativeRecord(
            registrationId: id, name: "Coop \(id)", creationDate: try XCTUnwrap(Day(iso: date)), regionCode: RegionCode("07"),
            provinceIndex: nil, commune: "", sectorIndex: try XCTUnwrap(reference.sectorIndex(code: "agriculture")),
            membersTotal: total, membersWomen: nil, membersMen: nil, membersYouth: youth, capitalCents: nil, status: "",
            soulaliyate: soulaliyate)
    }

    /// 2025Q2 to date on 2025-05-10 (40 days): 2025-01-01..02-09 and 2024-04-01..05-10 are compared.
    var records: [CooperativeRecord] {
        get throws {
            [
                // 2025Q2 to date: A, B -> 2 cooperatives, 30 members.
                try record("A", "2025-04-03", total: 10, youth: 4, soulaliyate: true),
                try record("B", "2025-05-10", total: 20),
                // 2025Q1: C (day 5) and D (day 40) are within the first 40 days; E (day 41), F are not.
                try record("C", "2025-01-05", total: 5),
                try record("D", "2025-02-09", total: 7),
                try record("E", "2025-02-10", total: 100),
                try record("F", "2025-03-30", total: 200),
                // 2024Q2: G (1 April) and H (10 May) within; I (11 May) and J not.
                try record("G", "2024-04-01", total: 3),
                try record("H", "2024-05-10", total: 4),
                try record("I", "2024-05-11", total: 50),
                try record("J", "2024-06-30", total: 60),
            ]
        }
    }

    func analysis2025Q2(today: Day) throws -> Analysis {
        Analysis(
            records: try records, files: [], reference: reference, period: .quarter(try XCTUnwrap(Quarter("2025Q2"))),
            range: .analysed(until: today), language: .en, today: today)
    }

    func testQuarterToDateComparesTheSameDays() throws {
        let today = try XCTUnwrap(Day(iso: "2025-05-10"))
        let a = try analysis2025Q2(today: today)
        XCTAssertEqual(a.reported.runsTo, today)
        XCTAssertEqual([a.current.cooperatives, a.current.membersTotal], [2, 30])
        XCTAssertEqual(a.comparisons.map(\.period.label), ["2025Q1", "2024Q2"])
        // C + D = 2 cooperatives, 5 + 7 = 12 members; G + H = 2, 3 + 4 = 7.
        XCTAssertEqual(a.comparisons.map(\.metrics.cooperatives), [2, 2])
        XCTAssertEqual(a.comparisons.map(\.metrics.membersTotal), [12, 7])
        XCTAssertEqual(a.table(.comparison)?.rows.map { $0[2].csvText }, ["30", "12", "7"])
        // Registries' last creation date: B, 2025-05-10 — the period is covered whole.
        XCTAssertEqual(a.coverage.lastCreation, today)
        XCTAssertNil(a.coverage.coveredOnlyTo(a.reported))

        // Once the quarter has ended (today 2025-07-05), 2025Q1 and 2024Q2 are compared whole:
        // C..F = 4 cooperatives, 312 members; G..J = 4, 117.
        let whole = try analysis2025Q2(today: try XCTUnwrap(Day(iso: "2025-07-05")))
        XCTAssertNil(whole.reported.runsTo)
        XCTAssertEqual(whole.comparisons.map(\.metrics.cooperatives), [4, 4])
        XCTAssertEqual(whole.comparisons.map(\.metrics.membersTotal), [312, 117])
        // It ends 30 June, after the last creation date 10 May: covered only to then.
        XCTAssertEqual(whole.coverage.coveredOnlyTo(whole.reported), today)
    }

    func testOptionalFactsNobodyReportsAreEmptyAndTheirShareIsGiven() throws {
        let today = try XCTUnwrap(Day(iso: "2025-05-10"))
        let a = try analysis2025Q2(today: today)
        // Of A and B only A reports youth and soulaliyate: 1 of 2 = 50%.
        XCTAssertEqual(a.current.youthReporting, Ratio(1, 2))
        XCTAssertEqual(a.current.soulaliyateReporting, Ratio(1, 2))
        let community = try XCTUnwrap(a.table(.byCommunity))
        // soulaliyate (A: 4 young members), other (none), not reported (B, no youth): 4, empty, empty.
        XCTAssertEqual(community.rows.map { $0.last?.csvText }, ["4", "", ""])
        XCTAssertEqual(community.rows.map { $0.last }, [.integer(4), .empty, .empty])
        let youth = try XCTUnwrap(a.table(.youthByRegion))
        let marrakech = try XCTUnwrap(youth.rows.first { $0[0].csvText == "07" })
        XCTAssertEqual(marrakech.map(\.csvText).suffix(4), ["1", "10", "4", "0.4000"])
        let oriental = try XCTUnwrap(youth.rows.first { $0[0].csvText == "02" })
        XCTAssertEqual(oriental.map(\.csvText).suffix(4), ["0", "0", "", ""])
    }
}
