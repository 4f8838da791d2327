import CoopDomain
import CoopTransform

/// The compact state the ledger keeps per accepted cooperative (keyed by its `RegistryKey`):
/// exactly what settling a later duplicate needs — the exact numbers to subtract its metrics from
/// the cube, a 32-bit hash per text field and the reported-fields mask for the conflict rule of
/// CONTRACT §1.5, and the file and line of the row to list it again — packed into five 64-bit
/// words (40 bytes, against ~430 for a whole record). Invariant: every field reads back exactly
/// the value it was made from (a value that does not fit its width is a `StateOverflow`, never
/// clamped), and `total ≥ 1`, so the all-zero state (`empty`) is never a cooperative's.
///
/// The widths, argued against the contract's limits:
/// - `total`, `women`, `youth`: 24 bits. A count beyond 10^7 is a rejected row (CONTRACT §3.0,
///   `CountParser.largest`) and 10^7 < 2^24 − 1 = 16,777,215, the marker of "not reported"
///   (women, youth); `total` is ≥ 1 in an accepted row (`members_total` < 1 is rejected), and
///   0 marks an empty slot of the table. Men are not kept: they are `total − women`.
/// - `capital`: 47 bits of cents. Capital beyond 10^12 MAD (10^14 cents) is rejected
///   (`CapitalParser.largestCents`), a negative one too, and 10^14 < 2^47 − 1 ≈ 1.4 · 10^14, the
///   marker of "not given".
/// - `creation`: 23 bits, year (14 bits, 1…9999 < 16,384), month (4) and day (5): every `Day`.
/// - `name`, `commune`, `status`: the 32-bit `TextHash` of each (a 2⁻³² chance per pair of
///   different values to miss a conflict, as before).
/// - `reported`: 11 bits, the fields a row may leave unreported (§1.5: `registration_id`,
///   `creation_date` and `region` are always reported by an accepted row, and `row` is not a column).
/// - `region`: 7 bits. Region codes are two digits and unique (`ReferenceData`), so a reference
///   has at most 100 regions: every region index fits.
/// - `province`: 8 bits, index + 1 (0 = no province): up to 255 provinces; the bundled reference has 75.
/// - `sector`: 6 bits: up to 64 sectors; the bundled taxonomy has 27.
/// - `community`: 2 bits (three cases).
/// - `file`: 16 bits: up to 65,536 files in one run.
/// - `line`: 32 bits: lines up to 4,294,967,295 (a file of more lines is at least 4 GiB of line
///   breaks alone); 0 marks a line the ledger could not shift (`shifted(by:)`).
///
/// A reference with more provinces or sectors, a run of more files, a file of more lines, or a
/// record built by hand beyond the contract's limits makes `init` throw: the ingest refuses the file
/// as unreadable with the `StateOverflow` message (the run goes on, every row accounted for).
public struct CooperativeState: Sendable, Equatable {
    /// name (bits 0–31) | commune (32–63).
    private var texts: UInt64
    /// status (0–31) | line (32–63).
    private var statusAndLine: UInt64
    /// total (0–23) | women (24–47) | file (48–63).
    private var members: UInt64
    /// youth (0–23) | day (24–28) | month (29–32) | year (33–46) | reported (47–57) | sector (58–63).
    private var youthAndDate: UInt64
    /// capital (0–46) | province + 1 (47–54) | region (55–61) | community (62–63).
    private var capitalAndPlace: UInt64

    /// The state of no cooperative: what an empty slot of a `CooperativeShard` holds.
    static let empty = CooperativeState(texts: 0, statusAndLine: 0, members: 0, youthAndDate: 0, capitalAndPlace: 0)

    private init(texts: UInt64, statusAndLine: UInt64, members: UInt64, youthAndDate: UInt64, capitalAndPlace: UInt64) {
        self.texts = texts
        self.statusAndLine = statusAndLine
        self.members = members
        self.youthAndDate = youthAndDate
        self.capitalAndPlace = capitalAndPlace
    }

    /// Marker of a count not reported (women, youth).
    private static let countAbsent: UInt64 = (1 << 24) - 1
    /// Marker of a capital not given.
    private static let capitalAbsent: UInt64 = (1 << 47) - 1
    /// The largest line the state holds.
    static let largestLine = Int(UInt32.max)
    /// The largest file number (read order) the state holds.
    static let largestFile = Int(UInt16.max)

