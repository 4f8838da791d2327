import CoopDomain
import CoopTestSupport
import XCTest

@testable import CoopTransform

/// The registry's cube, restricted to a scope and with a replaced cooperative taken out, equals the
/// cube built from the scoped live records alone — cells and days.
final class CubeScopeTests: XCTestCase {
    func record(_ region: String, day: Int, members: Int, soulaliyate: Bool?) -> CooperativeRecord {
        CooperativeRecord(
            registrationId: "X", name: "", creationDate: Day(year: 2024, month: 5, day: day)!, regionCode: RegionCode(region),
            provinceIndex: nil, commune: "", sectorIndex: 0, membersTotal: members, membersWomen: nil, membersMen: nil,
            membersYouth: nil, capitalCents: nil, status: "", soulaliyate: soulaliyate)
    }

    func testRestrictingAndSubtractingGiveTheScopedLiveCube() throws {
        let reference = try ReferenceFixture.load()
        let a = record("07", day: 3, members: 5, soulaliyate: true)
        let b = record("07", day: 9, members: 8, soulaliyate: false)
        let c = record("01", day: 9, members: 13, soulaliyate: true)
        let replaced = record("07", day: 20, members: 21, soulaliyate: true)
        var all = MetricsCube(records: [a, b, c, replaced], reference: reference)
        // `replaced` leaves the cube as a later duplicate would take it out.
        var single = MetricsCube()
        single.add(replaced, reference: reference)
        let key = try XCTUnwrap(single.cells.keys.first)
        all.subtract(Metrics(record: replaced), at: key, created: replaced.creationDate)

        let region07 = AnalysisScope(region: RegionCode("07"))
        XCTAssertEqual(all.restricted(to: region07, reference: reference), MetricsCube(records: [a, b], reference: reference))
        let soulaliyate = AnalysisScope(onlySoulaliyate: true)
        XCTAssertEqual(all.restricted(to: soulaliyate, reference: reference), MetricsCube(records: [a, c], reference: reference))
        // Days 1–10 May in region 07: a and b, 5 + 8 = 13 members; the replaced row's 21 are gone.
        let span = try XCTUnwrap(DateRange(start: Day(year: 2024, month: 5, day: 1)!, end: Day(year: 2024, month: 5, day: 31)!))
        XCTAssertEqual(all.restricted(to: region07, reference: reference).total(within: span).membersTotal, 13)
        XCTAssertEqual(all.total(within: span).membersTotal, 26)
        XCTAssertEqual(all.latestCreation(onOrBefore: Day(year: 2024, month: 12, day: 31)!), Day(year: 2024, month: 5, day: 9))
    }

    func testFlagReportingFromTheCubeEqualsTheRecords() throws {
        let reference = try ReferenceFixture.load()
        let records = [
            record("07", day: 3, members: 5, soulaliyate: true), record("07", day: 9, members: 8, soulaliyate: nil),
            record("01", day: 9, members: 13, soulaliyate: false),
        ]
        let cube = MetricsCube(records: records, reference: reference).restricted(
            to: AnalysisScope(region: RegionCode("07")), reference: reference)
        let fromCube = FlagReporting(cube: cube)
        XCTAssertEqual(fromCube, FlagReporting(records: records, region: RegionCode("07")))
        // 2024Q2 in region 07: 2 created, 1 reporting the flag.
        let quarter = try XCTUnwrap(Quarter(year: 2024, index: 2)).ordinal
        XCTAssertEqual(fromCube.created[quarter], 2)
        XCTAssertEqual(fromCube.reporting[quarter], 1)
    }
}
