import Foundation
import XCTest

@testable import CoopXlsx

/// Issue 12 item 9: libxlsxwriter's own `[ERROR]` lines never reach stderr (they broke
/// `--log-format json` and ignored `--quiet`); their text goes into our error instead.
final class XlsxErrorCaptureTests: XCTestCase {
    func testLibraryErrorLinesAreCapturedIntoTheError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("missing/out.xlsx").path
        let book = try XlsxWorkbook(path: target)
        try book.addWorksheet("S").writeString(row: 0, column: 0, "x")

        // Watch descriptor 2 ourselves while the workbook fails to close.
        let watched = folder.appendingPathComponent("stderr.txt").path
        let watch = open(watched, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(watch, 0)
        let saved = dup(STDERR_FILENO)
        dup2(watch, STDERR_FILENO)
        var thrown: Error?
        do { try book.close() } catch { thrown = error }
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(watch)

        let printed = try String(contentsOfFile: watched, encoding: .utf8)
        XCTAssertEqual(printed, "", "libxlsxwriter printed on stderr")
        let message = String(describing: try XCTUnwrap(thrown))
        XCTAssertTrue(message.contains("[ERROR]") && message.contains("out.xlsx"), message)
        XCTAssertFalse(message.contains("\n"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }
}
