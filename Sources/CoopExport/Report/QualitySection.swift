import CoopDomain
import CoopTransform

extension ReportPage {
    /// Files read, rows accounted for (with, in a restricted run, the number accepted in its scope),
    /// rejects by reason and refused files (in the run's language).
    func qualitySection() -> [String] {
        let total = context.totalQuality
        let summary = ReportLabels.fill(
            labels.qualitySummary,
            [
                "files": style.integer(context.files.count), "rows": style.integer(total.rowsRead),
                "accepted": style.integer(total.accepted), "rejected": style.integer(total.rejected),
                "duplicates": style.integer(total.duplicates), "conflicts": style.integer(total.duplicateConflicts),
                "blank": style.integer(total.skippedBlank), "unknown": style.integer(total.unknownSector),
            ])
        var lines = heading(labels.dataQuality) + DisplayWidth.wrap(summary, width: TextReport.maxWidth)
        if let note = QualitySheet.scopeNote(context, labels: WorkbookLabels.of(language), report: labels, figures: style) {
            lines += DisplayWidth.wrap(note, width: TextReport.maxWidth)
        }

        var files = TextTable([
            TextTable.Column(labels.file, .left, shrink: .keepEnd),
            TextTable.Column(labels.encoding, .left),
            TextTable.Column(labels.delimiter, .left),
            TextTable.Column(labels.rows, .right),
            TextTable.Column(labels.accepted, .right),
            TextTable.Column(labels.rejected, .right),
            TextTable.Column(labels.duplicates, .right),
        ])
        func row(_ name: String, _ f: FileQuality, encoding: String, delimiter: String) -> [String] {
            [
                name, encoding, delimiter, style.integer(f.rowsRead), style.integer(f.accepted),
                style.integer(f.rejected), style.integer(f.duplicates),
            ]
        }
        for file in context.files {
            files.add(
                row(
                    VisibleText.escaped(file.file), file, encoding: file.encoding.isEmpty ? labels.undefined : file.encoding,
                    delimiter: delimiterName(file.delimiter)))
        }
        files.footer = [row(labels.total, total, encoding: "", delimiter: "")]
        lines += [""] + files.render()

        lines += ["", labels.rejectsByReason]
        let reasons = context.rejectsByReason
        if reasons.isEmpty {
            lines.append("  " + labels.noRejects)
        } else {
            let width = reasons.map { DisplayWidth.of(style.integer($0.count)) }.max() ?? 0
            for reason in reasons {
                let prefix = "  " + DisplayWidth.padLeft(style.integer(reason.count), to: width) + "  "
                lines.append(DisplayWidth.truncate(prefix + labels.reason(reason.code), to: TextReport.maxWidth))
            }
        }

        lines += ["", labels.refusedFiles]
        let refused = context.files.filter { $0.refusal != nil }
        if refused.isEmpty {
            lines.append("  " + labels.noRefusedFiles)
        } else {
            let values = ValueLabels.of(language)
            for file in refused {
                lines += DisplayWidth.wrap(
                    VisibleText.escaped(values.refusal(of: file) ?? ""), width: TextReport.maxWidth, indent: "  ")
            }
        }

        let unknown = context.files.filter { !$0.unknownColumns.isEmpty || !$0.unknownSectorValues.isEmpty }
        if !unknown.isEmpty {
            lines += ["", labels.unknownNames]
            for file in unknown {
                if !file.unknownColumns.isEmpty {
                    let text = ReportLabels.fill(
                        labels.unknownColumnsLine,
                        ["file": VisibleText.escaped(file.file), "list": VisibleText.escaped(file.unknownColumns.joined(separator: ", "))])
                    lines += DisplayWidth.wrap(text, width: TextReport.maxWidth, indent: "  ")
                }
                if !file.unknownSectorValues.isEmpty {
                    let list = file.unknownSectorValues.sorted { $0.key < $1.key }
                        .map { ($0.key.isEmpty ? "—" : VisibleText.escaped($0.key)) + " (" + style.integer($0.value) + ")" }.joined(
                            separator: ", ")
                    let text = ReportLabels.fill(labels.unknownSectorsLine, ["file": VisibleText.escaped(file.file), "list": list])
                    lines += DisplayWidth.wrap(text, width: TextReport.maxWidth, indent: "  ")
                }
            }
        }
        return lines
    }

    /// A delimiter as a reader sees it (`;`, `,`, `tab`), `—` when unknown.
    func delimiterName(_ delimiter: String) -> String {
        switch delimiter {
        case "": labels.undefined
        case "\t", "tab", "\\t": labels.tab
        default: delimiter
        }
    }
}
