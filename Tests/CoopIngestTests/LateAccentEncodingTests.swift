import CoopDomain
import CoopTestSupport
import Foundation
import XCTest

@testable import CoopIngest

/// A Windows-1252 or -1256 registry whose first 64 KiB are plain ASCII (an English header, names
/// without accents) is still read in its encoding once its first accents come, in one pass and in
/// parts: it used to be settled as UTF-8 on the ASCII head, and 'Tétouan' became 'T\u{FFFD}touan'.
final class LateAccentEncodingTests: XCTestCase {
    /// 3,000 ASCII rows (about 200 KiB), one row in the single-byte encoding, 3,000 ASCII rows.
    func registry(lateRow: [UInt8]) -> [UInt8] {
        func rows(_ prefix: String) -> [UInt8] {
            var text = ""
            for index in 0..<3000 {
                text += "\(prefix)\(index),Cooperative number \(index) of the region,2019-05-05,07,,agriculture,5\n"
            }
            return Array(text.utf8)
        }
        return Array("registration_id,name,creation_date,region,province,sector,members_total\n".utf8) + rows("A") + lateRow + rows("B")
    }

    /// "Z1,Coopérative Élevage,2019-05-05,,Tétouan,Élevage,5" in Windows-1252 (é = E9, É = C9).
    static let frenchRow: [UInt8] =
        Array("Z1,Coop".utf8) + [0xE9] + Array("rative ".utf8) + [0xC9] + Array("levage,2019-05-05,,T".utf8) + [0xE9]
        + Array("touan,".utf8) + [0xC9] + Array("levage,5\n".utf8)

    /// "Y1,تعاونية,2019-05-05,,تطوان,الفلاحة,5" in Windows-1256.
    static let arabicRow: [UInt8] =
        Array("Y1,".utf8) + [0xCA, 0xDA, 0xC7, 0xE6, 0xE4, 0xED, 0xC9] + Array(",2019-05-05,,".utf8)
        + [0xCA, 0xD8, 0xE6, 0xC7, 0xE4] + Array(",".utf8) + [0xC7, 0xE1, 0xDD, 0xE1, 0xC7, 0xCD, 0xC9] + Array(",5\n".utf8)

    func assertRead(_ bytes: [UInt8], as encoding: TextEncoding, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertGreaterThan(bytes.count, 2 * 64 * 1024, "the accents come after the first 64 KiB", file: file, line: line)
        let reference = try ReferenceFixture.load()
        let path = try temporaryCSV(bytes, prefix: "late")
        let source = RegistryIngest.Source(path: path, displayName: "late.csv")
        for parts in [1, 3] {
            let ingested = RegistryIngest.ingest(
                [source], reference: reference, range: .standard, minimumPartSize: bytes.count / 3, maximumParts: parts)
            XCTAssertEqual(ingested.files.first?.encoding, encoding.rawValue, "parts \(parts)", file: file, line: line)
            XCTAssertEqual(ingested.files.first?.rowsRead, 6001, "parts \(parts)", file: file, line: line)
            XCTAssertEqual(ingested.files.first?.accepted, 6001, "parts \(parts)", file: file, line: line)
            XCTAssertEqual(ingested.rejects.count, 0, "the late row's province resolves (parts \(parts))", file: file, line: line)
        }
        let plan = FileSplit.plan(
            path: path, size: bytes.count, format: RegistryFormat(), reference: reference, range: .standard,
            maximumParts: 3, minimumPartSize: bytes.count / 3)
        XCTAssertEqual(plan?.continuation.encoding, encoding, file: file, line: line)
    }

    func testFrenchAccentsAfterAnASCIIHead() throws {
        try assertRead(registry(lateRow: Self.frenchRow), as: .windows1252)
    }

    func testArabicAfterAnASCIIHead() throws {
        try assertRead(registry(lateRow: Self.arabicRow), as: .windows1256)
    }

    /// The window is the first 64 KiB, or — after an ASCII head — 64 KiB past the first high
    /// byte, at most 4 MiB; it waits for more bytes only while the file may still bring them.
    func testEncodingWindow() {
        let head = 64 * 1024
        var ascii = [UInt8](repeating: 0x61, count: 100_000)
        XCTAssertNil(EncodingWindow.of(ascii, complete: false))
        XCTAssertEqual(EncodingWindow.of(ascii, complete: true)?.count, 100_000)
        ascii[80_000] = 0xE9
        XCTAssertNil(EncodingWindow.of(ascii, complete: false))  // 80,000 + 64 KiB not there yet
        XCTAssertEqual(EncodingWindow.of(ascii + [UInt8](repeating: 0x61, count: head), complete: false)?.count, 80_000 + head)
        var early = [UInt8](repeating: 0x61, count: head)
        early[10] = 0xE9
        XCTAssertEqual(EncodingWindow.of(early, complete: false)?.count, head)
        let long = [UInt8](repeating: 0x61, count: (4 << 20) + 5)
        XCTAssertEqual(EncodingWindow.of(long, complete: false)?.count, 4 << 20)
    }
}
