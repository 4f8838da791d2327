import CoopDomain
import CoopTestSupport
import Foundation
import XCTest

@testable import CoopIngest

/// The ingest validates rows on their bytes (`RowValidator.accepted(row:)`, no String per field);
/// conflict listings and tests use the String path (`validate(row:)`). Both must agree on every row:
/// accepted by both with equal compact values and ledger state, or rejected by both (the byte path
/// then leaves the reject to the String path).
final class BytePathAgreementTests: XCTestCase {
    var reference: ReferenceData!

    override func setUpWithError() throws { reference = try ReferenceFixture.load() }

    /// What the two paths made of a file's rows.
    struct Agreement {
        var accepted = 0
        var rejected = 0
        var compact: [Int: AcceptedRow] = [:]
    }

    /// Decodes `bytes` as the parser does, scans it, and checks every row both ways.
    func agree(_ bytes: [UInt8], file: String) throws -> Agreement {
        let head = Array(EncodingWindow.of(bytes, complete: true) ?? bytes[...])
        let encoding = EncodingDetector.detect(head: head, headerScore: { ColumnAliases.score(headerLine: $0) })
        var transcoder = try UTF8Transcoder(encoding: encoding)
        var utf8: [UInt8] = []
        transcoder.convert(bytes, into: &utf8)
        transcoder.finish(into: &utf8)
        var scanner = CSVScanner(delimiter: DelimiterSniffer.sniff(utf8Head: Array(utf8.prefix(RegistryParser.headSize))))
        var rows: [CSVRow] = []
        scanner.feed(utf8) { rows.append($0) }
        scanner.finish { rows.append($0) }
        let contentRows = rows.filter { !$0.isBlank }
        guard let header = contentRows.first else {
            XCTFail("\(file): no header")
            return Agreement()
        }
        let layout = try HeaderLayout(cells: header.fields)
        var strings = RowValidator(layout: layout, reference: reference, range: .standard, file: file)
        var bytesPath = strings
        var result = Agreement()
        for row in contentRows.dropFirst() {
            let byByte = bytesPath.accepted(row: row)
            switch strings.validate(row: row) {
            case .accepted(let record, let unknownSector):
                result.accepted += 1
                guard let byByte else {
                    XCTFail("\(file):\(row.line): accepted by the String path only: \(row.fields)")
                    continue
                }
                XCTAssertEqual(byByte, AcceptedRow(record, unknownSector: unknownSector, reference: reference), "\(file):\(row.line)")
                XCTAssertEqual(
                    try CooperativeState(byByte, file: 3, line: row.line),
                    try CooperativeState(record, file: 3, line: row.line, reference: reference), "\(file):\(row.line)")
                XCTAssertEqual(byByte.key, RegistryKey(registrationId: record.registrationId))
                result.compact[row.line] = byByte
            case .rejected:
                result.rejected += 1
                XCTAssertNil(byByte, "\(file):\(row.line): rejected by the String path only: \(row.fields)")
            }
        }
        return result
    }

