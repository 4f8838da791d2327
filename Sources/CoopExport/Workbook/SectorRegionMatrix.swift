import CoopDomain
import CoopTransform

/// The wide sector × place matrix of cooperatives created in the period: one row per sector
/// (taxonomy order), one column per region (code order) — or, in a regional run, per province of the
/// region with the not-reported column last — and a row total.
/// Invariant: every cell equals the `cooperatives` of its `region_sector` (or `province_sector`) row.
enum SectorRegionMatrix {
    /// The Excel table names of the matrices.
    static let name = "sector_region_matrix"
    static let provinceName = "sector_province_matrix"

    /// One column of a wide table: its key, the name it is headed by, and the region code that tells two equal names apart.
    struct Place {
        let key: String
        let name: String
        let code: String
    }

    /// The regions as columns (`region_NN`).
    static func regionPlaces(_ regions: [Region], language: Language) -> [Place] {
        regions.map { Place(key: "region_" + $0.code.rawValue, name: $0.name(in: language), code: $0.code.rawValue) }
    }

    /// Provinces as columns (`province_N` in list order), the not-reported one named so.
    static func provincePlaces(_ provinces: [ProvinceFigures], language: Language, values: ValueLabels) -> [Place] {
        provinces.enumerated().map { index, row in
            Place(
                key: "province_" + String(index + 1),
                name: row.province?.name(in: language) ?? values.report.provinceNotReported, code: row.regionCode.rawValue)
        }
    }

    /// The matrix as a table (`sector_code`, `sector`, one column per place, `total`) and its headers.
    static func table(from analysis: Analysis, labels: WorkbookLabels, values: ValueLabels) -> (table: ReportTable, headers: [String])? {
        let regional = analysis.scope.region != nil
        let source = analysis.table(TableKey.placeSectors(regional: regional))
        guard let source, let regionColumn = source.column("region_code"), let sectorColumn = source.column("sector_code"),
            let countColumn = source.column("cooperatives")
        else { return nil }
        let provinceColumn = source.column("province")
        var counts: [String: Int] = [:]
        for row in source.rows {
            guard case .text(let region) = row[regionColumn], case .text(let sector) = row[sectorColumn],
                case .integer(let count) = row[countColumn]
            else { continue }
            var place = region
            if let provinceColumn, case .text(let province) = row[provinceColumn] { place += "|" + province }
            counts[place + "|" + sector, default: 0] += count
        }
        let placeKeys: [String]
        let places: [Place]
        if regional {
            placeKeys = analysis.provinces.map { $0.regionCode.rawValue + "|" + $0.provinceCell(in: analysis.language) }
            places = provincePlaces(analysis.provinces, language: analysis.language, values: values)
        } else {
            placeKeys = analysis.regions.map(\.region.code.rawValue)
            places = regionPlaces(analysis.regions.map(\.region), language: analysis.language)
        }
        guard !places.isEmpty, !analysis.sectors.isEmpty else { return nil }
        let (columns, headers) = Self.placeColumns(
            leading: [TableColumn("sector_code", .text), TableColumn("sector", .text)], places: places, labels: labels)
        let rows: [[Cell]] = analysis.sectors.map { sector, _ in
            let values = placeKeys.map { counts[$0 + "|" + sector.code] ?? 0 }
            return [.text(sector.code), .text(sector.name(in: analysis.language))] + values.map { Cell.integer($0) }
                + [.integer(values.reduce(0, +))]
        }
        return (ReportTable(name: regional ? provinceName : name, columns: columns, rows: rows, hasTotals: true), headers)
    }

    /// `leading` columns, one column per place (headed by its name, made unique with its code), then `total`.
    static func placeColumns(leading: [TableColumn], places: [Place], labels: WorkbookLabels) -> (
        columns: [TableColumn], headers: [String]
    ) {
        var columns = leading
        var headers = leading.map { labels.header($0.key) }
        var seen = Set(headers.map { $0.lowercased() })
        for place in places {
            columns.append(TableColumn(place.key, .integer, summable: true))
            var header = WorkbookLabels.safeHeader(place.name)
            if header.isEmpty || seen.contains(header.lowercased()) { header += " (" + place.code + ")" }
            seen.insert(header.lowercased())
            headers.append(header)
        }
        columns.append(TableColumn("total", .integer, summable: true))
        headers.append(labels.header("total"))
        return (columns, headers)
    }
}
