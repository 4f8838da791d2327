import CoopDomain

/// What a run is restricted to (CONTRACT §5): one 2015 region, and/or soulaliyate cooperatives only.
/// Invariant: the default scope is national and covers every cooperative.
public struct AnalysisScope: Sendable, Equatable {
    public var region: RegionCode?
    public var onlySoulaliyate: Bool

    public init(region: RegionCode? = nil, onlySoulaliyate: Bool = false) {
        self.region = region
        self.onlySoulaliyate = onlySoulaliyate
    }

    /// Whether `record` is inside the scope.
    public func includes(_ record: CooperativeRecord) -> Bool {
        if let region, record.regionCode != region { return false }
        if onlySoulaliyate && record.soulaliyate != true { return false }
        return true
    }
}
