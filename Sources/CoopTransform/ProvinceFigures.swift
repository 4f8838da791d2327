import CoopDomain

/// One row of a by-province breakdown: a province, or one region's cooperatives whose province is
/// not reported (`province == nil`), with its metrics. Invariant: the rows of one region add up to
/// the region's metrics, and a region's not-reported row comes after its provinces.
public struct ProvinceFigures: Sendable, Equatable {
    /// The 2015 region the row belongs to.
    public let regionCode: RegionCode
    /// The province; nil for the region's cooperatives whose province is not reported.
    public let province: Province?
    public let metrics: Metrics

    public init(regionCode: RegionCode, province: Province?, metrics: Metrics) {
        self.regionCode = regionCode
        self.province = province
        self.metrics = metrics
    }

    /// Whether this is a region's "province not reported" row.
    public var isNotReported: Bool { province == nil }

    /// The `province` cell: the province's name in `language`, empty when not reported (CONTRACT §3.1).
    public func provinceCell(in language: Language) -> String { province?.name(in: language) ?? "" }
}

/// A region and a province index of the cube (`-1`: province not reported), for grouping.
struct RegionProvince: Hashable {
    let region: Int8
    let province: Int16
}

/// Where a cube place lies: one province, or one region's cooperatives without a province.
/// Invariant: ordering is region code, then reference order of provinces, not-reported last.
struct ProvincePlaces {
    let reference: ReferenceData

    /// The rows of `groups` that pass `keep`, in region code order, provinces in reference order,
    /// each region's not-reported row last.
    func figures(_ groups: [RegionProvince: Metrics], keep: (Metrics) -> Bool) -> [ProvinceFigures] {
        groups.compactMap { key, metrics -> (RegionProvince, ProvinceFigures)? in
            guard keep(metrics), let figures = figures(key, metrics) else { return nil }
            return (key, figures)
        }
        .sorted { order($0.0) < order($1.0) }
        .map(\.1)
    }

    /// The figures of one cube place; nil when its region index is outside the reference.
    func figures(_ key: RegionProvince, _ metrics: Metrics) -> ProvinceFigures? {
        guard reference.regions.indices.contains(Int(key.region)) else { return nil }
        let province = reference.provinces.indices.contains(Int(key.province)) ? reference.provinces[Int(key.province)] : nil
        return ProvinceFigures(regionCode: reference.regions[Int(key.region)].code, province: province, metrics: metrics)
    }

    /// The sort key of a place: region, then province (reference order; not reported last).
    func order(_ key: RegionProvince) -> (Int8, Int) {
        (key.region, key.province < 0 ? Int.max : Int(key.province))
    }
}
