import CoopParallel
import Foundation
import XCTest

/// `ResultSlots` as its users fill it: from `concurrentPerform` workers, one slot per job, read
/// in index order once all are done.
final class ResultSlotsTests: XCTestCase {
    func testConcurrentJobsLandInIndexOrder() {
        let jobs = 1000
        let slots = ResultSlots<Int>(count: jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { index in
            // Work that takes longer for low indices, so jobs finish out of order.
            var sum = 0
            for step in 0..<(jobs - index) * 10 { sum &+= step }
            slots.store(index * index + sum - sum, at: index)
        }
        let read = (0..<jobs).map { slots.value(at: $0) }
        XCTAssertEqual(read, (0..<jobs).map { Optional($0 * $0) })
        XCTAssertEqual(read.compactMap { $0 }.reduce(0, +), 332_833_500)  // Σ i² for i < 1000 = 999·1000·1999/6
    }

    func testAnEmptySlotReadsAsNil() {
        let slots = ResultSlots<String>(count: 3)
        slots.store("b", at: 1)
        XCTAssertEqual([slots.value(at: 0), slots.value(at: 1), slots.value(at: 2)], [nil, "b", nil])
    }

    func testOptionalValuesKeepStoredNilApartFromNotStored() {
        // ReportFiles stores outcomes whose own value may be nil: a stored nil is `.some(nil)`.
        let slots = ResultSlots<Int?>(count: 2)
        slots.store(nil, at: 0)
        XCTAssertEqual(slots.value(at: 0), .some(nil))
        XCTAssertTrue(slots.value(at: 1) == nil)
    }
}
