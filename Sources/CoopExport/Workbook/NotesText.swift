import CoopDomain

/// The words of the Notes sheet in one language: its title, each term and its definition, the
/// sources, and the synthetic-data statement. `{start}`, `{end}`, `{youth}`, `{soulaliyate}`,
/// `{period}` and `{files}` are filled in. Invariant: every language defines every key of `terms`
/// and `synthetic_all`/`synthetic_some`.
struct NotesText: Sendable {
    let title: String
    let terms: [String: String]
    let texts: [String: String]

    /// The defined terms, in the order the sheet lists them.
    static let terms = [
        "women_cooperative", "women_share", "youth", "soulaliyate", "duplicates", "range", "coverage", "sources",
    ]

    func term(_ key: String) -> String { terms[key] ?? key }
    func text(_ key: String) -> String { texts[key] ?? key }

    static func of(_ language: Language) -> NotesText {
        switch language {
        case .en: english
        case .fr: french
        case .ar: arabic
        }
    }

    static let english = NotesText(
        title: "Notes: definitions and sources",
        terms: [
            "synthetic": "Synthetic data", "women_cooperative": "Women’s cooperative", "women_share": "Women’s share",
            "youth": "Youth", "soulaliyate": "Soulaliyate", "duplicates": "Duplicates and conflicts",
            "range": "Analysed range", "coverage": "Coverage", "sources": "Sources",
        ],
        texts: [
            "synthetic_all":
                "The input files ({files}) are the synthetic registries bundled with coopstat, recognised by their SHA-256 fingerprint. They are calibrated to published totals, but no row is a real cooperative: do not quote these figures as official statistics.",
            "synthetic_some":
                "Some input files ({files}) are the synthetic registries bundled with coopstat, recognised by their SHA-256 fingerprint: their rows are not real cooperatives, and the figures mix them with the other files.",
            "women_cooperative": "A cooperative all of whose members are women (women = total members).",
            "women_share":
                "Women / (women + men), over the members whose gender is reported; members whose gender is not reported count in the total but in neither women nor men.",
            "youth":
                "Young members as the registries report them (members_youth, 0 ≤ youth ≤ members). The youth share is young members / members over the cooperatives that report youth only; where none does, the cell is empty, never 0.",
            "soulaliyate":
                "Cooperatives formed by members of soulaliyate (collective-land, ethnic) communities, as the registries’ soulaliyate column says (yes/no in any language); cooperatives whose file does not say are “not reported”.",
            "duplicates":
                "Rows with the same registration id (after trimming and case-folding) are one cooperative: files are read in path order and rows in file order, the later row wins whole and the replaced one counts as a duplicate. When both rows report a field with different values, the duplicate is also a conflict; conflicts are listed on the Data quality sheet.",
            "range":
                "Creation dates from {start} to {end}. A row created outside it is rejected (a date after today is a date in the future); cumulative figures count from {start}.",
            "coverage":
                "Not every registry reports every fact: in {period}, {youth} of the cooperatives created report youth and {soulaliyate} report whether they are soulaliyate. Figures on youth and soulaliyate describe those cooperatives only.",
            "sources":
                "The registries of cooperatives sent by the offices (files, sizes and SHA-256 on the About sheet); reference tables of the 12 regions of 2015, the 16 regions of 1997, provinces and prefectures, and the sector taxonomy (datasets/reference). Rejected rows are in rejects.csv.",
        ])

    static let french = NotesText(
        title: "Notes : définitions et sources",
        terms: [
            "synthetic": "Données synthétiques", "women_cooperative": "Coopérative de femmes", "women_share": "Part des femmes",
            "youth": "Jeunes", "soulaliyate": "Soulaliyate", "duplicates": "Doublons et divergences",
            "range": "Plage analysée", "coverage": "Couverture", "sources": "Sources",
        ],
        texts: [
            "synthetic_all":
                "Les fichiers lus ({files}) sont les registres synthétiques fournis avec coopstat, reconnus à leur empreinte SHA-256. Ils sont calés sur les totaux publiés, mais aucune ligne n’est une vraie coopérative : ne citez pas ces chiffres comme statistiques officielles.",
            "synthetic_some":
                "Certains fichiers lus ({files}) sont les registres synthétiques fournis avec coopstat, reconnus à leur empreinte SHA-256 : leurs lignes ne sont pas de vraies coopératives, et les chiffres les mêlent aux autres fichiers.",
            "women_cooperative": "Coopérative dont tous les adhérents sont des femmes (femmes = total des adhérents).",
            "women_share":
                "Femmes / (femmes + hommes), sur les adhérents dont le sexe est renseigné ; les adhérents dont le sexe n’est pas renseigné comptent dans le total mais ni parmi les femmes ni parmi les hommes.",
            "youth":
                "Jeunes adhérents tels que les registres les déclarent (members_youth, 0 ≤ jeunes ≤ adhérents). La part des jeunes = jeunes / adhérents, sur les seules coopératives qui déclarent les jeunes ; là où aucune ne les déclare, la cellule est vide, jamais 0.",
            "soulaliyate":
                "Coopératives formées de membres de communautés soulaliyates (terres collectives, ethniques), selon la colonne soulaliyate des registres (oui/non en toute langue) ; celles dont le fichier ne le dit pas sont « non renseignées ».",
            "duplicates":
                "Les lignes de même numéro d’immatriculation (après suppression des espaces et de la casse) sont une seule coopérative : les fichiers sont lus dans l’ordre des chemins et les lignes dans l’ordre du fichier, la dernière ligne l’emporte en entier et celle qu’elle remplace compte comme doublon. Quand les deux lignes renseignent un champ avec des valeurs différentes, le doublon est aussi une divergence ; les divergences sont listées dans la feuille Qualité des données.",
            "range":
                "Dates de création du {start} au {end}. Une ligne créée hors de cette plage est rejetée (une date postérieure à aujourd’hui est une date future) ; les cumuls partent du {start}.",
            "coverage":
                "Tous les registres ne renseignent pas tout : sur {period}, {youth} des coopératives créées déclarent leurs jeunes et {soulaliyate} disent si elles sont soulaliyates. Les chiffres sur les jeunes et les soulaliyates ne portent que sur celles-là.",
            "sources":
                "Les registres des coopératives envoyés par les bureaux (fichiers, tailles et SHA-256 dans la feuille À propos) ; tables de référence des 12 régions de 2015, des 16 régions de 1997, des provinces et préfectures et de la nomenclature des secteurs (datasets/reference). Les lignes rejetées sont dans rejects.csv.",
        ])

