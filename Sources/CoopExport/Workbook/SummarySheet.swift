import CoopDomain
import CoopTransform
import CoopXlsx

/// The Summary sheet: title and scope, period, data-as-of date, headline figures with their changes
/// against the comparison periods (green ▲ / red ▼), the total since the range start, a data-quality
/// line, and the main charts. Invariant: its only formulas are the change cells, computed from the
/// figures beside them; every figure equals the analysis's.
struct SummarySheet {
    let context: ReportContext
    let labels: WorkbookLabels
    let report: ReportLabels
    let figures: FigureStyle
    let style: WorkbookStyle

    var analysis: Analysis { context.analysis }

    /// The scope as a phrase: national, `{name} region`, and/or soulaliyate only.
    static func scope(_ context: ReportContext, report: ReportLabels) -> String {
        var parts: [String] = []
        if let code = context.analysis.scope.region {
            let name = context.reference.region(code)?.name(in: context.language) ?? code.rawValue
            parts.append(ReportLabels.fill(report.regionScope, ["name": name]))
        } else {
            parts.append(report.national)
        }
        if context.analysis.scope.onlySoulaliyate { parts.append(report.onlySoulaliyate) }
        return parts.joined(separator: report.listSeparator)
    }

    /// One headline figure: label, how to read it from metrics, and how it is written.
    private struct Figure {
        enum Kind { case count, share, money }
        let label: String
        let kind: Kind
        let value: (Metrics) -> Double?
    }

    private var figuresList: [Figure] {
        [
            Figure(label: report.cooperativesCreated, kind: .count) { Double($0.cooperatives) },
            Figure(label: report.members, kind: .count) { Double($0.membersTotal) },
            Figure(label: "   " + labels.header("members_women"), kind: .count) { Double($0.membersWomen) },
            Figure(label: "   " + labels.header("members_men"), kind: .count) { Double($0.membersMen) },
            Figure(label: report.womenShare, kind: .share) { $0.womenShare.scaled(places: 4).map { Double($0) / 10_000 } },
            Figure(label: report.womenCooperatives, kind: .count) { Double($0.womenCooperatives) },
            Figure(label: report.capital, kind: .money) { Double($0.capitalCents) / 100 },
        ]
    }

    /// The first row free for charts.
    static let chartRow = 20

