import XCTest

@testable import CoopDomain

final class NameFoldingTests: XCTestCase {
    func testFoldsCaseAccentsSpacesAndPunctuation() {
        XCTAssertEqual(NameFolding.fold("Béni Mellal-Khénifra"), "benimellalkhenifra")
        XCTAssertEqual(NameFolding.fold("  N° d'agrément "), "ndagrement")
        XCTAssertEqual(NameFolding.fold("L'Oriental"), "loriental")
        XCTAssertEqual(NameFolding.fold("DRÂA-TAFILALET"), "draatafilalet")
    }

    func testDropsLeadingPlaceWords() {
        XCTAssertEqual(NameFolding.fold("Région de l'Oriental"), "loriental")
        XCTAssertEqual(NameFolding.fold("Province de Settat"), "settat")
        XCTAssertEqual(NameFolding.fold("Préfecture d'Agadir Ida-Outanane"), "agadiridaoutanane")
        XCTAssertEqual(NameFolding.fold("جهة الشرق"), NameFolding.fold("الشرق"))
        XCTAssertEqual(NameFolding.fold("إقليم تطوان"), NameFolding.fold("تطوان"))
        XCTAssertEqual(NameFolding.fold("عمالة مراكش"), NameFolding.fold("مراكش"))
        // The word alone is not dropped (it would leave nothing).
        XCTAssertEqual(NameFolding.fold("Région"), "region")
    }

    func testArabicFolding() {
        // Hamza forms fold to bare alif, taa marbuta to haa, alif maqsura to yaa, tatweel and harakat dropped.
        XCTAssertEqual(NameFolding.fold("أزيلال"), NameFolding.fold("ازيلال"))
        XCTAssertEqual(NameFolding.fold("إفران"), NameFolding.fold("افران"))
        XCTAssertEqual(NameFolding.fold("آسفي"), NameFolding.fold("اسفي"))
        XCTAssertEqual(NameFolding.fold("الفلاحة"), NameFolding.fold("الفلاحه"))
        XCTAssertEqual(NameFolding.fold("مصطفى"), NameFolding.fold("مصطفي"))
        XCTAssertEqual(NameFolding.fold("التعـــاونية"), NameFolding.fold("التعاونيه"))
        XCTAssertEqual(NameFolding.fold("تَعَاوُنِيَّة"), NameFolding.fold("تعاونيه"))
        XCTAssertEqual(NameFolding.fold("طنجة - تطوان"), "طنجهتطوان")
    }

    func testArabicDigitsFoldToASCII() {
        XCTAssertEqual(NameFolding.fold("٠٧"), "07")
        XCTAssertEqual(NameFolding.fold("۰۷"), "07")
    }

    /// The ASCII fast path folds exactly as the Unicode path does, on random ASCII text built from
    /// place words, prefixes, whitespace of every kind, punctuation and control characters.
    func testASCIIFastPathAgreesWithTheUnicodePath() {
        var random = SystemRandomNumberGenerator()
        let pieces = [
            "Region de ", "REGION DU ", "province d'", "Prefecture des ", "region", " ", "  ", "\t", "\n", "\r\n", "\u{0B}",
            "Fes", "Marrakech-Safi", "Souss", "l'Oriental", "2015", "-", ".", "\u{01}", "_", "A", "z",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            XCTAssertEqual(NameFolding.asciiFold(text), NameFolding.unicodeFold(text), "\(text.debugDescription)")
        }
        XCTAssertEqual(NameFolding.asciiFold("Région"), nil)  // not ASCII: the Unicode path folds it
        XCTAssertEqual(NameFolding.fold("  Region   de\tSouss-Massa "), "soussmassa")
        XCTAssertEqual(NameFolding.fold("Region de "), "regionde")  // a prefix alone is kept
    }

    /// The fold lower-cases a scalar only when Unicode says lower-casing changes it, with its full
    /// lower-case mapping: the same as lower-casing it as a String, on every scalar of the BMP.
    func testLowerCasingAScalarAloneIsTheStringLowerCasing() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = String(scalar).lowercased()
            let mapped = scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping : String(scalar)
            XCTAssertEqual(Array(mapped.unicodeScalars), Array(expected.unicodeScalars), "U+\(String(value, radix: 16))")
        }
    }

    func testIdempotent() {
        for text in ["Tanger-Tétouan-Al Hoceïma", "جهة الدار البيضاء - سطات", "Province/Préfecture", "Région de Oujda"] {
            let once = NameFolding.fold(text)
            XCTAssertEqual(NameFolding.fold(once), once, text)
        }
    }
}
