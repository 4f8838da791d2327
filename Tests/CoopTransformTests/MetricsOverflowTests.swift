import CoopDomain
import XCTest

@testable import CoopTransform

/// Issue 12 item 4: sums that can grow are checked; too large a sum is a flag, never a trap.
final class MetricsOverflowTests: XCTestCase {
    func testCapitalSumBeyondInt64IsFlaggedNotTrapped() {
        var one = Metrics()
        one.cooperatives = 1
        one.capitalCents = 100_000_000_000_000  // 10^12 MAD, the largest accepted capital
        var sum = Metrics()
        // Int64.max = 9 223 372 036 854 775 807 ≈ 92 233.7 × 10^14: the 92 234th addition overflows.
        for _ in 0..<92_233 { sum.add(one) }
        XCTAssertFalse(sum.overflowed)
        XCTAssertEqual(sum.capitalCents, 9_223_300_000_000_000_000)
        sum.add(one)
        XCTAssertTrue(sum.overflowed)
        XCTAssertEqual(sum.capitalCents, Int64.max, "saturated, not wrapped")
        XCTAssertEqual(sum.cooperatives, 92_234)

        // The flag survives further merging in either order.
        XCTAssertTrue((Metrics() + sum).overflowed)
        XCTAssertTrue((sum + one).overflowed)
    }

    func testRatioOfHugeSumsDoesNotTrap() {
        // 2 × numerator × 10^4 would overflow Int; computed in 128 bits: 1/3 → 0.3333.
        let r = Ratio(Int.max / 3, Int.max / 3 * 3)
        XCTAssertEqual(r.decimal(places: 4), "0.3333")
        XCTAssertEqual(Ratio(Int.max, Int.max).decimal(places: 4), "1.0000")
        var m = Metrics()
        m.membersWomen = Int.max
        m.membersMen = 1
        XCTAssertEqual(m.womenShare.decimal(places: 4), "1.0000")
    }
}
