import CoopDomain
import CoopTransform
import CoopXlsx

/// The Summary sheet: title and scope, period, data-as-of date, every headline figure of the text
/// report (women + men + gender not reported = members), youth and soulaliyate cooperatives, with
/// their changes against the comparison periods (green ▲ / red ▼) and the total since the range
/// start, what share of cooperatives report youth and soulaliyate, a data-quality line, and the main
/// charts. Invariant: its only formulas are the change cells, computed from the figures beside
/// them; every figure equals the analysis's.
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
        /// Shown indented under the figure before (women, men, not reported under members).
        var indented = false
        let value: (Metrics) -> Double?
    }

    static func fraction(_ ratio: Ratio) -> Double? { ratio.scaled(places: 4).map { Double($0) / 10_000 } }

    private var figuresList: [Figure] {
        [
            Figure(label: report.cooperativesCreated, kind: .count) { Double($0.cooperatives) },
            Figure(label: report.members, kind: .count) { Double($0.membersTotal) },
            Figure(label: report.women, kind: .count, indented: true) { Double($0.membersWomen) },
            Figure(label: report.men, kind: .count, indented: true) { Double($0.membersMen) },
            Figure(label: report.genderNotReported, kind: .count, indented: true) { Double($0.membersGenderUnknown) },
            Figure(label: report.womenShare, kind: .share) { Self.fraction($0.womenShare) },
            Figure(label: report.womenCooperatives, kind: .count) { Double($0.womenCooperatives) },
            Figure(label: report.capital, kind: .money) { Double($0.capitalCents) / 100 },
            Figure(label: report.youngMembers, kind: .count) {
                $0.youthReportingCooperatives > 0 ? Double($0.membersYouth) : nil
            },
            Figure(label: report.youthShare, kind: .share) { Self.fraction($0.youthShare) },
        ]
    }

    /// The soulaliyate cooperatives of the period (nil when no cooperative reports the flag).
    var soulaliyate: (count: Int, reporting: Int)? {
        var count = 0
        var reporting = 0
        for (community, metrics) in analysis.communities {
            switch community {
            case .soulaliyate:
                count += metrics.cooperatives
                reporting += metrics.cooperatives
            case .other: reporting += metrics.cooperatives
            case .notReported: break
            }
        }
        return reporting > 0 ? (count, reporting) : nil
    }

    /// The first row free for charts, once `write` has run.
    private(set) var chartRow = 20

    mutating func write(on layout: SheetLayout) throws {
        let sheet = layout.sheet
        let scope = Self.scope(context, report: report)
        try layout.heading(report.title + " — " + scope, description: nil, row: 0, style: style)
        let columnCount = 2 + 2 * analysis.comparisons.count + (analysis.period != .all ? 1 : 0)
        let wide = XlsxFormat(
            horizontalAlignment: context.language.isRightToLeft ? .right : .left,
            readingOrder: context.language.isRightToLeft ? .rightToLeft : .context)
        try sheet.writeString(row: 1, column: 0, labels.word("period"), format: style.label)
        let time = CoverageText(analysis: analysis)
        try sheet.mergeRange(
            firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: max(2, columnCount - 1),
            text: CellText.clean(time.periodLine), format: wide)
        try sheet.writeString(row: 2, column: 0, labels.word("data_as_of"), format: style.label)
        try sheet.writeDay(row: 2, column: 1, context.asOf, format: style.date(context.language))
        try sheet.writeString(row: 3, column: 0, time.words.coverageWord, format: style.label)
        try sheet.mergeRange(
            firstRow: 3, firstColumn: 1, lastRow: 3, lastColumn: max(2, columnCount - 1), text: CellText.clean(time.lastCreationLine),
            format: wide)

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
        let rightToLeft = context.language.isRightToLeft
        let indented = XlsxFormat(
            horizontalAlignment: rightToLeft ? .right : .left, indent: 2, readingOrder: rightToLeft ? .rightToLeft : .context)
        let plain = XlsxFormat(horizontalAlignment: rightToLeft ? .right : .left, readingOrder: rightToLeft ? .rightToLeft : .context)
        for (index, figure) in figuresList.enumerated() {
            let row = firstRow + index
            labelTexts.append(figure.indented ? "    " + figure.label : figure.label)
            try sheet.writeString(
                row: row, column: 0, figure.label, format: index == 0 ? style.label : figure.indented ? indented : plain)
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
        var row = lastFigureRow + 1
        if let soulaliyate {
            try sheet.writeString(row: row, column: 0, labels.word("soulaliyate_cooperatives"), format: plain)
            try sheet.writeNumber(row: row, column: 1, Double(soulaliyate.count), format: style.integer)
            row += 1
        }
        row += 1
        try sheet.writeString(row: row, column: 0, labels.word("coverage"), format: style.label)
        row += 1
        for line in coverageLines() + [time.coveredOnlyToNote, time.sameSpanNote].compactMap({ $0 }) {
            try sheet.writeString(row: row, column: 0, CellText.clean(line), format: plain)
            row += 1
        }
        row += 1
        try sheet.writeString(row: row, column: 0, report.dataQuality, format: style.label)
        try sheet.writeString(row: row + 1, column: 0, CellText.clean(quality), format: plain)
        if let note = QualitySheet.scopeNote(context, labels: labels, report: report, figures: figures) {
            try sheet.writeString(row: row + 2, column: 0, CellText.clean(note), format: plain)
            row += 1
        }
        try sheet.writeString(
            row: row + 2, column: 0,
            ReportLabels.fill(labels.word("generated"), ["version": context.version]), format: style.description)
        layout.printed(row: row + 2, column: lastColumn)
        chartRow = row + 4
        try sheet.hideGridlines()
    }

    /// What share of the period's cooperatives report youth and soulaliyate (CONTRACT §2.1).
    func coverageLines() -> [String] {
        let current = analysis.current
        func line(_ key: String, _ reporting: Int) -> String {
            ReportLabels.fill(
                labels.word(key),
                [
                    "count": figures.integer(reporting), "total": figures.integer(current.cooperatives),
                    "share": figures.percent(Ratio(reporting, current.cooperatives)),
                ])
        }
        return [
            line("coverage_youth", current.youthReportingCooperatives),
            line("coverage_soulaliyate", soulaliyate?.reporting ?? 0),
        ]
    }

    /// Places the Summary's charts in a grid below the figures, from a new page: two per row, each
    /// 520 px wide (sector and place charts taller, to fit their labels), two rows to a page.
    func place(_ charts: [(XlsxChart, tall: Bool)], on layout: SheetLayout) throws {
        let width = 520
        let shortHeight = 300
        let tallHeight = 420
        if !charts.isEmpty { layout.pageBreaks.append(chartRow) }
        var y = 0
        var index = 0
        while index < charts.count {
            let pair = Array(charts[index..<min(index + 2, charts.count)])
            let height = pair.contains { $0.tall } ? tallHeight : shortHeight
            for (slot, item) in pair.enumerated() {
                try layout.insert(item.0, row: chartRow, x: slot * (width + 16), y: y, width: width, height: height)
            }
            y += height + 16
            index += 2
        }
    }
}
