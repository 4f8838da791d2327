import CoopDomain

/// Which quarters' registries report the soulaliyate flag at all, counted over the run's region (or the
/// nation) without the soulaliyate filter: a `--only soulaliyate` run shows a quarter with no reporting
/// cooperative as "not reported", never as 0 created. Invariant: `reporting[q] <= created[q]` for every quarter.
public struct FlagReporting: Sendable, Equatable {
    /// Cooperatives created per quarter ordinal (in the region, whatever their flag).
    public private(set) var created: [Int: Int] = [:]
    /// Of those, the cooperatives whose row reports the soulaliyate flag (yes or no).
    public private(set) var reporting: [Int: Int] = [:]

    public init() {}

    /// The counts of `records` inside `region` (all regions when nil).
    public init(records: some Sequence<CooperativeRecord>, region: RegionCode?) {
        for record in records where region == nil || record.regionCode == region { add(record) }
    }

    /// The same counts from a cube (already restricted to the region, not to soulaliyate cooperatives).
    public init(cube: MetricsCube) {
        cube.forEachCell { key, metrics in
            let quarter = Int(key.quarter)
            created[quarter, default: 0] += metrics.cooperatives
            if metrics.soulaliyateReportingCooperatives > 0 { reporting[quarter, default: 0] += metrics.soulaliyateReportingCooperatives }
        }
    }

    public mutating func add(_ record: CooperativeRecord) {
        let quarter = record.creationDate.quarter.ordinal
        created[quarter, default: 0] += 1
        if record.soulaliyate != nil { reporting[quarter, default: 0] += 1 }
    }

    /// Whether soulaliyate cooperatives of `quarter` can be counted: some cooperative created then reports
    /// the flag, or none was created at all (then 0 is the true count).
    public func isReported(quarter: Quarter) -> Bool { isReported(quarters: [quarter.ordinal]) }

    /// Whether soulaliyate cooperatives of `year` can be counted (as for a quarter, over its four quarters).
    public func isReported(year: Int) -> Bool { isReported(quarters: (0..<4).map { year * 4 + $0 }) }

    private func isReported(quarters: [Int]) -> Bool {
        quarters.contains { (reporting[$0] ?? 0) > 0 } || quarters.allSatisfy { (created[$0] ?? 0) == 0 }
    }

    /// The first year in which some cooperative reports the flag; nil when none does.
    public var firstReportedYear: Int? { reporting.filter { $0.value > 0 }.keys.min().map { $0 / 4 } }
}
