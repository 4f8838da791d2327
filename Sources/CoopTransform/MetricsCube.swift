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
/// Both are `CellTable`s (one cheap lookup per row each); a cell whose metrics are zero is no cell.
public struct MetricsCube: Sendable, Equatable {
    private var cellTable = CellTable<CubeKey>()
    private var dayTable = CellTable<DayKey>()

    public init() {}

    /// The cells with their metrics (zero cells left out).
    public var cells: [CubeKey: Metrics] {
        var cells: [CubeKey: Metrics] = [:]
        cellTable.forEachEntry { cells[$0] = $1 }
        return cells
    }

    /// Metrics by creation day, region and community (what a scope restricts: `restricted(to:reference:)`).
    public var days: [DayKey: Metrics] {
        var days: [DayKey: Metrics] = [:]
        dayTable.forEachEntry { days[$0] = $1 }
        return days
    }

    /// The cube of `records`, whose region codes must be in `reference`.
    public init(records: some Sequence<CooperativeRecord>, reference: ReferenceData) {
        for record in records { add(record, reference: reference) }
    }

    public static func == (lhs: MetricsCube, rhs: MetricsCube) -> Bool {
        lhs.cells == rhs.cells && lhs.days == rhs.days
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
        cellTable.add(metrics, at: key)
        dayTable.add(metrics, at: DayKey(key, created: created))
    }

    /// Takes away metrics added to `key` and `created` before (a cooperative replaced by a later
    /// duplicate); a cell left at zero counts as absent, so the cube equals the one built from the live records alone.
    public mutating func subtract(_ metrics: Metrics, at key: CubeKey, created: Day) {
        guard let cell = cellTable.index(of: key), cellTable.values[cell] != Metrics(),
            let day = dayTable.index(of: DayKey(key, created: created)), dayTable.values[day] != Metrics()
        else { return }
        cellTable.subtract(metrics, atIndex: cell)
        dayTable.subtract(metrics, atIndex: day)
    }

    /// The cells inside `scope` (one region, soulaliyate only): the cube of the scoped records.
    public func restricted(to scope: AnalysisScope, reference: ReferenceData) -> MetricsCube {
        guard scope.region != nil || scope.onlySoulaliyate else { return self }
        let region = scope.region.map { code in reference.regionIndex(code).map { Int8($0) } ?? -1 }
        func inside(_ cellRegion: Int8, _ community: Community) -> Bool {
            (region == nil || cellRegion == region) && (!scope.onlySoulaliyate || community == .soulaliyate)
        }
        var scoped = MetricsCube()
        cellTable.forEachEntry { key, metrics in
            if inside(key.region, key.community) { scoped.cellTable.add(metrics, at: key) }
        }
        dayTable.forEachEntry { day, metrics in
            if inside(day.region, day.community) { scoped.dayTable.add(metrics, at: day) }
        }
        return scoped
    }

    /// Adds another cube (associative, commutative).
    public mutating func merge(_ other: MetricsCube) {
        other.cellTable.forEachEntry { cellTable.add($1, at: $0) }
        other.dayTable.forEachEntry { dayTable.add($1, at: $0) }
    }

    /// Sums the records created within `span`.
    public func total(within span: DateRange) -> Metrics {
        let first = Int32(span.start.daysSinceEpoch)
        let last = Int32(span.end.daysSinceEpoch)
        var total = Metrics()
        dayTable.forEachEntry { key, metrics in
            if first <= key.day && key.day <= last { total.add(metrics) }
        }
        return total
    }

    /// The latest creation day on or before `cutoff` of a cooperative counted here.
    public func latestCreation(onOrBefore cutoff: Day) -> Day? {
        let last = Int32(cutoff.daysSinceEpoch)
        var day: Int32?
        dayTable.forEachEntry { key, metrics in
            if key.day <= last && metrics.cooperatives > 0 && key.day > (day ?? .min) { day = key.day }
        }
        return day.flatMap { Day(daysSinceEpoch: Int($0)) }
    }

    /// Sums the cells that pass `include`, grouped by `group`.
    public func sum<Group: Hashable>(where include: (CubeKey) -> Bool, by group: (CubeKey) -> Group) -> [Group: Metrics] {
        var totals: [Group: Metrics] = [:]
        cellTable.forEachEntry { key, metrics in
            if include(key) { totals[group(key), default: Metrics()].add(metrics) }
        }
        return totals
    }

    /// Sums the cells that pass `include`.
    public func total(where include: (CubeKey) -> Bool) -> Metrics {
        var total = Metrics()
        cellTable.forEachEntry { key, metrics in
            if include(key) { total.add(metrics) }
        }
        return total
    }

    /// Calls `body` with every cell and its metrics (zero cells left out), without building `cells`.
    public func forEachCell(_ body: (CubeKey, Metrics) -> Void) {
        cellTable.forEachEntry(body)
    }
}
