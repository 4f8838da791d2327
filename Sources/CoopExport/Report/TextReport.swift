import CoopDomain
import CoopTransform
import Foundation

/// The plain-text report `coopstat.txt`: what a planner reads in a terminal or a cron e-mail in two
/// minutes. Invariant: every line is at most 100 display columns (long names are cut with `…`), the
/// text ends with one newline, and undefined shares or changes are written `—`.
public enum TextReport {
    /// The widest a line may be, in display columns.
    public static let maxWidth = 100

    /// The report of `context`, in the context's language.
    public static func render(_ context: ReportContext) -> String {
        let page = ReportPage(context: context)
        var sections: [[String]] = [
            page.titleBlock(), page.headlineSection(), page.placeRanking(),
            page.sectorRanking(), page.womenSection(), page.communitySection(),
            page.trendSection(), page.qualitySection(),
        ]
        sections.append([ReportLabels.fill(page.labels.producedBy, ["version": context.version])])
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }
}

/// One report being written: the context with its language's style, and the places (regions, or
/// the scoped region's provinces) the breakdowns list. Invariant: `places` are in reference order.
struct ReportPage {
    let context: ReportContext
    let style: FigureStyle
    var labels: ReportLabels { style.labels }
    var analysis: Analysis { context.analysis }
    var language: Language { context.language }

    /// A row of a breakdown: a region or a province (or "province not reported") and its metrics.
    struct Place {
        let name: String
        let metrics: Metrics
        /// The region's cooperatives whose province is not reported: listed last, never ranked.
        var isNotReported = false
    }

    init(context: ReportContext) {
        self.context = context
        self.style = FigureStyle(context.language, isolatingFigures: context.language.isRightToLeft)
    }

    /// Whether breakdowns are by province (a regional scope) rather than by region.
    var byProvince: Bool { analysis.scope.region != nil }

    /// The places of the breakdowns: the 12 regions nationally; the scoped region's provinces
    /// (every one, zero or not) and, last, a "province not reported" row when some cooperatives lack one.
    var places: [Place] {
        guard let code = analysis.scope.region else {
            return analysis.regions.map { Place(name: $0.region.name(in: language), metrics: $0.metrics) }
        }
        var byProvince: [Province: Metrics] = [:]
        var unplaced: Metrics?
        for row in analysis.provinces where row.regionCode == code {
            if let province = row.province { byProvince[province, default: Metrics()].add(row.metrics) } else { unplaced = row.metrics }
        }
        var rows = context.reference.provinces.filter { $0.regionCode == code }.map {
            Place(name: $0.name(in: language), metrics: byProvince[$0] ?? Metrics())
        }
        if let unplaced { rows.append(Place(name: labels.provinceNotReported, metrics: unplaced, isNotReported: true)) }
        return rows
    }

    /// A section heading underlined to its width.
    func heading(_ text: String) -> [String] {
        [text, String(repeating: "─", count: min(TextReport.maxWidth, DisplayWidth.of(text)))]
    }

    /// `items` ordered by cooperatives, most first; ties keep their given order.
    func ranked<T>(_ items: [T], _ count: (T) -> Int) -> [T] {
        items.enumerated()
            .sorted { (-count($0.element), $0.offset) < (-count($1.element), $1.offset) }
            .map(\.element)
    }

    // MARK: Title

    func titleBlock() -> [String] {
        var scope: String
        if let code = analysis.scope.region {
            let name = context.reference.region(code)?.name(in: language) ?? code.rawValue
            scope = ReportLabels.fill(labels.regionScope, ["name": name])
        } else {
            scope = labels.national
        }
        if analysis.scope.onlySoulaliyate { scope += labels.listSeparator + labels.onlySoulaliyate }
        let time = CoverageText(analysis: analysis)
        let lines = [
            labels.title + " — " + scope,
            time.periodLine,
            ReportLabels.fill(labels.dataAsOf, ["date": style.day(context.asOf)]),
            time.lastCreationLine,
        ].flatMap { DisplayWidth.wrap($0, width: TextReport.maxWidth) }
        let width = min(TextReport.maxWidth, lines.map(DisplayWidth.of).max() ?? 0)
        let note = time.coveredOnlyToNote.map { DisplayWidth.wrap($0, width: TextReport.maxWidth) } ?? []
        return lines + [String(repeating: "═", count: width)] + note
    }
}
