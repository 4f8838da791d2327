import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A run that fails to write one output (CONTRACT §3.0) still records, in its bookkeeping, the
/// files it did write (the workbooks are written on a thread of their own and may be done), so a
/// later run removes them when it no longer produces them; a file it did not write keeps its
/// earlier entry or none, and the user's files are never listed.
final class FailedWriteBookkeepingTests: XCTestCase {
    var scratch: ScratchFolder!

    override func tearDown() { scratch = nil }

    override func setUpWithError() throws {
        scratch = try ScratchFolder("failed-write")
        try scratch.write("in/reg.csv", bytes: Array(RunOutputSafetyTests.registry.utf8))
        try scratch.write("en-fr.toml", bytes: Array("languages = [\"en\", \"fr\"]\n".utf8))
        try scratch.write("out/notes.txt", bytes: Array("mine".utf8))
    }

    /// `coopstat run` into `out` in English and French (`bilingual`) or English only.
    func run(bilingual: Bool, fault: String? = nil) throws -> CoopstatProcess.Finished {
        let config = bilingual ? ["--config", scratch.path("en-fr.toml")] : []
        return try CoopstatProcess.run(
            ["run"] + config + [
                "--input", scratch.path("in"), "--output", scratch.path("out"), "--period", "2024Q4",
                "--range-end", "2024-12-31", "--quiet",
            ],
            environment: fault.map { ["COOPSTAT_FAULT": $0] } ?? [:], scratch: scratch.url)
    }

    /// The bookkeeping's entries by path: (inode, size, modification time in nanoseconds).
    func bookkept() throws -> [String: [Int64]] {
        let data = try XCTUnwrap(FileManager.default.contents(atPath: scratch.path("out/.coopstat-outputs.json")))
        let listing = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try XCTUnwrap(listing["files"] as? [[String: Any]])
        var out: [String: [Int64]] = [:]
        for file in files {
            let path = try XCTUnwrap(file["path"] as? String)
            let numbers = try ["inode", "size", "modifiedNanoseconds"].map { try XCTUnwrap((file[$0] as? NSNumber)?.int64Value) }
            XCTAssertNil(out[path], "\(path) listed twice")
            out[path] = numbers
        }
        return out
    }

    /// The file at `relative` in `out` as the bookkeeping describes one: (inode, size, mtime ns).
    func identity(_ relative: String) -> [Int64]? {
        var st = stat()
        guard lstat(scratch.path("out/" + relative), &st) == 0 else { return nil }
        return [Int64(st.st_ino), Int64(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)]
    }

    /// coopstat's files in `out`: every name but the user's notes.txt and the bookkeeping.
    func coopstatFiles() throws -> Set<String> {
        let top = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out"))
        let tables = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path("out/tables"))) ?? []
        return Set(top.filter { $0 != "tables" && $0 != "notes.txt" && $0 != ".coopstat-outputs.json" })
            .union(tables.map { "tables/" + $0 })
    }

    func testFilesWrittenBeforeAndBesideTheFailureAreBookkeptAndLaterRemoved() throws {
        let failed = try run(bilingual: true, fault: "write:coopstat.fr.txt")
        XCTAssertEqual(failed.status, 73, failed.description)
        XCTAssertEqual(failed.stderr.split(separator: "\n").count, 1, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("coopstat.fr.txt"), failed.stderr)
        // The text thread wrote the tables, rejects, summary and English report, then failed; the
        // workbook thread wrote both workbooks.
        let present = try coopstatFiles()
        XCTAssertTrue(present.contains("coopstat.fr.xlsx"), "\(present)")
        XCTAssertTrue(present.contains("coopstat.xlsx"), "\(present)")
        XCTAssertTrue(present.contains("coopstat.txt"), "\(present)")
        XCTAssertFalse(present.contains("coopstat.fr.txt"), "\(present)")
        XCTAssertEqual(present.filter { $0.hasPrefix("tables/") }.count, 13, "\(present)")
        XCTAssertEqual(present.count, 13 + 5, "\(present)")
        let listed = try bookkept()
        XCTAssertEqual(Set(listed.keys), present, "every file the failed run wrote, and only those")
        for path in present { XCTAssertEqual(listed[path], identity(path), path) }

        let english = try run(bilingual: false)
        XCTAssertEqual(english.status, 0, english.description)
        let after = try coopstatFiles()
        XCTAssertEqual(after.filter { $0.hasPrefix("coopstat.fr.") }, [], "the failed run's French files go")
        XCTAssertEqual(after, present.subtracting(["coopstat.fr.xlsx"]))
        XCTAssertEqual(try scratch.read("out/notes.txt"), "mine")
        XCTAssertEqual(Set(try bookkept().keys), after)
    }

    /// The user's own coopstat.fr.txt, which the failed run never wrote, is not listed as new and
    /// stays; the earlier entry of a file a failed run did not rewrite is kept as it was.
    func testAFileTheFailedRunDidNotWriteIsNotBookkeptAsNew() throws {
        try scratch.write("out/coopstat.fr.txt", bytes: Array("my French notes".utf8))
        let failed = try run(bilingual: true, fault: "write:coopstat.fr.txt")
        XCTAssertEqual(failed.status, 73, failed.description)
        XCTAssertNil(try bookkept()["coopstat.fr.txt"])
        XCTAssertNotNil(try bookkept()["coopstat.fr.xlsx"])
        XCTAssertEqual(try run(bilingual: false).status, 0)
        XCTAssertEqual(try scratch.read("out/coopstat.fr.txt"), "my French notes")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("out/coopstat.fr.xlsx")))
        XCTAssertEqual(try scratch.read("out/notes.txt"), "mine")
    }

    /// After a whole bilingual run, a failed one keeps the old French text report's entry (its
    /// file is still the one coopstat wrote) and lists the workbooks it rewrote as they now are.
    func testAFailedRunKeepsTheEarlierEntriesOfFilesItDidNotReplace() throws {
        XCTAssertEqual(try run(bilingual: true).status, 0)
        let first = try bookkept()
        let oldText = try XCTUnwrap(first["coopstat.fr.txt"])
        XCTAssertEqual(identity("coopstat.fr.txt"), oldText)
        let failed = try run(bilingual: true, fault: "write:coopstat.fr.txt")
        XCTAssertEqual(failed.status, 73, failed.description)
        let second = try bookkept()
        XCTAssertEqual(Set(second.keys), Set(first.keys))
        XCTAssertEqual(second["coopstat.fr.txt"], oldText)
        XCTAssertEqual(identity("coopstat.fr.txt"), oldText, "the failed run left the old file in place")
        XCTAssertEqual(second["coopstat.fr.xlsx"], identity("coopstat.fr.xlsx"))
        XCTAssertNotEqual(second["coopstat.fr.xlsx"], first["coopstat.fr.xlsx"], "rewritten, so listed anew")

        XCTAssertEqual(try run(bilingual: false).status, 0)
        XCTAssertEqual(try coopstatFiles().filter { $0.hasPrefix("coopstat.fr.") }, [])
        XCTAssertEqual(try scratch.read("out/notes.txt"), "mine")
    }
}
