import CoopDomain
import CoopTransform
import CoopXlsx

/// Writes `coopstat.xlsx` (CONTRACT §3.2): Summary first, one sheet per table of the analysis (each an
/// Excel table named as the table), the sector × region matrix and year/quarter × region grids (× province
/// in a regional run), About, and Data quality last; native charts; labels and values in the run's
/// language (right-to-left sheets in Arabic).
/// Invariant: the same context gives byte-identical files (creation time = `asOf` at 00:00 UTC, no
/// wall clock, stable order); the target only ever holds a complete workbook.
public enum WorkbookWriter {
    /// Writes the workbook of `context` to `path` (through a temporary file renamed into place).
    public static func write(_ context: ReportContext, to path: String) throws {
        let book = try XlsxWorkbook(path: path)
        try WorkbookBuild(context: context, book: book).build()
        try book.close()
    }
}

/// One workbook being filled from one context.
/// Invariant: sheets are added in `WorkbookLabels.sheetOrder` before any chart refers to them.
struct WorkbookBuild {
    let context: ReportContext
    let book: XlsxWorkbook
    let labels: WorkbookLabels
    let report: ReportLabels
    let values: ValueLabels
    let figures: FigureStyle
    let style = WorkbookStyle()

    init(context: ReportContext, book: XlsxWorkbook) {
        self.context = context
        self.book = book
        labels = WorkbookLabels.of(context.language)
        report = ReportLabels.of(context.language)
        values = ValueLabels.of(context.language)
        figures = FigureStyle(context.language)
    }

    var analysis: Analysis { context.analysis }

    /// Whether the run is regional: its wide sheets and charts are then by province, not by region.
    var regional: Bool { analysis.scope.region != nil }

    /// The key of the sector × place matrix sheet.
    var matrixKey: String { regional ? "province_matrix" : "matrix" }

    /// Sheet keys in workbook order: the known order, with any table the order does not know before About.
    /// A regional run has the year/quarter/sector × province sheets instead of the × region ones.
    var sheetKeys: [String] {
        let tableNames = analysis.tables.map(\.name)
        let grids = PeriodRegionGrid.keys(regional: regional)
        var keys = WorkbookLabels.sheetOrder.filter { key in
            ["summary", "about", "data_quality"].contains(key) || grids.contains(key)
                || (key == matrixKey && tableNames.contains(regional ? "province_sector" : "region_sector"))
                || tableNames.contains(key)
        }
        let unknown = tableNames.filter { !WorkbookLabels.sheetOrder.contains($0) }
        keys.insert(contentsOf: unknown, at: keys.firstIndex(of: "about") ?? keys.count)
        return keys
    }

