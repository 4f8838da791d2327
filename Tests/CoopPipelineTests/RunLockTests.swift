import XCTest

@testable import CoopPipeline

final class RunLockTests: XCTestCase {
    func testSecondLockFailsNamingHolderAndReleaseFreesIt() throws {
        let dir = try RefreshTestFolder()
        let root = dir.url.appendingPathComponent("reports")
        let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
        let first = try RunLock.acquire(outputRoot: root, now: start)
        XCTAssertTrue(first.isHeld)
        XCTAssertEqual(
            dir.read("reports/.coopstat.lock"),
            "pid=\(getpid())\nstarted=\(ISO8601DateFormatter().string(from: start))\n")

        XCTAssertThrowsError(try RunLock.acquire(outputRoot: root)) { e in
            guard case .held(_, let pid, let started) = e as! LockError else { return XCTFail("\(e)") }
            XCTAssertEqual(pid, getpid())
            XCTAssertEqual(started, "2026-11-18T11:06:40Z")
            XCTAssertEqual((e as! LockError).exitCode, .tempFail)
            XCTAssertTrue("\(e)".contains("process \(getpid())"), "\(e)")
        }
        first.release()
        XCTAssertFalse(first.isHeld)
        let second = try RunLock.acquire(outputRoot: root)
        XCTAssertTrue(second.isHeld)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.path + "/.coopstat.lock"))
    }

    func testDeinitReleases() throws {
        let dir = try RefreshTestFolder()
        do { _ = try RunLock.acquire(outputRoot: dir.url) }
        XCTAssertNoThrow(try RunLock.acquire(outputRoot: dir.url))
    }
}
