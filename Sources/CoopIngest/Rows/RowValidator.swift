import CoopDomain

/// What validation made of one non-blank registry row.
public enum RowOutcome: Sendable, Equatable {
    case accepted(CooperativeRecord, unknownSector: String?)
    case rejected(RejectedRow)
}

/// Checks one registry row against the rules of CONTRACT §1.4 and derives the missing member
/// counts. Pure: fields in, record or reject out. Invariant: the reject names the first failing
/// field in the contract's order (field count, id, date, region/province, members, capital).
public struct RowValidator: Sendable {
    public let layout: HeaderLayout
    public let reference: ReferenceData
    public let range: DateRange
    public let file: String
    /// The largest member count kept (CONTRACT §3.0); larger ones are rejected, never cut.
    static let largestCount = CountParser.largest
    /// Raw names already resolved in this file: offices repeat the same few spellings on every row.
    private var lookups = NameLookups()
    /// The same, keyed on the cells' raw bytes, for the byte path (`accepted(row:)`).
    var rawNames: RawNameLookups

    public init(layout: HeaderLayout, reference: ReferenceData, range: DateRange, file: String) {
        self.layout = layout
        self.reference = reference
        self.range = range
        self.file = file
        self.rawNames = RawNameLookups(reference: reference)
    }

    /// Validates the row whose fields are `fields`, starting at physical line `line`.
    public mutating func validate(fields: [String], line: Int, unterminatedQuote: Bool = false) -> RowOutcome {
        validate(count: fields.count, line: line, unterminatedQuote: unterminatedQuote) { fields[$0] }
    }

    /// Validates a scanned row; only the columns the header maps are decoded to text.
    public mutating func validate(row: CSVRow) -> RowOutcome {
        validate(count: row.count, line: row.line, unterminatedQuote: row.unterminatedQuote) { row.field($0) }
    }

