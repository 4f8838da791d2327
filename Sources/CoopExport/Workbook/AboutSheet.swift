import CoopDomain
import CoopTransform
import CoopXlsx
import Foundation

/// The About sheet: what the workbook is, the period, scope and range, the coopstat version, the
/// command that regenerates it, the input files (size, SHA-256, encoding, delimiter, rows) and the options.
/// Invariant: file names and option values are written as strings, never formulas.
struct AboutSheet {
    let context: ReportContext
    let labels: WorkbookLabels
    let report: ReportLabels
    let figures: FigureStyle
    let style: WorkbookStyle
    let writer: TableWriter

    func write(on layout: SheetLayout) throws {
        let sheet = layout.sheet
        let analysis = context.analysis
        try layout.heading(labels.title("about"), description: labels.word("about_what"), row: 0, style: style)
        let facts: [(String, String)] = [
            (labels.word("period"), figures.periodLine(analysis.period, range: analysis.range)),
            (labels.word("scope"), SummarySheet.scope(context, report: report)),
            (labels.word("range"), figures.span(analysis.range)),
            (labels.word("language"), context.language.rawValue),
            (labels.word("version"), context.version),
            (labels.word("regenerate"), Self.commandLine(context)),
        ]
        var row = 3
        try sheet.writeString(row: row, column: 0, labels.word("data_as_of"), format: style.label)
        try sheet.writeDay(row: row, column: 1, context.asOf, format: style.date(context.language))
        row += 1
        for (label, value) in facts {
            try sheet.writeString(row: row, column: 0, label, format: XlsxFormat(bold: true, verticalAlignment: .top))
            try sheet.writeString(row: row, column: 1, CellText.clean(value), format: XlsxFormat(verticalAlignment: .top, textWrap: true))
            layout.want(column: 1, width: min(60, ColumnWidth.estimate(for: value)))
            layout.want(row: row, lines: SheetLayout.wrappedLines(value, width: 60))
            row += 1
        }
        layout.want(column: 0, width: ColumnWidth.estimate(for: facts.map(\.0) + [labels.word("data_as_of")]))

        row += 1
        try sheet.writeString(row: row, column: 0, labels.word("about_inputs"), format: style.title)
        row += 1
        if context.inputs.isEmpty {
            try sheet.writeString(row: row, column: 0, labels.word("empty"))
            row += 1
        } else {
            let inputs = ReportTable(
                name: "inputs",
                columns: [
                    TableColumn("file", .text), TableColumn("size_bytes", .integer), TableColumn("encoding", .text),
                    TableColumn("delimiter", .text), TableColumn("rows_read", .integer), TableColumn("sha256", .text),
                ],
                rows: context.inputs.map {
                    [
                        .text($0.path), .integer(Int($0.size)), .text($0.encoding), .text($0.delimiter), .integer($0.rowsRead),
                        .text($0.sha256),
                    ]
                }, hasTotals: false)
            row = try writer.write(inputs, on: layout, headerRow: row).lastRow + 1
        }

        row += 1
        try sheet.writeString(row: row, column: 0, labels.word("about_options"), format: style.title)
        row += 1
        if context.options.isEmpty {
            try sheet.writeString(row: row, column: 0, labels.word("empty"))
        } else {
            let options = ReportTable(
                name: "run_options", columns: [TableColumn("option", .text), TableColumn("setting", .text)],
                rows: context.options.map { [.text(Self.optionName($0.key)), .text($0.value)] }, hasTotals: false)
            try writer.write(options, on: layout, headerRow: row)
        }
    }

    /// The `coopstat run` command that rebuilds this workbook (the period resolved, `--output` left to the reader).
    static func commandLine(_ context: ReportContext) -> String {
        var words = ["coopstat", "run", "--input"] + context.inputs.map { quoted($0.path) } + ["--output", "DIR"]
        words += ["--period", context.analysis.period.label, "--lang", context.language.rawValue]
        for (key, value) in context.options {
            switch key {
            case "period", "lang": continue
            case "range":
                let ends = value.components(separatedBy: "..")
                if ends.count == 2 { words += ["--range-start", ends[0], "--range-end", ends[1]] }
            case "format": words += ["--format", quoted(value)]
            default: words += ["--" + key.replacingOccurrences(of: "_", with: "-"), quoted(value)]
            }
        }
        return words.joined(separator: " ")
    }

    /// An option as a user types it on the command line (`region` → `--region`), the same in every language.
    static func optionName(_ key: String) -> String {
        key == "range" ? "--range-start..--range-end" : "--" + key.replacingOccurrences(of: "_", with: "-")
    }

    /// A shell word: as is when plain, single-quoted otherwise.
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                (48...57).contains($0.value) || (65...90).contains($0.value) || (97...122).contains($0.value)
                    || "-_./,:=%+@".unicodeScalars.contains($0)
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