    /// The state of `record`, read from file number `file` at `line`; its region code must be in `reference`.
    /// Throws when a value does not fit its width (see the type's comment).
    init(_ record: CooperativeRecord, file: Int, line: Int, reference: ReferenceData) throws(StateOverflow) {
        try self.init(
            counts: (record.membersTotal, record.membersWomen, record.membersYouth), capital: record.capitalCents,
            creation: record.creationDate,
            texts: (TextHash.of(record.name), TextHash.of(record.commune), TextHash.of(record.status)),
            place: (reference.regionIndex(record.regionCode) ?? 0, record.provinceIndex ?? -1, record.sectorIndex),
            community: Community(record.soulaliyate), reported: record.reported, file: file, line: line)
    }

    /// The state of an accepted row read from file number `file` at `line` (the same as the
    /// record's of that row); throws when a value does not fit its width.
    init(_ accepted: AcceptedRow, file: Int, line: Int) throws(StateOverflow) {
        try self.init(
            counts: (Int(accepted.total), accepted.women < 0 ? nil : Int(accepted.women), accepted.youth < 0 ? nil : Int(accepted.youth)),
            capital: accepted.capital == Int64.min ? nil : accepted.capital, creation: accepted.creation,
            texts: (accepted.name, accepted.commune, accepted.status),
            place: (Int(accepted.region), Int(accepted.province), Int(accepted.sector)), community: Community(accepted.soulaliyate),
            reported: accepted.reported, file: file, line: line)
    }

    /// Packs the values of one row: counts (nil: not reported), capital in cents (nil: not
    /// given), text hashes, and the region, province (-1: none) and sector indexes.
    private init(
        counts: (total: Int, women: Int?, youth: Int?), capital cents: Int64?, creation day: Day,
        texts hashes: (name: UInt32, commune: UInt32, status: UInt32), place: (region: Int, province: Int, sector: Int),
        community: Community, reported: ReportedFields, file: Int, line: Int
    ) throws(StateOverflow) {
        func fit(_ value: Int, _ allowed: ClosedRange<Int>, _ what: RegistryField) throws(StateOverflow) -> UInt64 {
            try Self.fit(value, allowed, what.rawValue)
        }
        func optionalCount(_ value: Int?, _ what: RegistryField) throws(StateOverflow) -> UInt64 {
            guard let value else { return Self.countAbsent }
            return try fit(value, 0...Int(Self.countAbsent - 1), what)
        }
        let total = try fit(counts.total, 1...Int(Self.countAbsent), .membersTotal)
        let women = try optionalCount(counts.women, .membersWomen)
        let youth = try optionalCount(counts.youth, .membersYouth)
        var capital = Self.capitalAbsent
        if let cents { capital = try fit(Int(clamping: cents), 0...Int(Self.capitalAbsent - 1), .capital) }
        let province = try fit(place.province + 1, 0...255, .province)
        let sector = try fit(place.sector, 0...63, .sector)
        let region = try fit(place.region, 0...127, .region)
        texts = UInt64(hashes.name) | UInt64(hashes.commune) << 32
        statusAndLine = UInt64(hashes.status) | (try Self.fit(line, 0...Self.largestLine, "line")) << 32
        members = total | women << 24 | (try Self.fit(file, 0...Self.largestFile, "file")) << 48
        youthAndDate =
            youth | UInt64(day.day) << 24 | UInt64(day.month) << 29 | UInt64(day.year) << 33
            | UInt64(Self.packed(reported)) << 47 | sector << 58
        capitalAndPlace = capital | province << 47 | region << 55 | UInt64(community.rawValue) << 62
    }

    /// `value` as a field of the state, or the overflow naming `what` when it is outside `allowed`.
    private static func fit(_ value: Int, _ allowed: ClosedRange<Int>, _ what: String) throws(StateOverflow) -> UInt64 {
        guard allowed.contains(value) else { throw StateOverflow(field: what, value: value, allowed: allowed) }
        return UInt64(value)
    }

    /// Whether this is `empty` (no cooperative: an accepted row has at least one member).
    var isEmpty: Bool { members & 0xFF_FFFF == 0 }

    private static func bits(_ word: UInt64, from low: UInt64, count: UInt64) -> UInt64 { (word >> low) & ((1 << count) - 1) }

