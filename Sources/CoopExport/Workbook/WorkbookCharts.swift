import CoopTransform
import CoopXlsx

/// The workbook's native charts, each drawing from a placed table's cells so a planner who edits a
/// number sees the chart move. Titles and axis names are in the run's language.
/// Invariant: every series range lies inside the data rows of the table it draws from.
///
/// libxlsxwriter 1.1.4 has no secondary axis, so the cumulative count is its own line chart.
/// Region and province bars follow the tables' code order (listed from the top), not a ranking:
/// sorting would need a sorted copy that does not follow edits.
struct WorkbookCharts {
    let book: XlsxWorkbook
    let labels: WorkbookLabels
    /// Values filled into chart titles: `period`, `start`.
    let fills: [String: String]

    /// How many quarters the quarterly chart shows at most.
    static let quarters = 20

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
        if table.dataRows > 12 { try chart.setCategoryLabelInterval(2) }
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
        return chart
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
        if count > 12 { try chart.setCategoryLabelInterval(2) }
        return chart
    }

    /// Cooperatives created by region (or province, for a region run): horizontal bars, code order from the top.
    func places(_ table: PlacedTable, nameKey: String, titleKey: String) throws -> XlsxChart? {
        guard let values = table.range("cooperatives"), let names = table.range(nameKey) else { return nil }
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
        return chart
    }

    /// Women's share of members by region or province (bars, percent).
    func womenShare(_ table: PlacedTable, nameKey: String, titleKey: String) throws -> XlsxChart? {
        try shareBars(table, column: "women_share", nameKey: nameKey, titleKey: titleKey, color: WorkbookStyle.women)
    }

    /// Youth share of members (over the cooperatives that report youth) by region or province.
    func youthShare(_ table: PlacedTable, nameKey: String, titleKey: String) throws -> XlsxChart? {
        try shareBars(table, column: "youth_share", nameKey: nameKey, titleKey: titleKey, color: WorkbookStyle.youth)
    }

    /// One share column as horizontal bars, in percent, names in table order.
    private func shareBars(_ table: PlacedTable, column: String, nameKey: String, titleKey: String, color: XlsxColor) throws -> XlsxChart? {
        guard let values = table.range(column), let names = table.range(nameKey) else { return nil }
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
        return chart
    }

    /// Women and men members by region or province (stacked bars).
    func womenMen(_ table: PlacedTable, nameKey: String, titleKey: String) throws -> XlsxChart? {
        guard let women = table.range("members_women"), let men = table.range("members_men"),
            let names = table.range(nameKey)
        else { return nil }
        let chart = try book.addChart(.barStacked)
        try chart.addSeries(values: women, categories: names, name: header("members_women"), style: .init(color: WorkbookStyle.women))
        try chart.addSeries(values: men, categories: names, name: header("members_men"), style: .init(color: WorkbookStyle.men))
        try chart.setTitle(title(titleKey))
        try chart.setValueAxisNumberFormat(WorkbookStyle.integerCode)
        try chart.setLegend(.bottom)
        try chart.setGap(40)
        try chart.reverseCategoryOrder()
        return chart
    }

    /// Cooperatives created by sector (bars, taxonomy order from the top).
    func sectors(_ table: PlacedTable) throws -> XlsxChart? {
        guard let values = table.range("cooperatives"), let names = table.range("sector") else { return nil }
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
        return chart
    }
}
