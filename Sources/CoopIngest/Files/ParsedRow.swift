import CoopDomain

/// The form in which a `RegistryParser` delivers each validated row: the whole record
/// (`RowOutcome`, for conflict listings and tests) or the String-free compact form
/// (`CompactOutcome`, for the ingest). Invariant: both forms of one row give the same verdict and
/// the same unknown sector, so the file's accounting does not depend on the form.
protocol ParsedRow {
    /// Validates `row` with `validator`.
    static func validating(_ row: CSVRow, with validator: inout RowValidator) -> Self
    /// True for a rejected row.
    var isRejected: Bool { get }
    /// The cleaned sector value of an accepted row whose sector is unknown.
    var unknownSector: String? { get }
}

extension RowOutcome: ParsedRow {
    static func validating(_ row: CSVRow, with validator: inout RowValidator) -> RowOutcome {
        validator.validate(row: row)
    }

    var isRejected: Bool {
        if case .rejected = self { return true }
        return false
    }

    var unknownSector: String? {
        if case .accepted(_, let unknown) = self { return unknown }
        return nil
    }
}

extension CompactOutcome: ParsedRow {
    /// The byte path; a row it does not accept goes through the String path, which gives the reject
    /// (or, should the two ever part, the String path's record in compact form).
    static func validating(_ row: CSVRow, with validator: inout RowValidator) -> CompactOutcome {
        if let accepted = validator.accepted(row: row) { return .accepted(accepted) }
        switch validator.validate(row: row) {
        case .rejected(let reject):
            return .rejected(reject)
        case .accepted(let record, let unknownSector):
            return .accepted(AcceptedRow(record, unknownSector: unknownSector, reference: validator.reference))
        }
    }

    var isRejected: Bool {
        if case .rejected = self { return true }
        return false
    }

    var unknownSector: String? {
        if case .accepted(let row) = self { return row.unknownSector }
        return nil
    }
}

extension RowValidator {
    /// `row` validated in the form `Outcome`.
    mutating func validated<Outcome: ParsedRow>(_ row: CSVRow) -> Outcome {
        Outcome.validating(row, with: &self)
    }
}
