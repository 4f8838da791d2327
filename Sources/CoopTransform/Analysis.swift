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

    public func table(_ key: TableKey) -> ReportTable? { tables.first { $0.name == key.rawValue } }

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

        let scopedRegions = reference.regions.enumerated().filter { scope.region == nil || $0.element.code == scope.region }
        let regionIndexes = scopedRegions.map { Int8($0.offset) }
        let places = ProvincePlaces(reference: reference)
        let periodCut = AnalysisCut(
            first: first, last: last, rangeFirst: rangeFirst, firstYear: range.start.year, lastYear: periodDays.end.year)
        let regionCut = Self.regionFigures(cube, cut: periodCut, scoped: scopedRegions)
        regions = regionCut.regions
        let provinceCut = Self.provinceFigures(cube, cut: periodCut, places: places, reference: reference)
        provinces = provinceCut.provinces
        provinceSectors = provinceCut.provinceSectors
        sectors = Self.sectorFigures(cube, cut: periodCut, reference: reference)
        let trend = Self.trendFigures(cube, cut: periodCut)
        years = trend.years
        let regionGrids = Self.regionGrids(cube, cut: periodCut, regionIndexes: regionIndexes)
        regionQuarters = regionGrids.quarters
        regionYears = regionGrids.years
        let provinceGrids = Self.provinceGrids(cube, cut: periodCut, places: places)
        gridProvinces = provinceGrids.places
        provinceQuarters = provinceGrids.quarters
        provinceYears = provinceGrids.years
        let byCommunity = cube.sum(where: inPeriod) { $0.community }
        communities = Community.allCases.map { ($0, byCommunity[$0] ?? Metrics()) }

        tables = Self.contractTables(
            AnalysisFigures(
                regions: regions, scopedRegions: scopedRegions.map { ($0.offset, $0.element) }, provinces: provinces,
                provinceSectors: provinceSectors, sectors: sectors, years: years, quarters: trend.quarters,
                communities: communities, byRegionSector: regionCut.byRegionSector,
                comparison: [(period, current)] + comparisons),
            files: files, reference: reference, language: language, reporting: self.soulaliyateReporting)
    }

    // The sections below are kept out of line on purpose: inlined into one initializer they made the
    // release (-O) build of this module run for tens of minutes in the optimiser.

    @inline(never)
    private static func regionFigures(
        _ cube: MetricsCube, cut: AnalysisCut, scoped: [(offset: Int, element: Region)]
    ) -> (regions: [(region: Region, metrics: Metrics)], byRegionSector: [RegionSector: Metrics]) {
        let byRegion = cube.sum(where: cut.inPeriod) { $0.region }
        let regions = scoped.map { ($0.element, byRegion[Int8($0.offset)] ?? Metrics()) }
        let byRegionSector = cube.sum(where: cut.inPeriod) { RegionSector(region: $0.region, sector: $0.sector) }
        return (regions, byRegionSector)
    }

    @inline(never)
    private static func provinceFigures(
        _ cube: MetricsCube, cut: AnalysisCut, places: ProvincePlaces, reference: ReferenceData
    ) -> (provinces: [ProvinceFigures], provinceSectors: [(province: ProvinceFigures, sector: Sector)]) {
        let byProvince = cube.sum(where: cut.inPeriod) { RegionProvince(region: $0.region, province: $0.province) }
        let provinces = places.figures(byProvince) { $0.cooperatives > 0 }
        let byProvinceSector = cube.sum(where: cut.inPeriod) {
            ProvinceSector(place: RegionProvince(region: $0.region, province: $0.province), sector: $0.sector)
        }
        let provinceSectors: [(province: ProvinceFigures, sector: Sector)] =
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
        return (provinces, provinceSectors)
    }

    @inline(never)
    private static func sectorFigures(
        _ cube: MetricsCube, cut: AnalysisCut, reference: ReferenceData
    ) -> [(sector: Sector, metrics: Metrics)] {
        let bySector = cube.sum(where: cut.inPeriod) { $0.sector }
        return reference.sectors.enumerated().map { ($0.element, bySector[Int8($0.offset)] ?? Metrics()) }
    }

    @inline(never)
    private static func trendFigures(
        _ cube: MetricsCube, cut: AnalysisCut
    ) -> (years: [(year: Int, metrics: Metrics)], quarters: [(Quarter, Metrics)]) {
        let last = cut.last
        let byQuarter = cube.sum(where: { $0.quarter <= last }, by: { $0.quarter })
        var years: [(year: Int, metrics: Metrics)] = []
        for year in cut.firstYear...cut.lastYear {
            var metrics = Metrics()
            for q in 0..<4 { metrics.add(byQuarter[Int32(year * 4 + q)] ?? Metrics()) }
            years.append((year, metrics))
        }
        let quarters: [(Quarter, Metrics)] = (cut.rangeFirst...Int(last)).compactMap { ordinal in
            Quarter(ordinal: ordinal).map { ($0, byQuarter[Int32(ordinal)] ?? Metrics()) }
        }
        return (years, quarters)
    }

    @inline(never)
    private static func regionGrids(
        _ cube: MetricsCube, cut: AnalysisCut, regionIndexes: [Int8]
    ) -> (quarters: [(quarter: Quarter, regions: [Metrics])], years: [(year: Int, regions: [Metrics])]) {
        let last = cut.last
        let byQuarterRegion = cube.sum(where: { $0.quarter <= last }, by: { QuarterRegion(quarter: $0.quarter, region: $0.region) })
        let quarters: [(quarter: Quarter, regions: [Metrics])] = (cut.rangeFirst...Int(last)).compactMap { ordinal in
            Quarter(ordinal: ordinal).map { quarter in
                (quarter, regionIndexes.map { byQuarterRegion[QuarterRegion(quarter: Int32(ordinal), region: $0)] ?? Metrics() })
            }
        }
        let years: [(year: Int, regions: [Metrics])] = (cut.firstYear...cut.lastYear).map { year in
            let regions = regionIndexes.map { region in
                (0..<4).reduce(into: Metrics()) { sum, q in
                    sum.add(byQuarterRegion[QuarterRegion(quarter: Int32(year * 4 + q), region: region)] ?? Metrics())
                }
            }
            return (year, regions)
        }
        return (quarters, years)
    }

    @inline(never)
    private static func provinceGrids(
        _ cube: MetricsCube, cut: AnalysisCut, places: ProvincePlaces
    ) -> (
        places: [ProvinceFigures], quarters: [(quarter: Quarter, provinces: [Metrics])], years: [(year: Int, provinces: [Metrics])]
    ) {
        let last = cut.last
        let byQuarterProvince = cube.sum(
            where: { $0.quarter <= last },
            by: { QuarterProvince(quarter: $0.quarter, place: RegionProvince(region: $0.region, province: $0.province)) })
        var spanByProvince: [RegionProvince: Metrics] = [:]
        for (key, metrics) in byQuarterProvince where Int(key.quarter) >= cut.rangeFirst {
            spanByProvince[key.place, default: Metrics()].add(metrics)
        }
        let gridKeys = spanByProvince.filter { $0.value.cooperatives > 0 && places.figures($0.key, $0.value) != nil }.keys
            .sorted { places.order($0) < places.order($1) }
        let gridPlaces = gridKeys.compactMap { places.figures($0, spanByProvince[$0] ?? Metrics()) }
        let quarters: [(quarter: Quarter, provinces: [Metrics])] = (cut.rangeFirst...Int(last)).compactMap { ordinal in
            Quarter(ordinal: ordinal).map { quarter in
                (quarter, gridKeys.map { byQuarterProvince[QuarterProvince(quarter: Int32(ordinal), place: $0)] ?? Metrics() })
            }
        }
        let years: [(year: Int, provinces: [Metrics])] = (cut.firstYear...cut.lastYear).map { year in
            let provinces = gridKeys.map { place in
                (0..<4).reduce(into: Metrics()) { sum, q in
                    sum.add(byQuarterProvince[QuarterProvince(quarter: Int32(year * 4 + q), place: place)] ?? Metrics())
                }
            }
            return (year, provinces)
        }
        return (gridPlaces, quarters, years)
    }

    @inline(never)
    private static func contractTables(
        _ figures: AnalysisFigures, files: [FileQuality], reference: ReferenceData, language: Language, reporting: FlagReporting?
    ) -> [ReportTable] {
        let builder = TableBuilder(language: language)
        let byRegionSector = figures.byRegionSector
        var tables: [ReportTable] = []
        tables.append(builder.byRegion(figures.regions))
        tables.append(builder.byProvince(figures.provinces))
        tables.append(builder.provinceSector(figures.provinceSectors))
        tables.append(builder.bySector(figures.sectors))
        tables.append(builder.byGender(figures.regions))
        tables.append(
            builder.regionSector(
                regions: figures.scopedRegions, sectors: reference.sectors,
                metrics: { byRegionSector[RegionSector(region: Int8($0), sector: Int8($1))] ?? Metrics() }))
        tables.append(builder.yearly(figures.years, counted: { year in reporting?.isReported(year: year) ?? true }))
        tables.append(builder.quarterly(figures.quarters, counted: { quarter in reporting?.isReported(quarter: quarter) ?? true }))
        tables.append(builder.comparison(figures.comparison))
        tables.append(builder.dataQuality(files))
        tables.append(builder.byCommunity(figures.communities))
        tables.append(builder.youthByRegion(figures.regions))
        tables.append(builder.youthByProvince(figures.provinces.filter { $0.metrics.youthReportingCooperatives > 0 }))
        return tables
    }
}

/// The quarters and years an analysis cuts from the cube: the period's quarter ordinals, the range's
/// first quarter, the years from the range start to the period's end. Invariant: `first <= last`.
struct AnalysisCut {
    let first: Int32
    let last: Int32
    let rangeFirst: Int
    let firstYear: Int
    let lastYear: Int

    func inPeriod(_ key: CubeKey) -> Bool { first <= key.quarter && key.quarter <= last }
}

/// The figures the contract's tables are written from, gathered for `Analysis.contractTables`.
struct AnalysisFigures {
    let regions: [(region: Region, metrics: Metrics)]
    let scopedRegions: [(Int, Region)]
    let provinces: [ProvinceFigures]
    let provinceSectors: [(province: ProvinceFigures, sector: Sector)]
    let sectors: [(sector: Sector, metrics: Metrics)]
    let years: [(year: Int, metrics: Metrics)]
    let quarters: [(Quarter, Metrics)]
    let communities: [(community: Community, metrics: Metrics)]
    let byRegionSector: [RegionSector: Metrics]
    let comparison: [(Period, Metrics)]
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
