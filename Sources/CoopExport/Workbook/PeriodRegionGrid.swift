import CoopDomain
import CoopTransform

/// The wide grids charts need: cooperatives created per year (or quarter) down, per region across,
/// with a total column. Invariant: each row sums to the `yearly`/`quarterly` table's cooperatives.
enum PeriodRegionGrid {
    /// Sheet keys and Excel table names of the two grids.
    static let yearKey = "year_region"
    static let quarterKey = "quarter_region"

    /// The grid of `key` (`year_region` or `quarter_region`) as a table and its headers.
    static func table(_ key: String, from analysis: Analysis, labels: WorkbookLabels) -> (table: ReportTable, headers: [String])? {
        let regions = analysis.regions.map(\.region)
        guard !regions.isEmpty else { return nil }
        let periodColumn = key == yearKey ? TableColumn("year", .integer) : TableColumn("quarter", .text)
        let (columns, headers) = SectorRegionMatrix.regionColumns(
            leading: [periodColumn], regions: regions,
            language: analysis.language, labels: labels)
        func row(_ first: Cell, _ metrics: [Metrics]) -> [Cell] {
            let counts = metrics.map(\.cooperatives)
            return [first] + counts.map { Cell.integer($0) } + [.integer(counts.reduce(0, +))]
        }
        let rows: [[Cell]] =
            key == yearKey
            ? analysis.regionYears.map { row(.integer($0.year), $0.regions) }
            : analysis.regionQuarters.map { row(.text($0.quarter.description), $0.regions) }
        return (ReportTable(name: key, columns: columns, rows: rows, hasTotals: true), headers)
    }
}
