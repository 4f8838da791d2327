import CoopDomain
import CoopTestSupport
import XCTest

@testable import CoopIngest

/// Issue 12 item 6: a name-matched field longer than 200 characters is an unknown value at once,
/// never folded (folding a 2 MB cell was superlinear).
final class NameLengthTests: XCTestCase {
    func testOverlongNamesAreNeverFolded() throws {
        let reference = try ReferenceFixture.load()
        var lookups = NameLookups()
        let long = String(repeating: "Souss-Massa ", count: 17)  // 204 characters
        XCTAssertEqual(long.count, 204)
        XCTAssertNil(lookups.region(long, in: reference))
        XCTAssertNil(lookups.province(long, in: reference))
        XCTAssertNil(lookups.sector(long, in: reference))
        XCTAssertNil(lookups.sector(String(repeating: "x", count: 2_000_000), in: reference))
        XCTAssertEqual(lookups.folds, 0, "an overlong spelling must not be folded")

        // 200 characters are still looked up (and fold): the limit is "longer than 200".
        let atLimit = String(repeating: "a", count: 200)
        XCTAssertNil(lookups.sector(atLimit, in: reference))
        XCTAssertEqual(lookups.folds, 1)
        XCTAssertEqual(lookups.region("Souss-Massa", in: reference), .region(RegionCode(number: "9")!))
        XCTAssertEqual(lookups.folds, 2)
    }

    func testLengthIsCountedInCharactersNotBytes() {
        // 150 Arabic letters are 300 UTF-8 bytes but 150 characters: not too long.
        let arabic = String(repeating: "ب", count: 150)
        XCTAssertEqual(arabic.utf8.count, 300)
        XCTAssertFalse(NameLookups.isTooLong(arabic))
        XCTAssertTrue(NameLookups.isTooLong(String(repeating: "ب", count: 201)))
        XCTAssertFalse(NameLookups.isTooLong(String(repeating: "b", count: 200)))
    }
}
