import CoopDomain
import CoopTestSupport
import Foundation
import XCTest

@testable import CoopIngest

/// Rejects beyond the bound go to spills on disk, stream back into the same `rejects.csv`, and
/// their folders are gone when the log is.
final class RejectSpillTests: XCTestCase {
    let header = "file,line,registration_id,field,value,reason\n"
    let outOfRange = "the creation date is outside the analysed range 2005-01-01..2024-12-31"

    /// `rows` rows, every one dated 1990 (out of range) but each 100th (accepted); the expected
    /// rejects.csv lines written out here from the rows themselves.
    func registry(rows: Int) throws -> (path: String, expected: String) {
        var text = "registration_id,name,creation_date,region,sector,members_total\n"
        var expected = header
        for index in 0..<rows {
            let accepted = index % 100 == 0
            let date = accepted ? "2019-03-14" : "1990-01-\(index % 18 + 10)"
            text += "ID\(index),\"Coop, \(index)\",\(date),\(index % 12 + 1),agriculture,\(index % 20 + 1)\n"
            if !accepted { expected += "many.csv,\(index + 2),ID\(index),creation_date,\(date),\(outOfRange)\n" }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-spilltest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("many.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (path, expected)
    }

    func testManyRejectsInPartsStreamTheSameCSVAndKeepOnlyTheBound() throws {
        let reference = try ReferenceFixture.load()
        let (path, expected) = try registry(rows: 50_000)
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let source = RegistryIngest.Source(path: path, displayName: "many.csv")
        var folders: [String] = []
        do {
            let registry = RegistryIngest.ingest(
                [source, source], reference: reference, range: .standard, minimumPartSize: size / 4, maximumParts: 4)
            let rejects = registry.rejects
            XCTAssertEqual(rejects.count, 2 * 49_500)
            XCTAssertEqual(rejects.listed.count, RejectLog.bound, "only the bound is held in memory")
            XCTAssertEqual(rejects.listed.first?.line, 3)
            XCTAssertEqual(rejects.byReason.map(\.code), ["date_out_of_range"])
            XCTAssertEqual(rejects.byReason.first?.count, 2 * 49_500)
            XCTAssertEqual(rejects.byReason.first?.sentence, outOfRange)
            XCTAssertNil(registry.verifyAccounting())
            folders = rejects.spillFolders
            XCTAssertGreaterThan(folders.count, 1, "parts and files spill separately")
            XCTAssertTrue(folders.allSatisfy { FileManager.default.fileExists(atPath: $0) })
            let body = String(expected.dropFirst(header.count))
            XCTAssertEqual(try rejects.csvText(), expected + body, "the second file's rows follow the first's")
            rejects.removeSpills()
            XCTAssertTrue(folders.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        }
        XCTAssertFalse(folders.isEmpty)
    }

    func testFewRejectsStayInMemoryWithNoSpill() throws {
        let reference = try ReferenceFixture.load()
        let (path, expected) = try registry(rows: 500)
        let registry = RegistryIngest.ingest(
            [RegistryIngest.Source(path: path, displayName: "many.csv")], reference: reference, range: .standard)
        XCTAssertEqual(registry.rejects.count, 495)
        XCTAssertEqual(registry.rejects.listed.count, 495)
        XCTAssertTrue(registry.rejects.spillFolders.isEmpty)
        XCTAssertEqual(try registry.rejects.csvText(), expected)
    }

    func testADroppedLogRemovesItsSpills() throws {
        var folders: [String] = []
        do {
            var builder = RejectLogBuilder(bound: 2, spillingTo: RejectSpillWriter.init(file:))
            for line in 1...5 {
                builder.append(
                    RejectedRow(file: "f.csv", line: line, registrationId: "I\(line)", field: .region, value: "x", reason: .unknownRegion))
            }
            let log = builder.finish()
            folders = log.spillFolders
            XCTAssertEqual(folders.count, 1)
            XCTAssertEqual(log.listed.count, 2)
            let sentence = RejectReason.unknownRegion.sentence
            XCTAssertEqual(
                try log.csvText(), header + (1...5).map { "f.csv,\($0),I\($0),region,x,\(sentence)\n" }.joined())
        }
        XCTAssertFalse(folders.isEmpty)
        XCTAssertTrue(folders.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
    }
}
