import CoopDomain
import CoopIngest
import CoopTestSupport
import CoopTransform
import XCTest

final class RowValidatorTests: XCTestCase {
    var reference: ReferenceData!
    let header = [
        "registration_id", "name", "creation_date", "region", "province", "sector",
        "members_total", "members_women", "members_men", "members_youth", "capital_mad", "soulaliyate",
    ]

    override func setUpWithError() throws { reference = try ReferenceFixture.load() }

    func validate(_ values: [String: String], header: [String]? = nil) throws -> RowOutcome {
        let header = header ?? self.header
        let layout = try HeaderLayout(cells: header)
        var validator = RowValidator(layout: layout, reference: reference, range: .standard, file: "f.csv")
        return validator.validate(fields: header.map { values[$0] ?? "" }, line: 7)
    }

    func accepted(_ values: [String: String]) throws -> CooperativeRecord {
        guard case .accepted(let record, _) = try validate(values) else {
            XCTFail("expected accepted: \(try validate(values))")
            throw XCTSkip()
        }
        return record
    }

    func rejected(_ values: [String: String]) throws -> RejectedRow {
        guard case .rejected(let reject) = try validate(values) else {
            XCTFail("expected rejected")
            throw XCTSkip()
        }
        return reject
    }

    var good: [String: String] {
        [
            "registration_id": " MS-07-1 ", "name": "Coopérative  Al   Amal", "creation_date": "15/07/2019", "region": "Marrakech-Safi",
            "sector": "Argane", "members_total": "12", "members_women": "12", "capital_mad": "12 500,50 DH", "soulaliyate": "oui",
        ]
    }

    func testAcceptsAndDerives() throws {
        let record = try accepted(good)
        XCTAssertEqual(record.registrationId, "MS-07-1")
        XCTAssertEqual(record.name, "Coopérative Al Amal")
        XCTAssertEqual(record.creationDate, Day(year: 2019, month: 7, day: 15))
        XCTAssertEqual(record.regionCode, RegionCode("07"))
        XCTAssertEqual(reference.sectors[record.sectorIndex].code, "argane")
        XCTAssertEqual(record.membersMen, 0)  // derived: 12 − 12
        XCTAssertTrue(record.isWomensCooperative)
        XCTAssertEqual(record.capitalCents, 1_250_050)
        XCTAssertEqual(record.soulaliyate, true)

        var menOnly = good
        menOnly["members_women"] = ""
        menOnly["members_men"] = "5"
        XCTAssertEqual(try accepted(menOnly).membersWomen, 7)

        var noTotal = good
        noTotal["members_total"] = ""
        noTotal["members_women"] = "4"
        noTotal["members_men"] = "٦"
        let derived = try accepted(noTotal)
        XCTAssertEqual(derived.membersTotal, 10)

        var noGender = good
        noGender["members_women"] = ""
        let unknown = try accepted(noGender)
        XCTAssertNil(unknown.membersWomen)
        XCTAssertNil(unknown.membersMen)
    }

    func testProvinceAlwaysDecidesTheRegion() throws {
        var row = good
        row["region"] = "Souss-Massa-Drâa"  // split legacy region
        row["province"] = "Tinghir"  // → 08 Drâa-Tafilalet
        XCTAssertEqual(try accepted(row).regionCode, RegionCode("08"))
        row["region"] = "Casablanca-Settat"  // contradicts: the province still wins
        XCTAssertEqual(try accepted(row).regionCode, RegionCode("08"))
        row["region"] = "Marrakech-Tensift-Al Haouz"  // one-to-one legacy, no province
        row["province"] = ""
        XCTAssertEqual(try accepted(row).regionCode, RegionCode("07"))
        row["region"] = "7"
        XCTAssertEqual(try accepted(row).regionCode, RegionCode("07"))
    }

