import CoopDomain
import CoopTransform
import CoopXlsx

/// Writes `coopstat.xlsx` (CONTRACT §3.2): Summary first, one sheet per table of the analysis (each an
/// Excel table named as the table), the sector × region matrix and year/quarter × region grids (× province
/// in a regional run), Notes, About, and Data quality last; native charts; labels and values in the run's
/// language (right-to-left sheets in Arabic); every sheet set up to print on A4, one page wide, its header
/// row repeated.
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
        figures = FigureStyle(context.language, markingFigures: context.language.isRightToLeft)
    }

    var analysis: Analysis { context.analysis }

    /// Whether the run is regional: its wide sheets and charts are then by province, not by region.
    var regional: Bool { analysis.scope.region != nil }

    /// The key of the sector × place matrix sheet.
    var matrixKey: String { regional ? "province_matrix" : "matrix" }

    /// Sheet keys in workbook order: the known order, with any table the order does not know before Notes.
    /// A regional run has the year/quarter/sector × province sheets instead of the × region ones.
    var sheetKeys: [String] {
        let tableNames = analysis.tables.map(\.name)
        let grids = PeriodRegionGrid.keys(regional: regional)
        var keys = WorkbookLabels.sheetOrder.filter { key in
            ["summary", "notes", "about", TableKey.dataQuality.rawValue].contains(key) || grids.contains(key)
                || (key == matrixKey && tableNames.contains(TableKey.placeSectors(regional: regional).rawValue))
                || tableNames.contains(key)
        }
        let unknown = tableNames.filter { !WorkbookLabels.sheetOrder.contains($0) }
        keys.insert(contentsOf: unknown, at: keys.firstIndex(of: "notes") ?? keys.count)
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
        var placed: [TableKey: PlacedTable] = [:]
        for table in analysis.tables where table.key != .dataQuality {
            guard let key = table.key, let layout = layouts[key.rawValue] else { continue }
            let title = ReportLabels.fill(labels.title(table.name), fills.merging(["span": spanText]) { $1 })
            try layout.heading(title, description: labels.description(table.name), row: 0, style: style)
            let written = try writer.write(table, on: layout, headerRow: 2)
            placed[key] = written
            layout.repeatedRows = 2...2
            try GrowthColumn.write(beside: written, on: layout, header: labels.word("change_" + table.name), style: style)
            if key == .bySector { try writeSectorsWithNone(below: written, on: layout) }
            try layout.sheet.freezePanes(row: 3, column: 0)
        }
        if let layout = layouts[matrixKey], let matrix = SectorRegionMatrix.table(from: analysis, labels: labels, values: values) {
            try layout.heading(
                ReportLabels.fill(labels.title(matrixKey), fills), description: labels.description(matrixKey), row: 0, style: style)
            let table = try writer.turningNumberHeaders().write(matrix.table, headers: matrix.headers, on: layout, headerRow: 2)
            layout.repeatedRows = 2...2
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
            _ = try writer.turningNumberHeaders().write(grid.table, headers: grid.headers, on: layout, headerRow: 2)
            layout.repeatedRows = 2...2
            try layout.sheet.freezePanes(row: 3, column: 1)
        }

        // Charts: the main ones on the Summary, the others under their tables; category charts draw
        // from rankings written right of their tables, outside the print area.
        let charts = WorkbookCharts(book: book, labels: labels, fills: fills)
        let placesKey = TableKey.places(regional: regional)
        let placesTable = placed[placesKey]
        let nameKey = regional ? "province" : "region"
        let kind = regional ? "province" : "region"
        func rank(
            _ table: PlacedTable, _ keys: [String], presence: String = "cooperatives", name: String,
            adjust: (inout ChartRanking) -> Void = { _ in }
        ) throws -> ChartRanking.Placed? {
            guard let layout = layouts[table.name] else { return nil }
            var ranking = ChartRanking(table: table, nameKey: name, valueKeys: keys, presence: presence)
            ranking.blankName = report.provinceNotReported
            adjust(&ranking)
            let column = layout.reserveHelperColumn()
            let headers = [labels.word("chart_data")] + keys.map { labels.header($0) }
            let result = try ranking.write(on: layout, column: column, headers: headers, style: style)
            if let result { layout.advanceHelperColumn(past: result.lastColumn) }
            return result
        }
        var summaryCharts: [(XlsxChart, tall: Bool)] = []
        if let yearly = placed[.yearly], let chart = try charts.yearly(yearly) { summaryCharts.append((chart, false)) }
        if let quarterly = placed[.quarterly], let chart = try charts.quarterly(quarterly) { summaryCharts.append((chart, false)) }
        if let places = placesTable, let ranking = try rank(places, ["cooperatives"], name: nameKey),
            let chart = try charts.places(ranking, titleKey: placesKey.rawValue)
        {
            summaryCharts.append((chart, true))
        }
        if let sectors = placed[.bySector],
            let ranking = try rank(
                sectors, ["cooperatives"], name: "sector",
                adjust: { ranking in
                    ranking.keep = WorkbookCharts.sectorsShown
                    ranking.otherLabel = labels.word("other_sectors")
                }),
            let chart = try charts.sectors(ranking)
        {
            summaryCharts.append((chart, true))
        }

        if let yearly = placed[.yearly], let layout = layouts[TableKey.yearly.rawValue], let chart = try charts.cumulative(yearly) {
            try layout.insert(chart, row: yearly.lastRow + 2, width: 600, height: 360)
        }
        if let places = placesTable, let layout = layouts[placesKey.rawValue] {
            let row = places.lastRow + 2
            let height = max(360, 60 + 28 * places.dataRows)
            if let ranking = try rank(places, ["women_share"], name: nameKey) {
                if let chart = try charts.womenShare(ranking, titleKey: "women_share_" + kind) {
                    try layout.insert(chart, row: row, width: 560, height: height)
                }
            }
            if let ranking = try rank(
                places, ["members_women", "members_men"], name: nameKey,
                adjust: { ranking in
                    ranking.rank = { values in
                        let members = (values["members_women"] ?? 0) + (values["members_men"] ?? 0)
                        return members > 0 ? members : nil
                    }
                }),
                let chart = try charts.womenMen(ranking, titleKey: "women_men_" + kind)
            {
                try layout.insert(chart, row: row, x: 580, width: 560, height: height)
            }
        }

        let youthKey = TableKey.youth(regional: regional)
        if let youth = placed[youthKey], let layout = layouts[youthKey.rawValue],
            let ranking = try rank(youth, ["youth_share"], presence: "cooperatives_reporting", name: nameKey),
            let chart = try charts.youthShare(ranking, titleKey: "youth_share_" + kind)
        {
            let height = max(300, 60 + 22 * youth.dataRows)
            try layout.insert(chart, row: youth.lastRow + 2, width: 600, height: height)
        }

        if let layout = layouts["summary"] {
            var summary = SummarySheet(context: context, labels: labels, report: report, figures: figures, style: style)
            try summary.write(on: layout)
            try summary.place(summaryCharts, on: layout)
            try layout.sheet.activate()
        }
        if let layout = layouts["notes"] {
            try NotesSheet(context: context, labels: labels, figures: figures, style: style).write(on: layout)
        }
        if let layout = layouts["about"] {
            try AboutSheet(
                context: context, labels: labels, report: report, figures: figures, style: style, writer: writer.wrapping(at: 40)
            ).write(
                on: layout)
        }
        if let layout = layouts[TableKey.dataQuality.rawValue] {
            try QualitySheet(context: context, labels: labels, report: report, style: style, writer: writer.wrapping(at: 26)).write(
                on: layout)
        }
        for key in sheetKeys { try layouts[key]?.apply() }
    }

    /// Names the sectors with no cooperative created in the period under the `by_sector` table.
    func writeSectorsWithNone(below table: PlacedTable, on layout: SheetLayout) throws {
        let none = analysis.sectors.filter { $0.metrics.cooperatives == 0 }.map { $0.sector.name(in: context.language) }
        guard !none.isEmpty else { return }
        let row = table.lastRow + 2
        let text =
            ReportLabels.fill(labels.word("sectors_none"), ["count": figures.integer(none.count)]) + ": "
            + none.joined(separator: report.listSeparator)
        try layout.sheet.writeString(row: row, column: 0, CellText.clean(text), format: style.description)
        layout.printed(row: row, column: 0)
    }
}
