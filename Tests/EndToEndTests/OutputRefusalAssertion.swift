import XCTest

/// Asserts that `result` is coopstat refusing the output folder `output` (CONTRACT §3.0): exit 73
/// and one line on stderr naming the path (`/:` for the root) and saying why (`mentions`).
/// Returns false when the exit status is not 73 (the run may then have written there: callers
/// that try dangerous folders stop at once).
@discardableResult
func assertOutputRefused(
    _ result: CoopstatProcess.Finished, output: String, mentions: String, file: StaticString = #filePath, line: UInt = #line
) -> Bool {
    guard result.status == 73 else {
        XCTFail("\(output): expected exit 73, got \(result)", file: file, line: line)
        return false
    }
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: line)
    XCTAssertTrue(result.stderr.contains(mentions), "\(output): \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.contains(output == "/" ? "/:" : output), result.stderr, file: file, line: line)
    return true
}
