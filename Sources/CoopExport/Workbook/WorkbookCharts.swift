import CoopTransform
import CoopXlsx

/// The workbook's native charts, each drawing from a placed table's cells so a planner who edits a
/// number sees the chart move. Titles and axis names are in the run's language.
/// Invariant: every series range lies inside the data rows of the table or ranking it draws from.
///
/// libxlsxwriter 1.1.4 has no secondary axis, so the cumulative count is its own line chart.
/// Region, province and sector bars draw from a `ChartRanking` (largest first, empty ones left out),
/// whose cells point at the table's, so edits still move the bars.
struct WorkbookCharts {
    let book: XlsxWorkbook
    let labels: WorkbookLabels
    /// Values filled into chart titles: `period`, `start`.
    let fills: [String: String]

    /// How many quarters the quarterly chart shows at most.
    static let quarters = 20
    /// How many sectors the sector chart shows before the rest fold into "other sectors".
    static let sectorsShown = 10

    private func title(_ key: String, _ extra: [String: String] = [:]) -> String {
        ReportLabels.fill(labels.chart(key), fills.merging(extra) { $1 })
    }

    private func header(_ key: String) -> String { WorkbookLabels.safeHeader(labels.header(key)) }

    /// Cooperatives created per year (columns).
    func yearly(_ table: PlacedTable) throws -> XlsxChart? {
        guard let values = table.range("cooperatives"), let years = table.range("year") else { return nil }
        let chart = try book.addChart(.column)
        try chart.addSeries(
            values: values, categories: years, name: header("cooperatives"),
            style: .init(color: WorkbookStyle.accent))
        try chart.setTitle(title("yearly"))
        try chart.setAxisNames(category: header("year"), value: header("cooperatives"))
        try chart.setValueAxisNumberFormat(WorkbookStyle.integerCode)
        try chart.setLegend(.none)
        try chart.setGap(50)
        try readableAxis(chart, count: table.dataRows)
        return chart
    }

    /// The cumulative count per year (line).
    func cumulative(_ table: PlacedTable) throws -> XlsxChart? {
        guard let values = table.range("cumulative_cooperatives"), let years = table.range("year") else { return nil }
        let chart = try book.addChart(.line)
        try chart.addSeries(
            values: values, categories: years, name: header("cumulative_cooperatives"),
            style: .init(color: WorkbookStyle.line, markers: true, lineWidth: 2.25))
        try chart.setTitle(title("cumulative"))
        try chart.setAxisNames(category: header("year"), value: header("cumulative_cooperatives"))
        try chart.setValueAxisNumberFormat(WorkbookStyle.integerCode)
        try chart.setLegend(.none)
        try readableAxis(chart, count: table.dataRows)
        return chart
    }

    /// Every category name of a bar chart shown, in 8 points (LibreOffice otherwise skips one in two).
    private func everyName(_ chart: XlsxChart) throws {
        try chart.setCategoryLabelInterval(1)
        try chart.setCategoryLabels(fontSize: 8)
    }

    /// Year and quarter labels that do not run together: turned 45° beyond 8 labels, one in two beyond 12.
    private func readableAxis(_ chart: XlsxChart, count: Int) throws {
        if count > 8 { try chart.setCategoryLabels(rotation: -45, fontSize: 9) }
        if count > 12 { try chart.setCategoryLabelInterval(2) }
    }

    /// Cooperatives created per quarter over the last 20 quarters (fewer when the range is shorter).
    func quarterly(_ table: PlacedTable) throws -> XlsxChart? {
        let count = min(Self.quarters, table.dataRows)
        guard let values = table.range("cooperatives", last: count), let quarters = table.range("quarter", last: count) else { return nil }
        let chart = try book.addChart(.column)
        try chart.addSeries(
            values: values, categories: quarters, name: header("cooperatives"),
            style: .init(color: WorkbookStyle.blue))
        try chart.setTitle(title("quarterly", ["count": String(count)]))
        try chart.setAxisNames(category: header("quarter"), value: header("cooperatives"))
        try chart.setValueAxisNumberFormat(WorkbookStyle.integerCode)
        try chart.setLegend(.none)
        try chart.setGap(40)
        try readableAxis(chart, count: count)
        return chart
    }

