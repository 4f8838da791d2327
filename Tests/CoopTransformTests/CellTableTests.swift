import CoopDomain
import XCTest

@testable import CoopTransform

/// The cube's open-addressing tables keep every cell through their growth, find each key again, and
/// leave a cell out once its metrics are back to zero.
final class CellTableTests: XCTestCase {
    func metrics(members: Int) -> Metrics {
        Metrics(
            membersTotal: members, membersWomen: nil, membersMen: nil, membersYouth: nil, capitalCents: nil, soulaliyateReported: false)
    }

    func testManyCellsSurviveGrowthAndZeroCellsLeave() throws {
        var cube = MetricsCube()
        let day = try XCTUnwrap(Day(year: 2024, month: 5, day: 3))
        // 3 quarters × 12 regions × 3 provinces × 10 sectors × 3 communities = 3,240 cells, each added twice.
        var keys: [CubeKey] = []
        for quarter in Int32(8_096)..<8_099 {
            for region in Int8(0)..<12 {
                for province in Int16(-1)..<2 {
                    for sector in Int8(0)..<10 {
                        for community in Community.allCases {
                            keys.append(CubeKey(quarter: quarter, region: region, province: province, sector: sector, community: community))
                        }
                    }
                }
            }
        }
        for key in keys + keys { cube.add(metrics(members: 3), at: key, created: day) }
        XCTAssertEqual(cube.cells.count, 3_240)
        XCTAssertEqual(cube.cells[keys[1_234]]?.cooperatives, 2)
        XCTAssertEqual(cube.cells[keys[1_234]]?.membersTotal, 6)
        // One day: the day table has one cell per region × community, 12 × 3 = 36, of 3,240 × 2 cooperatives.
        XCTAssertEqual(cube.days.count, 36)
        XCTAssertEqual(cube.total { _ in true }.cooperatives, 6_480)

        // Taking the first 100 keys' cooperatives out twice empties those cells.
        for key in keys.prefix(100) + keys.prefix(100) { cube.subtract(metrics(members: 3), at: key, created: day) }
        XCTAssertEqual(cube.cells.count, 3_140)
        XCTAssertNil(cube.cells[keys[99]])
        XCTAssertEqual(cube.total { _ in true }.membersTotal, (6_480 - 200) * 3)
        // A third subtraction from an empty cell changes nothing.
        cube.subtract(metrics(members: 3), at: keys[0], created: day)
        XCTAssertEqual(cube.total { _ in true }.cooperatives, 6_280)
        // An emptied cell is filled again in place.
        cube.add(metrics(members: 5), at: keys[0], created: day)
        XCTAssertEqual(cube.cells[keys[0]]?.membersTotal, 5)
        XCTAssertEqual(cube.cells.count, 3_141)
    }
}
