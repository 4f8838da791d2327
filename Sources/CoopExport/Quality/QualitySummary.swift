import CoopDomain

/// The data-quality summary `coopstat validate` prints: per file encoding, delimiter and counts,
/// rejects by reason, refusals, unknown columns and sectors, and the first rejects.
/// Invariant: every file read appears, and the TOTAL line adds them up; no line holds a
/// character `VisibleText` escapes.
public enum QualitySummary {
    public static func render(files: [FileQuality], rejects: RejectLog, conflicts: [DuplicateConflict], firstRejects: Int = 20)
        -> String
    {
        var lines: [String] = []
        let total = FileQuality.total(of: files)
        let header = ["file", "encoding", "delim", "rows", "accepted", "rejected", "dupl.", "conflicts", "blank"]
        var table: [[String]] = [header]
        for file in files + [total] {
            table.append([
                file.file, file.encoding, file.delimiter, String(file.rowsRead), String(file.accepted),
                String(file.rejected), String(file.duplicates), String(file.duplicateConflicts), String(file.skippedBlank),
            ])
        }
        let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, row) in table.enumerated() {
            let cells = row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column < 3 ? text + pad : pad + text
            }
            lines.append(cells.joined(separator: "  "))
            if index == 0 || index == table.count - 2 {
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        for file in files {
            if let refusal = file.refusal { lines.append("REFUSED \(refusal)") }
            if !file.unknownColumns.isEmpty {
                lines.append("\(file.file): unknown columns ignored: \(file.unknownColumns.joined(separator: ", "))")
            }
            if !file.unknownSectorValues.isEmpty {
                let values = file.unknownSectorValues.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
                lines.append("\(file.file): unknown sectors counted as 'other': \(values.joined(separator: ", "))")
            }
            if file.replacedBytes > 0 {
                lines.append("\(file.file): \(file.replacedBytes) undecodable byte sequence(s) replaced by �; check the encoding")
            }
        }
        if !rejects.isEmpty {
            lines.append("")
            lines.append("Rejected rows by reason:")
            for reason in rejects.byReason { lines.append("  \(reason.code): \(reason.count)") }
            lines.append("")
            lines.append("First rejected rows:")
            for reject in rejects.listed.prefix(firstRejects) { lines.append("  " + reject.message) }
            if rejects.count > firstRejects { lines.append("  … and \(rejects.count - firstRejects) more (see rejects.csv after a run)") }
        }
        if !conflicts.isEmpty {
            lines.append("")
            lines.append("Conflicting duplicates (the later row wins):")
            for conflict in conflicts.prefix(firstRejects) {
                let spelling =
                    conflict.keptRegistrationId == conflict.registrationId
                    ? conflict.registrationId
                    : "\(conflict.registrationId) (spelled \(conflict.keptRegistrationId) in \(conflict.keptFile))"
                lines.append(
                    "  \(spelling): \(conflict.replacedFile):\(conflict.replacedLine) replaced by \(conflict.keptFile):\(conflict.keptLine) (differs in \(conflict.differingFields.map(\.rawValue).joined(separator: ", ")))"
                )
            }
        }
        // Every line is ours but for input-derived names and values: none may drive the terminal.
        return lines.map(VisibleText.escaped).joined(separator: "\n") + "\n"
    }
}
