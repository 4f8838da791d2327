import CoopDomain

/// Lays out the contract's tables (CONTRACT §3.1, §5) from grouped metrics: exact columns, exact order.
/// Invariant: column keys are the contract's, whatever the language; only name columns are translated.
struct TableBuilder {
    let language: Language

    static let metricColumns: [TableColumn] = [
        TableColumn("cooperatives", .integer, summable: true),
        TableColumn("members_total", .integer, summable: true),
        TableColumn("members_women", .integer, summable: true),
        TableColumn("members_men", .integer, summable: true),
        TableColumn("members_gender_unknown", .integer, summable: true),
        TableColumn("women_share", .share),
        TableColumn("women_cooperatives", .integer, summable: true),
        TableColumn("capital_mad", .money, summable: true),
    ]

    static func metricCells(_ m: Metrics) -> [Cell] {
        [
            .integer(m.cooperatives), .integer(m.membersTotal), .integer(m.membersWomen), .integer(m.membersMen),
            .integer(m.membersGenderUnknown), .ratio(m.womenShare), .integer(m.womenCooperatives), .cents(m.capitalCents),
        ]
    }

    func byRegion(_ regions: [(region: Region, metrics: Metrics)]) -> ReportTable {
        ReportTable(
            key: .byRegion,
            columns: [TableColumn("region_code", .text), TableColumn("region", .text)] + Self.metricColumns,
            rows: regions.map { [.text($0.region.code.rawValue), .text($0.region.name(in: language))] + Self.metricCells($0.metrics) },
            hasTotals: true)
    }

    /// Provinces with their region's not-reported row (province empty), as `Analysis.provinces` orders them.
    func byProvince(_ provinces: [ProvinceFigures]) -> ReportTable {
        ReportTable(
            key: .byProvince,
            columns: [TableColumn("region_code", .text), TableColumn("province", .text)] + Self.metricColumns,
            rows: provinces.map {
                [.text($0.regionCode.rawValue), .text($0.provinceCell(in: language))] + Self.metricCells($0.metrics)
            },
            hasTotals: true)
    }

    /// Province × sector pairs with at least one cooperative (province empty when not reported).
    func provinceSector(_ pairs: [(province: ProvinceFigures, sector: Sector)]) -> ReportTable {
        ReportTable(
            key: .provinceSector,
            columns: [
                TableColumn("region_code", .text), TableColumn("province", .text), TableColumn("sector_code", .text),
                TableColumn("cooperatives", .integer, summable: true),
                TableColumn("members_total", .integer, summable: true),
                TableColumn("members_women", .integer, summable: true),
            ],
            rows: pairs.map { place, sector in
                [
                    .text(place.regionCode.rawValue), .text(place.provinceCell(in: language)), .text(sector.code),
                    .integer(place.metrics.cooperatives), .integer(place.metrics.membersTotal),
                    .integer(place.metrics.membersWomen),
                ]
            },
            hasTotals: true)
    }

    func bySector(_ sectors: [(sector: Sector, metrics: Metrics)]) -> ReportTable {
        ReportTable(
            key: .bySector,
            columns: [TableColumn("sector_code", .text), TableColumn("sector", .text)] + Self.metricColumns,
            rows: sectors.map { [.text($0.sector.code), .text($0.sector.name(in: language))] + Self.metricCells($0.metrics) },
            hasTotals: true)
    }

    func byGender(_ regions: [(region: Region, metrics: Metrics)]) -> ReportTable {
        var rows: [[Cell]] = []
        for (region, metrics) in regions {
            let code = Cell.text(region.code.rawValue)
            let name = Cell.text(region.name(in: language))
            rows.append([code, name, .text("women"), .integer(metrics.membersWomen)])
            rows.append([code, name, .text("men"), .integer(metrics.membersMen)])
            rows.append([code, name, .text("not_reported"), .integer(metrics.membersGenderUnknown)])
        }
        return ReportTable(
            key: .byGender,
            columns: [
                TableColumn("region_code", .text), TableColumn("region", .text), TableColumn("gender", .text),
                TableColumn("members", .integer, summable: true),
            ],
            rows: rows, hasTotals: true)
    }

    func regionSector(regions: [(index: Int, region: Region)], sectors: [Sector], metrics: (Int, Int) -> Metrics) -> ReportTable {
        var rows: [[Cell]] = []
        for (regionIndex, region) in regions {
            for (sectorIndex, sector) in sectors.enumerated() {
                let m = metrics(regionIndex, sectorIndex)
                rows.append([
                    .text(region.code.rawValue), .text(sector.code), .integer(m.cooperatives),
                    .integer(m.membersTotal), .integer(m.membersWomen),
                ])
            }
        }
        return ReportTable(
            key: .regionSector,
            columns: [
                TableColumn("region_code", .text), TableColumn("sector_code", .text),
                TableColumn("cooperatives", .integer, summable: true),
                TableColumn("members_total", .integer, summable: true),
                TableColumn("members_women", .integer, summable: true),
            ],
            rows: rows, hasTotals: true)
    }

