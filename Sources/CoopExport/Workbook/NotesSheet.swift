import CoopDomain
import CoopTransform
import CoopXlsx

/// The Notes sheet: what the workbook's words mean (women's cooperative, women's share, youth,
/// soulaliyate, duplicates and conflicts, the analysed range, coverage), where the data come from,
/// and — when inputs are the bundled synthetic registries, known by their SHA-256 — that they are
/// synthetic. Invariant: every term of `NotesText.terms` has one row, in the run's language; rows
/// have no fixed height, so Excel and LibreOffice fit them to the wrapped text when opening.
struct NotesSheet {
    let context: ReportContext
    let labels: WorkbookLabels
    let figures: FigureStyle
    let style: WorkbookStyle

    /// Width of the definitions column, in characters.
    static let textWidth = ColumnWidth.maximum

    /// The rows of the sheet: (term, text), the synthetic-data warning first when it applies.
    func rows() -> [(term: String, text: String)] {
        let notes = NotesText.of(context.language)
        let analysis = context.analysis
        let current = analysis.current
        let youth = current.youthReportingCooperatives
        var soulaliyate = 0
        for (community, metrics) in analysis.communities where community != .notReported { soulaliyate += metrics.cooperatives }
        let fills = [
            "start": figures.day(analysis.range.start), "end": figures.day(analysis.range.end),
            "youth": figures.percent(Ratio(youth, current.cooperatives)),
            "soulaliyate": figures.percent(Ratio(soulaliyate, current.cooperatives)),
            "period": figures.periodName(analysis.period, range: analysis.range),
        ]
        var rows: [(String, String)] = []
        let synthetic = BundledRegistries.synthetic(context.inputs)
        if !synthetic.isEmpty {
            let names = synthetic.map(\.path).joined(separator: figures.labels.listSeparator)
            let key = synthetic.count == context.inputs.count ? "synthetic_all" : "synthetic_some"
            rows.append((notes.term("synthetic"), ReportLabels.fill(notes.text(key), ["files": names])))
        }
        for key in NotesText.terms {
            rows.append((notes.term(key), ReportLabels.fill(notes.text(key), fills)))
        }
        return rows
    }

    func write(on layout: SheetLayout) throws {
        let sheet = layout.sheet
        let notes = NotesText.of(context.language)
        try layout.heading(notes.title, description: nil, row: 0, style: style)
        let rightToLeft = context.language.isRightToLeft
        let term = XlsxFormat(
            bold: true, horizontalAlignment: rightToLeft ? .right : .left, verticalAlignment: .top, textWrap: true,
            readingOrder: rightToLeft ? .rightToLeft : .context, bottomBorder: .hair)
        let text = XlsxFormat(
            horizontalAlignment: rightToLeft ? .right : .left, verticalAlignment: .top, textWrap: true,
            readingOrder: rightToLeft ? .rightToLeft : .context, bottomBorder: .hair)
        let warning = XlsxFormat(
            bold: true, fontColor: WorkbookStyle.red, horizontalAlignment: rightToLeft ? .right : .left, verticalAlignment: .top,
            textWrap: true, readingOrder: rightToLeft ? .rightToLeft : .context, bottomBorder: .hair)
        let termWidth = 26.0
        var row = 2
        for (index, entry) in rows().enumerated() {
            let isWarning = index == 0 && !BundledRegistries.synthetic(context.inputs).isEmpty
            try sheet.writeString(row: row, column: 0, CellText.clean(entry.term), format: isWarning ? warning : term)
            try sheet.writeString(row: row, column: 1, CellText.clean(entry.text), format: isWarning ? warning : text)
            layout.want(
                row: row,
                lines: max(
                    SheetLayout.wrappedLines(entry.text, width: Self.textWidth), SheetLayout.wrappedLines(entry.term, width: termWidth)))
            row += 1
        }
        layout.want(column: 0, width: termWidth)
        layout.want(column: 1, width: Self.textWidth)
        layout.printed(row: row - 1, column: 1)
        try sheet.hideGridlines()
    }
}
