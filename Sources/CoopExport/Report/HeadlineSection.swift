import CoopDomain
import CoopTransform

extension ReportPage {
    /// The period's figures, their changes against the comparison periods, and the total since the range start.
    func headlineSection() -> [String] {
        let current = analysis.current
        let comparisons = analysis.comparisons
        let showCumulative = analysis.period != .all
        let time = CoverageText(analysis: analysis)
        let periodName = time.periodName

        var columns = [TextTable.Column("", .left, shrink: .keepStart), TextTable.Column(periodName, .right)]
        for index in comparisons.indices {
            columns.append(TextTable.Column(ReportLabels.fill(labels.versus, ["period": time.comparisonName(index)]), .right))
        }
        if showCumulative {
            columns.append(TextTable.Column(ReportLabels.fill(labels.since, ["start": style.rangeStart(analysis.range)]), .right))
        }
        var table = TextTable(columns)

        func countRow(_ label: String, _ value: (Metrics) -> Int) {
            var row = [label, style.integer(value(current))]
            for (_, metrics) in comparisons {
                row.append(style.change(value(current) - value(metrics), base: value(metrics)))
            }
            if showCumulative { row.append(style.integer(value(analysis.cumulative))) }
            table.add(row)
        }
        countRow(labels.cooperativesCreated) { $0.cooperatives }
        countRow(labels.members) { $0.membersTotal }
        countRow("  " + labels.women) { $0.membersWomen }
        countRow("  " + labels.men) { $0.membersMen }
        countRow("  " + labels.genderNotReported) { $0.membersGenderUnknown }

        var share = [labels.womenShare, style.percent(current.womenShare)]
        for (_, metrics) in comparisons { share.append(style.pointsChange(from: metrics.womenShare, to: current.womenShare)) }
        if showCumulative { share.append(style.percent(analysis.cumulative.womenShare)) }
        table.add(share)

        countRow(labels.womenCooperatives) { $0.womenCooperatives }

        var capital = [labels.capital, style.dirhams(current.capitalCents)]
        for (_, metrics) in comparisons {
            capital.append(style.capitalChange(current.capitalCents - metrics.capitalCents, baseCents: metrics.capitalCents))
        }
        if showCumulative { capital.append(style.dirhams(analysis.cumulative.capitalCents)) }
        table.add(capital)

        let note = time.sameSpanNote.map { [""] + DisplayWidth.wrap($0, width: TextReport.maxWidth) } ?? []
        return heading(ReportLabels.fill(labels.headline, ["period": periodName])) + table.render() + note
    }
}
