import Foundation
import XCTest

extension XCTestCase {
    /// Writes `bytes` to a new CSV file in the temporary folder, named `coopstat-PREFIX-PID-RANDOM.csv`
    /// so parallel runs never share one, and removes it when the test ends. Returns its path.
    func temporaryCSV(_ bytes: [UInt8], prefix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coopstat-\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).csv"
        ).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
