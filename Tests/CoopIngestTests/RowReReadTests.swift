import CoopDomain
import CoopTestSupport
import Foundation
import XCTest

@testable import CoopIngest

/// Rows read again by line for the conflict listing: from the offset of their line, with exactly
/// the records a read from the top of the file gives.
final class RowReReadTests: XCTestCase {
    /// Where each line starts, counted the slow way over code units `width` bytes wide: after
    /// every LF, after a CR not followed by LF, and after the LF of a CRLF (offsets in bytes).
    func expectedStarts<Unit: BinaryInteger>(_ units: [Unit], width: Int = 1) -> [Int: Int] {
        var starts = [1: 0]
        var line = 1
        var index = 0
        while index < units.count {
            let unit = units[index]
            index += 1
            if unit == 0x0D && index < units.count && units[index] == 0x0A { index += 1 }
            if unit == 0x0A || unit == 0x0D {
                line += 1
                starts[line] = index * width
            }
        }
        return starts
    }

    func testLineStartsMatchTheSlowCountWhateverTheBlocks() {
        var generator = SplitMix64(seed: 42)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x61, 0x2C, 0x22, 0xC3, 0xA9, 0x20]
        for round in 0..<300 {
            let length = Int(generator.next() % 200)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let expected = expectedStarts(bytes)
            let wanted = Set(expected.keys.filter { _ in generator.next() % 2 == 0 }).union([expected.count + 3])
            var finder = LineStarts(lines: wanted)
            var position = 0
            while position < bytes.count && !finder.isDone {
                let size = Int(generator.next() % 17) + 1
                let end = min(bytes.count, position + size)
                bytes[position..<end].withUnsafeBufferPointer { finder.feed($0) }
                position = end
            }
            finder.finish()
            let want = expected.filter { wanted.contains($0.key) }
            XCTAssertEqual(finder.found, want, "round \(round): \(bytes)")
        }
    }

    func testLineStartsOfAFileAcrossItsMegabyteBlocks() throws {
        // 1,100,000 bytes: lines of 10 bytes ending in CRLF, one CR right at the 1 MiB boundary.
        var bytes = [UInt8](repeating: 0x61, count: 1_100_000)
        var index = 8
        while index + 1 < bytes.count {
            bytes[index] = 0x0D
            bytes[index + 1] = 0x0A
            index += 10
        }
        bytes[(1 << 20) - 1] = 0x0D
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-lines-\(getpid()).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = expectedStarts(bytes)
        let wanted: Set<Int> = [2, 104_857, 104_858, 104_859, 104_860, expected.count]
        XCTAssertEqual(try LineStarts.offsets(of: wanted, in: path), expected.filter { wanted.contains($0.key) })
    }

    /// A registry with quoted line breaks, CRLF or CR line ends, blank lines, rejects and repeated ids.
    func registry(rows: Int, end: String) -> String {
        var text = "registration_id;name;creation_date;region;sector;members_total;status" + end
        for index in 0..<rows {
            let name = index % 7 == 0 ? "\"Coopérative \(index)\(end)suite; \"\"x\"\"\"" : "تعاونية \(index)"
            let date = index % 31 == 0 ? "31/02/2019" : "1\(index % 9)/0\(index % 9 + 1)/2019"
            text += "ID\(index % 40);\(name);\(date);\(index % 12 + 1);agriculture;\(index % 20 + 1);active" + end
            if index % 50 == 0 { text += end }
        }
        return text
    }

    func assertByOffsetEqualsFromTop(_ bytes: [UInt8], encoding: TextEncoding, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let reference = try ReferenceFixture.load()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-reread-\(getpid()).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = RegistryIngest.Source(path: path, displayName: "r.csv", format: RegistryFormat(encoding: encoding, delimiter: 0x3B))
        let every = Set(2...expectedStarts(bytes).count)
        let fromTop = ConflictListing.recordsFromTop(at: every, in: source, reference: reference, range: .standard)
        // Rows are asked for by the lines they start at (a line inside a quoted field starts no row).
        let byOffset = try XCTUnwrap(
            ConflictListing.recordsByOffset(at: Set(fromTop.keys), in: source, reference: reference, range: .standard))
        XCTAssertGreaterThan(fromTop.count, 150, file: file, line: line)
        XCTAssertEqual(byOffset.count, fromTop.count, file: file, line: line)
        for (row, record) in fromTop where byOffset[row] != record {
            XCTFail("line \(row): \(String(describing: byOffset[row])) read from its offset", file: file, line: line)
        }
        // The ingest lists the same conflicts (its listing reads by offset).
        let registry = RegistryIngest.ingest([source], reference: reference, range: .standard)
        XCTAssertGreaterThan(registry.conflicts.count, 100, file: file, line: line)
        for conflict in registry.conflicts {
            XCTAssertEqual(conflict.replaced, fromTop[conflict.replacedLine], file: file, line: line)
            XCTAssertEqual(conflict.kept, fromTop[conflict.keptLine], file: file, line: line)
        }
    }

    func testRowsReadFromTheirOffsetAreTheRowsReadFromTheTop() throws {
        try assertByOffsetEqualsFromTop(Array(registry(rows: 300, end: "\n").utf8), encoding: .utf8)
        try assertByOffsetEqualsFromTop(Array(registry(rows: 300, end: "\r\n").utf8), encoding: .utf8)
        try assertByOffsetEqualsFromTop(Array(registry(rows: 300, end: "\r").utf8), encoding: .utf8)
        try assertByOffsetEqualsFromTop([0xEF, 0xBB, 0xBF] + Array(registry(rows: 300, end: "\n").utf8), encoding: .utf8BOM)
        let latin = registry(rows: 300, end: "\r\n").replacingOccurrences(of: "تعاونية", with: "Coopé")
        try assertByOffsetEqualsFromTop(try XCTUnwrap(latin.data(using: .windowsCP1252)).map { $0 }, encoding: .windows1252)
    }

    func testUTF16FilesAreReadFromTheirOffsetsInTheBOMsByteOrder() throws {
        let text = registry(rows: 300, end: "\r\n")
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        try assertByOffsetEqualsFromTop([0xFF, 0xFE] + little, encoding: .utf16LE)
        try assertByOffsetEqualsFromTop([0xFE, 0xFF] + big, encoding: .utf16BE)
        try assertByOffsetEqualsFromTop(big, encoding: .utf16BE)
        // Declared little-endian, but the BOM says big-endian: the BOM wins, as on the first read.
        try assertByOffsetEqualsFromTop([0xFE, 0xFF] + big, encoding: .utf16LE)
    }

    func testUTF16LineStartsMatchTheSlowCountWhateverTheBlocks() {
        var generator = SplitMix64(seed: 7)
        // LF, CR, and units that hold a 0x0A or 0x0D byte without being a line break.
        let alphabet: [UInt16] = [0x0A, 0x0D, 0x61, 0x2C, 0x0627, 0x0A0D, 0x0D00, 0x0A61]
        for round in 0..<300 {
            let units = (0..<Int(generator.next() % 120)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let bigEndian = round % 2 == 0
            let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let expected = expectedStarts(units, width: 2)
            let wanted = Set(expected.keys.filter { _ in generator.next() % 2 == 0 }).union([expected.count + 2])
            var finder = LineStarts(lines: wanted, utf16BigEndian: bigEndian)
            var position = 0
            while position < bytes.count && !finder.isDone {
                let end = min(bytes.count, position + Int(generator.next() % 19) + 1)
                bytes[position..<end].withUnsafeBufferPointer { finder.feed($0) }
                position = end
            }
            finder.finish()
            XCTAssertEqual(finder.found, expected.filter { wanted.contains($0.key) }, "round \(round): \(units)")
        }
    }
}
