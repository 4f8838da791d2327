import CoopDomain
import Foundation

/// Every word of the plain-text report in one language: labels, month names, number style and
/// short reasons for rejected rows. `{name}`-style placeholders are filled by `fill`.
/// Invariant: each language's instance has the same placeholders in each template and 12 months.
public struct ReportLabels: Sendable {
    // Number style
    public let groupingSeparator: String
    public let decimalMark: String
    /// Written after a percentage's number (`%` or ` %`).
    public let percentSign: String
    public let points: String

    // Dates and periods
    public let months: [String]
    /// The first day of a month as written (`1er` in French), nil to write `1`.
    public let firstDay: String?
    public let quarter: String
    public let yearSpan: String
    public let allYears: String

    // Title block
    public let title: String
    public let national: String
    public let regionScope: String
    public let onlySoulaliyate: String
    /// Between items of a list in running text (`, `; Arabic `، `).
    public let listSeparator: String
    public let dataAsOf: String
    public let producedBy: String

    // Headline
    public let headline: String
    public let versus: String
    public let since: String
    public let cooperativesCreated: String
    public let members: String
    public let women: String
    public let men: String
    public let genderNotReported: String
    public let womenShare: String
    public let womenCooperatives: String
    public let capital: String
    public let undefined: String

    // Rankings and breakdowns
    public let regionsRanked: String
    public let provincesRanked: String
    public let sectorsRanked: String
    public let rank: String
    public let region: String
    public let province: String
    public let sector: String
    public let cooperatives: String
    public let shareOfTotal: String
    public let membersHeader: String
    public let womenHeader: String
    public let menHeader: String
    public let notReported: String
    public let womenShareHeader: String
    public let womenCoopsHeader: String
    public let sectorsWithNone: String
    public let provinceNotReported: String
    public let womenByRegion: String
    public let womenByProvince: String
    public let total: String

    // Communities and youth
    public let communitiesAndYouth: String
    public let community: String
    public let soulaliyate: String
    public let otherCommunity: String
    public let youngMembers: String
    public let youthShare: String
    public let reportingCooperatives: String
    public let reportingMembers: String
    public let youthNote: String
    public let youthByRegion: String
    public let youthByProvince: String

    // Trend
    public let yearlyTrend: String
    public let year: String
    public let created: String
    public let cumulative: String

    // Data quality
    public let dataQuality: String
    public let qualitySummary: String
    public let file: String
    public let encoding: String
    public let delimiter: String
    public let rows: String
    public let accepted: String
    public let rejected: String
    public let duplicates: String
    public let tab: String
    public let rejectsByReason: String
    public let noRejects: String
    public let refusedFiles: String
    public let noRefusedFiles: String
    /// Heading and line templates for unknown columns and sectors (`{file}`, `{list}`).
    public let unknownNames: String
    public let unknownColumnsLine: String
    public let unknownSectorsLine: String
    /// Short reasons by `RejectReason.code`.
    public let reasons: [String: String]

    /// The labels of `language`.
    public static func of(_ language: Language) -> ReportLabels {
        switch language {
        case .en: english
        case .fr: french
        case .ar: arabic
        }
    }

    /// `template` with each `{key}` replaced by its value.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }

    /// The short reason for a reject code (the code itself when unknown).
    public func reason(_ code: String) -> String { reasons[code] ?? code }

