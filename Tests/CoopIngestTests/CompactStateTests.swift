import CoopDomain
import CoopTestSupport
import CoopTransform
import XCTest

@testable import CoopIngest

/// The ledger's state per cooperative is compact, and a file of repeated ids keeps it constant.
final class CompactStateTests: XCTestCase {
    func testTheStatePerCooperativeIsCompact() {
        // capital 8, creation day 4, total/women/youth/line 4 each, three text hashes 4 each = 40;
        // province, file and reported mask 2 each = 46; region, sector, community 1 each = 49 bytes,
        // padded to the 8-byte alignment of the capital: a stride of 56.
        XCTAssertEqual(MemoryLayout<CooperativeState>.size, 49)
        XCTAssertEqual(MemoryLayout<CooperativeState>.stride, 56)
        // The key: two 64-bit halves.
        XCTAssertEqual(MemoryLayout<RegistryKey>.stride, 16)
    }

    func testRepeatedIdsKeepTheStateConstant() throws {
        let reference = try ReferenceFixture.load()
        let day = Day(year: 2021, month: 5, day: 17)!
        var ledger = DuplicateLedger()
        var counts: [(live: Int, cells: Int)] = []
        for row in 0..<20_000 {
            // 7 ids repeated with identical values: after the first 7 rows nothing new is kept.
            let record = CooperativeRecord(
                registrationId: "MA-07-2021-00000\(row % 7)", name: "Coop \(row % 7)", creationDate: day, regionCode: RegionCode("07"),
                provinceIndex: nil, commune: "", sectorIndex: row % 7, membersTotal: 10, membersWomen: 4, membersMen: 6,
                membersYouth: nil, capitalCents: 100_000, status: "", soulaliyate: nil)
            ledger.offer(record, file: 0, line: row + 2, reference: reference)
            if row == 99 || row == 19_999 { counts.append((ledger.liveCount, ledger.cube.cells.count)) }
        }
        XCTAssertEqual(counts[0].live, 7)
        XCTAssertEqual(counts[1].live, 7)
        XCTAssertEqual(counts[0].cells, 7)  // one sector each
        XCTAssertEqual(counts[1].cells, 7)
        XCTAssertEqual(ledger.conflicts.count, 0)
        XCTAssertEqual(ledger.duplicatesByFile, [0: 19_993])
        // The cube holds the 7 live ones only: 70 members, 28 women, 7 × 1000.00 MAD.
        let total = ledger.cube.total { _ in true }
        XCTAssertEqual(total.cooperatives, 7)
        XCTAssertEqual(total.membersWomen, 28)
        XCTAssertEqual(total.capitalCents, 700_000)
    }

    func testKeysMatchAsTheFoldedIdsDo() {
        XCTAssertEqual(RegistryKey(registrationId: "MA-07-2012-000123"), RegistryKey(registrationId: "ma-07-2012-000123"))
        XCTAssertEqual(RegistryKey(registrationId: "ÉCO-1"), RegistryKey(registrationId: "éco-1"))
        XCTAssertEqual(RegistryKey(registrationId: "MA-1"), RegistryKey(folded: Array("ma-1".utf8)))
        XCTAssertNotEqual(RegistryKey(registrationId: "MA-07-2012-000123"), RegistryKey(registrationId: "MA-07-2012-000132"))
    }
}
