import CoopDomain

/// The layout of one office file: its header (titles as the office writes them, and the field each
/// one is), delimiter, line end and encoding. Invariant: every title is an alias CONTRACT §1.2 or §5 lists.
struct OfficeFormat: Sendable {
    let header: [(title: String, field: RegistryField)]
    let delimiter: Character
    let lineEnd: String
    let encoding: TextEncoding

    func column(_ field: RegistryField) -> Int? { header.firstIndex { $0.field == field } }
}

extension OfficeFile {
    var format: OfficeFormat {
        switch self {
        case .bureauFR:
            OfficeFormat(
                header: [
                    ("N° d'agrément", .registrationId), ("Dénomination", .name), ("Date de création", .creationDate),
                    ("Région", .region), ("Province/Préfecture", .province), ("Commune", .commune),
                    ("Secteur d'activité", .sector), ("Nombre d'adhérents", .membersTotal), ("dont femmes", .membersWomen),
                    ("Hommes", .membersMen), ("Capital social", .capital), ("Statut", .status),
                ], delimiter: ";", lineEnd: "\r\n", encoding: .windows1252)
        case .bureauAR2010:
            OfficeFormat(
                header: [
                    ("رقم الاعتماد", .registrationId), ("التسمية", .name), ("تاريخ التأسيس", .creationDate), ("الجهة", .region),
                    ("العمالة أو الإقليم", .province), ("القطاع", .sector), ("عدد المنخرطين", .membersTotal),
                    ("عدد النساء", .membersWomen), ("عدد الرجال", .membersMen), ("رأس المال", .capital), ("الوضعية", .status),
                ], delimiter: ";", lineEnd: "\n", encoding: .windows1256)
        case .bureauAR2015:
            OfficeFormat(
                header: [
                    ("رقم الاعتماد", .registrationId), ("التسمية", .name), ("تاريخ التأسيس", .creationDate), ("الجهة", .region),
                    ("العمالة أو الإقليم", .province), ("الجماعة", .commune), ("القطاع", .sector), ("عدد المنخرطين", .membersTotal),
                    ("عدد النساء", .membersWomen), ("عدد الرجال", .membersMen), ("الشباب", .membersYouth), ("رأس المال", .capital),
                    ("الوضعية", .status), ("سلالية", .soulaliyate),
                ], delimiter: ",", lineEnd: "\n", encoding: .utf8BOM)
        case .exportEN:
            OfficeFormat(
                header: [
                    ("Registration ID", .registrationId), ("Name", .name), ("Creation date", .creationDate), ("Region", .region),
                    ("Province", .province), ("Sector", .sector), ("Members", .membersTotal), ("Women", .membersWomen),
                    ("Men", .membersMen), ("Youth", .membersYouth), ("Capital (MAD)", .capital), ("Soulaliyate", .soulaliyate),
                    ("Status", .status),
                ], delimiter: "\t", lineEnd: "\r\n", encoding: .utf16LEBOM)
        case .updates:
            OfficeFormat(
                header: [
                    ("registration_id", .registrationId), ("name", .name), ("creation_date", .creationDate), ("region", .region),
                    ("province", .province), ("commune", .commune), ("sector", .sector), ("members_total", .membersTotal),
                    ("members_women", .membersWomen), ("members_men", .membersMen), ("members_youth", .membersYouth),
                    ("capital_mad", .capital), ("status", .status), ("soulaliyate", .soulaliyate),
                ], delimiter: ",", lineEnd: "\n", encoding: .utf8)
        }
    }
}