    public static let english = ReportLabels(
        groupingSeparator: ",", decimalMark: ".", percentSign: "%", points: "{value} pts",
        months: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ],
        firstDay: nil, quarter: "{year} Q{index}", yearSpan: "{first}–{last}", allYears: "All years",
        title: "Cooperatives created in Morocco", national: "national", regionScope: "{name} region",
        onlySoulaliyate: "soulaliyate cooperatives only", listSeparator: ", ", dataAsOf: "Data as of {date}",
        producedBy: "Produced by coopstat {version}",
        headline: "Headline figures, {period}", versus: "vs {period}", since: "Since {start}",
        cooperativesCreated: "Cooperatives created", members: "Members", women: "women", men: "men",
        genderNotReported: "gender not reported", womenShare: "Women's share",
        womenCooperatives: "Women's cooperatives", capital: "Capital (MAD)", undefined: "—",
        regionsRanked: "Regions ranked by cooperatives created",
        provincesRanked: "Provinces ranked by cooperatives created",
        sectorsRanked: "Sectors ranked by cooperatives created",
        rank: "#", region: "Region", province: "Province", sector: "Sector", cooperatives: "Cooperatives",
        shareOfTotal: "% of total", membersHeader: "Members", womenHeader: "Women", menHeader: "Men",
        notReported: "Not reported", womenShareHeader: "Women's share", womenCoopsHeader: "Women's coops",
        sectorsWithNone: "Sectors with no cooperative created in the period: {count}",
        provinceNotReported: "Province not reported",
        womenByRegion: "Women by region", womenByProvince: "Women by province", total: "Total",
        communitiesAndYouth: "Soulaliyate communities and youth", community: "Community",
        soulaliyate: "Soulaliyate", otherCommunity: "Other", youngMembers: "Young members",
        youthShare: "Youth share", reportingCooperatives: "Coops reporting", reportingMembers: "Members reporting",
        youthNote: "Youth share over the cooperatives that report youth: {share} ({cooperatives} cooperatives, {members} members).",
        youthByRegion: "Youth by region", youthByProvince: "Youth by province",
        yearlyTrend: "Cooperatives created per year", year: "Year", created: "Created", cumulative: "Cumulative",
        dataQuality: "Data quality",
        qualitySummary:
            "Files read: {files}. Rows read: {rows}; accepted: {accepted}; rejected: {rejected}; duplicates: {duplicates} (with differing values: {conflicts}). Blank lines skipped: {blank}. Rows with an unknown sector, counted as Other: {unknown}.",
        file: "File", encoding: "Encoding", delimiter: "Delimiter", rows: "Rows", accepted: "Accepted",
        rejected: "Rejected", duplicates: "Duplicates", tab: "tab",
        rejectsByReason: "Rejected rows by reason", noRejects: "No row was rejected.",
        refusedFiles: "Refused files", noRefusedFiles: "No file was refused.",
        unknownNames: "Columns ignored and sectors counted as Other",
        unknownColumnsLine: "{file}: unknown columns ignored: {list}",
        unknownSectorsLine: "{file}: unknown sectors counted as Other: {list}",
        reasons: [
            "field_count": "wrong number of fields",
            "unterminated_quote": "quote never closed",
            "missing_registration_id": "registration id missing",
            "missing_date": "creation date missing",
            "invalid_date": "creation date is not a real date",
            "date_out_of_range": "creation date outside the analysed range",
            "date_in_future": "creation date in the future",
            "unknown_region": "unknown region",
            "unknown_province": "unknown province",
            "split_legacy_region_without_province": "1997 region split in 2015, province missing",
            "not_a_non_negative_integer": "member count is not a whole number, zero or more",
            "no_members": "no member count",
            "total_below_one": "members_total below 1",
            "exceeds_total": "women, men or youth exceed the total",
            "gender_sum_mismatch": "women + men differ from the total",
            "youth_out_of_range": "young members outside 0…total",
            "invalid_capital": "capital is not a number",
            "negative_capital": "negative capital",
            "count_too_large": "member count too large to be real",
            "capital_too_large": "capital too large to be real",
        ])

    public static let french = ReportLabels(
        groupingSeparator: " ", decimalMark: ",", percentSign: " %", points: "{value} pts",
        months: [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre",
        ],
        firstDay: "1er", quarter: "T{index} {year}", yearSpan: "{first}–{last}", allYears: "Toutes les années",
        title: "Coopératives créées au Maroc", national: "ensemble du territoire", regionScope: "région {name}",
        onlySoulaliyate: "coopératives soulaliyates uniquement", listSeparator: ", ", dataAsOf: "Données arrêtées au {date}",
        producedBy: "Produit par coopstat {version}",
        headline: "Chiffres clés, {period}", versus: "comparé à {period}", since: "Depuis {start}",
        cooperativesCreated: "Coopératives créées", members: "Adhérents", women: "femmes", men: "hommes",
        genderNotReported: "sexe non renseigné", womenShare: "Part des femmes",
        womenCooperatives: "Coopératives de femmes", capital: "Capital (MAD)", undefined: "—",
        regionsRanked: "Régions classées par coopératives créées",
        provincesRanked: "Provinces et préfectures classées par coopératives créées",
        sectorsRanked: "Secteurs classés par coopératives créées",
        rank: "#", region: "Région", province: "Province", sector: "Secteur", cooperatives: "Coopératives",
        shareOfTotal: "% du total", membersHeader: "Adhérents", womenHeader: "Femmes", menHeader: "Hommes",
        notReported: "Non renseigné", womenShareHeader: "Part des femmes", womenCoopsHeader: "Coop. de femmes",
        sectorsWithNone: "Secteurs sans coopérative créée sur la période : {count}",
        provinceNotReported: "Province non renseignée",
        womenByRegion: "Femmes par région", womenByProvince: "Femmes par province", total: "Total",
        communitiesAndYouth: "Communautés soulaliyates et jeunes", community: "Communauté",
        soulaliyate: "Soulaliyate", otherCommunity: "Autre", youngMembers: "Jeunes adhérents",
        youthShare: "Part des jeunes", reportingCooperatives: "Coop. déclarantes", reportingMembers: "Leurs adhérents",
        youthNote:
            "Part des jeunes parmi les coopératives qui déclarent leurs jeunes : {share} ({cooperatives} coopératives, {members} adhérents).",
        youthByRegion: "Jeunes par région", youthByProvince: "Jeunes par province",
        yearlyTrend: "Coopératives créées par année", year: "Année", created: "Créées", cumulative: "Cumul",
        dataQuality: "Qualité des données",
        qualitySummary:
            "Fichiers lus : {files}. Lignes lues : {rows} ; acceptées : {accepted} ; rejetées : {rejected} ; doublons : {duplicates} (aux valeurs divergentes : {conflicts}). Lignes vides ignorées : {blank}. Lignes au secteur inconnu, comptées dans Autres : {unknown}.",
        file: "Fichier", encoding: "Encodage", delimiter: "Séparateur", rows: "Lignes", accepted: "Acceptées",
        rejected: "Rejetées", duplicates: "Doublons", tab: "tabulation",
        rejectsByReason: "Lignes rejetées par motif", noRejects: "Aucune ligne n'a été rejetée.",
        refusedFiles: "Fichiers refusés", noRefusedFiles: "Aucun fichier n'a été refusé.",
        unknownNames: "Colonnes ignorées et secteurs comptés dans Autres",
        unknownColumnsLine: "{file} : colonnes inconnues ignorées : {list}",
        unknownSectorsLine: "{file} : secteurs inconnus comptés dans Autres : {list}",
        reasons: [
            "field_count": "nombre de champs incorrect",
            "unterminated_quote": "guillemet jamais fermé",
            "missing_registration_id": "numéro d'immatriculation manquant",
            "missing_date": "date de création manquante",
            "invalid_date": "date de création invalide",
            "date_out_of_range": "date de création hors de la période analysée",
            "date_in_future": "date de création dans le futur",
            "unknown_region": "région inconnue",
            "unknown_province": "province inconnue",
            "split_legacy_region_without_province": "région de 1997 scindée en 2015, province manquante",
            "not_a_non_negative_integer": "effectif non entier ou négatif",
            "no_members": "aucun effectif",
            "total_below_one": "effectif total inférieur à 1",
            "exceeds_total": "femmes, hommes ou jeunes dépassent le total",
            "gender_sum_mismatch": "femmes + hommes différent du total",
            "youth_out_of_range": "jeunes hors de 0…total",
            "invalid_capital": "capital non numérique",
            "negative_capital": "capital négatif",
            "count_too_large": "nombre de membres trop grand pour être réel",
            "capital_too_large": "capital trop grand pour être réel",
        ])

    public static let arabic = ReportLabels(
        groupingSeparator: ",", decimalMark: ".", percentSign: "%", points: "{value} نقطة",
        months: [
            "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر",
            "أكتوبر", "نونبر", "دجنبر",
        ],
        firstDay: nil, quarter: "الفصل {ordinal} من {year}", yearSpan: "{first}–{last}", allYears: "جميع السنوات",
        title: "التعاونيات المحدثة بالمغرب", national: "المستوى الوطني", regionScope: "جهة {name}",
        onlySoulaliyate: "التعاونيات السلالية فقط", listSeparator: "، ", dataAsOf: "البيانات إلى غاية {date}",
        producedBy: "من إعداد coopstat {version}",
        headline: "أهم الأرقام، {period}", versus: "مقابل {period}", since: "منذ {start}",
        cooperativesCreated: "التعاونيات المحدثة", members: "الأعضاء", women: "النساء", men: "الرجال",
        genderNotReported: "الجنس غير مصرح به", womenShare: "نسبة النساء",
        womenCooperatives: "التعاونيات النسائية", capital: "الرأسمال (درهم)", undefined: "—",
        regionsRanked: "ترتيب الجهات حسب عدد التعاونيات المحدثة",
        provincesRanked: "ترتيب الأقاليم والعمالات حسب عدد التعاونيات المحدثة",
        sectorsRanked: "ترتيب القطاعات حسب عدد التعاونيات المحدثة",
        rank: "#", region: "الجهة", province: "الإقليم", sector: "القطاع", cooperatives: "التعاونيات",
        shareOfTotal: "% من المجموع", membersHeader: "الأعضاء", womenHeader: "النساء", menHeader: "الرجال",
        notReported: "غير مصرح به", womenShareHeader: "نسبة النساء", womenCoopsHeader: "تعاونيات نسائية",
        sectorsWithNone: "قطاعات بدون أي تعاونية محدثة خلال الفترة: {count}",
        provinceNotReported: "إقليم غير مصرح به",
        womenByRegion: "النساء حسب الجهة", womenByProvince: "النساء حسب الإقليم", total: "المجموع",
        communitiesAndYouth: "الجماعات السلالية والشباب", community: "الانتماء لجماعة سلالية",
        soulaliyate: "سلالية", otherCommunity: "غير سلالية", youngMembers: "الأعضاء الشباب",
        youthShare: "نسبة الشباب", reportingCooperatives: "التعاونيات المصرحة", reportingMembers: "أعضاؤها",
        youthNote: "نسبة الشباب ضمن التعاونيات التي تصرح بعدد الشباب: {share} (عدد التعاونيات: {cooperatives}، عدد الأعضاء: {members}).",
        youthByRegion: "الشباب حسب الجهة", youthByProvince: "الشباب حسب الإقليم",
        yearlyTrend: "التعاونيات المحدثة حسب السنة", year: "السنة", created: "المحدثة", cumulative: "المجموع التراكمي",
        dataQuality: "جودة البيانات",
        qualitySummary:
            "عدد الملفات المقروءة: {files}؛ الأسطر: {rows}، المقبولة: {accepted}، المرفوضة: {rejected}، المكررة: {duplicates} (منها {conflicts} بقيم مختلفة)؛ الأسطر الفارغة المتجاهلة: {blank}؛ أسطر بقطاع غير معروف احتسبت ضمن قطاعات أخرى: {unknown}.",
        file: "الملف", encoding: "الترميز", delimiter: "الفاصل", rows: "الأسطر", accepted: "المقبولة",
        rejected: "المرفوضة", duplicates: "المكررة", tab: "جدولة",
        rejectsByReason: "الأسطر المرفوضة حسب السبب", noRejects: "لم يرفض أي سطر.",
        refusedFiles: "الملفات المرفوضة", noRefusedFiles: "لم يرفض أي ملف.",
        unknownNames: "أعمدة متجاهلة وقطاعات محسوبة ضمن قطاعات أخرى",
        unknownColumnsLine: "{file}: أعمدة غير معروفة تم تجاهلها: {list}",
        unknownSectorsLine: "{file}: قطاعات غير معروفة محسوبة ضمن قطاعات أخرى: {list}",
        reasons: [
            "field_count": "عدد الحقول غير صحيح",
            "unterminated_quote": "علامة تنصيص غير مغلقة",
            "missing_registration_id": "رقم التسجيل مفقود",
            "missing_date": "تاريخ الإحداث مفقود",
            "invalid_date": "تاريخ الإحداث غير صالح",
            "date_out_of_range": "تاريخ الإحداث خارج المدة المحللة",
            "date_in_future": "تاريخ الإحداث في المستقبل",
            "unknown_region": "جهة غير معروفة",
            "unknown_province": "إقليم غير معروف",
            "split_legacy_region_without_province": "جهة من تقسيم 1997 قسمت سنة 2015 دون ذكر الإقليم",
            "not_a_non_negative_integer": "عدد الأعضاء ليس عددا صحيحا موجبا",
            "no_members": "عدد الأعضاء غير موجود",
            "total_below_one": "مجموع الأعضاء أقل من 1",
            "exceeds_total": "عدد النساء أو الرجال أو الشباب يتجاوز المجموع",
            "gender_sum_mismatch": "النساء + الرجال لا يساوي المجموع",
            "youth_out_of_range": "عدد الشباب خارج المجال 0…المجموع",
            "invalid_capital": "الرأسمال ليس عددا",
            "negative_capital": "رأسمال سالب",
            "count_too_large": "عدد أعضاء أكبر من أن يكون حقيقيا",
            "capital_too_large": "رأسمال أكبر من أن يكون حقيقيا",
        ])
}
