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
    /// One line per year from the range start to the period's end: count, bar, cumulative.
    func trendSection() -> [String] {
        let maximum = analysis.years.map(\.metrics.cooperatives).max() ?? 0
        var table = TextTable([
            TextTable.Column(labels.year, .left),
            TextTable.Column(labels.created, .right),
            TextTable.Column("", .left),
            TextTable.Column(labels.cumulative, .right),
        ])
        var cumulative = 0
        for (year, metrics) in analysis.years {
            cumulative += metrics.cooperatives
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
        return heading(title) + table.render()
    }
}
