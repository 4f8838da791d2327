import CoopDomain

/// Every word of the workbook in one language that the text report's `ReportLabels` does not
/// already have: sheet names, column headers, titles, one-line descriptions and chart titles.
/// Invariant: sheet names are valid Excel names (≤ 31 characters, none of `[]:*?/\`), unique within
/// a language; headers contain none of `[]#'` (they appear inside structured references).
public struct WorkbookLabels: Sendable {
    /// Sheet name by key: a table's NAME, or `summary`, `matrix`, `province_matrix`, a grid key, `notes`, `about`, `data_quality`.
    public let sheets: [String: String]
    /// Column header by contract key (a key without an entry is shown as written).
    public let headers: [String: String]
    /// Sheet title by key (as `sheets`); `{period}` and `{span}` are filled in.
    public let titles: [String: String]
    /// One line under each title, saying what the table holds and how it is counted.
    public let descriptions: [String: String]
    /// Chart titles by chart key; `{period}`, `{start}`, `{count}` are filled in.
    public let charts: [String: String]
    /// Everything else, by key.
    public let words: [String: String]

    /// The labels of `language`.
    public static func of(_ language: Language) -> WorkbookLabels {
        switch language {
        case .en: english
        case .fr: french
        case .ar: arabic
        }
    }

    public func sheet(_ key: String) -> String { sheets[key] ?? key }
    /// The header of `key`, with the characters Excel's structured references reserve replaced.
    public func header(_ key: String) -> String { Self.safeHeader(headers[key] ?? key) }
    public func title(_ key: String) -> String { titles[key] ?? key }
    public func description(_ key: String) -> String { descriptions[key] ?? "" }
    public func chart(_ key: String) -> String { charts[key] ?? key }
    public func word(_ key: String) -> String { words[key] ?? key }

