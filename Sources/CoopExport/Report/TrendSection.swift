import CoopDomain
import CoopTransform

/// A horizontal bar of full and partial block characters (`████▌`), scaled so the largest value fills `width`.
/// Invariant: zero gives an empty bar, any positive value at least one eighth of a cell.
public enum TrendBar {
    static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar of `value` when `maximum` fills `width` cells.
    public static func bar(_ value: Int, maximum: Int, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let eighths = max(1, (2 * value * width * 8 + maximum) / (2 * maximum))
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }
}

extension ReportPage {
    /// One line per year from the range start to the period's end: count, bar, cumulative; in a
    /// soulaliyate-only run, a year whose registries do not report the flag shows `—` and a note says why.
    func trendSection() -> [String] {
        let maximum = analysis.years.map(\.metrics.cooperatives).max() ?? 0
        var table = TextTable([
            TextTable.Column(labels.year, .left),
            TextTable.Column(labels.created, .right),
            TextTable.Column("", .left),
            TextTable.Column(labels.cumulative, .right),
        ])
        var cumulative = 0
        var uncounted: [Int] = []
        for (year, metrics) in analysis.years {
            cumulative += metrics.cooperatives
            if let reporting = analysis.soulaliyateReporting, !reporting.isReported(year: year) {
                // No registry of that year says whether a cooperative is soulaliyate: not 0, unknown.
                uncounted.append(year)
                table.add([String(year), labels.undefined, DisplayWidth.padRight("", to: 40), labels.undefined])
                continue
            }
            let bar = DisplayWidth.padRight(TrendBar.bar(metrics.cooperatives, maximum: maximum, width: 40), to: 40)
            table.add([String(year), style.integer(metrics.cooperatives), bar, style.integer(cumulative)])
        }
        let title =
            labels.yearlyTrend + ", "
            + style.periodName(
                .years(
                    analysis.range.start.year,
                    analysis.years.last?.year ?? analysis.range.end.year),
                range: analysis.range)
        var lines = heading(title) + table.render()
        if !uncounted.isEmpty {
            // Runs of consecutive years as spans: 2005–2012, 2014.
            var spans: [(Int, Int)] = []
            for year in uncounted {
                if let last = spans.last, last.1 == year - 1 { spans[spans.count - 1].1 = year } else { spans.append((year, year)) }
            }
            let years = spans.map { $0.0 == $0.1 ? String($0.0) : style.periodName(.years($0.0, $0.1), range: analysis.range) }
            let note = ReportLabels.fill(
                ValueLabels.of(language).soulaliyateNotReported, ["years": years.joined(separator: labels.listSeparator)])
            lines += [""] + DisplayWidth.wrap(note, width: TextReport.maxWidth)
        }
        return lines
    }
}
