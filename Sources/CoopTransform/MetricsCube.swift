import CoopDomain

/// The cell of the cube: one quarter, region, province, sector and community.
/// Invariant: `province == -1` when the cooperative has no known province.
public struct CubeKey: Hashable, Sendable {
    public let quarter: Int32
    public let region: Int8
    public let province: Int16
    public let sector: Int8
    public let community: Community

    public init(quarter: Int32, region: Int8, province: Int16, sector: Int8, community: Community) {
        self.quarter = quarter
        self.region = region
        self.province = province
        self.sector = sector
        self.community = community
    }
}

/// Whether a cooperative is a soulaliyate (collective-land community) one (CONTRACT §5).
public enum Community: Int8, Sendable, CaseIterable, Hashable {
    case soulaliyate, other, notReported

    public init(_ flag: Bool?) {
        switch flag {
        case true?: self = .soulaliyate
        case false?: self = .other
        case nil: self = .notReported
        }
    }

    /// The key written in the `community` column.
    public var key: String {
        switch self {
        case .soulaliyate: "soulaliyate"
        case .other: "other"
        case .notReported: "not_reported"
        }
    }
}

/// A day's share of the cube: creation day (days since 1970-01-01), region and community.
/// Invariant: `region` and `community` are those of the cell the same cooperatives are in.
public struct DayKey: Hashable, Sendable {
    public let day: Int32
    public let region: Int8
    public let community: Community

    public init(_ key: CubeKey, created: Day) {
        day = Int32(created.daysSinceEpoch)
        region = key.region
        community = key.community
    }
}

/// The partial aggregate every table is cut from: metrics by quarter × region × province × sector ×
/// community. Cubes of separate files or chunks merge by addition, in any order.
/// Invariant: the sum of all cells equals the metrics of all records added, and so does the sum of
/// `days` (the same records by creation day, for spans that cut a quarter: "to date" comparisons).
public struct MetricsCube: Sendable, Equatable {
    public private(set) var cells: [CubeKey: Metrics] = [:]
    /// Metrics by creation day, region and community (what a scope restricts: `restricted(to:reference:)`).
    public private(set) var days: [DayKey: Metrics] = [:]

    public init() {}

    /// The cube of `records`, whose region codes must be in `reference`.
    public init(records: some Sequence<CooperativeRecord>, reference: ReferenceData) {
        for record in records { add(record, reference: reference) }
    }

    public mutating func add(_ record: CooperativeRecord, reference: ReferenceData) {
        let key = CubeKey(
            quarter: Int32(record.creationDate.quarter.ordinal),
            region: Int8(reference.regionIndex(record.regionCode) ?? 0),
            province: Int16(record.provinceIndex ?? -1),
            sector: Int8(record.sectorIndex),
            community: Community(record.soulaliyate))
        add(Metrics(record: record), at: key, created: record.creationDate)
    }

    /// Adds one cooperative's metrics to the cell `key`, created on `created`.
    public mutating func add(_ metrics: Metrics, at key: CubeKey, created: Day) {
        cells[key, default: Metrics()].add(metrics)
        days[DayKey(key, created: created), default: Metrics()].add(metrics)
    }

    /// Takes away metrics added to `key` and `created` before (a cooperative replaced by a later
    /// duplicate); a cell left empty is removed, so the cube equals the one built from the live records alone.
    public mutating func subtract(_ metrics: Metrics, at key: CubeKey, created: Day) {
        let day = DayKey(key, created: created)
        guard var cell = cells[key], var dayCell = days[day] else { return }
        cell.subtract(metrics)
        dayCell.subtract(metrics)
        cells[key] = cell == Metrics() ? nil : cell
        days[day] = dayCell == Metrics() ? nil : dayCell
    }

    /// The cells inside `scope` (one region, soulaliyate only): the cube of the scoped records.
    public func restricted(to scope: AnalysisScope, reference: ReferenceData) -> MetricsCube {
        guard scope.region != nil || scope.onlySoulaliyate else { return self }
        let region = scope.region.map { code in reference.regionIndex(code).map { Int8($0) } ?? -1 }
        func inside(_ cellRegion: Int8, _ community: Community) -> Bool {
            (region == nil || cellRegion == region) && (!scope.onlySoulaliyate || community == .soulaliyate)
        }
        var scoped = MetricsCube()
        scoped.cells = cells.filter { key, _ in inside(key.region, key.community) }
        scoped.days = days.filter { key, _ in inside(key.region, key.community) }
        return scoped
    }

    /// Adds another cube (associative, commutative).
    public mutating func merge(_ other: MetricsCube) {
        for (key, metrics) in other.cells { cells[key, default: Metrics()].add(metrics) }
        for (day, metrics) in other.days { days[day, default: Metrics()].add(metrics) }
    }

    /// Sums the records created within `span`.
    public func total(within span: DateRange) -> Metrics {
        let first = Int32(span.start.daysSinceEpoch)
        let last = Int32(span.end.daysSinceEpoch)
        var total = Metrics()
        for (key, metrics) in days where first <= key.day && key.day <= last { total.add(metrics) }
        return total
    }

    /// The latest creation day on or before `cutoff` of a cooperative counted here.
    public func latestCreation(onOrBefore cutoff: Day) -> Day? {
        let last = Int32(cutoff.daysSinceEpoch)
        let day = days.lazy.filter { $0.key.day <= last && $0.value.cooperatives > 0 }.map(\.key.day).max()
        return day.flatMap { Day(daysSinceEpoch: Int($0)) }
    }

    /// Sums the cells that pass `include`, grouped by `group`.
    public func sum<Group: Hashable>(where include: (CubeKey) -> Bool, by group: (CubeKey) -> Group) -> [Group: Metrics] {
        var totals: [Group: Metrics] = [:]
        for (key, metrics) in cells where include(key) {
            totals[group(key), default: Metrics()].add(metrics)
        }
        return totals
    }

    /// Sums the cells that pass `include`.
    public func total(where include: (CubeKey) -> Bool) -> Metrics {
        var total = Metrics()
        for (key, metrics) in cells where include(key) { total.add(metrics) }
        return total
    }
}