    func testRejectsNameTheFirstFailingField() throws {
        func check(_ change: [String: String], field: RegistryField, code: String, file: StaticString = #filePath, line: UInt = #line)
            throws
        {
            var row = good
            for (key, value) in change { row[key] = value }
            let reject = try rejected(row)
            XCTAssertEqual(reject.field, field, file: file, line: line)
            XCTAssertEqual(reject.reason.code, code, file: file, line: line)
            XCTAssertEqual(reject.line, 7, file: file, line: line)
            XCTAssertEqual(reject.file, "f.csv", file: file, line: line)
        }
        try check(["registration_id": "  "], field: .registrationId, code: "missing_registration_id")
        try check(["creation_date": ""], field: .creationDate, code: "missing_date")
        try check(["creation_date": "31/02/2019"], field: .creationDate, code: "invalid_date")
        try check(["creation_date": "2004-12-31"], field: .creationDate, code: "date_out_of_range")
        try check(["creation_date": "01/01/2025"], field: .creationDate, code: "date_out_of_range")
        try check(["region": "Atlantide"], field: .region, code: "unknown_region")
        try check(["region": ""], field: .region, code: "unknown_region")
        try check(["region": "Souss-Massa-Drâa"], field: .region, code: "split_legacy_region_without_province")
        try check(["region": "", "province": "Gotham"], field: .province, code: "unknown_province")
        try check(["members_total": "-3"], field: .membersTotal, code: "not_a_non_negative_integer")
        try check(["members_total": "douze"], field: .membersTotal, code: "not_a_non_negative_integer")
        try check(["members_total": "0", "members_women": "0"], field: .membersTotal, code: "total_below_one")
        try check(["members_total": "", "members_women": "3"], field: .membersTotal, code: "no_members")
        try check(["members_women": "13"], field: .membersWomen, code: "exceeds_total")
        try check(["members_women": "", "members_men": "20"], field: .membersMen, code: "exceeds_total")
        try check(["members_women": "5", "members_men": "5"], field: .membersTotal, code: "gender_sum_mismatch")
        try check(["members_youth": "13"], field: .membersYouth, code: "youth_out_of_range")
        try check(["capital_mad": "-500"], field: .capital, code: "negative_capital")
        try check(["capital_mad": "beaucoup"], field: .capital, code: "invalid_capital")
        // Two failures: the earlier field is named.
        try check(["creation_date": "x", "members_total": "-1"], field: .creationDate, code: "invalid_date")
    }

    func testFieldCountMismatchIsRejectedNotShifted() throws {
        let layout = try HeaderLayout(cells: header)
        var validator = RowValidator(layout: layout, reference: reference, range: .standard, file: "f.csv")
        guard case .rejected(let reject) = validator.validate(fields: ["A", "B"], line: 3) else { return XCTFail() }
        XCTAssertEqual(reject.reason, .fieldCount(expected: header.count, found: 2))
        XCTAssertEqual(reject.registrationId, "A")
    }

    func testUnknownSectorGoesToOther() throws {
        var row = good
        row["sector"] = "Astronautique"
        guard case .accepted(let record, let unknown) = try validate(row) else { return XCTFail() }
        XCTAssertEqual(reference.sectors[record.sectorIndex].code, "other")
        XCTAssertEqual(unknown, "Astronautique")
    }
}

final class HeaderLayoutTests: XCTestCase {
    func testFrenchArabicEnglishHeaders() throws {
        let french = try HeaderLayout(cells: [
            "N° d'agrément", "Dénomination", "Date de création", "Région", "Province/Préfecture",
            "Secteur d'activité", "Nombre d'adhérents", "dont femmes", "Colonne X",
        ])
        XCTAssertEqual(french[.registrationId], 0)
        XCTAssertEqual(french[.membersWomen], 7)
        XCTAssertEqual(french.unknownColumns, ["Colonne X"])
        let arabic = try HeaderLayout(cells: [
            "رقم الاعتماد", "التسمية", "تاريخ التأسيس", "الجهة", "العمالة أو الإقليم", "القطاع", "عدد المنخرطين", "عدد النساء", "سلالية",
        ])
        XCTAssertEqual(arabic[.province], 4)
        XCTAssertEqual(arabic[.soulaliyate], 8)
        let english = try HeaderLayout(cells: ["ID", "Creation date", "REGION", "Sector", "Women", "Men"])
        XCTAssertNil(english[.membersTotal])  // derivable from women + men
        XCTAssertEqual(english[.membersMen], 5)
    }

    func testMissingRequiredColumnRefusesWithHeadersFound() {
        XCTAssertThrowsError(try HeaderLayout(cells: ["id", "name", "region", "sector", "members"])) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("creation_date"), text)
            XCTAssertTrue(text.contains("headers found: id, name, region, sector, members"), text)
        }
        XCTAssertThrowsError(try HeaderLayout(cells: ["id", "creation_date", "sector", "members"])) { error in
            XCTAssertTrue(String(describing: error).contains("'region' or 'province'"))
        }
        XCTAssertThrowsError(try HeaderLayout(cells: ["id", "creation_date", "region", "sector", "women"])) { error in
            XCTAssertTrue(String(describing: error).contains("members_total"))
        }
        XCTAssertThrowsError(try HeaderLayout(cells: ["id", "creation_date", "region", "sector", "members", "Effectif"])) { error in
            XCTAssertTrue(String(describing: error).contains("columns 5 and 6"), String(describing: error))
        }
    }
}

final class DuplicateLedgerTests: XCTestCase {
    func record(_ id: String, members: Int) -> CooperativeRecord {
        CooperativeRecord(
            registrationId: id, name: "n", creationDate: Day(year: 2020, month: 1, day: 1)!, regionCode: RegionCode("07"),
            provinceIndex: nil, commune: "", sectorIndex: 0, membersTotal: members, membersWomen: nil, membersMen: nil,
            membersYouth: nil, capitalCents: nil, status: "", soulaliyate: nil)
    }

