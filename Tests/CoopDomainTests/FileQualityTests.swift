import CoopDomain
import XCTest

final class FileQualityTests: XCTestCase {
    func testTotalAddsEveryCountAndKeepsItsOwnName() {
        var a = FileQuality(file: "a.csv", encoding: "UTF-8", delimiter: ";")
        a.rowsRead = 10
        a.accepted = 6
        a.rejected = 3
        a.duplicates = 1
        a.duplicateConflicts = 1
        a.unknownSector = 2
        a.skippedBlank = 4
        a.replacedBytes = 5
        a.unknownSectorValues = ["x": 1, "y": 1]
        var b = FileQuality(file: "b.csv", encoding: "windows-1252", delimiter: ",")
        b.rowsRead = 7
        b.accepted = 7
        b.unknownSector = 3
        b.skippedBlank = 1
        b.unknownSectorValues = ["y": 2, "z": 1]
        let total = FileQuality.total(of: [a, b])
        XCTAssertEqual(total.file, "TOTAL")
        XCTAssertEqual(total.encoding, "")
        XCTAssertEqual(total.delimiter, "")
        XCTAssertEqual(
            [total.rowsRead, total.accepted, total.rejected, total.duplicates, total.duplicateConflicts],
            [17, 13, 3, 1, 1])
        XCTAssertEqual([total.unknownSector, total.skippedBlank, total.replacedBytes], [5, 5, 5])
        XCTAssertEqual(total.unknownSectorValues, ["x": 1, "y": 3, "z": 1])
        XCTAssertTrue(total.isBalanced)
        XCTAssertEqual(FileQuality.total(of: []), FileQuality(file: "TOTAL"))
        XCTAssertEqual((a + b).file, "a.csv")
    }
}