    /// `text` usable as a table header: `'` becomes `’`, `[`/`]` become `(`/`)`, `#` becomes `No.`.
    public static func safeHeader(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "'": out.append("’")
            case "[": out.append("(")
            case "]": out.append(")")
            case "#": out.append("No.")
            default: out.append(ch)
            }
        }
        return out
    }

    /// Keys of the sheets in workbook order (tables in contract order between Summary and About).
    public static let sheetOrder = [
        "summary", "by_region", "by_province", "province_sector", "province_matrix", "by_sector", "by_gender",
        "region_sector", "matrix", "yearly", "year_region", "year_province", "quarterly", "quarter_region",
        "quarter_province", "comparison", "by_community", "youth_by_region", "youth_by_province", "notes", "about",
        "data_quality",
    ]

    public static let english = WorkbookLabels(
        sheets: [
            "province_sector": "Province x sector", "province_matrix": "Sector-province matrix", "year_province": "Year x province",
            "quarter_province": "Quarter x province", "youth_by_province": "Youth by province",
            "summary": "Summary", "by_region": "By region", "by_province": "By province", "by_sector": "By sector",
            "by_gender": "By gender", "region_sector": "Region x sector", "matrix": "Sector-region matrix",
            "year_region": "Year x region", "quarter_region": "Quarter x region",
            "yearly": "Per year", "quarterly": "Per quarter", "comparison": "Comparison", "by_community": "By community",
            "youth_by_region": "Youth by region", "notes": "Notes", "about": "About", "data_quality": "Data quality",
        ],
        headers: [
            "region_code": "Region code", "region": "Region", "province": "Province", "sector_code": "Sector code",
            "sector": "Sector", "gender": "Gender", "members": "Members", "cooperatives": "Cooperatives",
            "members_total": "Members", "members_women": "Women", "members_men": "Men",
            "members_gender_unknown": "Gender not reported", "women_share": "Women’s share",
            "women_cooperatives": "Women’s cooperatives", "capital_mad": "Capital (MAD)", "year": "Year",
            "quarter": "Quarter", "cumulative_cooperatives": "Cumulative cooperatives", "period": "Period",
            "file": "File", "encoding": "Encoding", "delimiter": "Delimiter", "rows_read": "Rows read",
            "accepted": "Accepted", "rejected": "Rejected", "duplicates": "Duplicates",
            "duplicate_conflicts": "Conflicting duplicates", "unknown_sector": "Unknown sector",
            "skipped_blank": "Blank lines skipped", "community": "Community", "members_youth": "Young members",
            "cooperatives_reporting": "Coops reporting youth", "members_total_reporting": "Members of reporting coops",
            "youth_share": "Youth share", "total": "Total", "line": "Line", "registration_id": "Registration id",
            "field": "Field", "value": "Value", "reason": "Reason", "detail": "Detail", "reason_code": "Reason code",
            "count": "Rows", "replaced_file": "Replaced: file", "replaced_line": "Replaced: line", "kept_file": "Kept: file",
            "kept_line": "Kept: line", "differing_fields": "Differing fields", "replaced_values": "Replaced values",
            "kept_values": "Kept values", "size_bytes": "Size (bytes)", "sha256": "SHA-256", "option": "Option",
            "setting": "Value", "indicator": "Indicator", "change": "Change",
        ],
        titles: [
            "province_sector": "Province × sector, {period}", "province_matrix": "Cooperatives created by sector and province, {period}",
            "year_province": "Cooperatives created per year and province, {span}",
            "quarter_province": "Cooperatives created per quarter and province, {span}",
            "youth_by_province": "Young members by province, {period}",
            "by_region": "Cooperatives created by region, {period}", "by_province": "Cooperatives created by province, {period}",
            "by_sector": "Cooperatives created by sector, {period}", "by_gender": "Members by region and gender, {period}",
            "region_sector": "Region × sector, {period}", "matrix": "Cooperatives created by sector and region, {period}",
            "year_region": "Cooperatives created per year and region, {span}",
            "quarter_region": "Cooperatives created per quarter and region, {span}",
            "yearly": "Cooperatives created per year, {span}", "quarterly": "Cooperatives created per quarter, {span}",
            "comparison": "The period compared", "by_community": "Soulaliyate communities, {period}",
            "youth_by_region": "Young members by region, {period}", "about": "About this workbook",
            "data_quality": "Data quality",
        ],
        descriptions: [
            "province_sector":
                "Every province × sector pair with at least one cooperative created in the period; an empty province (shown as Province not reported) holds the region’s cooperatives whose province is not reported.",
            "province_matrix":
                "Cooperatives created in the period: sectors down, provinces across, Province not reported last (a copy of the Province x sector table, coloured low to high).",
            "year_province":
                "Cooperatives created each year, one column per province of the region (Province not reported last), for charts and pivoting.",
            "quarter_province":
                "Cooperatives created each quarter, one column per province of the region (Province not reported last), for charts and pivoting.",
            "youth_by_province":
                "Youth share over the cooperatives that report their young members, by province (Province not reported last).",
            "by_region":
                "One row per 2015 region (all 12, code order); members and capital of the cooperatives created in the period; women’s share = women / (women + men) where gender is reported.",
            "by_province": "Provinces and prefectures with at least one cooperative created in the period, by region.",
            "by_sector": "Every sector of the taxonomy, Other last; cooperatives created in the period.",
            "by_gender":
                "Long form: one row per region and gender (women, men, not reported) of the members of cooperatives created in the period.",
            "region_sector": "Every region × sector pair (codes); cooperatives created in the period and their members.",
            "matrix":
                "Cooperatives created in the period: sectors down, regions across (a copy of the Region x sector table, coloured low to high).",
            "year_region": "Cooperatives created each year, one column per region, for charts and pivoting.",
            "quarter_region": "Cooperatives created each quarter, one column per region, for charts and pivoting.",
            "yearly": "Cooperatives created each year from the range start, with the cumulative count.",
            "quarterly": "Cooperatives created each quarter from the range start, with the cumulative count.",
            "comparison": "The period, then the previous quarter and the same quarter a year earlier (or the previous year).",
            "by_community": "Soulaliyate (collective-land) cooperatives, others, and those that do not say; young members where reported.",
            "youth_by_region": "Youth share over the cooperatives that report their young members.",
            "data_quality": "Rows read per input file and what became of them; the Total row adds them up.",
        ],
        charts: [
            "youth_share_province": "Youth share of members by province (cooperatives reporting youth), {period}",
            "yearly": "Cooperatives created per year", "cumulative": "Cumulative cooperatives since {start}",
            "quarterly": "Cooperatives created per quarter (last {count} quarters)",
            "by_region": "Cooperatives created by region, {period}", "by_province": "Cooperatives created by province, {period}",
            "women_share_region": "Women’s share of members by region, {period}",
            "women_share_province": "Women’s share of members by province, {period}",
            "youth_share_region": "Youth share of members by region (cooperatives reporting youth), {period}",
            "women_men_region": "Women and men members by region, {period}",
            "women_men_province": "Women and men members by province, {period}",
            "sectors": "Cooperatives created by sector, {period}",
        ],
        words: [
            "period": "Period", "data_as_of": "Data as of", "scope": "Scope", "pts": " pts",
            "about_what":
                "This workbook is produced by coopstat from the registries of cooperatives listed below. Every table is also written as tables/NAME.csv with the same columns and values; rejected rows are listed in rejects.csv.",
            "about_inputs": "Input files", "about_options": "Options of the run", "version": "coopstat version",
            "range": "Analysed range", "regenerate": "Regenerate with", "generated": "Produced by coopstat {version}",
            "rejects_first": "Rejected rows (first {count})", "rejects_more": "… {count} more in rejects.csv",
            "conflicts": "Duplicates with differing values (the later row wins)", "no_conflicts": "No duplicate with differing values.",
            "conflicts_more": "… {count} more conflicting duplicates", "refused": "Refused: {reason}",
            "empty": "(no row)", "headline": "Headline figures", "language": "Language",
            "quality_scope":
                "The input files hold every region: the counts above cover all regions. Accepted in the scope of this report ({scope}): {accepted}.",
            "chart_data": "Chart data (sorted)", "other_sectors": "Other sectors", "coverage": "Coverage",
            "coverage_youth": "Cooperatives reporting youth: {count} of {total} ({share})",
            "coverage_soulaliyate": "Cooperatives reporting whether they are soulaliyate: {count} of {total} ({share})",
            "soulaliyate_cooperatives": "Soulaliyate cooperatives", "change_yearly": "Change on the year before",
            "change_quarterly": "Change on the same quarter a year earlier", "sectors_none": "Sectors with no cooperative ({count})",
        ])

    public static let french = WorkbookLabels(
        sheets: [
            "province_sector": "Province x secteur", "province_matrix": "Matrice secteur-province", "year_province": "Année x province",
            "quarter_province": "Trimestre x province", "youth_by_province": "Jeunes par province",
            "summary": "Synthèse", "by_region": "Par région", "by_province": "Par province", "by_sector": "Par secteur",
            "by_gender": "Par sexe", "region_sector": "Région x secteur", "matrix": "Matrice secteur-région",
            "year_region": "Année x région", "quarter_region": "Trimestre x région",
            "yearly": "Par année", "quarterly": "Par trimestre", "comparison": "Comparaison", "by_community": "Par communauté",
            "youth_by_region": "Jeunes par région", "notes": "Notes", "about": "À propos", "data_quality": "Qualité des données",
        ],
        headers: [
            "region_code": "Code région", "region": "Région", "province": "Province", "sector_code": "Code secteur",
            "sector": "Secteur", "gender": "Sexe", "members": "Adhérents", "cooperatives": "Coopératives",
            "members_total": "Adhérents", "members_women": "Femmes", "members_men": "Hommes",
            "members_gender_unknown": "Sexe non renseigné", "women_share": "Part des femmes",
            "women_cooperatives": "Coopératives de femmes", "capital_mad": "Capital (MAD)", "year": "Année",
            "quarter": "Trimestre", "cumulative_cooperatives": "Cumul des coopératives", "period": "Période",
            "file": "Fichier", "encoding": "Encodage", "delimiter": "Séparateur", "rows_read": "Lignes lues",
            "accepted": "Acceptées", "rejected": "Rejetées", "duplicates": "Doublons",
            "duplicate_conflicts": "Doublons divergents", "unknown_sector": "Secteur inconnu",
            "skipped_blank": "Lignes vides ignorées", "community": "Communauté", "members_youth": "Jeunes adhérents",
            "cooperatives_reporting": "Coop. déclarant les jeunes", "members_total_reporting": "Adhérents des coop. déclarantes",
            "youth_share": "Part des jeunes", "total": "Total", "line": "Ligne", "registration_id": "Immatriculation",
            "field": "Champ", "value": "Valeur", "reason": "Motif", "detail": "Détail", "reason_code": "Code du motif",
            "count": "Lignes", "replaced_file": "Remplacée : fichier", "replaced_line": "Remplacée : ligne",
            "kept_file": "Retenue : fichier", "kept_line": "Retenue : ligne", "differing_fields": "Champs divergents",
            "replaced_values": "Valeurs remplacées", "kept_values": "Valeurs retenues", "size_bytes": "Taille (octets)",
            "sha256": "SHA-256", "option": "Option", "setting": "Valeur", "indicator": "Indicateur", "change": "Évolution",
        ],
        titles: [
            "province_sector": "Province × secteur, {period}",
            "province_matrix": "Coopératives créées par secteur et par province, {period}",
            "year_province": "Coopératives créées par année et par province, {span}",
            "quarter_province": "Coopératives créées par trimestre et par province, {span}",
            "youth_by_province": "Jeunes adhérents par province, {period}",
            "by_region": "Coopératives créées par région, {period}", "by_province": "Coopératives créées par province, {period}",
            "by_sector": "Coopératives créées par secteur, {period}", "by_gender": "Adhérents par région et par sexe, {period}",
            "region_sector": "Région × secteur, {period}", "matrix": "Coopératives créées par secteur et par région, {period}",
            "year_region": "Coopératives créées par année et par région, {span}",
            "quarter_region": "Coopératives créées par trimestre et par région, {span}",
            "yearly": "Coopératives créées par année, {span}", "quarterly": "Coopératives créées par trimestre, {span}",
            "comparison": "La période comparée", "by_community": "Communautés soulaliyates, {period}",
            "youth_by_region": "Jeunes adhérents par région, {period}", "about": "À propos de ce classeur",
            "data_quality": "Qualité des données",
        ],
        descriptions: [
            "province_sector":
                "Chaque couple province × secteur ayant au moins une coopérative créée sur la période ; « Province non renseignée » regroupe les coopératives de la région dont la province n’est pas renseignée.",
            "province_matrix":
                "Coopératives créées sur la période : secteurs en lignes, provinces en colonnes, Province non renseignée en dernier (copie de la table Province x secteur, colorée du plus bas au plus haut).",
            "year_province":
                "Coopératives créées chaque année, une colonne par province de la région (Province non renseignée en dernier), pour les graphiques et les croisements.",
            "quarter_province":
                "Coopératives créées chaque trimestre, une colonne par province de la région (Province non renseignée en dernier), pour les graphiques et les croisements.",
            "youth_by_province":
                "Part des jeunes parmi les coopératives qui déclarent leurs jeunes adhérents, par province (Province non renseignée en dernier).",
            "by_region":
                "Une ligne par région de 2015 (les 12, dans l’ordre des codes) ; adhérents et capital des coopératives créées sur la période ; part des femmes = femmes / (femmes + hommes) là où le sexe est renseigné.",
            "by_province": "Provinces et préfectures ayant au moins une coopérative créée sur la période, par région.",
            "by_sector": "Tous les secteurs de la nomenclature, Autres en dernier ; coopératives créées sur la période.",
            "by_gender":
                "Format long : une ligne par région et par sexe (femmes, hommes, non renseigné) des adhérents des coopératives créées sur la période.",
            "region_sector": "Chaque couple région × secteur (codes) ; coopératives créées sur la période et leurs adhérents.",
            "matrix":
                "Coopératives créées sur la période : secteurs en lignes, régions en colonnes (copie de la table Région x secteur, colorée du plus bas au plus haut).",
            "year_region": "Coopératives créées chaque année, une colonne par région, pour les graphiques et les croisements.",
            "quarter_region": "Coopératives créées chaque trimestre, une colonne par région, pour les graphiques et les croisements.",
            "yearly": "Coopératives créées chaque année depuis le début de la plage, avec le cumul.",
            "quarterly": "Coopératives créées chaque trimestre depuis le début de la plage, avec le cumul.",
            "comparison": "La période, puis le trimestre précédent et le même trimestre un an plus tôt (ou l’année précédente).",
            "by_community":
                "Coopératives soulaliyates (terres collectives), autres, et non renseignées ; jeunes adhérents là où ils sont déclarés.",
            "youth_by_region": "Part des jeunes parmi les coopératives qui déclarent leurs jeunes adhérents.",
            "data_quality": "Lignes lues par fichier et ce qu’elles sont devenues ; la ligne Total en fait la somme.",
        ],
        charts: [
            "youth_share_province": "Part des jeunes parmi les adhérents par province (coopératives déclarant les jeunes), {period}",
            "yearly": "Coopératives créées par année", "cumulative": "Cumul des coopératives depuis {start}",
            "quarterly": "Coopératives créées par trimestre ({count} derniers trimestres)",
            "by_region": "Coopératives créées par région, {period}", "by_province": "Coopératives créées par province, {period}",
            "women_share_region": "Part des femmes parmi les adhérents par région, {period}",
            "women_share_province": "Part des femmes parmi les adhérents par province, {period}",
            "youth_share_region": "Part des jeunes parmi les adhérents par région (coopératives renseignant les jeunes), {period}",
            "women_men_region": "Adhérentes et adhérents par région, {period}",
            "women_men_province": "Adhérentes et adhérents par province, {period}",
            "sectors": "Coopératives créées par secteur, {period}",
        ],
        words: [
            "period": "Période", "data_as_of": "Données arrêtées au", "scope": "Champ", "pts": " pts",
            "about_what":
                "Ce classeur est produit par coopstat à partir des registres des coopératives listés ci-dessous. Chaque table est aussi écrite dans tables/NOM.csv avec les mêmes colonnes et valeurs ; les lignes rejetées sont dans rejects.csv.",
            "about_inputs": "Fichiers lus", "about_options": "Options de l’exécution", "version": "Version de coopstat",
            "range": "Plage analysée", "regenerate": "Pour le reproduire", "generated": "Produit par coopstat {version}",
            "rejects_first": "Lignes rejetées ({count} premières)", "rejects_more": "… {count} autres dans rejects.csv",
            "conflicts": "Doublons aux valeurs divergentes (la dernière ligne l’emporte)",
            "no_conflicts": "Aucun doublon aux valeurs divergentes.", "conflicts_more": "… {count} autres doublons divergents",
            "refused": "Refusé : {reason}",
            "quality_scope":
                "Les fichiers lus couvrent toutes les régions : les comptes ci-dessus portent sur toutes les régions. Acceptées dans le champ de ce rapport ({scope}) : {accepted}.",
            "empty": "(aucune ligne)", "headline": "Chiffres clés", "language": "Langue",
            "chart_data": "Données du graphique (triées)", "other_sectors": "Autres secteurs", "coverage": "Couverture",
            "coverage_youth": "Coopératives déclarant leurs jeunes : {count} sur {total} ({share})",
            "coverage_soulaliyate": "Coopératives disant si elles sont soulaliyates : {count} sur {total} ({share})",
            "soulaliyate_cooperatives": "Coopératives soulaliyates", "change_yearly": "Évolution sur l’année précédente",
            "change_quarterly": "Évolution sur le même trimestre un an plus tôt", "sectors_none": "Secteurs sans coopérative ({count})",
        ])

    public static let arabic = WorkbookLabels(
        sheets: [
            "province_sector": "الإقليم × القطاع", "province_matrix": "مصفوفة القطاعات والأقاليم", "year_province": "السنة × الإقليم",
            "quarter_province": "الفصل × الإقليم", "youth_by_province": "الشباب حسب الإقليم",
            "summary": "ملخص", "by_region": "حسب الجهة", "by_province": "حسب الإقليم", "by_sector": "حسب القطاع",
            "by_gender": "حسب الجنس", "region_sector": "الجهة × القطاع", "matrix": "مصفوفة القطاعات والجهات",
            "year_region": "السنة × الجهة", "quarter_region": "الفصل × الجهة",
            "yearly": "حسب السنة", "quarterly": "حسب الفصل", "comparison": "مقارنة", "by_community": "الجماعات السلالية",
            "youth_by_region": "الشباب حسب الجهة", "notes": "ملاحظات", "about": "حول المصنف", "data_quality": "جودة البيانات",
        ],
        headers: [
            "region_code": "رمز الجهة", "region": "الجهة", "province": "الإقليم", "sector_code": "رمز القطاع",
            "sector": "القطاع", "gender": "الجنس", "members": "الأعضاء", "cooperatives": "التعاونيات",
            "members_total": "الأعضاء", "members_women": "النساء", "members_men": "الرجال",
            "members_gender_unknown": "الجنس غير مصرح به", "women_share": "نسبة النساء",
            "women_cooperatives": "التعاونيات النسائية", "capital_mad": "الرأسمال (درهم)", "year": "السنة",
            "quarter": "الفصل", "cumulative_cooperatives": "المجموع التراكمي", "period": "الفترة",
            "file": "الملف", "encoding": "الترميز", "delimiter": "الفاصل", "rows_read": "الأسطر المقروءة",
            "accepted": "المقبولة", "rejected": "المرفوضة", "duplicates": "المكررة",
            "duplicate_conflicts": "مكررة بقيم مختلفة", "unknown_sector": "قطاع غير معروف",
            "skipped_blank": "أسطر فارغة متجاهلة", "community": "الانتماء لجماعة سلالية", "members_youth": "الأعضاء الشباب",
            "cooperatives_reporting": "التعاونيات المصرحة بالشباب", "members_total_reporting": "أعضاء التعاونيات المصرحة",
            "youth_share": "نسبة الشباب", "total": "المجموع", "line": "السطر", "registration_id": "رقم التسجيل",
            "field": "الحقل", "value": "القيمة", "reason": "السبب", "detail": "التفاصيل", "reason_code": "رمز السبب",
            "count": "الأسطر", "replaced_file": "المعوض: الملف", "replaced_line": "المعوض: السطر",
            "kept_file": "المحتفظ به: الملف", "kept_line": "المحتفظ به: السطر", "differing_fields": "الحقول المختلفة",
            "replaced_values": "القيم المعوضة", "kept_values": "القيم المحتفظ بها", "size_bytes": "الحجم (بايت)",
            "sha256": "SHA-256", "option": "الخيار", "setting": "القيمة", "indicator": "المؤشر", "change": "التطور",
        ],
        titles: [
            "province_sector": "العمالة أو الإقليم × القطاع، {period}",
            "province_matrix": "التعاونيات المحدثة حسب القطاع والعمالة أو الإقليم، {period}",
            "year_province": "التعاونيات المحدثة حسب السنة والعمالة أو الإقليم، {span}",
            "quarter_province": "التعاونيات المحدثة حسب الفصل والعمالة أو الإقليم، {span}",
            "youth_by_province": "الأعضاء الشباب حسب العمالة أو الإقليم، {period}",
            "by_region": "التعاونيات المحدثة حسب الجهة، {period}", "by_province": "التعاونيات المحدثة حسب الإقليم، {period}",
            "by_sector": "التعاونيات المحدثة حسب القطاع، {period}", "by_gender": "الأعضاء حسب الجهة والجنس، {period}",
            "region_sector": "الجهة × القطاع، {period}", "matrix": "التعاونيات المحدثة حسب القطاع والجهة، {period}",
            "year_region": "التعاونيات المحدثة حسب السنة والجهة، {span}",
            "quarter_region": "التعاونيات المحدثة حسب الفصل والجهة، {span}",
            "yearly": "التعاونيات المحدثة حسب السنة، {span}", "quarterly": "التعاونيات المحدثة حسب الفصل، {span}",
            "comparison": "مقارنة الفترة", "by_community": "الجماعات السلالية، {period}",
            "youth_by_region": "الأعضاء الشباب حسب الجهة، {period}", "about": "حول هذا المصنف",
            "data_quality": "جودة البيانات",
        ],
        descriptions: [
            "province_sector":
                "كل زوج عمالة أو إقليم × قطاع أحدثت به تعاونية واحدة على الأقل خلال الفترة؛ «إقليم غير مصرح به» يضم تعاونيات الجهة التي لم يصرح بإقليمها.",
            "province_matrix":
                "التعاونيات المحدثة خلال الفترة: القطاعات في الأسطر والعمالات والأقاليم في الأعمدة، و«إقليم غير مصرح به» في الأخير (نسخة من جدول الإقليم × القطاع، ملونة من الأدنى إلى الأعلى).",
            "year_province":
                "التعاونيات المحدثة كل سنة، عمود لكل عمالة أو إقليم من الجهة (و«إقليم غير مصرح به» في الأخير)، للرسوم البيانية والجداول المحورية.",
            "quarter_province":
                "التعاونيات المحدثة كل فصل، عمود لكل عمالة أو إقليم من الجهة (و«إقليم غير مصرح به» في الأخير)، للرسوم البيانية والجداول المحورية.",
            "youth_by_province":
                "نسبة الشباب ضمن التعاونيات التي تصرح بعدد أعضائها الشباب، حسب العمالة أو الإقليم (و«إقليم غير مصرح به» في الأخير).",
            "by_region":
                "سطر لكل جهة من جهات 2015 (الاثنتا عشرة، حسب الرمز)؛ أعضاء ورأسمال التعاونيات المحدثة خلال الفترة؛ نسبة النساء = النساء / (النساء + الرجال) حيث يصرح بالجنس.",
            "by_province": "الأقاليم والعمالات التي أحدثت بها تعاونية واحدة على الأقل خلال الفترة، حسب الجهة.",
            "by_sector": "جميع قطاعات التصنيف، وقطاعات أخرى في الأخير؛ التعاونيات المحدثة خلال الفترة.",
            "by_gender": "شكل طويل: سطر لكل جهة وجنس (النساء، الرجال، غير مصرح به) لأعضاء التعاونيات المحدثة خلال الفترة.",
            "region_sector": "كل زوج جهة × قطاع (بالرموز)؛ التعاونيات المحدثة خلال الفترة وأعضاؤها.",
            "matrix":
                "التعاونيات المحدثة خلال الفترة: القطاعات في الأسطر والجهات في الأعمدة (نسخة من جدول الجهة × القطاع، ملونة من الأدنى إلى الأعلى).",
            "year_region": "التعاونيات المحدثة كل سنة، عمود لكل جهة، للرسوم البيانية والجداول المحورية.",
            "quarter_region": "التعاونيات المحدثة كل فصل، عمود لكل جهة، للرسوم البيانية والجداول المحورية.",
            "yearly": "التعاونيات المحدثة كل سنة منذ بداية المدة، مع المجموع التراكمي.",
            "quarterly": "التعاونيات المحدثة كل فصل منذ بداية المدة، مع المجموع التراكمي.",
            "comparison": "الفترة، ثم الفصل السابق ونفس الفصل من السنة الماضية (أو السنة السابقة).",
            "by_community": "التعاونيات السلالية (الأراضي الجماعية) والأخرى وغير المصرح بها؛ الأعضاء الشباب حيث يصرح بهم.",
            "youth_by_region": "نسبة الشباب ضمن التعاونيات التي تصرح بعدد أعضائها الشباب.",
            "data_quality": "الأسطر المقروءة في كل ملف ومآلها؛ وسطر المجموع هو مجموعها.",
        ],
        charts: [
            "youth_share_province": "نسبة الشباب ضمن الأعضاء حسب العمالة أو الإقليم (التعاونيات المصرحة بالشباب)، {period}",
            "yearly": "التعاونيات المحدثة حسب السنة", "cumulative": "المجموع التراكمي للتعاونيات منذ {start}",
            "quarterly": "التعاونيات المحدثة حسب الفصل (آخر {count} فصلا)",
            "by_region": "التعاونيات المحدثة حسب الجهة، {period}", "by_province": "التعاونيات المحدثة حسب الإقليم، {period}",
            "women_share_region": "نسبة النساء ضمن الأعضاء حسب الجهة، {period}",
            "women_share_province": "نسبة النساء ضمن الأعضاء حسب الإقليم، {period}",
            "youth_share_region": "نسبة الشباب ضمن الأعضاء حسب الجهة (التعاونيات المصرحة بالشباب)، {period}",
            "women_men_region": "الأعضاء النساء والرجال حسب الجهة، {period}",
            "women_men_province": "الأعضاء النساء والرجال حسب الإقليم، {period}",
            "sectors": "التعاونيات المحدثة حسب القطاع، {period}",
        ],
        words: [
            "period": "الفترة", "data_as_of": "البيانات إلى غاية", "scope": "النطاق", "pts": " نقطة",
            "about_what":
                "أعد هذا المصنف بواسطة coopstat انطلاقا من سجلات التعاونيات المذكورة أسفله. كل جدول مكتوب أيضا في tables/NAME.csv بنفس الأعمدة والقيم؛ والأسطر المرفوضة في rejects.csv.",
            "about_inputs": "الملفات المقروءة", "about_options": "خيارات التشغيل", "version": "إصدار coopstat",
            "range": "المدة المحللة", "regenerate": "لإعادة الإنتاج", "generated": "من إعداد coopstat {version}",
            "rejects_first": "الأسطر المرفوضة (أول {count})", "rejects_more": "… {count} أخرى في rejects.csv",
            "conflicts": "تكرارات بقيم مختلفة (السطر الأخير هو المعتمد)", "no_conflicts": "لا يوجد أي تكرار بقيم مختلفة.",
            "conflicts_more": "… {count} تكرارات أخرى بقيم مختلفة", "refused": "مرفوض: {reason}",
            "quality_scope":
                "تشمل الملفات المقروءة جميع الجهات: الأعداد أعلاه تخص جميع الجهات. المقبولة في نطاق هذا التقرير ({scope}): {accepted}.",
            "empty": "(لا يوجد أي سطر)", "headline": "أهم الأرقام", "language": "اللغة",
            "chart_data": "معطيات الرسم البياني (مرتبة)", "other_sectors": "قطاعات أخرى", "coverage": "التغطية",
            "coverage_youth": "التعاونيات المصرحة بالشباب: {count} من أصل {total} ({share})",
            "coverage_soulaliyate": "التعاونيات المصرحة بكونها سلالية أم لا: {count} من أصل {total} ({share})",
            "soulaliyate_cooperatives": "التعاونيات السلالية", "change_yearly": "التطور مقارنة بالسنة السابقة",
            "change_quarterly": "التطور مقارنة بنفس الفصل من السنة الماضية", "sectors_none": "قطاعات بدون أي تعاونية ({count})",
        ])
}
