import CoopDomain
import CoopTestSupport
import CoopTransform
import Foundation
import XCTest

@testable import CoopIngest

/// The ledger's state per cooperative is compact and exact, a value it cannot hold refuses the
/// file instead of being clamped, and a file of repeated ids keeps the ledger's memory constant.
final class CompactStateTests: XCTestCase {
    func record(
        id: String = "MA-07-2021-000001", total: Int = 10, women: Int? = 4, youth: Int? = nil, capital: Int64? = 100_000,
        day: Day = Day(year: 2021, month: 5, day: 17)!, province: Int? = nil, sector: Int = 0, soulaliyate: Bool? = nil,
        reported: ReportedFields = .all
    ) -> CooperativeRecord {
        CooperativeRecord(
            registrationId: id, name: "Coop", creationDate: day, regionCode: RegionCode("07"), provinceIndex: province,
            commune: "", sectorIndex: sector, membersTotal: total, membersWomen: women, membersMen: women.map { total - $0 },
            membersYouth: youth, capitalCents: capital, status: "", soulaliyate: soulaliyate, reported: reported)
    }

    func testTheStatePerCooperativeIsCompact() {
        // Five 64-bit words: 319 bits of fields (see CooperativeState), no padding.
        XCTAssertEqual(MemoryLayout<CooperativeState>.size, 40)
        XCTAssertEqual(MemoryLayout<CooperativeState>.stride, 40)
        // The key: two 64-bit halves; a slot of the table: key and state inline, 56 bytes.
        XCTAssertEqual(MemoryLayout<RegistryKey>.stride, 16)
        XCTAssertEqual(MemoryLayout<CooperativeShard.Slot>.stride, 56)
    }

    func testTheLargestValuesTheContractAllowsReadBackExactly() throws {
        let reference = try ReferenceFixture.load()
        // Counts of 10^7 (CONTRACT §3.0), capital of 10^12 MAD in cents, the last day of the calendar,
        // the last line and file number the state holds.
        let reported: ReportedFields = [
            ReportedFields(.registrationId), ReportedFields(.creationDate), ReportedFields(.region), ReportedFields(.province),
            ReportedFields(.membersTotal), ReportedFields(.membersWomen), ReportedFields(.soulaliyate),
        ]
        let state = try CooperativeState(
            record(
                total: 10_000_000, women: 9_999_999, youth: 10_000_000, capital: 100_000_000_000_000,
                day: Day(year: 9999, month: 12, day: 31)!, province: 74, sector: 26, soulaliyate: true, reported: reported),
            file: 65_535, line: 4_294_967_295, reference: reference)
        XCTAssertEqual(state.total, 10_000_000)
        XCTAssertEqual(state.women, 9_999_999)
        XCTAssertEqual(state.youth, 10_000_000)
        XCTAssertEqual(state.capital, 100_000_000_000_000)
        XCTAssertEqual(state.creation, Day(year: 9999, month: 12, day: 31))
        XCTAssertEqual(state.province, 74)
        XCTAssertEqual(state.sector, 26)
        XCTAssertEqual(state.region, 6)  // region 07 is the seventh of the reference
        XCTAssertEqual(state.community, .soulaliyate)
        XCTAssertEqual(state.file, 65_535)
        XCTAssertEqual(state.line, 4_294_967_295)
        XCTAssertEqual(state.reported, reported)
        XCTAssertFalse(state.isEmpty)
        let metrics = state.metrics
        XCTAssertEqual(metrics.membersMen, 1)
        XCTAssertEqual(metrics.capitalCents, 100_000_000_000_000)
        XCTAssertEqual(
            state.cubeKey,
            CubeKey(quarter: Int32(Quarter(year: 9999, index: 4)!.ordinal), region: 6, province: 74, sector: 26, community: .soulaliyate))
    }

