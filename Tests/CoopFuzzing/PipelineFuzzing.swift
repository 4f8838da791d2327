import CoopDomain
import CoopIngest
import CoopTransform

/// Carries accepted records on through the metrics cube and the contract's tables, and lists the
/// invariants that do not hold there (the registry harness traps on any; tests assert none). The
/// cube's sums are compared with sums taken here, record by record, with overflow reported.
/// Invariant: `violations` is empty for records the validator accepted, unless a stage past it breaks a promise.
public enum PipelineFuzzing {
    public static func violations(
        records: [CooperativeRecord], files: [FileQuality], reference: ReferenceData, range: DateRange
    ) -> [String] {
        var broken: [String] = []
        func expect(_ holds: Bool, _ message: @autoclosure () -> String) {
            if !holds { broken.append(message()) }
        }
        // Independent sums, checked for overflow: a sum the cube cannot hold is reported, not trapped on.
        var members = 0
        var capital: Int64 = 0
        for record in records {
            let (m, memberOverflow) = members.addingReportingOverflow(record.membersTotal)
            let (c, capitalOverflow) = capital.addingReportingOverflow(record.capitalCents ?? 0)
            if memberOverflow || capitalOverflow {
                return ["the records' \(memberOverflow ? "members" : "capital") overflow a 64-bit sum; the cube would trap"]
            }
            members = m
            capital = c
        }
        let cube = MetricsCube(records: records, reference: reference)
        let total = cube.total { _ in true }
        expect(total.cooperatives == records.count, "cube counts \(total.cooperatives) of \(records.count) records")
        expect(total.membersTotal == members, "cube members \(total.membersTotal) != \(members)")
        expect(total.capitalCents == capital, "cube capital \(total.capitalCents) != \(capital)")
        expect(
            total.membersWomen + total.membersMen + total.membersGenderUnknown == total.membersTotal,
            "women + men + unknown != members in the cube")
        // Merging the cubes of two halves gives the cube of all.
        let half = records.count / 2
        var merged = MetricsCube(records: records[..<half], reference: reference)
        merged.merge(MetricsCube(records: records[half...], reference: reference))
        expect(merged == cube, "the merged halves differ from the whole cube")
        // The tables build for the whole range and for the latest quarter, each row as wide as its columns.
        let latest = records.map(\.creationDate).max() ?? range.end
        for period in [Period.all, .quarter(latest.quarter)] {
            let analysis = Analysis(
                cube: cube, files: files, reference: reference, period: period, range: range, scope: AnalysisScope(),
                language: .en)
            expect(!analysis.tables.isEmpty, "no table for \(period.label)")
            for table in analysis.tables {
                for row in table.rows where row.count != table.columns.count {
                    broken.append("\(table.name): a row of \(row.count) cells under \(table.columns.count) columns")
                }
            }
            if period == .all {
                expect(analysis.current.cooperatives == records.count, "period all counts \(analysis.current.cooperatives)")
            }
        }
        return broken
    }
}