    func testBundledRegistriesAgree() throws {
        let folder = RepositoryPaths.registries
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(names.count, 5)
        var accepted = 0
        var rejected = 0
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let agreement = try agree(bytes, file: name)
            accepted += agreement.accepted
            rejected += agreement.rejected
        }
        // As the run on datasets/registries reports them (summary.json, data_quality): 60,127 rows
        // read, 32 rejected (duplicates are settled later, so all the others are accepted here).
        XCTAssertEqual(accepted, 60_095)
        XCTAssertEqual(rejected, 32)
    }

    /// Rows with awkward values: Arabic-Indic digits, no-break spaces, a BOM, quotes, CRLF and a
    /// line break inside a quoted name, an invalid byte (U+FFFD), tabs, ids differing in case and
    /// spaces, a non-ASCII id, an unknown sector, an over-long province, legacy regions.
    static let awkward: [String] = [
        "registration_id,name,creation_date,region,province,sector,members_total,members_women,members_men,"
            + "members_youth,capital_mad,status,commune,soulaliyate",
        "A1,\"Coop \"\"Quoted\"\" name\",2019-03-04,07,Essaouira,argane,١٢,٥,,,\"١٢ ٥٠٠,٥٠\",active,Essaouira,نعم",
        "a1 ,Coop\u{A0}NBSP  name,04/03/2019,Marrakech-Safi,,Argane,12,5,7,2,\"12\u{A0}500,50\",Active ,Essaouira,oui",
        "\u{FEFF}B2,BOM in field,2020-01-01,01,,agriculture,3,,,,,,,",
        "C3,\"Multi\r\nline name\",2021-02-02T10:00:00Z,09,Agadir Ida-Outanane,pêche,۵,۲,۳,,500 DH,,,x",
        "C4,Bad @ byte,2021-02-02,09,,pêche,5,2,3,,500,,,",
        "C5,  spaced   name  ,  2021-02-03 , 09 ,  , Artisanat ,  7 ,,,,\"  1,500.00 DH \",,  Commune  X ,non",
        "C6,Unknown sector,2021-02-03,09,,Spatial tourism,7,,,,,,,peut-être",
        "C7,Too many,2021-02-03,09,,artisanat,20000000,,,,,,,",
        "C8,Bad date,2021-02-31,09,,artisanat,7,,,,,,,",
        "C9,Women exceed,2021-02-03,09,,artisanat,7,8,,,,,,",
        "D1,Split legacy,2021-02-03,Souss-Massa-Drâa,,artisanat,7,,,,,,,",
        "D2,Split legacy prov,2021-02-03,Souss-Massa-Drâa,Tinghir,artisanat,7,3,4,,,,,",
        "D3,Neg capital,2021-02-03,09,,artisanat,7,,,,-5,,,",
        "É4,Non-ASCII id,2021-02-03,09,,artisanat,7,,,,,,,",
        "D5,Fields,2021",
        "D6,No members,2021-02-03,09,,artisanat,,,,,,,,",
        "D7,Gender mismatch,2021-02-03,09,,artisanat,7,3,3,,,,,",
        "D8,Tabs\tinside,2021-02-03,٠٩,,artisanat,7,,,,,,,",
        "D9,Youth over,2021-02-03,09,,artisanat,7,,,9,,,,",
        "E1,Long province,2021-02-03,09,\(String(repeating: "Agadir ", count: 40)),artisanat,7,,,,,,,",
        "E2,Unknown province,2021-02-03,,Atlantis,artisanat,7,,,,,,,",
        "E3,Men only,2021-02-03, Souss-Massa ,  Essaouira ,\u{2009}artisanat\u{2009},,0,4,,,,,",
        "E4,Empty id row,2021-02-03,09,,,4,,,,,,,",
        ",No id,2021-02-03,09,,artisanat,4,,,,,,,",
        "E5,\"unterminated,2021-02-03,09,,artisanat,7,,,,,,,",
    ]

    func testAwkwardValuesAgree() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.awkward.joined(separator: "\r\n").utf8)
        // An invalid byte in row C4's name: the transcoder makes it U+FFFD, as the String path sees it.
        let at = try XCTUnwrap(bytes.firstIndex(of: UInt8(ascii: "@")))
        bytes[at] = 0xFF
        let agreement = try agree(bytes, file: "awkward.csv")
        XCTAssertEqual(agreement.accepted + agreement.rejected, Self.awkward.count - 1)
        XCTAssertEqual(agreement.rejected, 12)

        // Values worked out by hand from the rows above.
        let a1 = try XCTUnwrap(agreement.compact[2])
        XCTAssertEqual(a1.key, RegistryKey(folded: Array("a1".utf8)))
        XCTAssertEqual(a1.name, TextHash.of(bytes: Array("Coop \"Quoted\" name".utf8)))
        XCTAssertEqual(a1.total, 12)
        XCTAssertEqual(a1.women, 5)
        XCTAssertEqual(a1.capital, 1_250_050)
        XCTAssertEqual(a1.soulaliyate, true)
        let a1Again = try XCTUnwrap(agreement.compact[3])
        XCTAssertEqual(a1Again.key, a1.key)
        XCTAssertEqual(a1Again.name, TextHash.of(bytes: Array("Coop NBSP name".utf8)))
        XCTAssertEqual(a1Again.status, TextHash.of(bytes: Array("Active".utf8)))
        XCTAssertEqual(a1Again.youth, 2)
        let b2 = try XCTUnwrap(agreement.compact[4])
        XCTAssertEqual(b2.key, RegistryKey(folded: Array("b2".utf8)))
        XCTAssertEqual(b2.women, -1)
        let c3 = try XCTUnwrap(agreement.compact[5])
        XCTAssertEqual(c3.name, TextHash.of(bytes: Array("Multi line name".utf8)))
        XCTAssertEqual(c3.total, 5)
        XCTAssertEqual(c3.women, 2)
        XCTAssertEqual(c3.capital, 50_000)
        let c4 = try XCTUnwrap(agreement.compact[7])
        XCTAssertEqual(c4.name, TextHash.of(bytes: Array("Bad \u{FFFD} byte".utf8)))
        let c5 = try XCTUnwrap(agreement.compact[8])
        XCTAssertEqual(c5.name, TextHash.of(bytes: Array("spaced name".utf8)))
        XCTAssertEqual(c5.commune, TextHash.of(bytes: Array("Commune X".utf8)))
        XCTAssertEqual(c5.capital, 150_000)
        XCTAssertEqual(c5.soulaliyate, false)
        let c6 = try XCTUnwrap(agreement.compact[9])
        XCTAssertEqual(c6.unknownSector, "Spatial tourism")
        XCTAssertEqual(Int(c6.sector), reference.sectors.count - 1)
        let e4 = try XCTUnwrap(agreement.compact[16])
        XCTAssertEqual(e4.key, RegistryKey(folded: Array("é4".utf8)))
        let e1 = try XCTUnwrap(agreement.compact[22])
        XCTAssertEqual(e1.province, -1)
        XCTAssertFalse(e1.reported.reports(.soulaliyate))
        XCTAssertTrue(e1.reported.reports(.province))
        let e3 = try XCTUnwrap(agreement.compact[24])
        XCTAssertEqual(e3.total, 4)
        XCTAssertEqual(e3.women, 0)
        XCTAssertEqual(e3.sector, Int16(try XCTUnwrap(reference.sectors.firstIndex { $0.code == "artisanat" })))
        let essaouira = try XCTUnwrap(reference.provinces.firstIndex { $0.nameFR == "Essaouira" })
        XCTAssertEqual(e3.province, Int16(essaouira))
    }

    /// The parser's compact delivery gives the same verdicts and accounting as its record delivery.
    func testParserDeliversTheSameVerdictsBothWays() throws {
        let bytes = Array(Self.awkward.joined(separator: "\n").utf8)
        var records = RegistryParser(file: "f.csv", reference: reference, range: .standard)
        var verdicts: [String] = []
        records.feed(bytes) { outcome, line in verdicts.append("\(line) \(outcome.isRejected)") }
        records.finish { outcome, line in verdicts.append("\(line) \(outcome.isRejected)") }
        var compact = RegistryParser(file: "f.csv", reference: reference, range: .standard)
        var compactVerdicts: [String] = []
        var compactRejects: [RejectedRow] = []
        let deliver = { (outcome: CompactOutcome, line: Int) in
            compactVerdicts.append("\(line) \(outcome.isRejected)")
            if case .rejected(let reject) = outcome { compactRejects.append(reject) }
        }
        compact.feedRows(bytes, delivering: deliver)
        compact.finishRows(delivering: deliver)
        XCTAssertEqual(compactVerdicts, verdicts)
        XCTAssertEqual(compact.quality, records.quality)
        XCTAssertEqual(compactRejects.map(\.registrationId).first, "C7")
        XCTAssertEqual(compact.quality.unknownSectorValues["Spatial tourism"], 1)
    }
}
