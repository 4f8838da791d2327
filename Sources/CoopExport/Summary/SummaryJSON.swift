import CoopDomain
import CoopTransform
import Foundation

/// Writes `summary.json`: the period, headline figures, comparisons, top regions, provinces and sectors,
/// data-quality counts, inputs and options. Invariant: deterministic — the same context gives the
/// same bytes (sorted keys, no wall clock), and money and shares are exact decimals.
public enum SummaryJSON {
    /// The JSON bytes of `context`'s summary, ending with a newline.
    public static func render(_ context: ReportContext) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(document(context))
        return [UInt8](data) + [0x0A]
    }

    /// The summary of `context` as values.
    public static func document(_ context: ReportContext) -> SummaryDocument {
        let analysis = context.analysis
        let language = context.language
        let relations: [String]
        switch analysis.period {
        case .quarter: relations = ["previous_quarter", "same_quarter_previous_year"]
        case .year: relations = ["previous_year"]
        case .years, .all: relations = []
        }
        let comparisons = zip(analysis.comparisons, analysis.reported.comparisons).enumerated().map { index, pair in
            let (entry, span) = pair
            return SummaryComparison(
                relation: index < relations.count ? relations[index] : "other",
                period: period(entry.period, days: span.days, runsTo: nil),
                sameSpan: span.sameSpan,
                metrics: metrics(entry.metrics),
                delta: delta(from: entry.metrics, to: analysis.current))
        }

        let topRegions = ranked(analysis.regions.filter { $0.metrics.cooperatives > 0 }) { $0.metrics.cooperatives }
            .prefix(5)
            .map {
                SummaryRegion(
                    regionCode: $0.region.code.rawValue, region: $0.region.name(in: language),
                    cooperatives: $0.metrics.cooperatives, womenShare: share($0.metrics.womenShare))
            }
        let topProvinces = ranked(analysis.provinces.filter { !$0.isNotReported }) { $0.metrics.cooperatives }
            .prefix(5)
            .map {
                SummaryProvince(
                    regionCode: $0.regionCode.rawValue, province: $0.provinceCell(in: language),
                    cooperatives: $0.metrics.cooperatives, womenShare: share($0.metrics.womenShare))
            }
        let topSectors = ranked(analysis.sectors.filter { $0.metrics.cooperatives > 0 }) { $0.metrics.cooperatives }
            .prefix(5)
            .map { SummarySector(sectorCode: $0.sector.code, sector: $0.sector.name(in: language), cooperatives: $0.metrics.cooperatives) }

        let total = context.totalQuality
        var rejects: [String: Int] = [:]
        for reason in context.rejectsByReason { rejects[reason.code] = reason.count }
        let quality = SummaryDataQuality(
            files: context.files.count, rowsRead: total.rowsRead, accepted: total.accepted,
            acceptedInScope: analysis.acceptedInScope, rejected: total.rejected,
            duplicates: total.duplicates, duplicateConflicts: total.duplicateConflicts, unknownSector: total.unknownSector,
            skippedBlank: total.skippedBlank,
            refusedFiles: context.files.compactMap { file in file.refusal.map { SummaryRefusedFile(file: file.file, reason: $0) } },
            rejectsByReason: rejects)

        var options: [String: String] = [:]
        for option in context.options { options[option.key] = option.value }

        let scopeRegion = analysis.scope.region
        return SummaryDocument(
            coopstatVersion: context.version,
            period: period(analysis.period, days: analysis.reported.days, runsTo: analysis.reported.runsTo),
            range: SummaryRange(start: analysis.range.start.description, end: analysis.range.end.description),
            scope: SummaryScope(
                regionCode: scopeRegion?.rawValue,
                region: scopeRegion.map { context.reference.region($0)?.name(in: language) ?? $0.rawValue },
                onlySoulaliyate: analysis.scope.onlySoulaliyate),
            language: language.rawValue,
            asOf: context.asOf.description,
            coverage: SummaryCoverage(
                lastCreationDate: analysis.coverage.lastCreation?.description,
                coveredTo: analysis.coverage.coveredOnlyTo(analysis.reported)?.description),
            reporting: SummaryReporting(
                youth: share(analysis.current.youthReporting), soulaliyate: share(analysis.current.soulaliyateReporting)),
            headline: metrics(analysis.current),
            cumulative: metrics(analysis.cumulative),
            comparisons: comparisons,
            topRegions: Array(topRegions),
            topProvinces: Array(topProvinces),
            topSectors: Array(topSectors),
            dataQuality: quality,
            inputs: context.inputs.map { input in
                let quality = context.files.first { $0.file == input.path }
                return SummaryInput(
                    path: input.path, size: input.size, sha256: input.sha256, encoding: input.encoding,
                    delimiter: input.delimiter, rowsRead: input.rowsRead,
                    unknownColumns: quality?.unknownColumns ?? [],
                    unknownSectors: quality?.unknownSectorValues ?? [:])
            },
            options: options)
    }

    /// A period with the days reported or compared, and the day it runs to while in progress.
    static func period(_ period: Period, days: DateRange, runsTo: Day?) -> SummaryPeriod {
        let kind: String
        switch period {
        case .quarter: kind = "quarter"
        case .year: kind = "year"
        case .years: kind = "years"
        case .all: kind = "all"
        }
        return SummaryPeriod(
            label: period.label, kind: kind, start: days.start.description, end: days.end.description, toDate: runsTo != nil,
            runsTo: runsTo?.description)
    }

    static func metrics(_ m: Metrics) -> SummaryMetrics {
        SummaryMetrics(
            cooperatives: m.cooperatives, membersTotal: m.membersTotal, membersWomen: m.membersWomen,
            membersMen: m.membersMen, membersGenderUnknown: m.membersGenderUnknown,
            womenShare: share(m.womenShare), womenCooperatives: m.womenCooperatives,
            capitalMad: ExactDecimal.fixed(m.capitalCents, places: 2), membersYouth: m.reportedYouth,
            youthShare: share(m.youthShare), youthReportingCooperatives: m.youthReportingCooperatives,
            youthReportingMembers: m.youthReportingMembers)
    }

    static func delta(from old: Metrics, to new: Metrics) -> SummaryDelta {
        SummaryDelta(
            cooperatives: new.cooperatives - old.cooperatives,
            cooperativesPct: percentChange(new.cooperatives - old.cooperatives, base: old.cooperatives),
            membersTotal: new.membersTotal - old.membersTotal,
            membersTotalPct: percentChange(new.membersTotal - old.membersTotal, base: old.membersTotal),
            membersWomen: new.membersWomen - old.membersWomen,
            womenSharePoints: FigureStyle.pointsDifference(from: old.womenShare, to: new.womenShare, places: 2)
                .map { ExactDecimal.fixed(Int64($0), places: 2) })
    }

    /// A share as a fraction with 4 places, nil when undefined.
    static func share(_ ratio: Ratio) -> Foundation.Decimal? {
        ratio.scaled(places: 4).map { ExactDecimal.fixed(Int64($0), places: 4) }
    }

    /// `delta / base` as a percentage with 2 places, nil when `base` is 0.
    static func percentChange(_ delta: Int, base: Int) -> Foundation.Decimal? {
        Ratio(delta * 100, base).scaled(places: 2).map { ExactDecimal.fixed(Int64($0), places: 2) }
    }

    static func ranked<T>(_ items: [T], _ count: (T) -> Int) -> [T] {
        items.enumerated().sorted { (-count($0.element), $0.offset) < (-count($1.element), $1.offset) }.map(\.element)
    }
}

/// Exact decimals from scaled integers, so `1250050` centimes is written `12500.5`, never `12500.499999`.
public enum ExactDecimal {
    /// `value` / 10^places as an exact Foundation decimal.
    public static func fixed(_ value: Int64, places: Int) -> Foundation.Decimal {
        Foundation.Decimal(
            sign: value < 0 ? .minus : .plus, exponent: -places,
            significand: Foundation.Decimal(value.magnitude))
    }
}