    static let arabic = NotesText(
        title: "ملاحظات: التعاريف والمصادر",
        terms: [
            "synthetic": "بيانات اصطناعية", "women_cooperative": "تعاونية نسائية", "women_share": "نسبة النساء",
            "youth": "الشباب", "soulaliyate": "السلالية", "duplicates": "التكرارات والاختلافات",
            "range": "المدة المحللة", "coverage": "التغطية", "sources": "المصادر",
        ],
        texts: [
            "synthetic_all":
                "الملفات المقروءة ({files}) هي السجلات الاصطناعية المرفقة مع coopstat، وقد تم التعرف عليها ببصمتها SHA-256. وهي معايرة على المجاميع المنشورة، لكن لا يمثل أي سطر منها تعاونية حقيقية: لا تستشهدوا بهذه الأرقام كإحصاءات رسمية.",
            "synthetic_some":
                "بعض الملفات المقروءة ({files}) هي السجلات الاصطناعية المرفقة مع coopstat، وقد تم التعرف عليها ببصمتها SHA-256: أسطرها ليست تعاونيات حقيقية، والأرقام تمزجها بالملفات الأخرى.",
            "women_cooperative": "تعاونية كل أعضائها نساء (عدد النساء = مجموع الأعضاء).",
            "women_share":
                "النساء / (النساء + الرجال)، ضمن الأعضاء المصرح بجنسهم؛ الأعضاء غير المصرح بجنسهم يحتسبون في المجموع دون النساء أو الرجال.",
            "youth":
                "الأعضاء الشباب كما تصرح بهم السجلات (members_youth، من 0 إلى عدد الأعضاء). نسبة الشباب = الشباب / الأعضاء ضمن التعاونيات المصرحة بالشباب فقط؛ وحيث لا تصرح أي تعاونية، تبقى الخانة فارغة وليس 0.",
            "soulaliyate":
                "التعاونيات التي أسسها أعضاء من الجماعات السلالية (الأراضي الجماعية)، كما يبين ذلك عمود soulaliyate في السجلات (نعم/لا بأي لغة)؛ والتي لا يذكر ملفها ذلك «غير مصرح بها».",
            "duplicates":
                "الأسطر التي تحمل نفس رقم التسجيل (بعد حذف الفراغات وتوحيد حالة الأحرف) تعاونية واحدة: تقرأ الملفات حسب ترتيب مساراتها والأسطر حسب ترتيبها في الملف، ويعتمد السطر الأخير كاملا ويحتسب السطر الذي عوضه تكرارا. وإذا صرح السطران بحقل بقيمتين مختلفتين، فالتكرار اختلاف أيضا؛ والاختلافات مدرجة في ورقة جودة البيانات.",
            "range":
                "تواريخ التأسيس من {start} إلى {end}. يرفض كل سطر خارج هذه المدة (والتاريخ اللاحق لليوم تاريخ في المستقبل)؛ وتحتسب المجاميع التراكمية ابتداء من {start}.",
            "coverage":
                "لا تصرح كل السجلات بكل المعطيات: خلال {period}، تصرح {youth} من التعاونيات المحدثة بعدد الشباب و{soulaliyate} بكونها سلالية أم لا. الأرقام المتعلقة بالشباب والسلالية تخص هذه التعاونيات وحدها.",
            "sources":
                "سجلات التعاونيات التي ترسلها المكاتب (الملفات وأحجامها وبصماتها SHA-256 في ورقة حول هذا المصنف)؛ الجداول المرجعية لجهات 2015 الاثنتي عشرة وجهات 1997 الست عشرة والأقاليم والعمالات وتصنيف القطاعات (datasets/reference). والأسطر المرفوضة في rejects.csv.",
        ])
}
