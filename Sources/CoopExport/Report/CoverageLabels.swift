import CoopDomain
import CoopTransform

/// The words of time and coverage in one language (CONTRACT §2.1): a period "to date", comparisons
/// over the same span of days, the registries' last creation date, a period covered only in part,
/// and the share of cooperatives that report an optional fact. Shared by the text report and the workbook.
/// Invariant: every language has the same placeholders in each template.
public struct CoverageLabels: Sendable {
    /// After a period's name while it runs: `{name} to date`.
    public let toDate: String
    /// The compared span, after a comparison header: `same {days} days`.
    public let sameDays: String
    /// The sentence below the headline of a period to date.
    public let sameSpanNote: String
    /// `Registries: last creation date {date}`.
    public let lastCreation: String
    /// When no creation date was accepted.
    public let noCreation: String
    /// The period ends after the last creation date.
    public let coveredOnlyTo: String
    /// `youth reported by {share} of cooperatives created in {period}`.
    public let youthReporting: String
    /// `soulaliyate status reported by {share} of cooperatives created in {period}`.
    public let soulaliyateReporting: String
    /// The workbook Summary's label before the last creation date.
    public let coverageWord: String

    public static func of(_ language: Language) -> CoverageLabels {
        switch language {
        case .en: english
        case .fr: french
        case .ar: arabic
        }
    }

    static let english = CoverageLabels(
        toDate: "{name} to date",
        sameDays: "same {days} days",
        sameSpanNote:
            "{name} runs to {date}: each comparison covers the same {days} days of its own period ({spans}).",
        lastCreation: "Registries: last creation date {date}",
        noCreation: "Registries: no creation date accepted",
        coveredOnlyTo: "Note: the registries reach {date} only; the period is covered up to that day.",
        youthReporting: "Youth reported by {share} of cooperatives created in {period}",
        soulaliyateReporting: "Soulaliyate status reported by {share} of cooperatives created in {period}",
        coverageWord: "Coverage")

    static let french = CoverageLabels(
        toDate: "{name} à ce jour",
        sameDays: "mêmes {days} jours",
        sameSpanNote:
            "{name} court jusqu'au {date} : chaque comparaison porte sur les mêmes {days} jours de sa propre période ({spans}).",
        lastCreation: "Registres : dernière date de création {date}",
        noCreation: "Registres : aucune date de création acceptée",
        coveredOnlyTo: "Note : les registres ne vont que jusqu'au {date} ; la période n'est couverte que jusqu'à ce jour.",
        youthReporting: "Jeunes déclarés par {share} des coopératives créées en {period}",
        soulaliyateReporting: "Statut soulaliyate déclaré par {share} des coopératives créées en {period}",
        coverageWord: "Couverture")

    static let arabic = CoverageLabels(
        toDate: "{name} إلى اليوم",
        sameDays: "نفس {days} يوما",
        sameSpanNote: "{name} يمتد إلى {date}: كل مقارنة تشمل نفس {days} يوما من فترتها ({spans}).",
        lastCreation: "السجلات: آخر تاريخ إحداث {date}",
        noCreation: "السجلات: لم يقبل أي تاريخ إحداث",
        coveredOnlyTo: "ملاحظة: لا تتجاوز السجلات {date}؛ الفترة مغطاة إلى ذلك اليوم فقط.",
        youthReporting: "الشباب مصرح بهم من طرف {share} من التعاونيات المحدثة في {period}",
        soulaliyateReporting: "الصفة السلالية مصرح بها من طرف {share} من التعاونيات المحدثة في {period}",
        coverageWord: "التغطية")
}

/// The time and coverage sentences of one report, in its language: what the text report and the
/// workbook's Summary say about "to date", the compared spans, coverage and optional facts.
/// Invariant: every sentence is built from the analysis only (never the wall clock).
public struct CoverageText: Sendable {
    public let analysis: Analysis
    public let style: FigureStyle
    public let words: CoverageLabels

    public init(analysis: Analysis) {
        self.analysis = analysis
        self.style = FigureStyle(analysis.language)
        self.words = CoverageLabels.of(analysis.language)
    }

    /// The period's short name, with "to date" while it runs (`2025 Q2 to date`).
    public var periodName: String {
        let name = style.periodName(analysis.period, range: analysis.range)
        return analysis.reported.isToDate ? ReportLabels.fill(words.toDate, ["name": name]) : name
    }

    /// The period line of a title: `2025 Q2 to date (1 April – 10 May 2025)`.
    public var periodLine: String {
        let name = analysis.period == .all ? style.labels.allYears : periodName
        return "\(name) (\(style.span(analysis.reported.days)))"
    }

    /// A comparison column's period name, with `same N days` when cut to the reported span.
    public func comparisonName(_ index: Int) -> String {
        guard index < analysis.reported.comparisons.count else { return "" }
        let span = analysis.reported.comparisons[index]
        let name = style.periodName(span.period, range: analysis.range)
        guard span.sameSpan else { return name }
        return name + " (" + ReportLabels.fill(words.sameDays, ["days": style.integer(span.days.dayCount)]) + ")"
    }

    /// The sentence saying the comparisons cover the same span of days; nil when the period has ended.
    public var sameSpanNote: String? {
        guard let runsTo = analysis.reported.runsTo, !analysis.reported.comparisons.isEmpty else { return nil }
        let spans = analysis.reported.comparisons.map { style.span($0.days) }.joined(separator: style.labels.listSeparator)
        return ReportLabels.fill(
            words.sameSpanNote,
            [
                "name": periodName, "date": style.day(runsTo), "days": style.integer(analysis.reported.days.dayCount),
                "spans": spans,
            ])
    }

    /// `Registries: last creation date 28 June 2025`.
    public var lastCreationLine: String {
        guard let last = analysis.coverage.lastCreation else { return words.noCreation }
        return ReportLabels.fill(words.lastCreation, ["date": style.day(last)])
    }

    /// The note of a period that ends after the last creation date; nil when covered whole.
    public var coveredOnlyToNote: String? {
        analysis.coverage.coveredOnlyTo(analysis.reported).map { ReportLabels.fill(words.coveredOnlyTo, ["date": style.day($0)]) }
    }

    /// `youth reported by 41% of cooperatives created in 2024` and the same for soulaliyate.
    public var reportingLines: [String] {
        let current = analysis.current
        return [
            ReportLabels.fill(words.youthReporting, ["share": style.percent(current.youthReporting), "period": periodName]),
            ReportLabels.fill(words.soulaliyateReporting, ["share": style.percent(current.soulaliyateReporting), "period": periodName]),
        ]
    }
}
