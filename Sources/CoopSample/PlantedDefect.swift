import CoopDomain

/// A row an office got wrong, planted so the ingest must reject it: field values to overwrite on a
/// valid row, or a field dropped or added (wrong field count). Invariant: every defect breaks one
/// rule of CONTRACT §1.4, so the row is never accepted.
struct PlantedDefect: Sendable {
    enum Shape: Sendable { case replace, dropField, extraField }
    let shape: Shape
    let values: [(RegistryField, String)]

    init(_ values: [(RegistryField, String)]) {
        shape = .replace
        self.values = values
    }
    init(shape: Shape) {
        self.shape = shape
        values = []
    }

    /// The defects of each office file.
    static func defects(in file: OfficeFile) -> [PlantedDefect] {
        switch file {
        case .bureauFR:
            [
                PlantedDefect([(.registrationId, "")]),
                PlantedDefect([(.creationDate, "15/06/2003")]),
                PlantedDefect([(.region, "Atlantide"), (.province, "")]),
                PlantedDefect([(.region, "Souss-Massa-Drâa"), (.province, "")]),
                PlantedDefect([(.membersTotal, "douze")]),
                PlantedDefect([(.membersTotal, "8"), (.membersWomen, "11"), (.membersMen, "")]),
                PlantedDefect([(.membersTotal, "12"), (.membersWomen, "5"), (.membersMen, "9")]),
                PlantedDefect([(.capital, "-5 000,00 DH")]),
                PlantedDefect(shape: .dropField),
            ]
        case .bureauAR2010:
            [
                PlantedDefect([(.membersTotal, "-3"), (.membersWomen, ""), (.membersMen, "")]),
                PlantedDefect([(.creationDate, "31-02-2012")]),
                PlantedDefect([(.region, "جهة مكناس - تافيلالت"), (.province, "")]),
                PlantedDefect([(.registrationId, "")]),
                PlantedDefect(shape: .extraField),
                PlantedDefect([(.capital, "غير محدد")]),
            ]
        case .bureauAR2015:
            [
                PlantedDefect([(.creationDate, "٣١/٠٢/٢٠١٩")]),
                PlantedDefect([(.region, "أطلانتيس"), (.province, "")]),
                PlantedDefect([(.membersTotal, "10"), (.membersWomen, ""), (.membersMen, ""), (.membersYouth, "14")]),
                PlantedDefect([(.membersTotal, "9"), (.membersWomen, "12"), (.membersMen, "")]),
                PlantedDefect(shape: .dropField),
            ]
        case .exportEN:
            [
                PlantedDefect([(.creationDate, "2205-01-15")]),  // a typo for 2005: a date in the future
                PlantedDefect([(.creationDate, "72705")]),  // Excel serial of 2099-01-20: in the future
                PlantedDefect([(.membersTotal, "20"), (.membersWomen, "8"), (.membersMen, "10")]),
                PlantedDefect([(.membersTotal, "twelve")]),
                PlantedDefect([(.capital, "-1,500.00")]),
                PlantedDefect([(.registrationId, "")]),
                PlantedDefect([(.region, "Atlantide"), (.province, "")]),
            ]
        case .updates:
            [
                PlantedDefect([(.creationDate, "2205-03-01")]),  // in the future
                PlantedDefect([(.creationDate, "2004-12-31")]),
                PlantedDefect([(.region, "Atlantide"), (.province, "")]),
                PlantedDefect([(.membersTotal, "0"), (.membersWomen, "0"), (.membersMen, "0")]),
                PlantedDefect(shape: .dropField),
            ]
        }
    }

    /// `row` (a valid row of `file`) with this defect applied.
    func apply(to row: [String], in file: OfficeFile) -> [String] {
        let format = file.format
        var fields = row
        switch shape {
        case .replace:
            for (field, value) in values {
                if let column = format.column(field) { fields[column] = value }
            }
        case .dropField:
            if let column = format.column(.status) ?? format.column(.name) { fields.remove(at: column) }
        case .extraField:
            fields.insert("", at: min(2, fields.count))
        }
        return fields
    }

    /// Blank lines (empty, or only delimiters) planted in each file.
    static func blankLines(in file: OfficeFile) -> (empty: Int, delimitersOnly: Int) {
        switch file {
        case .bureauFR: (2, 1)
        case .bureauAR2010: (1, 0)
        case .bureauAR2015: (0, 1)
        case .exportEN: (1, 1)
        case .updates: (1, 0)
        }
    }
}
