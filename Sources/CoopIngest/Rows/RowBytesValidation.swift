import CoopDomain

extension RowValidator {
    /// The row validated on its bytes, String-free: values read by the byte parsers, text cleaned
    /// and hashed on the bytes, names resolved through the raw-byte memo. The row's bytes must be
    /// UTF-8 (as `UTF8Transcoder` delivers them). Returns nil when the row is rejected: rejects are
    /// rare, and `validate(row:)` then gives the reject with its exact value and message.
    /// Invariant: a row accepted here is accepted by `validate(row:)`, with an equal `AcceptedRow`.
    mutating func accepted(row: CSVRow) -> AcceptedRow? {
        guard !row.unterminatedQuote, row.count == layout.columnCount else { return nil }
        return row.bytes.withUnsafeBufferPointer { bytes in
            row.ends.withUnsafeBufferPointer { ends in accepted(RowBytes(bytes: bytes, ends: ends)) }
        }
    }

    private mutating func accepted(_ row: RowBytes) -> AcceptedRow? {
        func raw(_ field: RegistryField) -> UnsafeBufferPointer<UInt8> { row[layout[field] ?? -1] }

        let key: RegistryKey? = TextCleaner.withClean(raw(.registrationId)) { id in
            if id.isEmpty { return nil }
            if Self.isASCII(id) { return RegistryKey(lowercasingASCII: id) }
            return RegistryKey(registrationId: String(decoding: id, as: UTF8.self))
        }
        guard let key else { return nil }
        guard let date = TextCleaner.withClean(raw(.creationDate), { DateParser.parse(utf8: $0) }),
            range.rejection(of: date) == nil
        else { return nil }

        let province = rawNames.province(raw(.province))
        let region: Int8
        if province.index >= 0 {
            region = province.region
        } else {
            region = rawNames.region(raw(.region))
            guard region >= 0 else { return nil }
        }

        // Counts: -1 for an empty cell; any count that is not one rejects the row.
        let given = (
            total: Self.count(raw(.membersTotal)), women: Self.count(raw(.membersWomen)),
            men: Self.count(raw(.membersMen)), youth: Self.count(raw(.membersYouth))
        )
        guard let givenTotal = given.total, let givenWomen = given.women, let givenMen = given.men, let youth = given.youth
        else { return nil }
        let total: Int
        if givenTotal >= 0 {
            total = givenTotal
        } else if givenWomen >= 0 && givenMen >= 0 {
            total = givenWomen + givenMen
        } else {
            return nil
        }
        guard total >= 1, total <= Self.largestCount, givenWomen <= total, givenMen <= total, youth <= total else { return nil }
        if givenWomen >= 0 && givenMen >= 0 && givenWomen + givenMen != total { return nil }
        let women = givenWomen >= 0 ? givenWomen : givenMen >= 0 ? total - givenMen : -1

        let capital: Int64
        switch CapitalParser.parse(utf8: raw(.capital)) {
        case .empty: capital = Int64.min
        case .cents(let cents) where cents >= 0: capital = cents
        case .cents, .invalid, .tooLarge: return nil
        }

        let sector = rawNames.sector(raw(.sector))
        let soulaliyate = YesNoParser.parse(utf8: raw(.soulaliyate)).flag
        let name = Self.textHash(raw(.name))
        let commune = Self.textHash(raw(.commune))
        let status = Self.textHash(raw(.status))

        let reported = Self.reported(
            name: name.given, province: province.named, commune: commune.given, sector: sector.named,
            counts: (givenTotal >= 0, givenWomen >= 0, givenMen >= 0, youth >= 0), capital: capital != Int64.min,
            status: status.given, soulaliyate: soulaliyate != nil)
        return AcceptedRow(
            key: key, creation: date, capital: capital, total: Int32(total), women: Int32(women), youth: Int32(youth),
            text: (name.hash, commune.hash, status.hash), place: (region, province.index), sector: sector.index,
            soulaliyate: soulaliyate, reported: reported, unknownSector: sector.unknown)
    }

    /// A member count cell: its value, -1 when empty, nil when it is not a count the contract keeps.
    private static func count(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        switch CountParser.parse(utf8: raw) {
        case .empty: -1
        case .value(let value): value
        case .invalid, .tooLarge: nil
        }
    }

    /// The `TextHash` of the cleaned cell, and whether the cleaned cell is not empty.
    private static func textHash(_ raw: UnsafeBufferPointer<UInt8>) -> (hash: UInt32, given: Bool) {
        var hash = TextHash.seed
        if TextCleaner.isClean(raw, visiting: { hash = TextHash.adding($0, to: hash) }) { return (hash, !raw.isEmpty) }
        return TextCleaner.withClean(raw) { (TextHash.of(bytes: $0), !$0.isEmpty) }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }
}

/// The fields of a scanned row as byte buffers, without copying. Invariant: `ends` is
/// non-decreasing and its last value is at most `bytes.count` (as `CSVRow` keeps them).
struct RowBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    /// Field `column`'s bytes; empty when `column` is out of range (a column the file lacks is -1).
    @inline(__always)
    subscript(column: Int) -> UnsafeBufferPointer<UInt8> {
        guard column >= 0 && column < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = column == 0 ? 0 : ends[column - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[column]])
    }
}
