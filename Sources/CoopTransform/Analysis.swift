import CoopDomain

/// The figures of one report: the period's headline metrics, its comparisons, the cumulative total,
/// and every table of CONTRACT §3.1 (and §5), computed from the cube. Pure: records in, tables out.
/// Invariant: `tables` are in contract order and each covers exactly what the contract says
/// (`by_*`, `region_sector`, `comparison`'s first row: the period; `yearly`/`quarterly`: range start to period end).
public struct Analysis: Sendable {
    public let period: Period
    public let range: DateRange
    /// The period as reported on the run's today: its days, "to date" when still running, the compared spans
    /// (`reported.comparisons[i]` gives the days behind `comparisons[i]`).
    public let reported: ReportedPeriod
    /// How far the registries reach (their last accepted creation date).
    public let coverage: Coverage
    public let scope: AnalysisScope
    public let language: Language
    /// The period's metrics.
    public let current: Metrics
    /// The comparison periods (previous quarter, same quarter a year earlier; or previous year) with their
    /// metrics over the days of `reported.comparisons` (the same span of days when the period runs to date).
    public let comparisons: [(period: Period, metrics: Metrics)]
    /// Everything from the range start to the period's end.
    public let cumulative: Metrics
    /// Cooperatives accepted inside the scope, whatever their creation date (beside the files' counts, which cover every region).
    public let acceptedInScope: Int
    public let tables: [ReportTable]
    /// In a soulaliyate-only run, which quarters' registries report the flag at all (nil otherwise):
    /// the years and quarters before it is reported are not reported, not zero.
    public let soulaliyateReporting: FlagReporting?
    /// Per-region metrics of the period, in code order (only the scoped region when scoped).
    public let regions: [(region: Region, metrics: Metrics)]
    /// Per-province metrics of the period: provinces with at least one cooperative, and per region a
    /// not-reported row for its cooperatives without a province (last in its region), so provinces add up to regions.
    public let provinces: [ProvinceFigures]
    /// Province × sector metrics of the period, pairs with at least one cooperative (`provinces` order, then taxonomy order).
    public let provinceSectors: [(province: ProvinceFigures, sector: Sector)]
    /// Per-sector metrics of the period, taxonomy order, `other` last.
    public let sectors: [(sector: Sector, metrics: Metrics)]
    /// Per-year metrics from the range start to the period's end.
    public let years: [(year: Int, metrics: Metrics)]
    /// Per-community metrics of the period (soulaliyate, other, not reported).
    public let communities: [(community: Community, metrics: Metrics)]
    /// Cooperatives created per year and per region (in `regions` order), range start to period end.
    public let regionYears: [(year: Int, regions: [Metrics])]
    /// Cooperatives created per quarter and per region (in `regions` order), range start to period end.
    public let regionQuarters: [(quarter: Quarter, regions: [Metrics])]
    /// The provinces (and not-reported rows) with at least one cooperative from the range start to the
    /// period's end, with those metrics, in `provinces` order: the columns of the year/quarter × province grids.
    public let gridProvinces: [ProvinceFigures]
    /// Cooperatives created per year and per province (in `gridProvinces` order), range start to period end.
    public let provinceYears: [(year: Int, provinces: [Metrics])]
    /// Cooperatives created per quarter and per province (in `gridProvinces` order), range start to period end.
    public let provinceQuarters: [(quarter: Quarter, provinces: [Metrics])]

    public func table(_ name: String) -> ReportTable? { tables.first { $0.name == name } }

    /// Builds the analysis of `records` (already accepted and deduplicated) for `period`.
    public init(
        records: [CooperativeRecord], files: [FileQuality], reference: ReferenceData, period: Period,
        range: DateRange, scope: AnalysisScope = AnalysisScope(), language: Language, today: Day? = nil,
        coverage: Coverage? = nil
    ) {
        var cube = MetricsCube()
        for record in records where scope.includes(record) { cube.add(record, reference: reference) }
        self.init(
            cube: cube, files: files, reference: reference, period: period, range: range, scope: scope, language: language,
            today: today, coverage: coverage ?? Coverage(lastCreation: records.lazy.map(\.creationDate).max()),
            soulaliyateReporting: scope.onlySoulaliyate ? FlagReporting(records: records, region: scope.region) : nil)
    }

