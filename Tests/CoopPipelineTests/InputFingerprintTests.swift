import CoopDomain
import Crypto
import XCTest

@testable import CoopPipeline

final class InputFingerprintTests: XCTestCase {
    func fingerprint(
        _ files: [URL], config: String = "c", version: String = "1.0", period: String = "latest",
        reference: URL? = nil
    ) throws -> InputFingerprint {
        try InputFingerprint.compute(
            inputs: files, configText: config, referenceFolder: reference,
            version: version, periodKey: period)
    }

    func testFileDigestMatchesKnownSHA256AndSize() throws {
        let dir = try RefreshTestFolder()
        let f = try dir.write("a.csv", "abc")
        let d = try FileDigest.of(file: f)
        XCTAssertEqual(d.size, 3)
        // FIPS 180-2 test vector for "abc".
        XCTAssertEqual(d.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testStreamingAcrossChunksEqualsOneShotHash() throws {
        let dir = try RefreshTestFolder()
        var bytes = [UInt8](repeating: 0, count: (1 << 20) * 2 + 12345)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
        let url = dir.url.appendingPathComponent("big.csv")
        try Data(bytes).write(to: url)
        let expected = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
        let d = try FileDigest.of(file: url)
        XCTAssertEqual(d.sha256, expected)
        XCTAssertEqual(d.size, Int64(bytes.count))
    }

    func testSameContentSameDigestTouchDoesNotChangeItContentDoes() throws {
        let dir = try RefreshTestFolder()
        let a = try dir.write("a.csv", "id,name\n1,x\n")
        let b = try dir.write("b.csv", "id,name\n2,y\n")
        let first = try fingerprint([a, b])
        XCTAssertEqual(first.digest.count, 64)
        XCTAssertEqual(try fingerprint([a, b]), first)

        // Touch: change the modification time only.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: a.path)
        XCTAssertEqual(try fingerprint([a, b]).digest, first.digest)

        // Rewrite with identical content: still the same.
        try dir.write("a.csv", "id,name\n1,x\n")
        XCTAssertEqual(try fingerprint([a, b]).digest, first.digest)

        // One byte changed (same size): different.
        try dir.write("a.csv", "id,name\n1,z\n")
        XCTAssertNotEqual(try fingerprint([a, b]).digest, first.digest)
    }

    func testConfigVersionPeriodAndReferenceTakePart() throws {
        let dir = try RefreshTestFolder()
        let a = try dir.write("a.csv", "x")
        let ref = dir.url.appendingPathComponent("ref")
        try dir.write("ref/regions.csv", "code\n01\n")
        let base = try fingerprint([a], reference: ref).digest
        XCTAssertNotEqual(try fingerprint([a], config: "c2", reference: ref).digest, base)
        XCTAssertNotEqual(try fingerprint([a], version: "1.1", reference: ref).digest, base)
        XCTAssertNotEqual(try fingerprint([a], period: "2024Q3", reference: ref).digest, base)
        try dir.write("ref/regions.csv", "code\n02\n")
        XCTAssertNotEqual(try fingerprint([a], reference: ref).digest, base)
    }

    func testUnreadableInputIsNoInput() {
        XCTAssertThrowsError(try fingerprint([URL(fileURLWithPath: "/nonexistent/x.csv")])) { e in
            XCTAssertEqual((e as! InputError).exitCode, .noInput)
        }
    }

    func testPeriodKeyFollowsTheRunsToday() throws {
        let may10 = try XCTUnwrap(Day(year: 2025, month: 5, day: 10))
        let may11 = try XCTUnwrap(Day(year: 2025, month: 5, day: 11))
        let july1 = try XCTUnwrap(Day(year: 2025, month: 7, day: 1))
        let q2 = PeriodSpec.fixed(.quarter(try XCTUnwrap(Quarter("2025Q2"))))
        // latest and previous-quarter follow today's quarter: the same all through 2025Q2, new on 1 July.
        XCTAssertEqual(InputFingerprint.periodKey(spec: .latest, today: may10), "latest\tquarter=2025Q2")
        XCTAssertEqual(InputFingerprint.periodKey(spec: .latest, today: may10), InputFingerprint.periodKey(spec: .latest, today: may11))
        XCTAssertNotEqual(InputFingerprint.periodKey(spec: .latest, today: may10), InputFingerprint.periodKey(spec: .latest, today: july1))
        XCTAssertEqual(InputFingerprint.periodKey(spec: .previousQuarter, today: may11), "previous-quarter\tquarter=2025Q2")
        // A quarter to date changes every day; once ended, only with the quarter.
        XCTAssertEqual(InputFingerprint.periodKey(spec: q2, today: may10), "2025Q2\ttoday=2025-05-10")
        XCTAssertNotEqual(InputFingerprint.periodKey(spec: q2, today: may10), InputFingerprint.periodKey(spec: q2, today: may11))
        XCTAssertEqual(InputFingerprint.periodKey(spec: q2, today: july1), "2025Q2\tquarter=2025Q3")
        // all runs to today.
        XCTAssertEqual(InputFingerprint.periodKey(spec: .fixed(.all), today: may10), "all\ttoday=2025-05-10")
    }

    func testTodayIsTheLocalDate() throws {
        // 2025-03-31T23:30:00Z is already 1 April in Morocco's UTC+1 and still 31 March in UTC.
        let instant = Date(timeIntervalSince1970: 1_743_463_800)
        XCTAssertEqual(
            Today.day(at: instant, timeZone: try XCTUnwrap(TimeZone(identifier: "UTC"))), Day(year: 2025, month: 3, day: 31))
        XCTAssertEqual(
            Today.day(at: instant, timeZone: try XCTUnwrap(TimeZone(secondsFromGMT: 3600))), Day(year: 2025, month: 4, day: 1))
    }
}
