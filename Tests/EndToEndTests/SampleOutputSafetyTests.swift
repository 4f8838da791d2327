import CoopTestSupport
import Foundation
import XCTest

/// `coopstat sample --output DIR` follows CONTRACT §3.0 like `run`: an output that is `/`, the
/// home folder or a refresh output root is refused with exit 73 and one line naming the path, and
/// nothing is written there.
final class SampleOutputSafetyTests: XCTestCase {
    var scratch: ScratchFolder!

    /// XCTest keeps every test case object to the end of the run: dropping the folder here removes it.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws {
        scratch = try ScratchFolder("safety-sample")
    }

    func sample(_ output: String) throws -> CoopstatProcess.Finished {
        try CoopstatProcess.run(
            ["sample", "--output", output, "--scale", "0.001", "--quiet"],
            environment: ["HOME": scratch.path("home")], scratch: scratch.url)
    }

    func testDangerousOutputsAreRefused() throws {
        try scratch.write("home/keep.txt", bytes: Array("home".utf8))
        try scratch.write("reports/.coopstat-state.json", bytes: Array("{}".utf8))
        let logs: (String) -> Bool = { $0.hasPrefix("stdout-") || $0.hasPrefix("stderr-") }
        let before = UserFolderSnapshot(scratch.url.path, skip: logs)
        // The scratch cases first: without the check, `/` must never be tried (it would be written).
        let cases: [(output: String, mentions: String)] = [
            (scratch.path("home"), "home folder"),
            (scratch.path("reports"), "refresh output root"),
            ("/", "root folder"),
        ]
        for c in cases {
            guard assertOutputRefused(try sample(c.output), output: c.output, mentions: c.mentions) else { return }
        }
        let after = UserFolderSnapshot(scratch.url.path, skip: logs)
        before.assertKept(in: after)
        XCTAssertEqual(Set(after.entries.keys), Set(before.entries.keys), "a refused sample wrote something")
    }

    /// A folder of its own still receives the five registries.
    func testOwnFolderReceivesTheRegistries() throws {
        let result = try sample(scratch.path("samples"))
        XCTAssertEqual(result.status, 0, "\(result)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("samples")).sorted()
        XCTAssertEqual(
            names,
            [
                "01_bureau_fr_2005_2009.csv", "02_bureau_ar_2010_2014.csv", "03_bureau_ar_2015_2019.csv",
                "04_export_en_2020_2024.csv", "05_mises_a_jour.csv",
            ])
    }
}
