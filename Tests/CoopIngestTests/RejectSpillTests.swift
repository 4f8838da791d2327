import CoopDomain
import CoopTestSupport
import Foundation
import XCTest

@testable import CoopIngest

/// Rejects beyond the bound go to spills on disk, stream back into the same `rejects.csv`, have no
/// name on disk even while open (a killed run leaves nothing), and are freed when the log is.
final class RejectSpillTests: XCTestCase {
    /// What coopstat's spills would have left by name in the temporary folder.
    func spillNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: NamelessFile.folder).filter { $0.hasPrefix("coopstat-rejects-") }
    }

    /// The descriptors this process has open.
    func openDescriptors() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

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
        let namesBefore = try spillNames()
        let descriptorsBefore = try openDescriptors()
        var spills = 0
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
            spills = rejects.spillCount
            XCTAssertGreaterThan(spills, 1, "parts and files spill separately")
            XCTAssertEqual(try spillNames(), namesBefore, "an open spill has no name on disk")
            XCTAssertEqual(try openDescriptors(), descriptorsBefore + spills, "each spill is one open, nameless file")
            let body = String(expected.dropFirst(header.count))
            XCTAssertEqual(try rejects.csvText(), expected + body, "the second file's rows follow the first's")
            XCTAssertEqual(try rejects.csvText(), expected + body, "a spill reads back again")
            rejects.removeSpills()
            XCTAssertEqual(try openDescriptors(), descriptorsBefore, "removed spills are closed")
        }
        XCTAssertGreaterThan(spills, 1)
    }

    func testFewRejectsStayInMemoryWithNoSpill() throws {
        let reference = try ReferenceFixture.load()
        let (path, expected) = try registry(rows: 500)
        let registry = RegistryIngest.ingest(
            [RegistryIngest.Source(path: path, displayName: "many.csv")], reference: reference, range: .standard)
        XCTAssertEqual(registry.rejects.count, 495)
        XCTAssertEqual(registry.rejects.listed.count, 495)
        XCTAssertEqual(registry.rejects.spillCount, 0)
        XCTAssertEqual(try registry.rejects.csvText(), expected)
    }

    func testADroppedLogClosesItsSpills() throws {
        let descriptorsBefore = try openDescriptors()
        do {
            var builder = RejectLogBuilder(bound: 2, spillingTo: RejectSpillWriter.init(file:))
            for line in 1...5 {
                builder.append(
                    RejectedRow(file: "f.csv", line: line, registrationId: "I\(line)", field: .region, value: "x", reason: .unknownRegion))
            }
            let log = builder.finish()
            XCTAssertEqual(log.spillCount, 1)
            XCTAssertEqual(try openDescriptors(), descriptorsBefore + 1)
            XCTAssertEqual(log.listed.count, 2)
            let sentence = RejectReason.unknownRegion.sentence
            XCTAssertEqual(
                try log.csvText(), header + (1...5).map { "f.csv,\($0),I\($0),region,x,\(sentence)\n" }.joined())
        }
        XCTAssertEqual(try openDescriptors(), descriptorsBefore, "the dropped log's spill is closed")
    }
}