    /// Validates a row of `count` fields, reading field `i` through `text(i)` only when needed.
    mutating func validate(count: Int, line: Int, unterminatedQuote: Bool, text: (Int) -> String) -> RowOutcome {
        func raw(_ field: RegistryField) -> String {
            guard let column = layout[field], column < count else { return "" }
            return text(column)
        }
        let id = TextCleaner.clean(raw(.registrationId))
        func reject(_ field: RegistryField, _ value: String, _ reason: RejectReason) -> RowOutcome {
            .rejected(RejectedRow(file: file, line: line, registrationId: id, field: field, value: value, reason: reason))
        }

        if unterminatedQuote {
            return reject(.row, count > 0 ? String(text(count - 1).prefix(60)) : "", .unterminatedQuote)
        }
        if count != layout.columnCount {
            let shown = (0..<min(count, 12)).map(text).joined(separator: "|")
            return reject(.row, shown.prefixed(80), .fieldCount(expected: layout.columnCount, found: count))
        }
        if id.isEmpty { return reject(.registrationId, "", .missingRegistrationId) }

        let dateText = TextCleaner.clean(raw(.creationDate))
        if dateText.isEmpty { return reject(.creationDate, "", .missingDate) }
        guard let date = DateParser.parse(dateText) else { return reject(.creationDate, dateText, .invalidDate) }
        if let reason = range.rejection(of: date) { return reject(.creationDate, dateText, reason) }

        let regionText = TextCleaner.clean(raw(.region))
        let provinceText = TextCleaner.clean(raw(.province))
        var provinceIndex: Int?
        let regionCode: RegionCode
        if !provinceText.isEmpty, let index = lookups.province(provinceText, in: reference) {
            provinceIndex = index
            regionCode = reference.provinces[index].regionCode
        } else if regionText.isEmpty {
            if provinceText.isEmpty { return reject(.region, "", .unknownRegion) }
            return reject(.province, provinceText, .unknownProvince)
        } else {
            switch lookups.region(regionText, in: reference) {
            case .region(let code)?:
                regionCode = code
            case .legacy(let old)?:
                guard let code = old.directRegion else {
                    if provinceText.isEmpty {
                        return reject(.region, regionText, .splitLegacyRegionWithoutProvince(old.nameFR))
                    }
                    return reject(.province, provinceText, .unknownProvince)
                }
                regionCode = code
            case nil:
                return reject(.region, regionText, .unknownRegion)
            }
        }

        var counts: (total: Int?, women: Int?, men: Int?, youth: Int?) = (nil, nil, nil, nil)
        for field in [RegistryField.membersTotal, .membersWomen, .membersMen, .membersYouth] {
            let text = raw(field)
            switch CountParser.parse(text) {
            case .empty: break
            case .tooLarge:
                return reject(field, TextCleaner.clean(text).prefixed(80), .countTooLarge(limit: Self.largestCount))
            case .value(let value):
                switch field {
                case .membersTotal: counts.total = value
                case .membersWomen: counts.women = value
                case .membersMen: counts.men = value
                default: counts.youth = value
                }
            case .invalid: return reject(field, TextCleaner.clean(text), .notANonNegativeInteger)
            }
        }
        var women = counts.women
        var men = counts.men
        let total: Int
        if let given = counts.total {
            total = given
        } else if let w = women, let m = men {
            total = w + m
        } else {
            return reject(.membersTotal, TextCleaner.clean(raw(.membersTotal)), .noMembers)
        }
        if total < 1 { return reject(.membersTotal, String(total), .totalBelowOne) }
        if total > Self.largestCount { return reject(.membersTotal, String(total), .countTooLarge(limit: Self.largestCount)) }
        if let w = women, w > total { return reject(.membersWomen, String(w), .exceedsTotal("women")) }
        if let m = men, m > total { return reject(.membersMen, String(m), .exceedsTotal("men")) }
        if let w = women, let m = men, w + m != total {
            return reject(.membersTotal, String(total), .genderSumMismatch(men: m, women: w, total: total))
        }
        if let w = women, men == nil { men = total - w }
        if let m = men, women == nil { women = total - m }
        let youth = counts.youth
        if let y = youth, y > total { return reject(.membersYouth, String(y), .youthOutOfRange) }

        var capital: Int64?
        let capitalText = raw(.capital)
        switch CapitalParser.parse(capitalText) {
        case .empty: break
        case .cents(let cents):
            if cents < 0 { return reject(.capital, TextCleaner.clean(capitalText), .negativeCapital) }
            capital = cents
        case .invalid: return reject(.capital, TextCleaner.clean(capitalText), .invalidCapital)
        case .tooLarge: return reject(.capital, TextCleaner.clean(capitalText).prefixed(80), .capitalTooLarge)
        }

        let sectorText = TextCleaner.clean(raw(.sector))
        let sectorIndex: Int
        var unknownSector: String?
        if let index = lookups.sector(sectorText, in: reference) {
            sectorIndex = index
        } else {
            sectorIndex = reference.sectors.count - 1
            unknownSector = sectorText
        }

        let soulaliyate = YesNoParser.parse(raw(.soulaliyate)).flag

        let name = TextCleaner.clean(raw(.name))
        let commune = TextCleaner.clean(raw(.commune))
        let status = TextCleaner.clean(raw(.status))
        let reported = Self.reported(
            name: !name.isEmpty, province: !provinceText.isEmpty, commune: !commune.isEmpty, sector: !sectorText.isEmpty,
            counts: (counts.total != nil, counts.women != nil, counts.men != nil, youth != nil), capital: capital != nil,
            status: !status.isEmpty, soulaliyate: soulaliyate != nil)
        let record = CooperativeRecord(
            registrationId: id, name: name, creationDate: date, regionCode: regionCode,
            provinceIndex: provinceIndex, commune: commune, sectorIndex: sectorIndex,
            membersTotal: total, membersWomen: women, membersMen: men, membersYouth: youth, capitalCents: capital,
            status: status, soulaliyate: soulaliyate, reported: reported)
        return .accepted(record, unknownSector: unknownSector)
    }
}

extension RowValidator {
    /// What a row reports (CONTRACT §1.5), from which of its cells are not empty: a column the file
    /// lacks or an empty cell reports nothing; the id, the date and the region are always reported.
    static func reported(
        name: Bool, province: Bool, commune: Bool, sector: Bool,
        counts: (total: Bool, women: Bool, men: Bool, youth: Bool), capital: Bool, status: Bool, soulaliyate: Bool
    ) -> ReportedFields {
        var reported = ReportedFields.alwaysReported
        reported.insert(.name, when: name)
        reported.insert(.province, when: province)
        reported.insert(.commune, when: commune)
        reported.insert(.sector, when: sector)
        reported.insert(.membersTotal, when: counts.total)
        reported.insert(.membersWomen, when: counts.women)
        reported.insert(.membersMen, when: counts.men)
        reported.insert(.membersYouth, when: counts.youth)
        reported.insert(.capital, when: capital)
        reported.insert(.status, when: status)
        reported.insert(.soulaliyate, when: soulaliyate)
        return reported
    }
}

extension String {
    /// The string cut to at most `length` characters, with an ellipsis when cut.
    func prefixed(_ length: Int) -> String {
        count <= length ? self : String(prefix(length)) + "…"
    }
}
