import CoopDomain
import CoopTestSupport
import CoopTransform
import XCTest

/// `--only soulaliyate` over years whose registries do not report the flag: empty cells, never 0.
final class SoulaliyateReportingTests: XCTestCase {
    func testYearsWithoutTheFlagAreNotCountedAsZero() throws {
        let reference = try ReferenceFixture.load()
        func record(_ id: String, _ date: String, _ region: String, _ flag: Bool?) -> CooperativeRecord {
            CooperativeRecord(
                registrationId: id, name: id, creationDate: Day(iso: date)!, regionCode: RegionCode(region), provinceIndex: nil,
                commune: "", sectorIndex: 0, membersTotal: 5, membersWomen: 2, membersMen: 3, membersYouth: nil,
                capitalCents: nil, status: "", soulaliyate: flag)
        }
        // 2013: one cooperative, flag not reported. 2014: none at all. 2015: one soulaliyate, one other (both
        // report it). 2016 (Q2): one soulaliyate in 07 and one unreported in 09 (outside a region-07 run).
        let records = [
            record("A", "2013-03-01", "07", nil), record("B", "2015-02-01", "07", true), record("C", "2015-08-01", "07", false),
            record("D", "2016-05-01", "07", true), record("E", "2016-06-01", "09", nil),
        ]
        let analysis = Analysis(
            records: records, files: [], reference: reference, period: .year(2016), range: .standard,
            scope: AnalysisScope(region: RegionCode("07"), onlySoulaliyate: true), language: .en)
        let yearly = try XCTUnwrap(analysis.table(.yearly))
        func year(_ y: Int) -> [String]? { yearly.rows.first { $0[0].csvText == String(y) }?.map(\.csvText) }
        // 2013 created A without the flag: every metric and the cumulative are empty. 2014 created nothing: a true 0.
        XCTAssertEqual(year(2013), ["2013", "", "", "", "", "", "", "", "", ""])
        XCTAssertEqual(year(2014)?[1], "0")
        XCTAssertEqual(year(2012)?[1], "0")
        // 2015: B only (C is not soulaliyate), 5 members, 2 women of 5 reported; cumulative 1. 2016: D; cumulative 2.
        XCTAssertEqual(year(2015), ["2015", "1", "5", "2", "3", "0", "0.4000", "0", "0.00", "1"])
        XCTAssertEqual(year(2016)?[1], "1")
        XCTAssertEqual(year(2016)?.last, "2")
        let quarterly = try XCTUnwrap(analysis.table(.quarterly))
        func quarter(_ q: String) -> [String]? { quarterly.rows.first { $0[0].csvText == q }?.map(\.csvText) }
        // 2015Q3 reports the flag (C, "no"): a real 0 soulaliyate created; 2013Q1 (A) reports nothing: empty.
        XCTAssertEqual(quarter("2015Q3")?[1], "0")
        XCTAssertEqual(quarter("2013Q1")?[1], "")
        XCTAssertEqual(quarter("2013Q2")?[1], "0")
        XCTAssertEqual(analysis.soulaliyateReporting?.firstReportedYear, 2015)
        // A national run, or one not restricted to soulaliyate, counts every year.
        let all = Analysis(records: records, files: [], reference: reference, period: .year(2016), range: .standard, language: .en)
        XCTAssertNil(all.soulaliyateReporting)
        XCTAssertEqual(all.table(.yearly)?.rows.first { $0[0].csvText == "2014" }?[1].csvText, "0")
    }
}