    var total: Int { Int(members & 0xFF_FFFF) }
    /// Women members, nil when the gender is not reported.
    var women: Int? {
        let value = Self.bits(members, from: 24, count: 24)
        return value == Self.countAbsent ? nil : Int(value)
    }
    var youth: Int? {
        let value = youthAndDate & 0xFF_FFFF
        return value == Self.countAbsent ? nil : Int(value)
    }
    /// Capital in cents, nil when not given.
    var capital: Int64? {
        let value = capitalAndPlace & Self.capitalAbsent
        return value == Self.capitalAbsent ? nil : Int64(value)
    }
    var creation: Day {
        let (year, month, day) = (
            Int(Self.bits(youthAndDate, from: 33, count: 14)), Int(Self.bits(youthAndDate, from: 29, count: 4)),
            Int(Self.bits(youthAndDate, from: 24, count: 5))
        )
        // Always a day: the three parts were taken from one (the fallback is never used).
        return Day(year: year, month: month, day: day) ?? DateRange.defaultStart
    }
    var reported: ReportedFields { Self.unpacked(UInt16(Self.bits(youthAndDate, from: 47, count: 11))) }
    var region: Int8 { Int8(Self.bits(capitalAndPlace, from: 55, count: 7)) }
    /// Province index, -1 when there is none.
    var province: Int16 { Int16(Self.bits(capitalAndPlace, from: 47, count: 8)) - 1 }
    var sector: Int8 { Int8(youthAndDate >> 58) }
    var community: Community {
        Community(rawValue: Int8(capitalAndPlace >> 62)) ?? .notReported
    }
    /// Number of the file in read order.
    var file: Int { Int(members >> 48) }
    /// 1-based physical line of the row in its file (0 after a shift beyond `largestLine`).
    var line: Int { Int(statusAndLine >> 32) }
    private var name: UInt64 { texts & 0xFFFF_FFFF }
    private var commune: UInt64 { texts >> 32 }
    private var status: UInt64 { statusAndLine & 0xFFFF_FFFF }

    /// The same state with its line moved down by `shift` (a part's lines made the file's). A line
    /// beyond `largestLine` becomes 0, listed by no row: the ingest never asks for one, since it
    /// reads a file of more lines in one pass, which refuses it (`RegistryIngest.parseAll`).
    func shifted(by shift: Int) -> CooperativeState {
        guard shift != 0 else { return self }
        let moved = line + shift
        var state = self
        let stored = (1...Self.largestLine).contains(moved) ? UInt64(moved) : 0
        state.statusAndLine = status | stored << 32
        return state
    }

    /// The 11 bits of a mask that an accepted row may leave unset: `name` (ordinal 1) and
    /// `province` … `soulaliyate` (ordinals 4–13); the others are always reported or no column.
    private static func packed(_ fields: ReportedFields) -> UInt16 {
        (fields.rawValue >> 1) & 1 | ((fields.rawValue >> 4) & 0x3FF) << 1
    }

    /// The mask of `packed(_:)`'s bits, with the fields every accepted row reports.
    private static func unpacked(_ bits: UInt16) -> ReportedFields {
        ReportedFields(rawValue: (bits & 1) << 1 | (bits >> 1) << 4).union(.alwaysReported)
    }

    /// The cell of the cube this cooperative is counted in.
    var cubeKey: CubeKey {
        CubeKey(quarter: Int32(creation.quarter.ordinal), region: region, province: province, sector: sector, community: community)
    }

    /// Its metrics (one cooperative).
    var metrics: Metrics {
        let women = self.women
        return Metrics(
            membersTotal: total, membersWomen: women, membersMen: women.map { total - $0 }, membersYouth: youth,
            capitalCents: capital, soulaliyateReported: community != .notReported)
    }

    /// The fields, among those both versions report, whose values differ (CONTRACT §1.5); empty
    /// when the later version `other` only repeats or completes this one.
    func differingFields(from other: CooperativeState) -> ReportedFields {
        let both = reported.intersection(other.reported)
        var differing = ReportedFields()
        func check(_ field: RegistryField, _ differs: Bool) {
            if differs && both.reports(field) { differing.insert(ReportedFields(field)) }
        }
        let dateMask: UInt64 = ((1 << 23) - 1) << 24
        check(.name, name != other.name)
        check(.creationDate, youthAndDate & dateMask != other.youthAndDate & dateMask)
        check(.region, region != other.region)
        check(.province, province != other.province)
        check(.commune, commune != other.commune)
        check(.sector, sector != other.sector)
        check(.membersTotal, total != other.total)
        check(.membersWomen, women != other.women)
        check(.membersMen, women.map { total - $0 } != other.women.map { other.total - $0 })
        check(.membersYouth, youth != other.youth)
        check(.capital, capital != other.capital)
        check(.status, status != other.status)
        check(.soulaliyate, community != other.community)
        return differing
    }
}

/// A value of an accepted row that the ledger's packed state cannot hold exactly (see
/// `CooperativeState`): the ingest refuses the row's file with this message rather than clamp it.
/// Invariant: `value` is outside `allowed`.
public struct StateOverflow: Error, CustomStringConvertible, Sendable, Equatable {
    /// The registry field (`members_total`, …), `line` or `file` (its number in read order).
    public let field: String
    public let value: Int
    /// The values the state holds exactly.
    public let allowed: ClosedRange<Int>

    public var description: String {
        "\(field) \(value) is outside \(allowed.lowerBound)…\(allowed.upperBound), what the duplicate ledger holds exactly"
    }
}