    func testLaterRowWinsAndTheReplacedOneCountsInItsFile() throws {
        let reference = try ReferenceFixture.load()
        var ledger = DuplicateLedger()
        try ledger.offer(record("X1", members: 7), file: 0, line: 2, reference: reference)
        try ledger.offer(record("X2", members: 7), file: 0, line: 3, reference: reference)
        try ledger.offer(record(" x1 ", members: 7), file: 1, line: 2, reference: reference)  // exact duplicate of X1
        try ledger.offer(record("X2", members: 9), file: 1, line: 3, reference: reference)  // conflicting
        try ledger.offer(record("X2", members: 9), file: 1, line: 4, reference: reference)  // exact, within file b
        XCTAssertEqual(ledger.liveCount, 2)
        XCTAssertEqual(ledger.acceptedByFile.filter { $0.value != 0 }, [1: 2])
        XCTAssertEqual(ledger.duplicatesByFile, [0: 2, 1: 1])
        XCTAssertEqual(ledger.conflictsByFile, [0: 1])
        XCTAssertEqual(ledger.conflicts, [ConflictPair(replacedFile: 0, replacedLine: 3, keptFile: 1, keptLine: 3)])
        // Live: " x1 " (7 members) and X2 of line 4 (9 members): 2 cooperatives, 16 members.
        let total = ledger.cube.total { _ in true }
        XCTAssertEqual(total.cooperatives, 2)
        XCTAssertEqual(total.membersTotal, 16)
        XCTAssertEqual(total.membersGenderUnknown, 16)
    }

    func testPartsMergedInOrderEqualOnePass() throws {
        let reference = try ReferenceFixture.load()
        // 40 rows of 9 ids, members varying with the row: one pass against cuts after rows 13 and 27.
        let rows = (0..<40).map { record("ID\($0 % 9)", members: $0 % 4 + 1) }
        var single = DuplicateLedger()
        for (index, row) in rows.enumerated() { try single.offer(row, file: 0, line: index + 2, reference: reference) }
        var merged = DuplicateLedger()
        for cut in [0..<13, 13..<27, 27..<40] {
            var part = DuplicateLedger()
            for index in cut { try part.offer(rows[index], file: 0, line: index - cut.lowerBound + 2, reference: reference) }
            merged.absorb(part, lineShift: cut.lowerBound)
        }
        XCTAssertEqual(merged.cube, single.cube)
        XCTAssertEqual(merged.liveCount, 9)
        XCTAssertEqual(merged.duplicatesByFile, [0: 31])  // 40 rows, 9 live
        XCTAssertEqual(merged.conflictsByFile, single.conflictsByFile)
        XCTAssertEqual(merged.conflictsInReadOrder, single.conflictsInReadOrder)
        // Members differ between consecutive rows of one id (row r and r+9: (r+9)%4 ≠ r%4 always): 31 conflicts.
        XCTAssertEqual(single.conflicts.count, 31)
    }

    func testMergingEmptiesTheLaterLedgerAndMatchesOnePassOverEveryShard() throws {
        let reference = try ReferenceFixture.load()
        // 3,000 rows of 1,000 ids (spread over all 64 shards), cut in two: the second part is emptied as it merges.
        let rows = (0..<3_000).map { record("C\($0 % 1_000)", members: $0 % 5 + 1) }
        var single = DuplicateLedger()
        for (index, row) in rows.enumerated() { try single.offer(row, file: 0, line: index + 2, reference: reference) }
        var merged = DuplicateLedger()
        for cut in [0..<1_700, 1_700..<3_000] {
            var part = DuplicateLedger()
            for index in cut { try part.offer(rows[index], file: 0, line: index - cut.lowerBound + 2, reference: reference) }
            merged.absorb(emptying: &part, lineShift: cut.lowerBound)
            XCTAssertEqual(part.liveCount, 0)
        }
        XCTAssertEqual(merged.liveCount, 1_000)
        XCTAssertEqual(merged.cube, single.cube)
        XCTAssertEqual(merged.duplicatesByFile, [0: 2_000])
        XCTAssertEqual(merged.conflictsInReadOrder, single.conflictsInReadOrder)
        // Row r and r+1000 of one id: members (r+1000)%5 = r%5, so no conflicts at all.
        XCTAssertEqual(single.conflicts.count, 0)
        XCTAssertEqual(merged.cube.total { _ in true }.membersTotal, (2_000..<3_000).reduce(0) { $0 + $1 % 5 + 1 })
    }
}

/// The registration id's header as offices type "N°": with the masculine ordinal Nº, or a plain "No".
final class RegistrationHeaderSpellingTests: XCTestCase {
    func testOrdinalAndPlainNoSpellingsNameTheRegistrationId() throws {
        for spelling in ["Nº d'agrément", "No d'agrément", "NO D'AGREMENT", "Nº d’immatriculation", "No d'immatriculation"] {
            let layout = try HeaderLayout(cells: [spelling, "Date de création", "Région", "Secteur", "Adhérents"])
            XCTAssertEqual(layout.columns[.registrationId], 0, spelling)
            XCTAssertEqual(layout.unknownColumns, [], spelling)
        }
    }
}
