import CoopDomain
import XCTest

final class DuplicateKeyTests: XCTestCase {
    func record(_ id: String) -> CooperativeRecord {
        CooperativeRecord(
            registrationId: id, name: "", creationDate: Day(year: 2020, month: 1, day: 1)!, regionCode: RegionCode("07"),
            provinceIndex: nil, commune: "", sectorIndex: 0, membersTotal: 1, membersWomen: nil, membersMen: nil,
            membersYouth: nil, capitalCents: nil, status: "", soulaliyate: nil)
    }

    func testKeyIsTheTrimmedCaseFoldedId() {
        for id in ["MA-07-2012-000123", "ma-07-2012-000123", " MA-07 ", "Ab\tC", "É-12", "رقم-١٢", "", "x", "ZZ9"] {
            XCTAssertEqual(record(id).duplicateKey, id.trimmingSpaces.lowercased(), id)
        }
        XCTAssertEqual(record("MA-07-2012-000123").duplicateKey, record(" ma-07-2012-000123").duplicateKey)
    }
}
