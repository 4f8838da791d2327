import CoopDomain
import CoopTransform

/// The Data quality sheet (last): the `data_quality` table, refused files, rejects by reason,
/// duplicates with differing values, and the first rejected rows.
/// Invariant: every text from the input (file names, ids, values) is written as a string, never a formula.
struct QualitySheet {
    /// At most this many rejected rows (and conflicts) are listed; the rest are counted.
    static let listedRows = 1_000

    let context: ReportContext
    let labels: WorkbookLabels
    let report: ReportLabels
    let style: WorkbookStyle
    let writer: TableWriter

    func write(on layout: SheetLayout) throws {
        let sheet = layout.sheet
        let key = TableKey.dataQuality.rawValue
        try layout.heading(labels.title(key), description: labels.description(key), row: 0, style: style)
        var row = 2
        if let quality = context.analysis.table(.dataQuality) {
            row = try writer.write(quality, on: layout, headerRow: row).lastRow + 1
        }
        if let note = Self.scopeNote(context, labels: labels, report: report, figures: FigureStyle(context.language)) {
            try sheet.writeString(row: row, column: 0, CellText.clean(note), format: style.description)
            row += 1
        }
        for file in context.files {
            if let refusal = writer.values.refusal(of: file) {
                try sheet.writeString(row: row, column: 0, CellText.clean(ReportLabels.fill(labels.word("refused"), ["reason": refusal])))
                row += 1
            }
        }

        // Rejects by reason.
        row += 1
        try sheet.writeString(row: row, column: 0, report.rejectsByReason, format: style.title)
        row += 1
        let reasons = context.rejectsByReason
        if reasons.isEmpty {
            try sheet.writeString(row: row, column: 0, report.noRejects)
            row += 1
        } else {
            let table = ReportTable(
                name: "rejects_by_reason",
                columns: [TableColumn("reason_code", .text), TableColumn("reason", .text), TableColumn("count", .integer, summable: true)],
                rows: reasons.map { [.text($0.code), .text(report.reason($0.code)), .integer($0.count)] }, hasTotals: true)
            row = try writer.write(table, on: layout, headerRow: row).lastRow + 1
        }

        // Duplicates with differing values.
        row += 1
        try sheet.writeString(row: row, column: 0, labels.word("conflicts"), format: style.title)
        row += 1
        if context.conflicts.isEmpty {
            try sheet.writeString(row: row, column: 0, labels.word("no_conflicts"))
            row += 1
        } else {
            let listed = context.conflicts.prefix(Self.listedRows)
            let table = ReportTable(
                name: "duplicate_conflicts",
                columns: [
                    TableColumn("registration_id", .text), TableColumn("replaced_file", .text),
                    TableColumn("replaced_line", .integer), TableColumn("kept_file", .text), TableColumn("kept_line", .integer),
                    TableColumn("differing_fields", .text), TableColumn("replaced_values", .text), TableColumn("kept_values", .text),
                ],
                rows: listed.map { conflict in
                    [
                        .text(conflict.registrationId), .text(conflict.replacedFile), .integer(conflict.replacedLine),
                        .text(conflict.keptFile), .integer(conflict.keptLine),
                        .text(conflict.differingFields.map(\.rawValue).joined(separator: ", ")),
                        .text(values(conflict.differingFields, of: conflict.replaced)),
                        .text(values(conflict.differingFields, of: conflict.kept)),
                    ]
                }, hasTotals: false)
            row = try writer.write(table, on: layout, headerRow: row).lastRow + 1
            if context.conflicts.count > listed.count {
                let more = ReportLabels.fill(labels.word("conflicts_more"), ["count": String(context.conflicts.count - listed.count)])
                try sheet.writeString(row: row, column: 0, more, format: style.description)
                row += 1
            }
        }

        // The first rejected rows.
        row += 1
        let listed = context.rejects.listed.prefix(Self.listedRows)
        try sheet.writeString(
            row: row, column: 0, ReportLabels.fill(labels.word("rejects_first"), ["count": String(listed.count)]),
            format: style.title)
        row += 1
        if listed.isEmpty {
            try sheet.writeString(row: row, column: 0, report.noRejects)
        } else {
            let table = ReportTable(
                name: "rejects",
                columns: [
                    TableColumn("file", .text), TableColumn("line", .integer), TableColumn("registration_id", .text),
                    TableColumn("field", .text), TableColumn("value", .text), TableColumn("reason", .text),
                    TableColumn("detail", .text),
                ],
                rows: listed.map { reject in
                    [
                        .text(reject.file), .integer(reject.line), .text(reject.registrationId), .text(reject.field.rawValue),
                        .text(reject.value), .text(report.reason(reject.reason.code)), .text(writer.values.detail(reject.reason)),
                    ]
                }, hasTotals: false)
            row = try writer.write(table, on: layout, headerRow: row).lastRow + 1
            if context.rejects.count > listed.count {
                let more = ReportLabels.fill(labels.word("rejects_more"), ["count": String(context.rejects.count - listed.count)])
                try sheet.writeString(row: row, column: 0, more, format: style.description)
            }
        }
    }

    /// `field = value; …` for the differing fields of one version of a cooperative, in the run's language.
    func values(_ fields: [RegistryField], of record: CooperativeRecord) -> String {
        fields.map { "\(writer.values.field($0)) = \(value($0, of: record))" }.joined(separator: "; ")
    }

    /// In a run restricted to a region (or to soulaliyate cooperatives), the line saying that the files'
    /// counts cover every region, with the number accepted inside the scope; nil for a national run.
    static func scopeNote(_ context: ReportContext, labels: WorkbookLabels, report: ReportLabels, figures: FigureStyle) -> String? {
        let scope = context.analysis.scope
        guard scope.region != nil || scope.onlySoulaliyate else { return nil }
        return ReportLabels.fill(
            labels.word("quality_scope"),
            ["scope": SummarySheet.scope(context, report: report), "accepted": figures.integer(context.analysis.acceptedInScope)])
    }

    func value(_ field: RegistryField, of record: CooperativeRecord) -> String {
        let reference = context.reference
        func optional(_ value: Int?) -> String { value.map(String.init) ?? "" }
        switch field {
        case .name: return record.name
        case .creationDate: return record.creationDate.description
        case .region: return record.regionCode.rawValue
        case .province:
            guard let index = record.provinceIndex, reference.provinces.indices.contains(index) else { return "" }
            return reference.provinces[index].name(in: context.language)
        case .commune: return record.commune
        case .sector:
            return reference.sectors.indices.contains(record.sectorIndex) ? reference.sectors[record.sectorIndex].code : ""
        case .membersTotal: return String(record.membersTotal)
        case .membersWomen: return optional(record.membersWomen)
        case .membersMen: return optional(record.membersMen)
        case .membersYouth: return optional(record.membersYouth)
        case .capital: return record.capitalCents.map { Decimal.fixed($0, places: 2) } ?? ""
        case .status: return record.status
        case .soulaliyate: return record.soulaliyate.map { $0 ? writer.values.yes : writer.values.no } ?? ""
        case .registrationId, .row: return ""
        }
    }
}