    /// Cooperatives created by region (or province, for a region run): horizontal bars, largest from the top.
    func places(_ ranking: ChartRanking.Placed, titleKey: String) throws -> XlsxChart? {
        guard let values = ranking.range("cooperatives") else { return nil }
        let names = ranking.nameRange
        let chart = try book.addChart(.bar)
        try chart.addSeries(
            values: values, categories: names, name: header("cooperatives"),
            style: .init(
                color: WorkbookStyle.accent, showValues: true, labelNumberFormat: WorkbookStyle.integerCode,
                labelPosition: .outsideEnd))
        try chart.setTitle(title(titleKey))
        try chart.setValueAxisNumberFormat(WorkbookStyle.integerCode)
        try chart.setLegend(.none)
        try chart.setGap(40)
        try chart.reverseCategoryOrder()
        try everyName(chart)
        return chart
    }

    /// Women's share of members by region or province (bars, percent, highest from the top).
    func womenShare(_ ranking: ChartRanking.Placed, titleKey: String) throws -> XlsxChart? {
        try shareBars(ranking, column: "women_share", titleKey: titleKey, color: WorkbookStyle.women)
    }

    /// Youth share of members (over the cooperatives that report youth) by region.
    func youthShare(_ ranking: ChartRanking.Placed, titleKey: String = "youth_share_region") throws -> XlsxChart? {
        try shareBars(ranking, column: "youth_share", titleKey: titleKey, color: WorkbookStyle.youth)
    }

    /// One share column as horizontal bars, in percent, in the ranking's order from the top.
    private func shareBars(_ ranking: ChartRanking.Placed, column: String, titleKey: String, color: XlsxColor) throws -> XlsxChart? {
        guard let values = ranking.range(column) else { return nil }
        let names = ranking.nameRange
        let chart = try book.addChart(.bar)
        try chart.addSeries(
            values: values, categories: names, name: header(column),
            style: .init(
                color: color, showValues: true, labelNumberFormat: "0%",
                labelPosition: .outsideEnd))
        try chart.setTitle(title(titleKey))
        try chart.setValueAxisNumberFormat("0%")
        try chart.setValueAxisBounds(min: 0, max: nil)
        try chart.setLegend(.none)
        try chart.setGap(40)
        try chart.reverseCategoryOrder()
        try everyName(chart)
        return chart
    }

    /// Women and men members by region or province (stacked bars, most members from the top).
    func womenMen(_ ranking: ChartRanking.Placed, titleKey: String) throws -> XlsxChart? {
        guard let women = ranking.range("members_women"), let men = ranking.range("members_men") else { return nil }
        let names = ranking.nameRange
        let chart = try book.addChart(.barStacked)
        try chart.addSeries(values: women, categories: names, name: header("members_women"), style: .init(color: WorkbookStyle.women))
        try chart.addSeries(values: men, categories: names, name: header("members_men"), style: .init(color: WorkbookStyle.men))
        try chart.setTitle(title(titleKey))
        try chart.setValueAxisNumberFormat(WorkbookStyle.integerCode)
        try chart.setLegend(.bottom)
        try chart.setGap(40)
        try chart.reverseCategoryOrder()
        try everyName(chart)
        return chart
    }

    /// Cooperatives created by sector (bars, largest from the top, the tail beyond the top ten folded).
    func sectors(_ ranking: ChartRanking.Placed) throws -> XlsxChart? {
        guard let values = ranking.range("cooperatives") else { return nil }
        let names = ranking.nameRange
        let chart = try book.addChart(.bar)
        try chart.addSeries(
            values: values, categories: names, name: header("cooperatives"),
            style: .init(
                color: WorkbookStyle.line, showValues: true, labelNumberFormat: WorkbookStyle.integerCode,
                labelPosition: .outsideEnd))
        try chart.setTitle(title("sectors"))
        try chart.setValueAxisNumberFormat(WorkbookStyle.integerCode)
        try chart.setLegend(.none)
        try chart.setGap(30)
        try chart.reverseCategoryOrder()
        try everyName(chart)
        return chart
    }
}
