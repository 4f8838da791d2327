import CoopDomain
import Foundation
import XCTest

/// The quarterly cycle for years (issue 11, CONTRACT §2.1): registries arrive quarter after quarter
/// over 2025–2026, `today` moves, `coopstat refresh` runs once per quarter (and once mid-quarter),
/// and every published report is checked against counts this test computes from the rows it wrote.
/// No run depends on the real date: every one passes `--today`.
final class RefreshQuarterlyTests: XCTestCase {
    static let header = "registration_id,name,creation_date,region,province,sector,members_total,members_women,members_men,capital_mad"

    /// One registry row as this test wrote it.
    struct Row {
        let id: String
        let date: Day
        let total: Int
    }

    /// The quarters of the scenario, 2024Q1 … 2026Q2.
    static let quarters: [Quarter] = (0..<10).compactMap { Quarter(ordinal: 2024 * 4 + $0) }

    /// Quarter `k` holds 4 + 2k cooperatives: row i on the quarter's first day + 5i days (mod 90, so
    /// within the quarter), with
    /// 5 + i % 4 members (2 women).
    static func rows(ofQuarter k: Int) -> [Row] {
        let quarter = quarters[k]
        return (0..<(4 + 2 * k)).compactMap { i in
            quarter.firstDay.adding(days: (5 * i) % 90).map { Row(id: "\(quarter)-\(i)", date: $0, total: 5 + i % 4) }
        }
    }

