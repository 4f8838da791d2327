extension ValueLabels {
    public static let english = ValueLabels(
        report: .english,
        fields: [
            "registration_id": "Registration id", "name": "Name", "creation_date": "Creation date", "region": "Region",
            "province": "Province", "commune": "Commune", "sector": "Sector", "members_total": "Members",
            "members_women": "Women", "members_men": "Men", "members_youth": "Young members", "capital_mad": "Capital (MAD)",
            "status": "Status", "soulaliyate": "Soulaliyate", "row": "Whole row",
        ],
        yes: "yes", no: "no",
        details: [
            "field_count": "the row has {found} fields but the header has {expected}; check for a missing or extra delimiter",
            "unterminated_quote": "a quoted field is never closed before the end of the file; close the quote",
            "missing_registration_id": "the registration id is empty; fill it in",
            "missing_date": "the creation date is empty; fill it in",
            "invalid_date": "the creation date is not a real date (use YYYY-MM-DD or DD/MM/YYYY)",
            "date_out_of_range": "the creation date is outside the analysed range {start}..{end}",
            "unknown_region": "the region is not a known 2015 or 1997 region (see datasets/reference/regions.csv)",
            "unknown_province": "the province is not known and the region does not settle it (see datasets/reference/provinces.csv)",
            "split_legacy_region_without_province":
                "the 1997 region {name} was split in 2015; give the province so the 2015 region can be settled",
            "not_a_non_negative_integer": "a member count must be a whole number, zero or more",
            "no_members": "the number of members is missing and women and men are not both given",
            "total_below_one": "the number of members must be at least 1",
            "exceeds_total": "the number of {what} exceeds the number of members",
            "gender_sum_mismatch": "men ({men}) + women ({women}) = {sum}, not the number of members ({total})",
            "youth_out_of_range": "the number of young members must be between 0 and the number of members",
            "invalid_capital": "the capital is not a number (write 12 500,50 or 12,500.50)",
            "negative_capital": "the capital is negative",
        ],
        refusals: [
            "empty": "{file}: the file is empty; export the registry again or remove the file",
            "no_header": "{file}: the file has no header row, only blank lines; export it again with its header",
            "missing_field":
                "{file}:{line}: file refused: the required column '{field}' is missing (headers found: {found}); add the column or rename a header",
            "missing_region_and_province":
                "{file}:{line}: file refused: neither a region nor a province column (headers found: {found}); add one of them",
            "repeated_field":
                "{file}:{line}: file refused: columns {first} and {second} are both '{field}' (headers found: {found}); keep one of them",
            "undecodable": "{file}: cannot decode the file ({why}); set its encoding with --encoding or in the config",
            "unreadable": "{file}: cannot read the file ({why}); check the path and its permissions",
            "beyond_limits": "{file}: file refused: {why}; split the file, read fewer files in one run, or trim the reference tables",
        ],
        soulaliyateNotReported:
            "No registry says whether the cooperatives created in {years} are soulaliyate: those years are shown as — (not reported), not as 0."
    )

    public static let french = ValueLabels(
        report: .french,
        fields: [
            "registration_id": "N° d’immatriculation", "name": "Dénomination", "creation_date": "Date de création",
            "region": "Région", "province": "Province", "commune": "Commune", "sector": "Secteur",
            "members_total": "Adhérents", "members_women": "Femmes", "members_men": "Hommes", "members_youth": "Jeunes",
            "capital_mad": "Capital (MAD)", "status": "Statut", "soulaliyate": "Soulaliyate", "row": "Ligne entière",
        ],
        yes: "oui", no: "non",
        details: [
            "field_count":
                "la ligne a {found} champs alors que l’en-tête en a {expected} ; vérifiez qu’un séparateur ne manque pas ou n’est pas en trop",
            "unterminated_quote": "un champ entre guillemets n’est pas fermé avant la fin du fichier ; fermez le guillemet",
            "missing_registration_id": "le numéro d’immatriculation est vide ; renseignez-le",
            "missing_date": "la date de création est vide ; renseignez-la",
            "invalid_date": "la date de création n’est pas une date réelle (écrivez AAAA-MM-JJ ou JJ/MM/AAAA)",
            "date_out_of_range": "la date de création est hors de la période analysée {start}..{end}",
            "unknown_region": "la région n’est ni une région de 2015 ni une région de 1997 (voir datasets/reference/regions.csv)",
            "unknown_province":
                "la province est inconnue et la région ne permet pas de la déterminer (voir datasets/reference/provinces.csv)",
            "split_legacy_region_without_province":
                "la région de 1997 {name} a été scindée en 2015 ; indiquez la province pour déterminer la région de 2015",
            "not_a_non_negative_integer": "un effectif doit être un nombre entier, zéro ou plus",
            "no_members": "l’effectif total manque et les nombres de femmes et d’hommes ne sont pas donnés tous les deux",
            "total_below_one": "l’effectif total doit être d’au moins 1",
            "exceeds_total": "le nombre de {what} dépasse l’effectif total",
            "gender_sum_mismatch": "hommes ({men}) + femmes ({women}) = {sum}, et non l’effectif total ({total})",
            "youth_out_of_range": "le nombre de jeunes doit être compris entre 0 et l’effectif total",
            "invalid_capital": "le capital n’est pas un nombre (écrivez 12 500,50 ou 12,500.50)",
            "negative_capital": "le capital est négatif",
        ],
        refusals: [
            "empty": "{file} : le fichier est vide ; exportez à nouveau le registre ou retirez le fichier",
            "no_header":
                "{file} : le fichier n’a pas de ligne d’en-tête, seulement des lignes vides ; exportez-le à nouveau avec son en-tête",
            "missing_field":
                "{file}:{line} : fichier refusé : la colonne obligatoire « {field} » manque (en-têtes trouvés : {found}) ; ajoutez la colonne ou renommez un en-tête",
            "missing_region_and_province":
                "{file}:{line} : fichier refusé : aucune colonne région ni province (en-têtes trouvés : {found}) ; ajoutez l’une des deux",
            "repeated_field":
                "{file}:{line} : fichier refusé : les colonnes {first} et {second} désignent toutes deux « {field} » (en-têtes trouvés : {found}) ; n’en gardez qu’une",
            "undecodable":
                "{file} : impossible de décoder le fichier ({why}) ; indiquez son encodage avec --encoding ou dans la configuration",
            "unreadable": "{file} : impossible de lire le fichier ({why}) ; vérifiez le chemin et les droits d’accès",
            "beyond_limits":
                "{file} : fichier refusé : {why} ; découpez le fichier, lisez moins de fichiers à la fois ou allégez les tables de référence",
        ],
        soulaliyateNotReported:
            "Aucun registre n’indique si les coopératives créées en {years} sont soulaliyates : ces années sont notées — (non renseigné), et non 0."
    )

    public static let arabic = ValueLabels(
        report: .arabic,
        fields: [
            "registration_id": "رقم التسجيل", "name": "التسمية", "creation_date": "تاريخ التأسيس", "region": "الجهة",
            "province": "العمالة أو الإقليم", "commune": "الجماعة", "sector": "القطاع", "members_total": "عدد المنخرطين",
            "members_women": "عدد النساء", "members_men": "عدد الرجال", "members_youth": "عدد الشباب",
            "capital_mad": "الرأسمال (درهم)", "status": "الوضعية", "soulaliyate": "الانتماء لجماعة سلالية",
            "row": "السطر بأكمله",
        ],
        yes: "نعم", no: "لا",
        details: [
            "field_count": "يتضمن السطر {found} حقول بينما يتضمن سطر العناوين {expected}؛ تحقق من عدم وجود فاصل ناقص أو زائد",
            "unterminated_quote": "حقل بين علامتي تنصيص لم يغلق قبل نهاية الملف؛ أغلق علامة التنصيص",
            "missing_registration_id": "رقم التسجيل فارغ؛ يرجى ملؤه",
            "missing_date": "تاريخ التأسيس فارغ؛ يرجى ملؤه",
            "invalid_date": "تاريخ التأسيس ليس تاريخا صحيحا (اكتب YYYY-MM-DD أو DD/MM/YYYY)",
            "date_out_of_range": "تاريخ التأسيس خارج المدة المحللة {start}..{end}",
            "unknown_region": "الجهة ليست من جهات تقسيم 2015 أو 1997 (انظر datasets/reference/regions.csv)",
            "unknown_province": "العمالة أو الإقليم غير معروف والجهة لا تكفي لتحديده (انظر datasets/reference/provinces.csv)",
            "split_legacy_region_without_province": "جهة {name} من تقسيم 1997 قسمت سنة 2015؛ يرجى ذكر العمالة أو الإقليم لتحديد جهة 2015",
            "not_a_non_negative_integer": "يجب أن يكون عدد الأعضاء عددا صحيحا، صفرا أو أكثر",
            "no_members": "مجموع المنخرطين غير مذكور وعددا النساء والرجال غير مذكورين معا",
            "total_below_one": "يجب ألا يقل مجموع المنخرطين عن 1",
            "exceeds_total": "عدد {what} يتجاوز مجموع المنخرطين",
            "gender_sum_mismatch": "الرجال ({men}) + النساء ({women}) = {sum}، وليس مجموع المنخرطين ({total})",
            "youth_out_of_range": "يجب أن يكون عدد الشباب بين 0 ومجموع المنخرطين",
            "invalid_capital": "الرأسمال ليس عددا (اكتب 12 500,50 أو 12,500.50)",
            "negative_capital": "الرأسمال سالب",
        ],
        refusals: [
            "empty": "{file}: الملف فارغ؛ يرجى تصدير السجل من جديد أو حذف الملف",
            "no_header": "{file}: لا يتضمن الملف سطر العناوين، بل أسطرا فارغة فقط؛ يرجى تصديره من جديد مع سطر العناوين",
            "missing_field":
                "{file}:{line}: ملف مرفوض: العمود الإلزامي «{field}» غير موجود (العناوين الموجودة: {found})؛ أضف العمود أو غير اسم أحد العناوين",
            "missing_region_and_province":
                "{file}:{line}: ملف مرفوض: لا يوجد عمود الجهة ولا عمود العمالة أو الإقليم (العناوين الموجودة: {found})؛ أضف أحدهما",
            "repeated_field":
                "{file}:{line}: ملف مرفوض: العمودان {first} و{second} يحملان معا «{field}» (العناوين الموجودة: {found})؛ احتفظ بأحدهما فقط",
            "undecodable": "{file}: تعذر فك ترميز الملف ({why})؛ حدد ترميزه بواسطة --encoding أو في ملف الإعدادات",
            "unreadable": "{file}: تعذرت قراءة الملف ({why})؛ تحقق من المسار ومن صلاحيات الولوج",
            "beyond_limits": "{file}: رُفض الملف: {why}؛ قسّم الملف أو اقرأ ملفات أقل في التشغيل الواحد أو خفّف الجداول المرجعية",
        ],
        soulaliyateNotReported:
            "لا يبين أي سجل ما إذا كانت التعاونيات المحدثة في {years} سلالية: تظهر هذه السنوات بالعلامة — (غير مصرح به) وليس 0.")
}
