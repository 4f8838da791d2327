import CoopDomain
import CoopFuzzing
import CoopTestSupport
import XCTest

/// The registry fuzzer's checks past the validator (cube and tables) hold on sound records and
/// report, rather than trap on, a capital sum a 64-bit cube cannot hold.
final class PipelineFuzzingTests: XCTestCase {
    func record(_ id: String, _ date: String, region: String, total: Int, women: Int?, men: Int?, capital: Int64?) throws
        -> CooperativeRecord
    {
        let reference = try ReferenceFixture.load()
        return CooperativeRecord(
            registrationId: id, name: "Coop \(id)", creationDate: try XCTUnwrap(Day(iso: date)), regionCode: RegionCode(region),
            provinceIndex: nil, commune: "", sectorIndex: try XCTUnwrap(reference.sectorIndex(code: "agriculture")),
            membersTotal: total, membersWomen: women, membersMen: men, membersYouth: nil,
            capitalCents: capital, status: "", soulaliyate: nil)
    }

    func testSoundRecordsBreakNoInvariant() throws {
        let reference = try ReferenceFixture.load()
        let records = [
            try record("A", "2024-07-15", region: "07", total: 10, women: 4, men: 6, capital: 100),
            try record("B", "2010-01-01", region: "01", total: 7, women: nil, men: nil, capital: nil),
            try record("C", "2024-12-31", region: "12", total: 3, women: 3, men: 0, capital: 5),
        ]
        XCTAssertEqual(PipelineFuzzing.violations(records: records, files: [], reference: reference, range: .standard), [])
    }

    func testCapitalsThatOverflowTogetherAreReported() throws {
        let reference = try ReferenceFixture.load()
        // Each capital is valid alone; their sum is Int64.max + 1.
        let records = [
            try record("A", "2024-07-15", region: "07", total: 10, women: 4, men: 6, capital: Int64.max / 2 + 1),
            try record("B", "2024-07-16", region: "07", total: 10, women: 4, men: 6, capital: Int64.max / 2 + 1),
        ]
        XCTAssertEqual(
            PipelineFuzzing.violations(records: records, files: [], reference: reference, range: .standard),
            ["the records' capital overflow a 64-bit sum; the cube would trap"])
    }
}
