import CoopDomain

/// The header spellings each registry field is recognised by (CONTRACT §1.2 and §5), in French,
/// Arabic and English. Invariant: no two fields share a folded alias.
public enum ColumnAliases {
    /// Aliases as written; matching folds them (`NameFolding.fold`).
    public static let table: [(RegistryField, [String])] = [
        (
            .registrationId,
            [
                "registration_id", "id", "N° d'agrément", "Numéro d'agrément", "N° d'immatriculation",
                "Numéro d'immatriculation", "N° agrément", "Nº d'agrément", "No d'agrément", "Nº d'immatriculation", "No d'immatriculation",
                "Numéro", "registration id", "registration number",
                "Registration No", "رقم الاعتماد", "رقم التسجيل", "رقم التعاونية",
            ]
        ),
        (
            .name,
            [
                "name", "Dénomination", "Nom de la coopérative", "Raison sociale", "Nom", "cooperative name",
                "Cooperative", "Coopérative", "اسم التعاونية", "التسمية", "الاسم",
            ]
        ),
        (
            .creationDate,
            [
                "creation_date", "Date de création", "Date d'agrément", "Date création", "creation date",
                "date created", "Date of creation", "Date", "تاريخ التأسيس", "تاريخ الاعتماد", "تاريخ الإحداث",
            ]
        ),
        (.region, ["region", "region_code", "Région", "Region code", "Code région", "الجهة", "رمز الجهة"]),
        (
            .province,
            [
                "province", "Province/Préfecture", "Préfecture", "Province ou préfecture", "Préfecture/Province",
                "province_prefecture", "Prefecture/Province", "الإقليم", "العمالة أو الإقليم", "العمالة",
                "الإقليم أو العمالة", "العمالة/الإقليم",
            ]
        ),
        (.commune, ["commune", "Commune", "Municipality", "الجماعة", "الجماعة الترابية"]),
        (
            .sector,
            [
                "sector", "sector_code", "Secteur", "Secteur d'activité", "Activité", "Branche", "Sector of activity",
                "القطاع", "قطاع النشاط",
            ]
        ),
        (
            .membersTotal,
            [
                "members_total", "members", "Nombre d'adhérents", "Adhérents", "Effectif", "Nombre de membres",
                "Total adhérents", "Total members", "number of members", "Members total", "عدد المنخرطين",
                "عدد الأعضاء", "مجموع المنخرطين",
            ]
        ),
        (
            .membersWomen,
            [
                "members_women", "women", "Femmes", "dont femmes", "Nombre de femmes", "Adhérentes",
                "female members", "Women members", "عدد النساء", "الإناث", "النساء",
            ]
        ),
        (
            .membersMen,
            [
                "members_men", "men", "Hommes", "Nombre d'hommes", "male members", "Men members",
                "عدد الرجال", "الذكور", "الرجال",
            ]
        ),
        (
            .membersYouth,
            [
                "members_youth", "youth", "Jeunes", "dont jeunes", "Nombre de jeunes", "Youth members",
                "الشباب", "عدد الشباب",
            ]
        ),
        (
            .capital,
            [
                "capital_mad", "capital", "Capital social", "Capital (DH)", "Capital (MAD)", "Capital en DH",
                "Capital DH", "Share capital", "رأس المال", "رأسمال",
            ]
        ),
        (.status, ["status", "Statut", "Situation", "État", "Etat", "الوضعية", "الحالة"]),
        (
            .soulaliyate,
            [
                "soulaliyate", "soulalia", "sulaliyate", "soulalyate", "collectivité ethnique",
                "communauté soulaliyate", "coopérative soulaliyate", "soulaliyate cooperative",
                "سلالية", "الجماعة السلالية", "تعاونية سلالية", "السلالية",
            ]
        ),
    ]

    /// Folded alias → field.
    public static let byKey: [String: RegistryField] = {
        var map: [String: RegistryField] = [:]
        for (field, aliases) in table {
            for alias in aliases { map[NameFolding.fold(alias)] = field }
        }
        return map
    }()

    /// The field a header cell names, or nil for an unknown column.
    public static func field(forHeader header: String) -> RegistryField? {
        byKey[NameFolding.fold(header)]
    }

    /// How many cells of a header line name a known field (used to choose an encoding).
    public static func score(headerLine: String, delimiters: [Character] = [",", ";", "\t", "|"]) -> Int {
        var best = 0
        for delimiter in delimiters {
            let cells = headerLine.split(separator: delimiter, omittingEmptySubsequences: false)
            let known = cells.filter { field(forHeader: String($0).replacingOccurrences(of: "\"", with: "")) != nil }.count
            best = max(best, known)
        }
        return best
    }
}