    func write(on layout: SheetLayout) throws {
        let sheet = layout.sheet
        let scope = Self.scope(context, report: report)
        try layout.heading(report.title + " — " + scope, description: nil, row: 0, style: style)
        try sheet.writeString(row: 1, column: 0, labels.word("period"), format: style.label)
        let time = CoverageText(analysis: analysis)
        try sheet.writeString(row: 1, column: 1, CellText.clean(time.periodLine))
        try sheet.writeString(row: 2, column: 0, labels.word("data_as_of"), format: style.label)
        try sheet.writeDate(
            row: 2, column: 1, year: context.asOf.year, month: context.asOf.month, day: context.asOf.day,
            format: style.date)
        try sheet.writeString(row: 3, column: 0, time.words.coverageWord, format: style.label)
        try sheet.writeString(
            row: 3, column: 1, CellText.clean(([time.lastCreationLine] + [time.coveredOnlyToNote].compactMap { $0 }).joined(separator: " "))
        )

        // Headline figures.
        let headerRow = 4
        let firstRow = 5
        let comparisons = analysis.comparisons
        let showCumulative = analysis.period != .all
        let header = XlsxFormat(bold: true, textWrap: true, bottomBorder: .thin)
        let headerRight = XlsxFormat(bold: true, horizontalAlignment: .right, textWrap: true, bottomBorder: .thin)
        let headline = ReportLabels.fill(report.headline, ["period": time.periodName])
        try sheet.writeString(row: headerRow, column: 0, headline, format: header)
        try sheet.writeString(row: headerRow, column: 1, time.periodName, format: headerRight)
        var column = 2
        var changeColumns: [Int] = []
        for index in comparisons.indices {
            try sheet.writeString(row: headerRow, column: column, time.comparisonName(index), format: headerRight)
            try sheet.writeString(row: headerRow, column: column + 1, labels.header("change"), format: headerRight)
            changeColumns.append(column + 1)
            column += 2
        }
        let cumulativeColumn = column
        if showCumulative {
            try sheet.writeString(
                row: headerRow, column: cumulativeColumn,
                ReportLabels.fill(report.since, ["start": figures.rangeStart(analysis.range)]), format: headerRight)
        }
        let lastColumn = showCumulative ? cumulativeColumn : cumulativeColumn - 1
        layout.want(row: headerRow, height: 32)

        let pointsCode = "\"▲ \"0.0\"\(labels.word("pts"))\";\"▼ \"0.0\"\(labels.word("pts"))\";0.0\"\(labels.word("pts"))\""
        let changeCode = "\"▲ \"0.0%;\"▼ \"0.0%;0.0%"
        var labelTexts: [String] = [headline]
        for (index, figure) in figuresList.enumerated() {
            let row = firstRow + index
            labelTexts.append(figure.label)
            try sheet.writeString(row: row, column: 0, figure.label, format: index == 0 ? style.label : nil)
            let format: XlsxFormat =
                switch figure.kind {
                case .count: style.integer
                case .share: style.share
                case .money: style.money
                }
            let current = figure.value(analysis.current)
            if let current { try sheet.writeNumber(row: row, column: 1, current, format: format) }
            for (offset, comparison) in comparisons.enumerated() {
                let valueColumn = 2 + offset * 2
                let base = figure.value(comparison.metrics)
                if let base { try sheet.writeNumber(row: row, column: valueColumn, base, format: format) }
                let now = XlsxCell.reference(row: row, column: 1)
                let then = XlsxCell.reference(row: row, column: valueColumn)
                if figure.kind == .share {
                    let formula = "IF(OR(\(now)=\"\",\(then)=\"\"),\"\",(\(now)-\(then))*100)"
                    if let current, let base {
                        try sheet.writeFormula(
                            row: row, column: valueColumn + 1, formula, cachedValue: (current - base) * 100,
                            format: .number(pointsCode))
                    } else {
                        try sheet.writeFormula(row: row, column: valueColumn + 1, formula, cachedText: "", format: .number(pointsCode))
                    }
                } else {
                    let formula = "IF(\(then)=0,\"\",\(now)/\(then)-1)"
                    if let current, let base, base != 0 {
                        try sheet.writeFormula(
                            row: row, column: valueColumn + 1, formula, cachedValue: current / base - 1,
                            format: .number(changeCode))
                    } else {
                        try sheet.writeFormula(row: row, column: valueColumn + 1, formula, cachedText: "", format: .number(changeCode))
                    }
                }
            }
            if showCumulative, let total = figure.value(analysis.cumulative) {
                try sheet.writeNumber(row: row, column: cumulativeColumn, total, format: format)
            }
        }
        let lastFigureRow = firstRow + figuresList.count - 1
        for column in changeColumns {
            try sheet.addConditionalFormat(
                .cellValue(.greater, value: 0, format: XlsxFormat(fontColor: WorkbookStyle.green)),
                firstRow: firstRow, firstColumn: column, lastRow: lastFigureRow, lastColumn: column)
            try sheet.addConditionalFormat(
                .cellValue(.less, value: 0, format: XlsxFormat(fontColor: WorkbookStyle.red)),
                firstRow: firstRow, firstColumn: column, lastRow: lastFigureRow, lastColumn: column)
        }
        layout.want(column: 0, width: ColumnWidth.estimate(for: labelTexts + [labels.word("data_as_of")]) + 2)
        if lastColumn >= 1 {
            for column in 1...lastColumn { layout.want(column: column, width: 16) }
        }

        // Data quality and provenance.
        let total = context.totalQuality
        let quality = ReportLabels.fill(
            report.qualitySummary,
            [
                "files": figures.integer(context.files.count), "rows": figures.integer(total.rowsRead),
                "accepted": figures.integer(total.accepted), "rejected": figures.integer(total.rejected),
                "duplicates": figures.integer(total.duplicates), "conflicts": figures.integer(total.duplicateConflicts),
                "blank": figures.integer(total.skippedBlank), "unknown": figures.integer(total.unknownSector),
            ])
        try sheet.writeString(row: lastFigureRow + 2, column: 0, report.dataQuality, format: style.label)
        try sheet.writeString(row: lastFigureRow + 3, column: 0, CellText.clean(quality))
        try sheet.writeString(
            row: lastFigureRow + 4, column: 0,
            ReportLabels.fill(labels.word("generated"), ["version": context.version]), format: style.description)
        try sheet.writeString(row: lastFigureRow + 5, column: 0, time.words.reportingWord, format: style.label)
        for (offset, line) in time.reportingLines.enumerated() {
            try sheet.writeString(row: lastFigureRow + 5 + offset, column: 1, CellText.clean(line))
        }
        if let note = time.sameSpanNote {
            try sheet.writeString(row: lastFigureRow + 7, column: 0, CellText.clean(note), format: style.description)
        }
        try sheet.hideGridlines()
    }

    /// Places the Summary's charts in a grid below the figures: two per row, each 600 × 360 px
    /// (sector and place charts taller, to fit their labels).
    func place(_ charts: [(XlsxChart, tall: Bool)], on sheet: XlsxWorksheet) throws {
        let width = 620
        let shortHeight = 360
        let tallHeight = 560
        var y = 0
        var index = 0
        while index < charts.count {
            let pair = Array(charts[index..<min(index + 2, charts.count)])
            let height = pair.contains { $0.tall } ? tallHeight : shortHeight
            for (slot, item) in pair.enumerated() {
                try sheet.insertChart(
                    item.0, row: Self.chartRow, column: 0, xScale: 600.0 / 480, yScale: Double(height) / 288,
                    xOffset: slot * width, yOffset: y)
            }
            y += height + 20
            index += 2
        }
    }
}
