/// Plausible cooperative and commune names as offices write them, in French (Latin script) and Arabic,
/// with a few that exercise CSV quoting and formula injection downstream.
/// Invariant: French names only use characters Windows-1252 holds; Arabic ones only Windows-1256 ones.
enum CooperativeNames {
    /// Name stems: Latin transliteration and Arabic.
    static let stems: [(latin: String, arabic: String)] = [
        ("Al Amal", "الأمل"), ("Annour", "النور"), ("Al Baraka", "البركة"), ("Al Khayr", "الخير"),
        ("Al Fath", "الفتح"), ("Al Wahda", "الوحدة"), ("Assafae", "الصفاء"), ("Ennakhil", "النخيل"),
        ("Tafoukt", "تافوكت"), ("Tifaouine", "تيفاوين"), ("Tamount", "تامونت"), ("Al Majd", "المجد"),
        ("Targa", "تارگا"), ("Al Inbiat", "الانبعاث"), ("Nour Al Atlas", "نور الأطلس"), ("Tighanimine", "تيغانيمين"),
        ("Al Massira", "المسيرة"), ("Al Waha", "الواحة"), ("Attadamoun", "التضامن"), ("Al Hanaa", "الهناء"),
        ("Azerou", "أزرو"), ("Tadla", "تادلة"), ("Al Mostakbal", "المستقبل"), ("Essalam", "السلام"),
        ("Al Iktifa", "الاكتفاء"), ("Tinmel", "تينمل"), ("Al Jabal", "الجبل"), ("Assaada", "السعادة"),
        ("Al Karama", "الكرامة"), ("Ighrem", "إغرم"), ("Tizi", "تيزي"), ("Al Fajr", "الفجر"),
        ("Ouled Ali", "أولاد علي"), ("Ait Baha", "آيت باها"), ("Al Warda", "الوردة"), ("Al Moustaqbal Al Akhdar", "المستقبل الأخضر"),
    ]

    /// What a cooperative of a sector calls itself after "Coopérative" / "تعاونية".
    static func sectorWord(_ sector: String) -> (fr: String, ar: String, en: String) {
        switch sector {
        case "agriculture": ("agricole", "الفلاحية", "Agricultural")
        case "artisanat": ("artisanale", "للصناعة التقليدية", "Handicraft")
        case "habitat": ("d'habitat", "للسكن", "Housing")
        case "argane": ("d'argane", "للأركان", "Argan")
        case "denrees_alimentaires": ("de produits du terroir", "للمنتجات المجالية", "Local Products")
        case "pam": ("des plantes aromatiques", "للنباتات العطرية", "Herbs")
        case "peche": ("de pêche", "للصيد", "Fishing")
        default: ("", "", "")
        }
    }

    /// Commune names (Latin, Arabic).
    static let communes: [(latin: String, arabic: String)] = [
        ("Sidi Bouzid", "سيدي بوزيد"), ("Aït Ourir", "آيت أورير"), ("Tamesloht", "تامصلوحت"), ("Oulad Ayad", "أولاد عياد"),
        ("Sidi Abdallah", "سيدي عبد الله"), ("Tnine Ourika", "ثلاثاء أوريكة"), ("Had Draa", "حد درى"), ("Aït Amira", "آيت عميرة"),
        ("Lagfifat", "لكفيفات"), ("Ras El Ain", "رأس العين"), ("Sidi Moussa", "سيدي موسى"), ("Bni Tadjite", "بني تجيت"),
        ("Tafraout", "تافراوت"), ("Imi n'Tanout", "إيمي نتانوت"), ("Ouled Teima", "أولاد تايمة"), ("Tinejdad", "تنجداد"),
    ]

    /// A Latin-script name, French style (`Coopérative Al Amal agricole`), with rare quoting cases.
    static func french(stem: Int, sector: String, variant: Int) -> String {
        let base = stems[stem % stems.count].latin
        let word = sectorWord(sector).fr
        let plain = word.isEmpty ? "Coopérative \(base)" : "Coopérative \(word) \(base)"
        switch variant {
        case 0: return "Coopérative \"\(base)\""
        case 1: return "\(plain), section féminine"
        case 2: return "Coopérative « \(base) » des jeunes"
        case 3: return "Coopérative \(base) ; \(stems[(stem + 7) % stems.count].latin)"
        default: return plain
        }
    }

    /// An English-export name (`Al Amal Agricultural Cooperative`), with rare quoting cases.
    static func english(stem: Int, sector: String, variant: Int) -> String {
        let base = stems[stem % stems.count].latin
        let word = sectorWord(sector).en
        let plain = word.isEmpty ? "\(base) Cooperative" : "\(base) \(word) Cooperative"
        switch variant {
        case 0: return "\"\(base)\" Cooperative"
        case 1: return "\(base), Women's Cooperative"
        case 2: return "Coopérative \(base)"
        default: return plain
        }
    }

    /// An Arabic name (`تعاونية الأمل الفلاحية`), with rare quoting cases.
    static func arabic(stem: Int, sector: String, variant: Int) -> String {
        let base = stems[stem % stems.count].arabic
        let word = sectorWord(sector).ar
        let plain = word.isEmpty ? "تعاونية \(base)" : "تعاونية \(base) \(word)"
        switch variant {
        case 0: return "تعاونية \"\(base)\""
        case 1: return "\(plain), فرع النساء"
        case 2: return "تعاونية \(base)، \(stems[(stem + 5) % stems.count].arabic)"
        default: return plain
        }
    }

    /// Names that would be formulas if a spreadsheet read them unguarded.
    static let formulaLike: [String] = [
        "=Coopérative Annour", "+212 Coopérative Al Amal", "-Coopérative Al Baraka-", "@Coopérative Tifaouine",
        "=SUM(A1:A9) Coopérative", "@تعاونية النور",
    ]
}
