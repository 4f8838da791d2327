import CoopDomain
import XCTest

final class RejectLogTests: XCTestCase {
    func testRejectsAreCountedByReasonMostFrequentFirstThenByCode() {
        func reject(_ line: Int, _ reason: RejectReason) -> RejectedRow {
            RejectedRow(file: "a.csv", line: line, registrationId: "R\(line)", field: .name, value: "", reason: reason)
        }
        let rejects = [
            reject(2, .unknownRegion), reject(3, .missingDate), reject(4, .unknownRegion), reject(5, .invalidDate),
            reject(6, .missingDate), reject(7, .unknownRegion), reject(8, .invalidDate),
        ]
        let counted = RejectLog(rejects).byReason
        XCTAssertEqual(counted.map(\.code), ["unknown_region", "invalid_date", "missing_date"])
        XCTAssertEqual(counted.map(\.count), [3, 2, 2])
        XCTAssertEqual(counted.first?.sentence, RejectReason.unknownRegion.sentence)
        XCTAssertTrue(RejectLog().byReason.isEmpty)
        XCTAssertEqual(RejectLog(rejects).count, 7)
        XCTAssertEqual(RejectLog(rejects).listed, rejects)
    }
}
