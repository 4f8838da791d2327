import CoopDomain
import CoopTransform

/// The wide sector × region matrix of cooperatives created in the period, cut from the
/// `region_sector` table: one row per sector (taxonomy order), one column per region (code order),
/// and a row total. Invariant: every cell equals the `cooperatives` of its `region_sector` row.
enum SectorRegionMatrix {
    /// The Excel table name of the matrix.
    static let name = "sector_region_matrix"

    /// The matrix as a table (`sector_code`, `sector`, one `region_NN` column per region, `total`) and its headers.
    static func table(from analysis: Analysis, labels: WorkbookLabels) -> (table: ReportTable, headers: [String])? {
        guard let source = analysis.table("region_sector"), let regionColumn = source.column("region_code"),
            let sectorColumn = source.column("sector_code"), let countColumn = source.column("cooperatives")
        else { return nil }
        var counts: [String: Int] = [:]
        for row in source.rows {
            guard case .text(let region) = row[regionColumn], case .text(let sector) = row[sectorColumn],
                case .integer(let count) = row[countColumn]
            else { continue }
            counts[region + "|" + sector, default: 0] += count
        }
        let regions = analysis.regions.map(\.region)
        guard !regions.isEmpty, !analysis.sectors.isEmpty else { return nil }
        let (columns, headers) = Self.regionColumns(
            leading: [TableColumn("sector_code", .text), TableColumn("sector", .text)],
            regions: regions, language: analysis.language, labels: labels)
        let rows: [[Cell]] = analysis.sectors.map { sector, _ in
            let values = regions.map { counts[$0.code.rawValue + "|" + sector.code] ?? 0 }
            return [.text(sector.code), .text(sector.name(in: analysis.language))] + values.map { Cell.integer($0) }
                + [.integer(values.reduce(0, +))]
        }
        return (ReportTable(name: name, columns: columns, rows: rows, hasTotals: true), headers)
    }

    /// `leading` columns, one `region_NN` column per region (headed by its name, made unique), then `total`.
    static func regionColumns(
        leading: [TableColumn], regions: [Region], language: Language,
        labels: WorkbookLabels
    ) -> (columns: [TableColumn], headers: [String]) {
        var columns = leading
        var headers = leading.map { labels.header($0.key) }
        var seen = Set(headers.map { $0.lowercased() })
        for region in regions {
            columns.append(TableColumn("region_" + region.code.rawValue, .integer, summable: true))
            var header = WorkbookLabels.safeHeader(region.name(in: language))
            if header.isEmpty || seen.contains(header.lowercased()) { header += " (" + region.code.rawValue + ")" }
            seen.insert(header.lowercased())
            headers.append(header)
        }
        columns.append(TableColumn("total", .integer, summable: true))
        headers.append(labels.header("total"))
        return (columns, headers)
    }
}