    static func csv(_ rows: [Row]) -> String {
        Self.header + "\n"
            + rows.map { "\($0.id),Coop \($0.id),\($0.date),07,,agriculture,\($0.total),2,\($0.total - 2),1000" + "\n" }.joined()
    }

    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("quarterly") }
    override func tearDown() { scratch = nil }  // removes the folder

    func writeRegistry(_ name: String, _ rows: [Row]) throws {
        try scratch.write("registries/\(name).csv", bytes: Array(Self.csv(rows).utf8))
    }

    func writeConfig(_ name: String, period: String, root: String, extra: String = "") throws {
        let text = """
            inputs = ["registries"]
            output_root = "\(root)"
            period = "\(period)"
            languages = ["en"]
            formats = ["txt", "csv", "json"]
            keep = 20
            \(extra)
            """
        try scratch.write(name, bytes: Array((text + "\n").utf8))
    }

    func refresh(_ config: String, today: String?, checkConfig: Bool = false) throws -> CoopstatProcess.Finished {
        let arguments = ["refresh", "--config", scratch.path(config)] + (today.map { ["--today", $0] } ?? [])
        return try CoopstatProcess.run(arguments + (checkConfig ? ["--check-config"] : []), scratch: scratch.url)
    }

    func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path(relative)))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], relative)
    }

    func latestTarget(_ root: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("\(root)/latest"))
    }

    /// The figures the test expects for a quarter, from the rows it wrote.
    struct Expected {
        var cooperatives: Int
        var members: Int
    }

    static func expected(_ rows: [Row], within span: DateRange) -> Expected {
        let inside = rows.filter { span.contains($0.date) }
        return Expected(cooperatives: inside.count, members: inside.reduce(0) { $0 + $1.total })
    }

    /// Checks the report published under `root/latest`: period, headline, both comparisons and coverage.
    func checkPublished(
        _ root: String, quarter: Quarter, written: [Row], lastCreation: Day, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(latestTarget(root), quarter.description, file: file, line: line)
        let summary = try json("\(root)/latest/summary.json")
        let period = try XCTUnwrap(summary["period"] as? [String: Any])
        XCTAssertEqual(period["label"] as? String, quarter.description, file: file, line: line)
        XCTAssertEqual(period["to_date"] as? Bool, false, file: file, line: line)
        let headline = try XCTUnwrap(summary["headline"] as? [String: Any])
        let now = Self.expected(written, within: quarter.range)
        XCTAssertEqual(headline["cooperatives"] as? Int, now.cooperatives, "\(quarter)", file: file, line: line)
        XCTAssertEqual(headline["members_total"] as? Int, now.members, "\(quarter)", file: file, line: line)
        let comparisons = try XCTUnwrap(summary["comparisons"] as? [[String: Any]])
        let earlier = [quarter.previous, quarter.yearEarlier].compactMap { $0 }
        XCTAssertEqual(comparisons.count, 2, file: file, line: line)
        for (comparison, other) in zip(comparisons, earlier) {
            let metrics = try XCTUnwrap(comparison["metrics"] as? [String: Any])
            let then = Self.expected(written, within: other.range)
            XCTAssertEqual(metrics["cooperatives"] as? Int, then.cooperatives, "\(quarter) vs \(other)", file: file, line: line)
            XCTAssertEqual(metrics["members_total"] as? Int, then.members, "\(quarter) vs \(other)", file: file, line: line)
            XCTAssertEqual(comparison["same_span"] as? Bool, false, file: file, line: line)
        }
        let coverage = try XCTUnwrap(summary["coverage"] as? [String: Any])
        XCTAssertEqual(coverage["last_creation_date"] as? String, lastCreation.description, file: file, line: line)
        let manifest = try json("\(root)/latest/manifest.json")
        let reported = try XCTUnwrap(manifest["reported"] as? [String: Any])
        XCTAssertEqual(reported["label"] as? String, quarter.description, file: file, line: line)
        XCTAssertEqual(reported["last_creation_date"] as? String, lastCreation.description, file: file, line: line)
        let text = try scratch.read("\(root)/latest/coopstat.txt")
        let name = "\(quarter.year) Q\(quarter.index)"
        XCTAssertTrue(text.contains("Headline figures, \(name)\n"), text, file: file, line: line)
        XCTAssertTrue(text.contains("Registries: last creation date"), text, file: file, line: line)
    }

    func day(_ text: String) throws -> Day { try XCTUnwrap(Day(iso: text), text) }

    func testQuarterAfterQuarterThroughRefresh() throws {
        try writeConfig("latest.toml", period: "latest", root: "reports-latest")
        try writeConfig("quarterly.toml", period: "previous-quarter", root: "reports-q")
        try writeConfig("todate.toml", period: "2025Q2", root: "reports-todate")
        var written: [Row] = []
        func arrive(_ k: Int) throws {
            let rows = Self.rows(ofQuarter: k)
            try writeRegistry(Self.quarters[k].description, rows)
            written += rows
        }
        func last() throws -> Day { try XCTUnwrap(written.map(\.date).max()) }

        // 2024 arrives; on 5 January 2025 both configs report 2024Q4.
        for k in 0..<4 { try arrive(k) }
        for config in ["latest.toml", "quarterly.toml"] {
            let run = try refresh(config, today: "2025-01-05")
            XCTAssertEqual(run.status, 0, "\(config): \(run)")
        }
        try checkPublished("reports-latest", quarter: Self.quarters[3], written: written, lastCreation: try last())
        try checkPublished("reports-q", quarter: Self.quarters[3], written: written, lastCreation: try last())

        // 2025Q1 arrives; on 5 April the next run reports it without any option.
        try arrive(4)
        XCTAssertEqual(try refresh("latest.toml", today: "2025-04-05").status, 0)
        XCTAssertEqual(try refresh("quarterly.toml", today: "2025-04-05").status, 0)
        try checkPublished("reports-latest", quarter: Self.quarters[4], written: written, lastCreation: try last())
        try checkPublished("reports-q", quarter: Self.quarters[4], written: written, lastCreation: try last())
        // A nightly run later in the same quarter, nothing changed: up to date, nothing rebuilt.
        let nightly = try refresh("latest.toml", today: "2025-04-20")
        XCTAssertEqual(nightly.status, 0, "\(nightly)")
        XCTAssertTrue(nightly.stderr.contains("up to date"), nightly.stderr)

        // Mid-quarter, 10 May 2025: a first 2025Q2 file with three creations and one dated in the future.
        let partial = [
            Row(id: "P-1", date: try day("2025-04-02"), total: 10), Row(id: "P-2", date: try day("2025-04-20"), total: 12),
            Row(id: "P-3", date: try day("2025-05-08"), total: 14),
        ]
        try writeRegistry("2025Q2-first", partial + [Row(id: "P-future", date: try day("2025-05-20"), total: 9)])
        let toDate = try refresh("todate.toml", today: "2025-05-10")
        XCTAssertEqual(toDate.status, 0, "\(toDate)")
        XCTAssertTrue(toDate.stderr.contains("published 2025Q2 to date 2025-05-10"), toDate.stderr)
        // By hand: 2025Q2 to date (1 April – 10 May, 40 days): P-1..P-3 = 3 cooperatives, 10 + 12 + 14 = 36 members.
        // 2025Q1 over its first 40 days (1 January – 9 February): rows 0..7 (days 0, 5, … 35) of its 12,
        // members 5+6+7+8+5+6+7+8 = 52. 2024Q2 over 1 April – 10 May 2024: all 6 rows (days 0 … 25),
        // members 5+6+7+8+5+6 = 37.
        let summary = try json("reports-todate/latest/summary.json")
        let period = try XCTUnwrap(summary["period"] as? [String: Any])
        XCTAssertEqual(period["to_date"] as? Bool, true)
        XCTAssertEqual(period["runs_to"] as? String, "2025-05-10")
        XCTAssertEqual(period["end"] as? String, "2025-05-10")
        let headline = try XCTUnwrap(summary["headline"] as? [String: Any])
        XCTAssertEqual([headline["cooperatives"] as? Int, headline["members_total"] as? Int], [3, 36])
        // No file has a members_youth column: youth is null, never 0, and reported by 0% of cooperatives.
        XCTAssertTrue(headline["members_youth"] is NSNull, "\(headline)")
        XCTAssertEqual((summary["reporting"] as? [String: Any])?["youth"] as? Double, 0)
        let comparisons = try XCTUnwrap(summary["comparisons"] as? [[String: Any]])
        let compared = comparisons.compactMap { $0["metrics"] as? [String: Any] }.map {
            [$0["cooperatives"] as? Int, $0["members_total"] as? Int]
        }
        XCTAssertEqual(compared, [[8, 52], [6, 37]])
        XCTAssertEqual(comparisons.map { $0["same_span"] as? Bool }, [true, true])
        XCTAssertEqual(
            comparisons.compactMap { $0["period"] as? [String: Any] }.map { "\($0["start"] ?? "")..\($0["end"] ?? "")" },
            ["2025-01-01..2025-02-09", "2024-04-01..2024-05-10"])
        // The same figures, computed from the rows written.
        XCTAssertEqual(Self.expected(written, within: DateRange(ordered: try day("2025-01-01"), try day("2025-02-09"))).members, 52)
        XCTAssertEqual(Self.expected(written, within: DateRange(ordered: try day("2024-04-01"), try day("2024-05-10"))).members, 37)
        let headlineText = try scratch.read("reports-todate/latest/coopstat.txt")
        XCTAssertTrue(headlineText.contains("2025 Q2 to date (1 April – 10 May 2025)"), headlineText)
        XCTAssertTrue(headlineText.contains("vs 2025 Q1 (same 40 days)"), headlineText)
        XCTAssertTrue(headlineText.contains("-5 (-62.5%)"), headlineText)  // 3 against 8
        XCTAssertTrue(headlineText.contains("-3 (-50.0%)"), headlineText)  // 3 against 6
        let manifest = try json("reports-todate/latest/manifest.json")
        XCTAssertEqual((manifest["reported"] as? [String: Any])?["to_date"] as? Bool, true)
        // The row dated after today is rejected with its own reason.
        let rejects = try scratch.read("reports-todate/latest/rejects.csv")
        XCTAssertTrue(rejects.contains("P-future"), rejects)
        XCTAssertTrue(rejects.contains("a date in the future"), rejects)
        // `latest` still reports the last ended quarter, 2025Q1, whatever is in progress.
        XCTAssertEqual(try refresh("latest.toml", today: "2025-05-10").status, 0)
        XCTAssertEqual(latestTarget("reports-latest"), "2025Q1")

        // The office then sends the whole quarter (replacing its first file); on 5 July it is reported.
        try FileManager.default.removeItem(atPath: scratch.path("registries/2025Q2-first.csv"))
        try arrive(5)
        XCTAssertEqual(try refresh("latest.toml", today: "2025-07-05").status, 0)
        XCTAssertEqual(try refresh("quarterly.toml", today: "2025-07-05").status, 0)
        try checkPublished("reports-latest", quarter: Self.quarters[5], written: written, lastCreation: try last())
        try checkPublished("reports-q", quarter: Self.quarters[5], written: written, lastCreation: try last())

        // 5 October 2025: the cron asks for 2025Q3, whose registries have not arrived. Nothing is
        // published, `latest` stays on 2025Q2, and one line says why (2025Q2's last row is day 65: 5 June).
        XCTAssertEqual(try last(), try day("2025-06-05"))
        let before = try scratch.read("reports-q/latest/summary.json")
        let refused = try refresh("quarterly.toml", today: "2025-10-05")
        XCTAssertEqual(refused.status, 65, "\(refused)")
        let errorLines = refused.stderr.split(separator: "\n").filter { $0.contains("error") }
        XCTAssertEqual(errorLines.count, 1, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains("the registries for 2025Q3 have not arrived: the last creation date is 2025-06-05"), refused.stderr)
        XCTAssertEqual(latestTarget("reports-q"), "2025Q2")
        XCTAssertEqual(try scratch.read("reports-q/latest/summary.json"), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("reports-q/2025Q3")))
        // `latest` keeps reporting 2025Q2, now with the note that it is covered to 5 June only.
        XCTAssertEqual(try refresh("latest.toml", today: "2025-10-05").status, 0)
        let covered = try json("reports-latest/latest/summary.json")
        XCTAssertEqual((covered["coverage"] as? [String: Any])?["covered_to"] as? String, "2025-06-05")

        // The quarters of 2025–2026 then arrive one after another, each reported the next quarter.
        for k in 6..<10 {
            try arrive(k)
            let quarter = Self.quarters[k]
            let today = try XCTUnwrap(quarter.next?.firstDay.adding(days: 5)).description
            for config in ["latest.toml", "quarterly.toml"] {
                let run = try refresh(config, today: today)
                XCTAssertEqual(run.status, 0, "\(config) on \(today): \(run)")
            }
            try checkPublished("reports-latest", quarter: quarter, written: written, lastCreation: try last())
            try checkPublished("reports-q", quarter: quarter, written: written, lastCreation: try last())
        }
        XCTAssertEqual(latestTarget("reports-q"), "2026Q2")
    }

    func testCheckConfigSettlesThePeriodAgainstToday() throws {
        try writeRegistry("2024Q4", Self.rows(ofQuarter: 3))
        try writeConfig("future.toml", period: "2025Q3", root: "reports")
        let early = try refresh("future.toml", today: "2025-05-10", checkConfig: true)
        XCTAssertEqual(early.status, 64, "\(early)")
        XCTAssertTrue(early.stderr.contains("future.toml:3"), "period is on line 3: \(early.stderr)")
        XCTAssertTrue(early.stderr.contains("after today (2025-05-10)"), early.stderr)
        // The run itself refuses the same way, before writing anything.
        let run = try refresh("future.toml", today: "2025-05-10")
        XCTAssertEqual(run.status, 64, "\(run)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("reports")))
        // Once 2025Q3 has begun the config is valid (the registries are then judged by the run).
        XCTAssertEqual(try refresh("future.toml", today: "2025-07-02", checkConfig: true).status, 0)
        // config `today` is read the same way as --today.
        try writeConfig("dated.toml", period: "previous-quarter", root: "reports", extra: "today = 2025-01-05")
        XCTAssertEqual(try refresh("dated.toml", today: nil).status, 0)
        XCTAssertEqual(latestTarget("reports"), "2024Q4")
    }
}