    /// The metric cells of a row that cannot be counted (its optional fact not reported): empty, never 0.
    static let uncounted: [Cell] = metricColumns.map { _ in .text("") }

    /// Years from the range start; a year not `counted` (soulaliyate not reported) has empty metric and cumulative cells.
    func yearly(_ years: [(Int, Metrics)], counted: (Int) -> Bool = { _ in true }) -> ReportTable {
        var cumulative = 0
        let rows: [[Cell]] = years.map { year, metrics in
            cumulative += metrics.cooperatives
            guard counted(year) else { return [.integer(year)] + Self.uncounted + [.text("")] }
            return [.integer(year)] + Self.metricCells(metrics) + [.integer(cumulative)]
        }
        return ReportTable(
            key: .yearly,
            columns: [TableColumn("year", .integer)] + Self.metricColumns + [TableColumn("cumulative_cooperatives", .integer)],
            rows: rows, hasTotals: true)
    }

    /// Quarters from the range start; a quarter not `counted` (soulaliyate not reported) has empty metric and cumulative cells.
    func quarterly(_ quarters: [(Quarter, Metrics)], counted: (Quarter) -> Bool = { _ in true }) -> ReportTable {
        var cumulative = 0
        let rows: [[Cell]] = quarters.map { quarter, metrics in
            cumulative += metrics.cooperatives
            guard counted(quarter) else { return [.text(quarter.description)] + Self.uncounted + [.text("")] }
            return [.text(quarter.description)] + Self.metricCells(metrics) + [.integer(cumulative)]
        }
        return ReportTable(
            key: .quarterly,
            columns: [TableColumn("quarter", .text)] + Self.metricColumns + [TableColumn("cumulative_cooperatives", .integer)],
            rows: rows, hasTotals: true)
    }

    func comparison(_ periods: [(Period, Metrics)]) -> ReportTable {
        ReportTable(
            key: .comparison,
            columns: [TableColumn("period", .text)] + Self.metricColumns,
            rows: periods.map { [.text($0.0.label)] + Self.metricCells($0.1) },
            hasTotals: false)
    }

    func dataQuality(_ files: [FileQuality]) -> ReportTable {
        let total = FileQuality.total(of: files)
        func row(_ f: FileQuality) -> [Cell] {
            [
                .text(f.file), .text(f.encoding), .text(f.delimiter), .integer(f.rowsRead), .integer(f.accepted),
                .integer(f.rejected), .integer(f.duplicates), .integer(f.duplicateConflicts), .integer(f.unknownSector),
                .integer(f.skippedBlank),
            ]
        }
        return ReportTable(
            key: .dataQuality,
            columns: [
                TableColumn("file", .text), TableColumn("encoding", .text), TableColumn("delimiter", .text),
                TableColumn("rows_read", .integer), TableColumn("accepted", .integer),
                TableColumn("rejected", .integer), TableColumn("duplicates", .integer),
                TableColumn("duplicate_conflicts", .integer), TableColumn("unknown_sector", .integer),
                TableColumn("skipped_blank", .integer),
            ],
            rows: files.map(row) + [row(total)],
            hasTotals: false)
    }

    func byCommunity(_ communities: [(community: Community, metrics: Metrics)]) -> ReportTable {
        ReportTable(
            key: .byCommunity,
            columns: [TableColumn("community", .text)] + Self.metricColumns + [TableColumn("members_youth", .integer, summable: true)],
            rows: communities.map { [.text($0.community.key)] + Self.metricCells($0.metrics) + [.count($0.metrics.reportedYouth)] },
            hasTotals: true)
    }

    func youthByRegion(_ regions: [(region: Region, metrics: Metrics)]) -> ReportTable {
        youth(
            key: .youthByRegion, placeColumn: "region",
            rows: regions.map { (.text($0.region.code.rawValue), .text($0.region.name(in: language)), $0.metrics) })
    }

    /// Provinces (and not-reported rows) with at least one cooperative that reports youth.
    func youthByProvince(_ provinces: [ProvinceFigures]) -> ReportTable {
        youth(
            key: .youthByProvince, placeColumn: "province",
            rows: provinces.map { (.text($0.regionCode.rawValue), .text($0.provinceCell(in: language)), $0.metrics) })
    }

    /// A youth table: region code, the place's name, then the youth figures of the reporting cooperatives.
    private func youth(key: TableKey, placeColumn: String, rows: [(code: Cell, place: Cell, metrics: Metrics)]) -> ReportTable {
        ReportTable(
            key: key,
            columns: [
                TableColumn("region_code", .text), TableColumn(placeColumn, .text),
                TableColumn("cooperatives_reporting", .integer, summable: true),
                TableColumn("members_total_reporting", .integer, summable: true),
                TableColumn("members_youth", .integer, summable: true), TableColumn("youth_share", .share),
            ],
            rows: rows.map {
                [
                    $0.code, $0.place, .integer($0.metrics.youthReportingCooperatives), .integer($0.metrics.youthReportingMembers),
                    .count($0.metrics.reportedYouth), .ratio($0.metrics.youthShare),
                ]
            },
            hasTotals: true)
    }
}
