import CoopDomain
import CoopIngest

/// Runs every value parser on one input and lists the invariants that do not hold, for the libFuzzer
/// harness (`Tests/Fuzz/FuzzValues.swift` traps on any) and for tests (which assert none).
/// Invariant: `violations` is empty for every input unless a parser breaks one of its promises.
public enum ValueFuzzing {
    /// Parses `text` with every parser; each broken invariant is one line in the result.
    public static func violations(_ text: String) -> [String] {
        var broken: [String] = []
        func expect(_ holds: Bool, _ message: String) {
            if !holds { broken.append("\(message) (input \(text.debugDescription))") }
        }
        let ascii = DigitNormalizer.asciiDigits(text)
        let cleaned = TextCleaner.clean(text)

        // DigitNormalizer: idempotent; leaves text without Arabic digits/separators alone.
        expect(DigitNormalizer.asciiDigits(ascii) == ascii, "asciiDigits is not idempotent")
        if !text.unicodeScalars.contains(where: { DigitNormalizer.asciiForm(of: $0) != nil }) {
            expect(ascii == text, "asciiDigits changed text without Arabic digits")
        }
        expect(
            ascii.unicodeScalars.allSatisfy { DigitNormalizer.asciiForm(of: $0) == nil },
            "asciiDigits left an Arabic digit")

        // TextCleaner: idempotent, trimmed, no white space but single ASCII spaces.
        expect(TextCleaner.clean(cleaned) == cleaned, "clean is not idempotent")
        expect(
            cleaned.unicodeScalars.first?.properties.isWhitespace != true
                && cleaned.unicodeScalars.last?.properties.isWhitespace != true, "clean did not trim")
        var previousSpace = false
        for scalar in cleaned.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace
            expect(!isSpace || scalar == " ", "clean left a white-space character other than a space")
            expect(!(isSpace && previousSpace), "clean left two spaces in a row")
            previousSpace = isSpace
        }

        // DateParser: real days only; script and white-space runs do not matter.
        let day = DateParser.parse(text)
        if let day {
            expect(Day(year: day.year, month: day.month, day: day.day) == day, "parsed an impossible day")
            expect(DateParser.parse(day.description) == day, "ISO form of a parsed day does not read back")
            expect(
                DateParser.day(excelSerial: day.excelSerial) == day || day.excelSerial < 61,
                "serial of a parsed day does not read back")
        }
        expect(DateParser.parse(ascii) == day, "date depends on the digits' script")
        expect(DateParser.parse(cleaned) == day, "date depends on white-space runs")
        expect(DateParser.parse(Substring(text)) == day, "String and Substring disagree (date)")

        // CountParser: never negative; canonical form reads back; script does not matter.
        let count = CountParser.parse(text)
        if case .value(let n) = count {
            expect(n >= 0, "negative count")
            expect(CountParser.parse(String(n)) == count, "count does not read back")
        }
        expect(CountParser.parse(ascii) == count, "count depends on the digits' script")
        expect(CountParser.parse(cleaned) == count, "count depends on white-space runs")
        expect(CountParser.parse(Substring(text)) == count, "String and Substring disagree (count)")

        // CapitalParser: canonical form reads back; script does not matter; a count reads as whole dirhams.
        let capital = CapitalParser.parse(text)
        if case .cents(let c) = capital {
            expect(c.magnitude <= CapitalParser.largestCents.magnitude, "capital beyond the largest one")
            expect(CapitalParser.parse(canonical(c)) == capital, "capital does not read back")
        }
        if case .value(let n) = count, Int64(n) <= CapitalParser.largestCents / 100 {
            expect(CapitalParser.parse(text) == .cents(Int64(n) * 100), "a count is not the same capital")
        }
        expect(CapitalParser.parse(ascii) == capital, "capital depends on the digits' script")
        expect(CapitalParser.parse(cleaned) == capital, "capital depends on white-space runs")
        expect(CapitalParser.parse(Substring(text)) == capital, "String and Substring disagree (capital)")

        // YesNoParser: script, white space and case do not matter.
        let flag = YesNoParser.parse(text)
        expect(YesNoParser.parse(ascii) == flag, "flag depends on the digits' script")
        expect(YesNoParser.parse(cleaned) == flag, "flag depends on white-space runs")
        expect(YesNoParser.parse(Substring(text)) == flag, "String and Substring disagree (flag)")
        expect(
            (count == .empty) == (capital == .empty) && (capital == .empty) == (flag == .notReported),
            "parsers disagree on what an empty field is")
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            expect(YesNoParser.parse(text.uppercased()) == flag, "flag depends on case")
        }
        return broken
    }

    /// `-1234.05` style text for `cents` (ASCII, no grouping).
    public static func canonical(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let whole = magnitude / 100
        let part = magnitude % 100
        return (cents < 0 ? "-" : "") + String(whole) + "." + (part < 10 ? "0" : "") + String(part)
    }
}