    func testTheSmallestAndAbsentValuesReadBackExactly() throws {
        let reference = try ReferenceFixture.load()
        let state = try CooperativeState(
            record(total: 1, women: nil, youth: nil, capital: nil, day: Day(year: 1, month: 1, day: 1)!, reported: []),
            file: 0, line: 1, reference: reference)
        XCTAssertEqual(state.total, 1)
        XCTAssertNil(state.women)
        XCTAssertNil(state.youth)
        XCTAssertNil(state.capital)
        XCTAssertEqual(state.creation, Day(year: 1, month: 1, day: 1))
        XCTAssertEqual(state.province, -1)
        XCTAssertEqual(state.community, .notReported)
        XCTAssertEqual(state.reported, .alwaysReported)
        XCTAssertEqual(state.metrics.membersMen, 0)
        XCTAssertEqual(state.metrics.membersGenderUnknown, 1)  // gender not reported
        XCTAssertEqual(state.metrics.youthReportingCooperatives, 0)
        XCTAssertEqual(state.metrics.membersTotal, 1)
        // Zero women and zero capital are values, not "absent".
        let zero = try CooperativeState(record(women: 0, youth: 0, capital: 0), file: 0, line: 2, reference: reference)
        XCTAssertEqual(zero.women, 0)
        XCTAssertEqual(zero.youth, 0)
        XCTAssertEqual(zero.capital, 0)
    }

