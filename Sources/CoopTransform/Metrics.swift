import CoopDomain

/// The contract's metrics for a group of cooperatives, as exact integer sums that merge by addition.
/// Invariant: `membersWomen + membersMen + membersGenderUnknown == membersTotal` unless
/// `overflowed`: every addition is checked, and a sum too large to hold sets `overflowed` (and
/// saturates) instead of trapping, for the pipeline to end in a clean error.
public struct Metrics: Sendable, Equatable, Hashable {
    public var cooperatives = 0
    public var membersTotal = 0
    public var membersWomen = 0
    public var membersMen = 0
    public var membersGenderUnknown = 0
    public var womenCooperatives = 0
    public var capitalCents: Int64 = 0
    /// Cooperatives that report youth, their members, and their young members.
    public var youthReportingCooperatives = 0
    public var youthReportingMembers = 0
    public var membersYouth = 0
    /// Cooperatives that say whether they are soulaliyate (yes or no; not an empty cell).
    public var soulaliyateReportingCooperatives = 0
    /// True when some addition into these metrics did not fit (the sums are then not exact).
    public var overflowed = false

    public init() {}

    /// The metrics of one cooperative.
    public init(record: CooperativeRecord) {
        self.init(
            membersTotal: record.membersTotal, membersWomen: record.membersWomen, membersMen: record.membersMen,
            membersYouth: record.membersYouth, capitalCents: record.capitalCents, soulaliyateReported: record.soulaliyate != nil)
    }

    /// The metrics of one cooperative of `membersTotal` members; women and men both given or both
    /// nil (gender not reported), youth and capital nil when not reported.
    public init(
        membersTotal: Int, membersWomen: Int?, membersMen: Int?, membersYouth: Int?, capitalCents: Int64?, soulaliyateReported: Bool
    ) {
        cooperatives = 1
        self.membersTotal = membersTotal
        if let women = membersWomen, let men = membersMen {
            self.membersWomen = women
            self.membersMen = men
            if women == membersTotal { womenCooperatives = 1 }
        } else {
            membersGenderUnknown = membersTotal
        }
        self.capitalCents = capitalCents ?? 0
        if let youth = membersYouth {
            youthReportingCooperatives = 1
            youthReportingMembers = membersTotal
            self.membersYouth = youth
        }
        if soulaliyateReported { soulaliyateReportingCooperatives = 1 }
    }

    /// Adds another group's metrics (associative and commutative).
    public mutating func add(_ other: Metrics) { combine(other, subtracting: false) }

    /// Takes away metrics that were added before (a cooperative replaced by a later duplicate).
    public mutating func subtract(_ other: Metrics) { combine(other, subtracting: true) }

    /// Adds or subtracts every sum, checked: a result that does not fit saturates and sets `overflowed`.
    private mutating func combine(_ other: Metrics, subtracting: Bool) {
        var failed = overflowed || other.overflowed
        func plus<T: FixedWidthInteger>(_ a: inout T, _ b: T) {
            let (sum, overflow) = subtracting ? a.subtractingReportingOverflow(b) : a.addingReportingOverflow(b)
            if overflow { failed = true }
            a = overflow ? (subtracting ? T.min : T.max) : sum
        }
        plus(&cooperatives, other.cooperatives)
        plus(&membersTotal, other.membersTotal)
        plus(&membersWomen, other.membersWomen)
        plus(&membersMen, other.membersMen)
        plus(&membersGenderUnknown, other.membersGenderUnknown)
        plus(&womenCooperatives, other.womenCooperatives)
        plus(&capitalCents, other.capitalCents)
        plus(&youthReportingCooperatives, other.youthReportingCooperatives)
        plus(&youthReportingMembers, other.youthReportingMembers)
        plus(&membersYouth, other.membersYouth)
        plus(&soulaliyateReportingCooperatives, other.soulaliyateReportingCooperatives)
        overflowed = failed
    }

    public static func + (lhs: Metrics, rhs: Metrics) -> Metrics {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    /// Women / (women + men) over cooperatives whose gender is reported; nil when undefined.
    public var womenShare: Ratio {
        let (both, overflow) = membersWomen.addingReportingOverflow(membersMen)
        return Ratio(membersWomen, overflow ? Int.max : both)
    }

    /// Young members / members of cooperatives that report youth.
    public var youthShare: Ratio { Ratio(membersYouth, youthReportingMembers) }

    /// Young members, nil when no cooperative of the group reports youth (an empty cell, never 0).
    public var reportedYouth: Int? { youthReportingCooperatives > 0 ? membersYouth : nil }

    /// The share of the group's cooperatives that report youth (`members_youth` filled in).
    public var youthReporting: Ratio { Ratio(youthReportingCooperatives, cooperatives) }

    /// The share of the group's cooperatives that say whether they are soulaliyate.
    public var soulaliyateReporting: Ratio { Ratio(soulaliyateReportingCooperatives, cooperatives) }
}

/// An exact fraction, rounded only when written. Invariant: undefined when `denominator == 0`.
public struct Ratio: Sendable, Equatable, Hashable {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var isDefined: Bool { denominator != 0 }

    /// The value as a Double (for charts and percentages); nil when undefined.
    public var value: Double? { isDefined ? Double(numerator) / Double(denominator) : nil }

    /// The value rounded half up to `places` decimals, as an integer count of 10^-places; nil when undefined.
    public func scaled(places: Int) -> Int? {
        guard isDefined else { return nil }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        // Exact in 128 bits: |numerator| * 10^places * 2 + |denominator| cannot overflow them.
        let n = Int128(numerator) * Int128(scale)
        let d = Int128(denominator)
        let sign: Int128 = (n < 0) != (d < 0) ? -1 : 1
        let (a, b) = (n.magnitude, d.magnitude)
        let rounded = Int128((2 * a + b) / (2 * b))
        return Int(clamping: sign * rounded)
    }

    /// Written as a decimal fraction with `places` places (`0.3412`); empty when undefined.
    public func decimal(places: Int = 4) -> String {
        guard let scaled = scaled(places: places) else { return "" }
        return Decimal.fixed(Int64(scaled), places: places)
    }
}

/// Fixed-point decimal writing for exact integers (centimes, scaled shares).
public enum Decimal {
    /// `value` / 10^places written with exactly `places` decimals and a `.` mark (`1250050` → `12500.50`).
    public static func fixed(_ value: Int64, places: Int) -> String {
        let negative = value < 0
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        let text = places == 0 ? padded : padded[..<cut] + "." + padded[cut...]
        return (negative ? "-" : "") + text
    }
}
