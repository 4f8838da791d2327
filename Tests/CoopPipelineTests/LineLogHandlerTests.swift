import Logging
import XCTest

@testable import CoopPipeline

final class LineLogHandlerTests: XCTestCase {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [String] = []
        func add(_ s: String) {
            lock.lock()
            storage.append(s)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }

    let time = Date(timeIntervalSince1970: 1_795_921_200)  // 2026-11-29T03:00:00Z

    func logger(_ format: LineLogHandler.Format, quiet: Bool, into lines: Lines) -> Logger {
        let t = time
        return Logger(label: "refresh") { label in
            LineLogHandler(label: label, format: format, quiet: quiet, sink: { lines.add($0) }, clock: { t })
        }
    }

    func testHumanLine() {
        let lines = Lines()
        logger(.human, quiet: false, into: lines).info("published 2024Q4 (60,055 accepted)")
        XCTAssertEqual(lines.all, ["2026-11-29T03:00:00Z info refresh: published 2024Q4 (60,055 accepted)\n"])
    }

    func testJSONLineAndMetadata() throws {
        let lines = Lines()
        logger(.json, quiet: false, into: lines).warning("two\nlines", metadata: ["file": "a.csv"])
        XCTAssertEqual(lines.all.count, 1)
        XCTAssertEqual(lines.all[0].filter { $0 == "\n" }.count, 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines.all[0].utf8)) as! [String: Any]
        XCTAssertEqual(object["time"] as? String, "2026-11-29T03:00:00Z")
        XCTAssertEqual(object["level"] as? String, "warning")
        XCTAssertEqual(object["label"] as? String, "refresh")
        // The newline from input is shown as a visible escape in JSON too (VisibleText).
        XCTAssertEqual(object["message"] as? String, "two\\nlines")
        XCTAssertEqual(object["metadata"] as? [String: String], ["file": "a.csv"])
    }

    func testQuietPassesOnlyErrors() {
        let lines = Lines()
        let log = logger(.human, quiet: true, into: lines)
        log.info("hidden")
        log.warning("hidden too")
        log.error("shown")
        XCTAssertEqual(lines.all, ["2026-11-29T03:00:00Z error refresh: shown\n"])
    }
}
