import CoopDomain
import CoopIngest
import CoopTestSupport
import CoopTransform
import Foundation
import XCTest

/// A corpus of malformed or awkward registry files, each with its expected outcome asserted:
/// a clear refusal, or exact counts and reject reasons — never a crash, never a lost row.
final class AwkwardInputTests: XCTestCase {
    enum Expect {
        case refused(String)
        case counts(rows: Int, accepted: Int, rejected: [String], blank: Int)
    }

    struct Case {
        let name: String
        let bytes: [UInt8]
        let expect: Expect
    }

    static let head = "registration_id,creation_date,region,sector,members_total\n"
    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func utf16LE(_ text: String, bom: Bool = true) -> [UInt8] {
        (bom ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
    static func utf16BE(_ text: String) -> [UInt8] {
        [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static var cases: [Case] {
        let h = head
        let ok = "A1,2019-03-04,07,agriculture,9\n"
        var list: [Case] = [
            Case(name: "empty file", bytes: [], expect: .refused("empty")),
            Case(name: "only blank lines", bytes: utf8("\n\n\r\n"), expect: .refused("no header")),
            Case(name: "header only", bytes: utf8(h), expect: .counts(rows: 0, accepted: 0, rejected: [], blank: 0)),
            Case(
                name: "header only, no newline", bytes: utf8(String(h.dropLast())),
                expect: .counts(rows: 0, accepted: 0, rejected: [], blank: 0)),
            Case(name: "one good row", bytes: utf8(h + ok), expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "no final newline", bytes: utf8(h + String(ok.dropLast())),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "CRLF line ends",
                bytes: utf8((h + ok + "A2,2019-03-04,07,agriculture,9\n").replacingOccurrences(of: "\n", with: "\r\n")),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 0)),
            Case(
                name: "CR line ends", bytes: utf8((h + ok + "A2,2019-03-04,07,agriculture,9\n").replacingOccurrences(of: "\n", with: "\r")),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 0)),
            Case(
                name: "mixed line ends",
                bytes: utf8(h.replacingOccurrences(of: "\n", with: "\r\n") + ok + "A2,2019-03-04,07,agriculture,9\r"),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 0)),
            Case(
                name: "blank lines and delimiter-only lines",
                bytes: utf8(h + "\n" + ok + ",,,,\n   \n" + "A2,2019-03-04,07,agriculture,9\n\n"),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 4)),
            Case(
                name: "truncated quote at end of file", bytes: utf8(h + ok + "A2,2019-03-04,07,\"agriculture,9\n"),
                expect: .counts(rows: 2, accepted: 1, rejected: ["unterminated_quote"], blank: 0)),
            Case(
                name: "too few fields", bytes: utf8(h + "A1,2019-03-04,07,9\n"),
                expect: .counts(rows: 1, accepted: 0, rejected: ["field_count"], blank: 0)),
            Case(
                name: "too many fields", bytes: utf8(h + "A1,2019-03-04,07,agriculture,9,extra\n"),
                expect: .counts(rows: 1, accepted: 0, rejected: ["field_count"], blank: 0)),
            Case(
                name: "trailing delimiter", bytes: utf8(h + "A1,2019-03-04,07,agriculture,9,\n"),
                expect: .counts(rows: 1, accepted: 0, rejected: ["field_count"], blank: 0)),
            Case(
                name: "quoted line break in a field",
                bytes: utf8(
                    "registration_id,name,creation_date,region,sector,members_total\nA1,\"Coop\nAl Amal\",2019-03-04,07,agriculture,9\nA2,x,bad,07,agriculture,9\n"
                ),
                expect: .counts(rows: 2, accepted: 1, rejected: ["invalid_date"], blank: 0)),
            Case(
                name: "doubled quotes",
                bytes: utf8(
                    "registration_id,name,creation_date,region,sector,members_total\nA1,\"Coop \"\"Nour\"\", Safi\",2019-03-04,07,agriculture,9\n"
                ),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "NUL byte in a field", bytes: utf8(h) + [0x41, 0x00, 0x31] + utf8(",2019-03-04,07,agriculture,9\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "invalid UTF-8 in a UTF-8 file",
                bytes: utf8(h + ok) + utf8("A2,2019-03-04,07,agri") + [0xFF, 0xFE, 0x41] + utf8(",9\n"),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 0)),
            Case(name: "UTF-16 LE with BOM", bytes: utf16LE(h + ok), expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(name: "UTF-16 BE with BOM", bytes: utf16BE(h + ok), expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            // The odd trailing byte decodes to U+FFFD on a line of its own: a one-field row, rejected, not lost.
            Case(
                name: "UTF-16 with odd byte count", bytes: utf16LE(h + ok) + [0x41],
                expect: .counts(rows: 2, accepted: 1, rejected: ["field_count"], blank: 0)),
            Case(
                name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + utf8(h + ok), expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "BOM in the middle", bytes: utf8(h) + [0xEF, 0xBB, 0xBF] + utf8(ok),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "duplicated header names",
                bytes: utf8("id,creation_date,region,sector,members,members\nA1,2019-03-04,07,agriculture,9,9\n"),
                expect: .refused("both name 'members_total'")),
            Case(
                name: "missing required column", bytes: utf8("id,region,sector,members\nA1,07,agriculture,9\n"),
                expect: .refused("creation_date")),
            Case(
                name: "no region nor province", bytes: utf8("id,creation_date,sector,members\nA1,2019-03-04,agriculture,9\n"),
                expect: .refused("'region' or 'province'")),
            Case(
                name: "unknown extra columns",
                bytes: utf8("id,creation_date,region,sector,members,Téléphone,GPS\nA1,2019-03-04,07,agriculture,9,0600,x\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "spreadsheet formulas in names",
                bytes: utf8(
                    "id,name,creation_date,region,sector,members\nA1,=HYPERLINK(\"http://x\"),2019-03-04,07,agriculture,9\nA2,+SUM(1;2),2019-03-04,07,agriculture,9\nA3,@cmd,2019-03-04,07,agriculture,9\nA4,-2+3,2019-03-04,07,agriculture,9\n"
                ),
                expect: .counts(rows: 4, accepted: 4, rejected: [], blank: 0)),
            Case(
                name: "semicolon with commas in quoted names",
                bytes: utf8("id;name;creation_date;region;sector;members\nA1;\"Coop, Al Amal\";04/03/2019;07;agriculture;9\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "tab delimited", bytes: utf8("id\tcreation_date\tregion\tsector\tmembers\nA1\t04/03/2019\t07\tagriculture\t9\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "pipe delimited", bytes: utf8("id|creation_date|region|sector|members\nA1|04.03.2019|07|agriculture|1 250\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "Arabic-Indic digits everywhere",
                bytes: utf8(h + "A1,٠٤/٠٣/٢٠١٩,٠٧,agriculture,١٢\nA2,۰۴/۰۳/۲۰۱۹,۷,agriculture,۱۲\n"),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 0)),
            Case(
                name: "Excel serial dates", bytes: utf8(h + "A1,43831,07,agriculture,9\nA2,45700,07,agriculture,9\n"),
                expect: .counts(rows: 2, accepted: 1, rejected: ["date_out_of_range"], blank: 0)),
            Case(
                name: "impossible dates",
                bytes: utf8(h + "A1,31/02/2019,07,agriculture,9\nA2,29/02/2023,07,agriculture,9\nA3,29/02/2024,07,agriculture,9\n"),
                expect: .counts(rows: 3, accepted: 1, rejected: ["invalid_date", "invalid_date"], blank: 0)),
            Case(
                name: "dates with times",
                bytes: utf8(h + "A1,2019-03-04 10:30:00,07,agriculture,9\nA2,04/03/2019 00:00,07,agriculture,9\n"),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 0)),
            Case(
                name: "empty id and empty date", bytes: utf8(h + ",2019-03-04,07,agriculture,9\nA2,,07,agriculture,9\n"),
                expect: .counts(rows: 2, accepted: 0, rejected: ["missing_registration_id", "missing_date"], blank: 0)),
            Case(
                name: "members edge cases",
                bytes: utf8(
                    h
                        + "A1,2019-03-04,07,agriculture,0\nA2,2019-03-04,07,agriculture,-4\nA3,2019-03-04,07,agriculture,4.5\nA4,2019-03-04,07,agriculture,\u{00A0}1\u{202F}250\n"
                ),
                expect: .counts(
                    rows: 4, accepted: 1, rejected: ["total_below_one", "not_a_non_negative_integer", "not_a_non_negative_integer"],
                    blank: 0)),
            Case(
                name: "duplicates within a file",
                bytes: utf8(h + ok + "a1 ,2019-03-04,07,agriculture,9\nA1,2019-03-04,07,agriculture,10\n"),
                expect: .counts(rows: 3, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "unknown sector", bytes: utf8(h + "A1,2019-03-04,07,Astronautique,9\nA2,2019-03-04,07,,9\n"),
                expect: .counts(rows: 2, accepted: 2, rejected: [], blank: 0)),
            Case(
                name: "Windows-1252 French header",
                bytes: [UInt8]("N° d'agrément;Date de création;Région;Secteur;Effectif\n".unicodeScalars.map { UInt8($0.value) })
                    + utf8("A1;04/03/2019;Marrakech-Safi;Agriculture;9\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
            Case(
                name: "quote inside an unquoted field",
                bytes: utf8("id,name,creation_date,region,sector,members\nA1,Coop 5\" Nour,2019-03-04,07,agriculture,9\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)),
        ]
        // A 100 KB field.
        list.append(
            Case(
                name: "100 KB field",
                bytes: utf8(
                    "id,name,creation_date,region,sector,members\nA1,\"" + String(repeating: "x", count: 100_000)
                        + "\",2019-03-04,07,agriculture,9\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)))
        // 10,000 columns (the required ones first, then unknown ones).
        let extra = (0..<9_995).map { "c\($0)" }.joined(separator: ",")
        let extraValues = String(repeating: ",", count: 9_995)
        list.append(
            Case(
                name: "10,000 columns",
                bytes: utf8("id,creation_date,region,sector,members," + extra + "\nA1,2019-03-04,07,agriculture,9" + extraValues + "\n"),
                expect: .counts(rows: 1, accepted: 1, rejected: [], blank: 0)))
        return list
    }

    func testEveryAwkwardInputHasItsExpectedOutcome() throws {
        let reference = try ReferenceFixture.load()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-awkward-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = Self.cases
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        for (index, item) in cases.enumerated() {
            let path = folder.appendingPathComponent("case\(index).csv").path
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            let registry = RegistryIngest.ingest([.init(path: path, displayName: item.name)], reference: reference, range: .standard)
            XCTAssertNil(registry.verifyAccounting(), item.name)
            let quality = registry.files[0]
            switch item.expect {
            case .refused(let text):
                XCTAssertEqual(registry.refusals.count, 1, item.name)
                XCTAssertTrue(
                    registry.refusals.first?.description.contains(text) ?? false,
                    "\(item.name): \(registry.refusals.first?.description ?? "no refusal")")
                XCTAssertEqual(registry.accepted, 0, item.name)
            case .counts(let rows, let accepted, let rejected, let blank):
                XCTAssertTrue(registry.refusals.isEmpty, "\(item.name): \(registry.refusals)")
                XCTAssertEqual(quality.rowsRead, rows, item.name)
                XCTAssertEqual(quality.accepted, accepted, item.name)
                XCTAssertEqual(registry.rejects.listed.map(\.reason.code), rejected, item.name)
                XCTAssertEqual(quality.skippedBlank, blank, item.name)
            }
        }
    }

    func testLineNumbersPointAtTheRecordStart() throws {
        let reference = try ReferenceFixture.load()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-lines-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text =
            "id,name,creation_date,region,sector,members\n\nA1,\"two\nlines\",2019-03-04,07,agriculture,9\nA2,x,bad,07,agriculture,9\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let registry = RegistryIngest.ingest([.init(path: path, displayName: "x.csv")], reference: reference, range: .standard)
        XCTAssertEqual(registry.rejects.listed.first?.line, 5)
        XCTAssertEqual(registry.rejects.listed.first?.registrationId, "A2")
        XCTAssertEqual(registry.rejects.listed.first?.value, "bad")
    }

    func testDuplicatesAcrossFilesCountInTheReplacedFile() throws {
        let reference = try ReferenceFixture.load()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-dups-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.head + "A1,2019-03-04,07,agriculture,9\nA2,2019-03-04,07,agriculture,9\n").utf8).write(
            to: folder.appendingPathComponent("a.csv"))
        try Data((Self.head + "a1,04/03/2019,Marrakech-Safi,Agriculture,9\nA2,2019-03-04,07,agriculture,11\n").utf8).write(
            to: folder.appendingPathComponent("b.csv"))
        let paths = ["a.csv", "b.csv"].map { folder.appendingPathComponent($0).path }
        let registry = RegistryIngest.ingest(
            paths.map { .init(path: $0, displayName: ($0 as NSString).lastPathComponent) },
            reference: reference, range: .standard)
        XCTAssertNil(registry.verifyAccounting())
        XCTAssertEqual(registry.accepted, 2)
        XCTAssertEqual(registry.files.map(\.accepted), [0, 2])
        XCTAssertEqual(registry.files.map(\.duplicates), [2, 0])
        XCTAssertEqual(registry.files.map(\.duplicateConflicts), [1, 0])
        XCTAssertEqual(registry.conflicts.first?.differingFields, [.membersTotal])
        // Live: a1 of b.csv (9 members) and A2 of b.csv (11): the cube holds 20 members.
        XCTAssertEqual(registry.cube.total { _ in true }.membersTotal, 20)
    }
}
