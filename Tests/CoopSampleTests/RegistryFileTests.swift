import CoopDomain
import Foundation
import XCTest

@testable import CoopSample

final class RegistryFileTests: XCTestCase {
    func testEachFileHasItsEncoding() throws {
        let fr = try XCTUnwrap(DefaultSample.file("01"))
        XCTAssertNil(String(validating: fr.bytes, as: UTF8.self), "file 1 must not be valid UTF-8")
        let frText = try XCTUnwrap(TestReference.decode(fr.bytes, codePage: "WINDOWS-1252"))
        XCTAssertTrue(frText.hasPrefix("N° d'agrément;Dénomination;Date de création;Région;"))
        XCTAssertTrue(frText.contains("\r\n"))
        XCTAssertTrue(fr.bytes.contains(0xE9))  // é in Windows-1252

        let ar = try XCTUnwrap(DefaultSample.file("02"))
        XCTAssertNil(String(validating: ar.bytes, as: UTF8.self))
        let arText = try XCTUnwrap(TestReference.decode(ar.bytes, codePage: "WINDOWS-1256"))
        XCTAssertTrue(arText.hasPrefix("رقم الاعتماد;التسمية;تاريخ التأسيس;الجهة;"))

        let ar15 = try XCTUnwrap(DefaultSample.file("03"))
        XCTAssertEqual(Array(ar15.bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let ar15Text = try XCTUnwrap(String(validating: ar15.bytes.dropFirst(3), as: UTF8.self))
        XCTAssertTrue(ar15Text.contains("سلالية"))
        XCTAssertTrue(ar15Text.contains("الشباب"))
        XCTAssertTrue(ar15Text.unicodeScalars.contains { (0x0660...0x0669).contains($0.value) }, "Arabic-Indic digits")
        XCTAssertTrue(ar15Text.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) }, "Eastern Arabic-Indic digits")

        let en = try XCTUnwrap(DefaultSample.file("04"))
        XCTAssertEqual(Array(en.bytes.prefix(2)), [0xFF, 0xFE])
        XCTAssertEqual(en.bytes.count % 2, 0)
        let enText = TestReference.decodeUTF16LE(en.bytes.dropFirst(2))
        XCTAssertTrue(
            enText.hasPrefix(
                "Registration ID\tName\tCreation date\tRegion\tProvince\tSector\tMembers\tWomen\tMen\tYouth\tCapital (MAD)\tSoulaliyate"))

        let updates = try XCTUnwrap(DefaultSample.file("05"))
        XCTAssertNotEqual(Array(updates.bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let updatesText = try XCTUnwrap(String(validating: updates.bytes, as: UTF8.self))
        XCTAssertTrue(
            updatesText.hasPrefix(
                "registration_id,name,creation_date,region,province,commune,sector,members_total,members_women,members_men,members_youth,capital_mad,status,soulaliyate\n"
            ))
    }

    /// Every non-blank row is an accepted cooperative, a planted reject or a repeat; blank lines are as planned.
    func testRowsAddUpToAcceptedPlusRejectsPlusDuplicates() throws {
        let calibration = DefaultSample.result.calibration
        var dataRows = 0
        var blank = 0
        var wrongFieldCount = 0
        var idCounts: [String: Int] = [:]
        for registry in DefaultSample.result.files {
            let (text, delimiter) = try XCTUnwrap(DefaultSample.decoded(registry), registry.fileName)
            let rows = TestReference.parseCSV(text, delimiter: delimiter)
            let width = rows[0].count
            for row in rows.dropFirst() {
                if row.allSatisfy({ $0.isEmpty }) {
                    blank += 1
                    continue
                }
                dataRows += 1
                if row.count != width {
                    wrongFieldCount += 1
                    continue
                }
                let id = row[0].trimmingCharacters(in: .whitespaces).lowercased()
                if !id.isEmpty { idCounts[id, default: 0] += 1 }
            }
        }
        XCTAssertEqual(dataRows, calibration.total + calibration.plannedRejects + calibration.plannedDuplicates)
        XCTAssertEqual(blank, calibration.plannedBlankLines)
        XCTAssertEqual(wrongFieldCount, 4)
        XCTAssertEqual(idCounts.values.filter { $0 == 2 }.count, calibration.plannedDuplicates)
        XCTAssertEqual(idCounts.values.filter { $0 > 2 }.count, 0)
        for planned in DefaultSample.planned.prefix(500) {
            XCTAssertNotNil(idCounts[planned.registrationId.lowercased()], planned.registrationId)
        }
    }

    /// Before 2015 offices write 1997 regions: where the region was split, the province is always given
    /// (except the one planted reject), and the province belongs to the region written.
    func testLegacyRegionsCarryTheProvinceWhereSplit() throws {
        let reference = TestReference.data
        var splitWithProvince = 0
        var splitWithout = 0
        var legacyRows = 0
        for prefix in ["01", "02"] {
            let registry = try XCTUnwrap(DefaultSample.file(prefix))
            let (text, delimiter) = try XCTUnwrap(DefaultSample.decoded(registry))
            let rows = TestReference.parseCSV(text, delimiter: delimiter)
            let regionColumn = 3
            let provinceColumn = 4
            for row in rows.dropFirst() where row.count == rows[0].count {
                guard case .legacy(let legacy)? = reference.matchRegion(row[regionColumn]) else { continue }
                legacyRows += 1
                if legacy.directRegion != nil { continue }
                if row[provinceColumn].isEmpty {
                    splitWithout += 1
                    continue
                }
                splitWithProvince += 1
                let province = try XCTUnwrap(reference.matchProvince(row[provinceColumn]), row[provinceColumn])
                XCTAssertEqual(reference.provinces[province].legacyCode, legacy.legacyCode, row[provinceColumn])
            }
        }
        XCTAssertGreaterThan(legacyRows, 5000)
        XCTAssertGreaterThan(splitWithProvince, 500)
        XCTAssertEqual(splitWithout, 2)  // the two planted rejects
    }

    func testNamesExerciseQuotingAndFormulaInjection() throws {
        let registry = try XCTUnwrap(DefaultSample.file("05"))
        let all = DefaultSample.result.files.compactMap { DefaultSample.decoded($0) }
        let names = all.flatMap { file in
            TestReference.parseCSV(file.text, delimiter: file.delimiter).dropFirst().compactMap { $0.count > 1 ? $0[1] : nil }
        }
        XCTAssertTrue(names.contains { $0.contains(",") })
        XCTAssertTrue(names.contains { $0.contains("\"") })
        XCTAssertTrue(names.contains { $0.contains("\n") })
        for first in ["=", "+", "-", "@"] { XCTAssertTrue(names.contains { $0.hasPrefix(first) }, first) }
        XCTAssertFalse(registry.bytes.isEmpty)
    }

    func testCanonicalStreamsValidRowsInChunks() throws {
        var chunks: [[UInt8]] = []
        DefaultSample.generator.writeCanonical(rows: 30_000) { chunks.append($0) }
        XCTAssertGreaterThanOrEqual(chunks.count, 2)
        for chunk in chunks.dropLast() { XCTAssertTrue(((1 << 20)...((1 << 20) + 4096)).contains(chunk.count)) }
        let text = try XCTUnwrap(String(validating: chunks.flatMap { $0 }, as: UTF8.self))
        let rows = TestReference.parseCSV(text, delimiter: ",")
        XCTAssertEqual(
            rows[0],
            [
                "registration_id", "name", "creation_date", "region_code", "province", "sector",
                "members_total", "members_women", "members_men", "capital_mad",
            ])
        XCTAssertEqual(rows.count, 30_001)
        XCTAssertEqual(Set(rows.dropFirst().map { $0[0] }).count, 30_000)
        var arabic = false
        var comma = false
        var quote = false
        for row in rows.dropFirst() {
            XCTAssertEqual(row.count, 10)
            XCTAssertNotNil(Day(iso: row[2]), row[2])
            let total = try XCTUnwrap(Int(row[6]))
            XCTAssertGreaterThanOrEqual(total, 5)
            if let women = Int(row[7]), let men = Int(row[8]) { XCTAssertEqual(women + men, total) }
            XCTAssertNotNil(TestReference.data.sectorIndex(code: row[5]))
            arabic = arabic || row[1].unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
            comma = comma || row[1].contains(",")
            quote = quote || row[1].contains("\"")
        }
        XCTAssertTrue(arabic && comma && quote)
        var empty: [[UInt8]] = []
        DefaultSample.generator.writeCanonical(rows: 0) { empty.append($0) }
        XCTAssertEqual(empty.count, 1)
        XCTAssertEqual(String(decoding: empty[0], as: UTF8.self), CanonicalRegistry.header)
    }
}
