import CoopTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12 items 1, 2, 6 and 7 for `coopstat run --output DIR` (CONTRACT §3.0): the user's files
/// in DIR keep inode, mode, owner, links, blocks and content; coopstat writes only its own names,
/// removes only what its bookkeeping lists, and refuses outputs that overlap the inputs, `/`, the
/// home folder or a refresh output root.
final class RunOutputSafetyTests: XCTestCase {
    /// Two valid 2024Q4 cooperatives: 12 members (5 women) and 8 members (8 women).
    static let registry = """
        registration_id,creation_date,region,sector,members_total,members_women,capital_mad
        S1,2024-10-05,09,agriculture,12,5,1000
        S2,2024-11-20,07,artisanat,8,8,500
        """

    var scratch: ScratchFolder!

    /// XCTest keeps every test case object to the end of the run: dropping the folder here removes it.
    override func tearDown() { scratch = nil }

    override func setUpWithError() throws {
        scratch = try ScratchFolder("safety-run")
        try scratch.write("in/reg.csv", bytes: Array(Self.registry.utf8))
    }

    func run(_ extra: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CoopstatProcess.Finished {
        try CoopstatProcess.run(
            ["run", "--input", input ?? scratch.path("in"), "--period", "2024Q4", "--range-end", "2024-12-31", "--quiet"] + extra,
            environment: environment, scratch: scratch.url)
    }

    /// Item 1 and 2: a folder full of the user's things survives two runs untouched.
    func testUserFilesKeepInodeModeOwnerLinksBlocksAndContent() throws {
        let out = scratch.path("out")
        try scratch.write("out/README.md", bytes: Array("mine".utf8))
        try scratch.write("out/tool", bytes: [0x7F, 0x45, 0x4C, 0x46])
        XCTAssertEqual(chmod(scratch.path("out/tool"), 0o4755), 0)  // setuid bit
        XCTAssertEqual(chmod(scratch.path("out/README.md"), 0o600), 0)
        XCTAssertEqual(link(scratch.path("out/README.md"), scratch.path("out/README-link.md")), 0)  // hard link
        // A sparse file: 8 MiB long, one byte written at the end.
        let sparse = open(scratch.path("out/sparse.img"), O_WRONLY | O_CREAT, 0o644)
        XCTAssertEqual(pwrite(sparse, "x", 1, 8 << 20), 1)
        close(sparse)
        XCTAssertEqual(mkfifo(scratch.path("out/pipe"), 0o644), 0)
        try FileManager.default.createDirectory(atPath: scratch.path("out/empty"), withIntermediateDirectories: true)
        try scratch.write("out/coopstat.2024Q3.xlsx", bytes: Array("a saved workbook".utf8))
        try scratch.write("out/manifest.json", bytes: Array("{\"mine\": true}".utf8))
        try scratch.write("out/tables/mine.csv", bytes: Array("a,b\n".utf8))
        try FileManager.default.createDirectory(atPath: scratch.path("out/tables/notes"), withIntermediateDirectories: true)
        XCTAssertEqual(symlink("README.md", scratch.path("out/readme-symlink")), 0)
        XCTAssertEqual(chmod(out, 0o2770), 0)  // the folder's own mode (setgid, no access for others)

        let before = UserFolderSnapshot(out)
        let first = try run(["--output", out])
        XCTAssertEqual(first.status, 0, first.description)
        before.assertKept(in: UserFolderSnapshot(out), folders: [".", "tables"])
        let second = try run(["--output", out, "--format", "json"])
        XCTAssertEqual(second.status, 0, second.description)
        before.assertKept(in: UserFolderSnapshot(out), folders: [".", "tables"])

        // The second run wrote JSON only: the workbook, text report and tables of the first run,
        // listed in the bookkeeping, are gone; the user's tables/mine.csv is not.
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(
            names,
            [
                ".coopstat-outputs.json", "README-link.md", "README.md", "coopstat.2024Q3.xlsx", "empty", "manifest.json",
                "pipe", "readme-symlink", "rejects.csv", "sparse.img", "summary.json", "tables", "tool",
            ])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out/tables")).sorted(), ["mine.csv", "notes"])
        // Nothing beside the output folder either (no staging or old copy).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") }, [])
    }

    /// Item 2: a file the bookkeeping lists but the user has since replaced is the user's.
    func testBookkeepingRemovesOnlyTheVeryFilesCoopstatWrote() throws {
        let out = scratch.path("out")
        XCTAssertEqual(try run(["--output", out]).status, 0)
        // The user replaces coopstat.txt with their own file (the file system may even give it
        // the freed inode number again: size and modification time still tell it apart).
        try FileManager.default.removeItem(atPath: scratch.path("out/coopstat.txt"))
        try scratch.write("out/coopstat.txt", bytes: Array("my notes".utf8))
        let before = UserFolderSnapshot(scratch.path("out/coopstat.txt"))
        XCTAssertEqual(try run(["--output", out, "--format", "csv"]).status, 0)
        XCTAssertEqual(UserFolderSnapshot(scratch.path("out/coopstat.txt")), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("out/coopstat.xlsx")), "coopstat's own old workbook goes")
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("out/tables/by_region.csv")))
    }

    /// A bookkeeping that lists files which are not coopstat's names (edited, or copied in from
    /// elsewhere with its folder) removes none of them, even when their identity matches.
    func testBookkeepingNeverRemovesNamesCoopstatDoesNotWrite() throws {
        let out = scratch.path("out")
        XCTAssertEqual(try run(["--output", out]).status, 0)
        try scratch.write("out/notes.txt", bytes: Array("mine".utf8))
        try scratch.write("out/tables/mine.csv", bytes: Array("mine".utf8))
        try scratch.write("out/coopstat.de.txt", bytes: Array("mine".utf8))
        let bookkeeping = scratch.path("out/.coopstat-outputs.json")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: bookkeeping))
        var listing = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var files = try XCTUnwrap(listing["files"] as? [[String: Any]])
        for relative in ["notes.txt", "tables/mine.csv", "coopstat.de.txt"] {
            var st = stat()
            XCTAssertEqual(lstat(scratch.path("out/" + relative), &st), 0)
            files.append([
                "path": relative, "device": UInt64(st.st_dev), "inode": UInt64(st.st_ino), "size": Int64(st.st_size),
                "modifiedNanoseconds": Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            ])
        }
        listing["files"] = files
        try JSONSerialization.data(withJSONObject: listing).write(to: URL(fileURLWithPath: bookkeeping))
        XCTAssertEqual(try run(["--output", out, "--format", "json"]).status, 0)
        for relative in ["notes.txt", "tables/mine.csv", "coopstat.de.txt"] {
            XCTAssertEqual(try scratch.read("out/" + relative), "mine", relative)
        }
        // coopstat's own files of the first run that the json-only run no longer writes do go.
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("out/coopstat.xlsx")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("out/tables/by_region.csv")))
    }

    /// One-character relative names (`--output o`, `--output o/a`, an existing `--output p`
    /// beside `--input x`) are ordinary folders and files, not a crash (Foundation traps on them).
    func testOneCharacterRelativePathsWork() throws {
        try scratch.write("x", bytes: Array(Self.registry.utf8))
        try FileManager.default.createDirectory(atPath: scratch.path("p"), withIntermediateDirectories: true)
        for (input, output) in [("in", "o"), ("in", "q/r"), ("x", "p"), ("./x", "s/")] {
            let result = try run(["--output", output], input: input)
            XCTAssertEqual(result.status, 0, "--input \(input) --output \(output): \(result)")
            let table = try scratch.read(output + "/tables/by_region.csv")
            XCTAssertTrue(table.contains("\n07,Marrakesh-Safi,1,8,8,0,0,1.0000,1,500.00\n"), table)
        }
    }

    /// Item 1, unprivileged: nobody's run in nobody's folder leaves root's setuid file as it was.
    func testUnprivilegedRunLeavesAnotherOwnersFilesAlone() throws {
        if let reason = Unprivileged.available { throw XCTSkip(reason) }
        let nobody = Unprivileged.nobody
        let out = scratch.path("out")
        try scratch.write("out/tool", bytes: [0x7F, 0x45, 0x4C, 0x46])
        XCTAssertEqual(chmod(scratch.path("out/tool"), 0o4755), 0)  // root's setuid program
        try scratch.write("out/notes.txt", bytes: Array("nobody's".utf8))
        XCTAssertEqual(chown(scratch.path("out/notes.txt"), nobody.uid, nobody.gid), 0)
        XCTAssertEqual(chown(out, nobody.uid, nobody.gid), 0)
        XCTAssertEqual(chmod(out, 0o750), 0)
        let before = UserFolderSnapshot(out)

        let result = try Unprivileged.run(
            ["run", "--input", scratch.path("in"), "--output", out, "--period", "2024Q4", "--range-end", "2024-12-31", "--quiet"],
            in: scratch.url)
        XCTAssertEqual(result.status, 0, result.description)
        let after = UserFolderSnapshot(out)
        before.assertKept(in: after)
        XCTAssertEqual(after.entries["tool"]?.owner, 0)
        XCTAssertEqual((after.entries["tool"]?.mode ?? 0) & 0o7777, 0o4755)
        var st = stat()
        XCTAssertEqual(lstat(scratch.path("out/coopstat.txt"), &st), 0)
        XCTAssertEqual(st.st_uid, nobody.uid, "coopstat's own files belong to whoever ran it")
    }

    /// Items 2, 6 and 7: outputs that overlap the inputs, `/`, home or a refresh root are refused
    /// with exit 73 and one line naming the path; nothing is written or removed.
    func testOverlappingAndDangerousOutputsAreRefused() throws {
        try scratch.write("home/keep.txt", bytes: Array("home".utf8))
        try scratch.write("reports/.coopstat-state.json", bytes: Array("{}".utf8))
        try scratch.write("reports/2024Q4/coopstat.txt", bytes: Array("published".utf8))
        let logs: (String) -> Bool = { $0.hasPrefix("stdout-") || $0.hasPrefix("stderr-") }
        let before = UserFolderSnapshot(scratch.url.path, skip: logs)
        let cases: [(output: String, input: String?, mentions: String)] = [
            (scratch.path("in"), nil, "holds the input"),  // --output equal to the input folder
            (scratch.path("in/out"), nil, "inside the input"),
            (scratch.path("in/new/deeper"), nil, "inside the input"),
            ("in/../in", nil, "holds the input"),  // relative, through ..
            (scratch.url.path, scratch.path("in/reg.csv"), "holds the input"),
            ("/", nil, "root folder"),
            (scratch.path("home"), nil, "home folder"),
            (scratch.path("reports"), nil, "refresh output root"),
            (scratch.path("reports/2024Q4"), nil, "refresh output root"),
        ]
        for c in cases {
            let result = try run(["--output", c.output], input: c.input, environment: ["HOME": scratch.path("home")])
            assertOutputRefused(result, output: c.output, mentions: c.mentions)
        }
        let after = UserFolderSnapshot(scratch.url.path, skip: logs)
        before.assertKept(in: after)
        XCTAssertEqual(Set(after.entries.keys), Set(before.entries.keys), "a refused run created something")
    }
}
