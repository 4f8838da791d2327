import CoopDomain
import CoopTestSupport
import Foundation
import XCTest

@testable import CoopIngest

/// CONTRACT §1.5: a duplicate is a conflict only when the two rows differ in a field both report;
/// listings show ids as the registry spelled them.
final class ConflictRuleTests: XCTestCase {
    /// The registry: full columns, status included.
    static let registry = """
        registration_id,name,creation_date,region,sector,members_total,members_women,capital_mad,status
        MA-07-2019-000001,Al Amal,2019-03-04,07,agriculture,9,4,1000,Active
        MA-07-2019-000002,Al Fajr,2019-05-06,07,agriculture,12,,2000,Active

        """

    func ingest(update: String) throws -> IngestedRegistry {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coopstat-conflict-rule-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.registry.utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data(update.utf8).write(to: folder.appendingPathComponent("b.csv"))
        let reference = try ReferenceFixture.load()
        return RegistryIngest.ingest(
            ["a.csv", "b.csv"].map { .init(path: folder.appendingPathComponent($0).path, displayName: $0) },
            reference: reference, range: .standard)
    }

    func testOnlyUnreportedFieldsDifferingIsNoConflict() throws {
        // b.csv has no status, name or capital column, and leaves women empty on the first row and
        // reports it on the second (where a.csv left it empty): nothing both rows report differs.
        // Both ids are spelled in lower case by the update; they still match (case-folded key).
        let registry = try ingest(
            update: """
                registration_id,creation_date,region,sector,members_total,members_women
                ma-07-2019-000001,2019-03-04,07,agriculture,9,
                ma-07-2019-000002,06/05/2019,Marrakech-Safi,Agriculture,12,5

                """)
        XCTAssertNil(registry.verifyAccounting())
        // a.csv: 2 read, both replaced (duplicates 2, accepted 0); b.csv: 2 read, 2 accepted.
        XCTAssertEqual(registry.files.map(\.duplicates), [2, 0])
        XCTAssertEqual(registry.files.map(\.accepted), [0, 2])
        XCTAssertEqual(registry.files.map(\.duplicateConflicts), [0, 0])
        XCTAssertEqual(registry.conflicts.count, 0)
    }

    func testOneReportedValueDifferingIsOneConflictListedWithTheSpelledId() throws {
        // Row 1: members_total 9 → 11 (reported by both): a conflict on members_total only
        // (women 4 in a.csv is not reported by b.csv's empty cell). Row 2: nothing reported by both differs.
        let registry = try ingest(
            update: """
                registration_id,creation_date,region,sector,members_total,members_women
                  ma-07-2019-000001  ,2019-03-04,07,agriculture,11,
                MA-07-2019-000002,2019-05-06,07,agriculture,12,

                """)
        XCTAssertNil(registry.verifyAccounting())
        XCTAssertEqual(registry.files.map(\.duplicateConflicts), [1, 0])
        XCTAssertEqual(registry.conflicts.count, 1)
        let conflict = try XCTUnwrap(registry.conflicts.first)
        XCTAssertEqual(conflict.differingFields, [.membersTotal])
        XCTAssertEqual(conflict.registrationId, "MA-07-2019-000001")  // as a.csv spelled it
        XCTAssertEqual(conflict.keptRegistrationId, "ma-07-2019-000001")  // b.csv's spelling, trimmed
        XCTAssertEqual(conflict.replacedFile, "a.csv")
        XCTAssertEqual(conflict.replacedLine, 2)
        XCTAssertEqual(conflict.keptFile, "b.csv")
        XCTAssertEqual(conflict.keptLine, 2)
    }

    func testAnEmptyCellReportsNothingButAFilledOneDoes() {
        let day = Day(year: 2020, month: 1, day: 1)!
        func record(status: String, reported: ReportedFields) -> CooperativeRecord {
            CooperativeRecord(
                registrationId: "X", name: "", creationDate: day, regionCode: RegionCode("07"), provinceIndex: nil, commune: "",
                sectorIndex: 0, membersTotal: 3, membersWomen: nil, membersMen: nil, membersYouth: nil, capitalCents: nil,
                status: status, soulaliyate: nil, reported: reported)
        }
        let withStatus = ReportedFields.alwaysReported.union(ReportedFields(.status))
        XCTAssertEqual(
            CooperativeRecord.differingFields(
                record(status: "Active", reported: withStatus), record(status: "", reported: .alwaysReported)), [])
        XCTAssertEqual(
            CooperativeRecord.differingFields(
                record(status: "Active", reported: withStatus), record(status: "Dissolved", reported: withStatus)),
            [.status])
    }
}