    func build() throws {
        let created = XlsxDocumentProperties.unixTime(year: context.asOf.year, month: context.asOf.month, day: context.asOf.day)
        let scope = SummarySheet.scope(context, report: report)
        try book.setProperties(
            XlsxDocumentProperties(
                title: report.title + " — " + scope, subject: figures.periodLine(analysis.period, range: analysis.range),
                author: "coopstat", keywords: "cooperatives, Morocco, " + analysis.period.label,
                comments: ReportLabels.fill(labels.word("generated"), ["version": context.version]), created: max(1, created)))

        var layouts: [String: SheetLayout] = [:]
        for key in sheetKeys {
            let sheet = try book.addWorksheet(labels.sheet(key))
            if context.language.isRightToLeft { try sheet.setRightToLeft() }
            try sheet.setLandscape()
            try sheet.fitToPages(width: 1, height: 0)
            layouts[key] = SheetLayout(sheet)
        }
        let writer = TableWriter(style: style, labels: labels, values: values, totalLabel: labels.header("total"))
        let fills = [
            "period": figures.periodName(analysis.period, range: analysis.range),
            "start": figures.rangeStart(analysis.range),
        ]
        let spanText = figures.span(
            DateRange(start: analysis.range.start, end: analysis.period.days(within: analysis.range)?.end ?? analysis.range.end)
                ?? analysis.range)

        // One sheet per table.
        var placed: [String: PlacedTable] = [:]
        for table in analysis.tables where table.name != "data_quality" {
            guard let layout = layouts[table.name] else { continue }
            let title = ReportLabels.fill(labels.title(table.name), fills.merging(["span": spanText]) { $1 })
            try layout.heading(title, description: labels.description(table.name), row: 0, style: style)
            placed[table.name] = try writer.write(table, on: layout, headerRow: 2)
            try layout.sheet.freezePanes(row: 3, column: 0)
        }
        if let layout = layouts[matrixKey], let matrix = SectorRegionMatrix.table(from: analysis, labels: labels, values: values) {
            try layout.heading(
                ReportLabels.fill(labels.title(matrixKey), fills), description: labels.description(matrixKey), row: 0, style: style)
            let table = try writer.write(matrix.table, headers: matrix.headers, on: layout, headerRow: 2)
            try layout.sheet.freezePanes(row: 3, column: 2)
            let placeCount = matrix.table.columns.count - 3
            if placeCount > 0 {
                try layout.sheet.addConditionalFormat(
                    .threeColorScale(min: XlsxColor(rgb: 0xFFFFFF), mid: XlsxColor(rgb: 0xFFEB84), max: XlsxColor(rgb: 0xF8696B)),
                    firstRow: table.firstDataRow, firstColumn: 2, lastRow: table.lastDataRow, lastColumn: 1 + placeCount)
            }
        }

        for key in PeriodRegionGrid.keys(regional: regional) {
            guard let layout = layouts[key], let grid = PeriodRegionGrid.table(key, from: analysis, labels: labels, values: values)
            else { continue }
            try layout.heading(
                ReportLabels.fill(labels.title(key), fills.merging(["span": spanText]) { $1 }),
                description: labels.description(key), row: 0, style: style)
            _ = try writer.write(grid.table, headers: grid.headers, on: layout, headerRow: 2)
            try layout.sheet.freezePanes(row: 3, column: 1)
        }

        // Charts: the main ones on the Summary, the others beside their tables.
        let charts = WorkbookCharts(book: book, labels: labels, fills: fills)
        let placesTable = placed[regional ? "by_province" : "by_region"]
        let nameKey = regional ? "province" : "region"
        let kind = regional ? "province" : "region"
        var summaryCharts: [(XlsxChart, tall: Bool)] = []
        if let yearly = placed["yearly"], let chart = try charts.yearly(yearly) { summaryCharts.append((chart, false)) }
        if let quarterly = placed["quarterly"], let chart = try charts.quarterly(quarterly) { summaryCharts.append((chart, false)) }
        if let places = placesTable,
            let chart = try charts.places(places, nameKey: nameKey, titleKey: regional ? "by_province" : "by_region")
        {
            summaryCharts.append((chart, true))
        }
        if let sectors = placed["by_sector"], let chart = try charts.sectors(sectors) { summaryCharts.append((chart, true)) }

        if let yearly = placed["yearly"], let layout = layouts["yearly"], let chart = try charts.cumulative(yearly) {
            try layout.sheet.insertChart(chart, row: 2, column: yearly.lastColumn + 2, xScale: 1.25, yScale: 1.25)
        }
        if let places = placesTable, let layout = layouts[regional ? "by_province" : "by_region"] {
            let column = places.lastColumn + 2
            let height = max(360, 40 + 28 * places.dataRows)
            if let chart = try charts.womenShare(places, nameKey: nameKey, titleKey: "women_share_" + kind) {
                try layout.sheet.insertChart(chart, row: 2, column: column, xScale: 600.0 / 480, yScale: Double(height) / 288)
            }
            if let chart = try charts.womenMen(places, nameKey: nameKey, titleKey: "women_men_" + kind) {
                try layout.sheet.insertChart(
                    chart, row: 2, column: column, xScale: 600.0 / 480, yScale: Double(height) / 288,
                    yOffset: height + 20)
            }
        }

        let youthKey = regional ? "youth_by_province" : "youth_by_region"
        if let youth = placed[youthKey], let layout = layouts[youthKey],
            let chart = try charts.youthShare(youth, nameKey: nameKey, titleKey: "youth_share_" + kind)
        {
            let height = max(360, 40 + 28 * youth.dataRows)
            try layout.sheet.insertChart(chart, row: 2, column: youth.lastColumn + 2, xScale: 600.0 / 480, yScale: Double(height) / 288)
        }

        if let layout = layouts["summary"] {
            let summary = SummarySheet(context: context, labels: labels, report: report, figures: figures, style: style)
            try summary.write(on: layout)
            try summary.place(summaryCharts, on: layout.sheet)
            try layout.sheet.fitToPages(width: 1, height: 1)
            try layout.sheet.activate()
        }
        if let layout = layouts["about"] {
            try AboutSheet(context: context, labels: labels, report: report, figures: figures, style: style, writer: writer).write(
                on: layout)
        }
        if let layout = layouts["data_quality"] {
            try QualitySheet(context: context, labels: labels, report: report, style: style, writer: writer).write(on: layout)
        }
        for key in sheetKeys { try layouts[key]?.apply() }
    }
}
