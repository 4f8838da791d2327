import XCTest

@testable import CoopPipeline

final class ManifestTests: XCTestCase {
    func testRoundTripAndStableSortedJSON() throws {
        var config = RefreshConfig(inputs: ["/in"], outputRoot: URL(fileURLWithPath: "/out"))
        config.languages = [.fr, .ar]
        config.rejectThreshold = .percent(5)
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let m = Manifest(
            coopstatVersion: "0.3.0", period: "2024Q4",
            inputs: [FileDigest(path: "/in/a.csv", size: 3, sha256: String(repeating: "a", count: 64))],
            options: .init(config: config), counts: ["rows_read": 10, "accepted": 9, "rejected": 1],
            startedAt: start, endedAt: start.addingTimeInterval(12.5), exitStatus: 0,
            fingerprint: String(repeating: "f", count: 64))
        XCTAssertEqual(m.startedAt, "2026-11-18T11:06:40Z")
        XCTAssertEqual(m.endedAt, "2026-11-18T11:06:52Z")
        XCTAssertEqual(m.durationSeconds, 12.5)
        let data = try m.encoded()
        XCTAssertEqual(try Manifest.decode(data), m)
        XCTAssertEqual(try m.encoded(), data)
        let text = String(decoding: data, as: UTF8.self)
        // Sorted keys: "coopstat_version" before "counts" before "duration_seconds".
        let c = text.range(of: "\"counts\"")!.lowerBound
        let v = text.range(of: "\"coopstat_version\"")!.lowerBound
        let d = text.range(of: "\"duration_seconds\"")!.lowerBound
        XCTAssertTrue(v < c && c < d, text)
        XCTAssertTrue(text.contains("\"reject_threshold\" : \"5%\""), text)
        XCTAssertTrue(text.contains("\"languages\" : [\n      \"fr\",\n      \"ar\"\n    ]"), text)
        XCTAssertTrue(text.hasSuffix("}\n"))
    }
}
