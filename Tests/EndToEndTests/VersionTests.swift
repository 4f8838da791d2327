import Foundation
import XCTest

/// `coopstat --version` names the version, the commit the binary was built from and the linked
/// libxlsxwriter, each checked against an independent source (git, the installed header).
final class VersionTests: XCTestCase {
    func shell(_ command: String, in folder: URL) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testVersionNamesCommitAndLibrary() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-version-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try CoopstatProcess.run(["--version"], scratch: scratch)
        XCTAssertEqual(result.status, 0, result.stderr)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        let pattern = #/^0\.1\.0 \(commit ([0-9a-f]{12}\+?|unknown), libxlsxwriter ([0-9.]+)\)$/#
        let match = try XCTUnwrap(line.wholeMatch(of: pattern), line)
        if let head = try shell("git rev-parse --short=12 HEAD", in: root) {
            // The binary may have been built from this commit with uncommitted changes ("+").
            XCTAssertTrue(match.1.hasPrefix(head), "commit \(match.1) is not HEAD \(head)")
        } else {
            XCTAssertEqual(match.1, "unknown")
        }
        // The installed headers' version (Debian's pkg-config file does not carry it).
        let header = #"grep -o 'LXW_VERSION "[0-9.]*"' "$(pkg-config --variable=includedir xlsxwriter)/xlsxwriter.h" | cut -d'"' -f2"#
        if let library = try shell(header, in: root), !library.isEmpty {
            XCTAssertEqual(String(match.2), library)
        }
    }

    /// `coopstat` alone is a usage error: one line on stderr and exit 64, nothing on stdout.
    func testNoCommandIsAUsageError() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-nocommand-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try CoopstatProcess.run([], scratch: scratch)
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("coopstat: error: no command given"), result.stderr)
    }
}
