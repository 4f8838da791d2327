import CoopDomain
import CoopTransform

/// The wide grids charts need: cooperatives created per year (or quarter) down, per place across —
/// the regions in a national run, the region's provinces (not reported last) in a regional one — with
/// a total column. Invariant: each row sums to the `yearly`/`quarterly` table's cooperatives.
enum PeriodRegionGrid {
    /// Sheet keys and Excel table names of the grids, national and regional.
    static let yearKey = "year_region"
    static let quarterKey = "quarter_region"
    static let yearProvinceKey = "year_province"
    static let quarterProvinceKey = "quarter_province"

    /// The grid keys of a run: by province when the run is regional, else by region.
    static func keys(regional: Bool) -> [String] {
        regional ? [yearProvinceKey, quarterProvinceKey] : [yearKey, quarterKey]
    }

    /// The grid of `key` as a table and its headers; nil when it has no place column.
    static func table(_ key: String, from analysis: Analysis, labels: WorkbookLabels, values: ValueLabels) -> (
        table: ReportTable, headers: [String]
    )? {
        let byProvince = key == yearProvinceKey || key == quarterProvinceKey
        let perYear = key == yearKey || key == yearProvinceKey
        let places =
            byProvince
            ? SectorRegionMatrix.provincePlaces(analysis.gridProvinces, language: analysis.language, values: values)
            : SectorRegionMatrix.regionPlaces(analysis.regions.map(\.region), language: analysis.language)
        guard !places.isEmpty else { return nil }
        let periodColumn = perYear ? TableColumn("year", .integer) : TableColumn("quarter", .text)
        let (columns, headers) = SectorRegionMatrix.placeColumns(leading: [periodColumn], places: places, labels: labels)
        func row(_ first: Cell, _ metrics: [Metrics]) -> [Cell] {
            let counts = metrics.map(\.cooperatives)
            return [first] + counts.map { Cell.integer($0) } + [.integer(counts.reduce(0, +))]
        }
        let rows: [[Cell]]
        switch (perYear, byProvince) {
        case (true, false): rows = analysis.regionYears.map { row(.integer($0.year), $0.regions) }
        case (false, false): rows = analysis.regionQuarters.map { row(.text($0.quarter.description), $0.regions) }
        case (true, true): rows = analysis.provinceYears.map { row(.integer($0.year), $0.provinces) }
        case (false, true): rows = analysis.provinceQuarters.map { row(.text($0.quarter.description), $0.provinces) }
        }
        return (ReportTable(name: key, columns: columns, rows: rows, hasTotals: true), headers)
    }
}