    func testAValueBeyondItsWidthIsRefusedNotClamped() throws {
        let reference = try ReferenceFixture.load()
        func overflow(_ record: CooperativeRecord, file: Int = 0, line: Int = 2) -> StateOverflow? {
            do {
                _ = try CooperativeState(record, file: file, line: line, reference: reference)
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(
            overflow(record(total: 16_777_216, women: nil)),
            StateOverflow(field: "members_total", value: 16_777_216, allowed: 1...16_777_215))
        XCTAssertEqual(overflow(record(total: 0, women: nil)), StateOverflow(field: "members_total", value: 0, allowed: 1...16_777_215))
        XCTAssertEqual(overflow(record(total: 16_777_215, women: 16_777_215))?.field, "members_women")
        XCTAssertEqual(overflow(record(youth: 16_777_215))?.allowed, 0...16_777_214)
        XCTAssertEqual(overflow(record(capital: 140_737_488_355_327))?.field, "capital_mad")
        XCTAssertEqual(overflow(record(capital: -1))?.field, "capital_mad")
        XCTAssertEqual(overflow(record(province: 255))?.allowed, 0...255)  // index 255 is stored as 256
        XCTAssertEqual(overflow(record(sector: 64)), StateOverflow(field: "sector", value: 64, allowed: 0...63))
        XCTAssertEqual(
            overflow(record(), line: 4_294_967_296), StateOverflow(field: "line", value: 4_294_967_296, allowed: 0...4_294_967_295))
        XCTAssertEqual(overflow(record(), file: 65_536), StateOverflow(field: "file", value: 65_536, allowed: 0...65_535))
        XCTAssertNil(overflow(record(total: 16_777_215, women: 16_777_214, capital: 140_737_488_355_326, province: 254, sector: 63)))
        XCTAssertEqual(
            String(describing: StateOverflow(field: "sector", value: 64, allowed: 0...63)),
            "sector 64 is outside 0…63, what the duplicate ledger holds exactly")
        // The ledger offers nothing when the state cannot be made.
        var ledger = DuplicateLedger()
        XCTAssertThrowsError(try ledger.offer(record(sector: 64), file: 0, line: 2, reference: reference))
        XCTAssertEqual(ledger.liveCount, 0)
        XCTAssertEqual(ledger.cube.cells.count, 0)
        XCTAssertEqual(ledger.acceptedByFile, [:])
    }

    func testAShiftBeyondTheLargestLineLeavesNoLine() throws {
        let reference = try ReferenceFixture.load()
        let state = try CooperativeState(record(), file: 0, line: 4_294_967_000, reference: reference)
        XCTAssertEqual(state.shifted(by: 295).line, 4_294_967_295)
        XCTAssertEqual(state.shifted(by: 296).line, 0)
        XCTAssertEqual(state.shifted(by: 296).total, 10)  // the rest is kept
    }

    func testAReferenceWithMoreSectorsThanTheStateHoldsRefusesTheFileThatUsesOne() throws {
        // 43 sectors added before `other`: 70 in all, indexes 0…69; the state holds sectors 0…63.
        let bundled = try ReferenceFixture.table("sectors.csv")
        let extra = (1...43).map {
            ["sector_code": "extra_\($0)", "name_fr": "Extra \($0)", "name_ar": "Extra \($0)", "name_en": "Extra \($0)", "aliases": ""]
        }
        let sectors = ReferenceTable(file: "sectors.csv", rows: bundled.rows.dropLast() + extra + [bundled.rows[bundled.rows.count - 1]])
        let reference = try ReferenceData(
            regions: ReferenceFixture.table("regions.csv"), legacyRegions: ReferenceFixture.table("legacy_regions.csv"),
            provinces: ReferenceFixture.table("provinces.csv"), sectors: sectors)
        XCTAssertEqual(reference.sectors.count, 70)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coopstat-overflow-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = "id,creation_date,region,sector,members\n"
        // extra_40 is sector 25 + 40 = 65 (the 26 bundled sectors before `other`, then the extras).
        try Data((head + "A1,2019-03-04,07,agriculture,9\nA2,2019-03-04,07,extra_40,9\n").utf8).write(
            to: folder.appendingPathComponent("a.csv"))
        try Data((head + "B1,2019-03-04,07,extra_30,9\n").utf8).write(to: folder.appendingPathComponent("b.csv"))
        let registry = RegistryIngest.ingest(
            ["a.csv", "b.csv"].map { .init(path: folder.appendingPathComponent($0).path, displayName: $0) }, reference: reference,
            range: .standard)
        XCTAssertNil(registry.verifyAccounting())
        XCTAssertEqual(registry.refusals.map(\.file), ["a.csv"])
        XCTAssertEqual(registry.files[0].refusal?.contains("sector 65 is outside 0…63"), true, registry.files[0].refusal ?? "")
        // Refused as beyond coopstat's limits, with the fix; not as a file that cannot be read.
        XCTAssertEqual(registry.files[0].refusalValues?.code, "beyond_limits")
        XCTAssertEqual(
            registry.refusals.first?.description,
            "a.csv: file refused: sector 65 is outside 0…63, what the duplicate ledger holds exactly; "
                + "split the file, read fewer files in one run, or trim the reference tables")
        XCTAssertEqual(registry.files[0].rowsRead, 0)
        // b.csv (extra_30, sector 55) is read: one cooperative.
        XCTAssertEqual(registry.files[1].accepted, 1)
        XCTAssertEqual(registry.accepted, 1)
    }

    func testRepeatedIdsKeepTheLedgerConstant() throws {
        let reference = try ReferenceFixture.load()
        var ledger = DuplicateLedger()
        var counts: [(live: Int, capacity: Int, cells: Int)] = []
        for row in 0..<20_000 {
            // 7 ids repeated with identical values: after the first 7 rows nothing new is kept.
            let offered = record(id: "MA-07-2021-00000\(row % 7)", sector: row % 7)
            try ledger.offer(offered, file: 0, line: row + 2, reference: reference)
            if row == 99 || row == 19_999 { counts.append((ledger.liveCount, ledger.live.capacity, ledger.cube.cells.count)) }
        }
        XCTAssertEqual(counts[0].live, 7)
        XCTAssertEqual(counts[1].live, 7)
        // The table's slots did not grow from row 100 to row 20,000.
        XCTAssertEqual(counts[0].capacity, counts[1].capacity)
        XCTAssertLessThanOrEqual(counts[1].capacity, 7 * CooperativeShard.smallestCapacity)
        XCTAssertEqual(counts[0].cells, 7)  // one sector each
        XCTAssertEqual(counts[1].cells, 7)
        XCTAssertEqual(ledger.conflicts.count, 0)
        XCTAssertEqual(ledger.duplicatesByFile, [0: 19_993])
        // The cube holds the 7 live ones only: 70 members, 28 women, 7 × 1000.00 MAD.
        let total = ledger.cube.total { _ in true }
        XCTAssertEqual(total.cooperatives, 7)
        XCTAssertEqual(total.membersWomen, 28)
        XCTAssertEqual(total.capitalCents, 700_000)
    }

    func testKeysMatchAsTheFoldedIdsDo() {
        XCTAssertEqual(RegistryKey(registrationId: "MA-07-2012-000123"), RegistryKey(registrationId: "ma-07-2012-000123"))
        XCTAssertEqual(RegistryKey(registrationId: "ÉCO-1"), RegistryKey(registrationId: "éco-1"))
        XCTAssertEqual(RegistryKey(registrationId: "MA-1"), RegistryKey(folded: Array("ma-1".utf8)))
        XCTAssertNotEqual(RegistryKey(registrationId: "MA-07-2012-000123"), RegistryKey(registrationId: "MA-07-2012-000132"))
    }
}