    /// Builds the analysis from an already merged cube (of in-scope records). `today` cuts a period
    /// still in progress ("to date"); `coverage` gives the registries' last creation date;
    /// `soulaliyateReporting` (counted over the region, without the soulaliyate filter) marks the
    /// quarters a soulaliyate-only run cannot count.
    public init(
        cube: MetricsCube, files: [FileQuality], reference: ReferenceData, period: Period,
        range: DateRange, scope: AnalysisScope, language: Language, today: Day? = nil, coverage: Coverage = Coverage(lastCreation: nil),
        soulaliyateReporting: FlagReporting? = nil
    ) {
        self.soulaliyateReporting = scope.onlySoulaliyate ? soulaliyateReporting : nil
        self.period = period
        self.range = range
        let reported = ReportedPeriod(period: period, range: range, today: today)
        self.reported = reported
        self.coverage = coverage
        self.scope = scope
        self.language = language
        let periodDays = period.days(within: range) ?? range
        let first = Int32(periodDays.start.quarter.ordinal)
        let last = Int32(periodDays.end.quarter.ordinal)
        let inPeriod: (CubeKey) -> Bool = { first <= $0.quarter && $0.quarter <= last }
        let rangeFirst = range.start.quarter.ordinal

        current = cube.total(where: inPeriod)
        comparisons = reported.comparisons.map { ($0.period, cube.total(within: $0.days)) }
        cumulative = cube.total { $0.quarter <= last }
        acceptedInScope = cube.total { _ in true }.cooperatives

        // Regions
        let byRegion = cube.sum(where: inPeriod) { $0.region }
        let scopedRegions = reference.regions.enumerated().filter { scope.region == nil || $0.element.code == scope.region }
        regions = scopedRegions.map { ($0.element, byRegion[Int8($0.offset)] ?? Metrics()) }

        // Provinces, with each region's not-reported row
        let places = ProvincePlaces(reference: reference)
        let byProvince = cube.sum(where: inPeriod) { RegionProvince(region: $0.region, province: $0.province) }
        provinces = places.figures(byProvince) { $0.cooperatives > 0 }
        let byProvinceSector = cube.sum(where: inPeriod) {
            ProvinceSector(place: RegionProvince(region: $0.region, province: $0.province), sector: $0.sector)
        }
        provinceSectors =
            byProvinceSector
            .compactMap { key, metrics -> (ProvinceSector, ProvinceFigures, Sector)? in
                guard metrics.cooperatives > 0, reference.sectors.indices.contains(Int(key.sector)),
                    let figures = places.figures(key.place, metrics)
                else { return nil }
                return (key, figures, reference.sectors[Int(key.sector)])
            }
            .sorted {
                let (a, b) = (places.order($0.0.place), places.order($1.0.place))
                return (a.0, a.1, $0.0.sector) < (b.0, b.1, $1.0.sector)
            }
            .map { ($0.1, $0.2) }

        // Sectors
        let bySector = cube.sum(where: inPeriod) { $0.sector }
        sectors = reference.sectors.enumerated().map { ($0.element, bySector[Int8($0.offset)] ?? Metrics()) }

        // Years and quarters
        let byQuarter = cube.sum(where: { $0.quarter <= last }, by: { $0.quarter })
        var yearTotals: [(Int, Metrics)] = []
        for year in range.start.year...periodDays.end.year {
            var metrics = Metrics()
            for q in 0..<4 { metrics.add(byQuarter[Int32(year * 4 + q)] ?? Metrics()) }
            yearTotals.append((year, metrics))
        }
        years = yearTotals
        let quarters: [(Quarter, Metrics)] = (rangeFirst...Int(last)).compactMap { ordinal in
            Quarter(ordinal: ordinal).map { ($0, byQuarter[Int32(ordinal)] ?? Metrics()) }
        }

        // Year × region and quarter × region grids
        let byQuarterRegion = cube.sum(where: { $0.quarter <= last }, by: { QuarterRegion(quarter: $0.quarter, region: $0.region) })
        let regionIndexes = scopedRegions.map { Int8($0.offset) }
        regionQuarters = (rangeFirst...Int(last)).compactMap { ordinal in
            Quarter(ordinal: ordinal).map { quarter in
                (quarter, regionIndexes.map { byQuarterRegion[QuarterRegion(quarter: Int32(ordinal), region: $0)] ?? Metrics() })
            }
        }
        regionYears = (range.start.year...periodDays.end.year).map { year in
            let regions = regionIndexes.map { region in
                (0..<4).reduce(into: Metrics()) { sum, q in
                    sum.add(byQuarterRegion[QuarterRegion(quarter: Int32(year * 4 + q), region: region)] ?? Metrics())
                }
            }
            return (year, regions)
        }

        // Year × province and quarter × province grids
        let byQuarterProvince = cube.sum(
            where: { $0.quarter <= last },
            by: { QuarterProvince(quarter: $0.quarter, place: RegionProvince(region: $0.region, province: $0.province)) })
        var spanByProvince: [RegionProvince: Metrics] = [:]
        for (key, metrics) in byQuarterProvince where Int(key.quarter) >= rangeFirst {
            spanByProvince[key.place, default: Metrics()].add(metrics)
        }
        let gridKeys = spanByProvince.filter { $0.value.cooperatives > 0 && places.figures($0.key, $0.value) != nil }.keys
            .sorted { places.order($0) < places.order($1) }
        gridProvinces = gridKeys.compactMap { places.figures($0, spanByProvince[$0] ?? Metrics()) }
        provinceQuarters = (rangeFirst...Int(last)).compactMap { ordinal in
            Quarter(ordinal: ordinal).map { quarter in
                (quarter, gridKeys.map { byQuarterProvince[QuarterProvince(quarter: Int32(ordinal), place: $0)] ?? Metrics() })
            }
        }
        provinceYears = (range.start.year...periodDays.end.year).map { year in
            let provinces = gridKeys.map { place in
                (0..<4).reduce(into: Metrics()) { sum, q in
                    sum.add(byQuarterProvince[QuarterProvince(quarter: Int32(year * 4 + q), place: place)] ?? Metrics())
                }
            }
            return (year, provinces)
        }

        // Communities
        let byCommunity = cube.sum(where: inPeriod) { $0.community }
        communities = Community.allCases.map { ($0, byCommunity[$0] ?? Metrics()) }

        // Region × sector and region × gender
        let byRegionSector = cube.sum(where: inPeriod) { RegionSector(region: $0.region, sector: $0.sector) }

        let builder = TableBuilder(language: language)
        var tables: [ReportTable] = []
        tables.append(builder.byRegion(regions))
        tables.append(builder.byProvince(provinces))
        tables.append(builder.provinceSector(provinceSectors))
        tables.append(builder.bySector(sectors))
        tables.append(builder.byGender(regions))
        tables.append(
            builder.regionSector(
                regions: scopedRegions.map { ($0.offset, $0.element) }, sectors: reference.sectors,
                metrics: { byRegionSector[RegionSector(region: Int8($0), sector: Int8($1))] ?? Metrics() }))
        let reporting = self.soulaliyateReporting
        tables.append(builder.yearly(yearTotals, counted: { year in reporting?.isReported(year: year) ?? true }))
        tables.append(builder.quarterly(quarters, counted: { quarter in reporting?.isReported(quarter: quarter) ?? true }))
        tables.append(builder.comparison([(period, current)] + comparisons))
        tables.append(builder.dataQuality(files))
        tables.append(builder.byCommunity(communities))
        tables.append(builder.youthByRegion(regions))
        tables.append(builder.youthByProvince(provinces.filter { $0.metrics.youthReportingCooperatives > 0 }))
        self.tables = tables
    }
}

/// A quarter × region pair, for grouping the cube.
struct QuarterRegion: Hashable {
    let quarter: Int32
    let region: Int8
}

/// A region × sector pair, for grouping the cube.
struct RegionSector: Hashable {
    let region: Int8
    let sector: Int8
}

/// A place (province or not-reported row) × sector pair, for grouping the cube.
struct ProvinceSector: Hashable {
    let place: RegionProvince
    let sector: Int8
}

/// A quarter × place pair, for grouping the cube.
struct QuarterProvince: Hashable {
    let quarter: Int32
    let place: RegionProvince
}
