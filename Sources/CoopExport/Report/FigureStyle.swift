import CoopDomain
import CoopTransform

/// How the report writes numbers, shares, changes, dates and periods in one language
/// (en `60,055` `34.1%`, fr `60 055` `34,1 %`, ar Western digits `60,055` `34.1%`).
/// For right-to-left text (`isolatesFigures`), every figure is wrapped in a left-to-right isolate
/// (LRI U+2066 … PDI U+2069), so the bidirectional algorithm keeps its sign, percent sign and decimal
/// mark with it (`-94 (-18.1%)` never shows as `94- (%18.1-)`).
/// Invariant: an undefined share or change is written `—`, never NaN or a division by zero; a figure
/// is isolated once, as a whole, or not at all.
public struct FigureStyle: Sendable {
    public let labels: ReportLabels
    /// Whether figures are wrapped in LRI … PDI (the Arabic text report).
    public let isolatesFigures: Bool
    /// Whether figures are wrapped in left-to-right marks (U+200E, inside right-to-left marks U+200F) instead: what spreadsheet
    /// programs that predate the isolates understand (the Arabic workbook's sentences).
    public let marksFigures: Bool

    public init(_ language: Language, isolatingFigures: Bool = false, markingFigures: Bool = false) {
        labels = ReportLabels.of(language)
        isolatesFigures = isolatingFigures
        marksFigures = markingFigures && !isolatingFigures
    }

    /// Left-to-right isolate and pop directional isolate.
    public static let isolateStart = "\u{2066}"
    public static let isolateEnd = "\u{2069}"

    /// `figure` as one left-to-right unit when figures are isolated.
    public func isolated(_ figure: String) -> String {
        if isolatesFigures { return Self.isolateStart + figure + Self.isolateEnd }
        // LRM keeps the figure left to right; the RLM outside keep the spaces and brackets around it
        // right to left, so "1,214 (41.1%)" stays in the sentence's order.
        return marksFigures ? "\u{200F}\u{200E}" + figure + "\u{200E}\u{200F}" : figure
    }

    /// `text` without the isolates and marks this style adds.
    public static func withoutIsolates(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { $0 != "\u{2066}" && $0 != "\u{2069}" && $0 != "\u{200E}" && $0 != "\u{200F}" }.map(Character.init))
    }

    /// A whole number with thousands grouping.
    public func integer(_ value: Int) -> String { isolated(plainInteger(value)) }

    func plainInteger(_ value: Int) -> String {
        grouped(String(value.magnitude), negative: value < 0)
    }

    /// A whole number with an explicit sign (`+1,234`, `-12`, `0`).
    public func signed(_ value: Int) -> String { isolated(plainSigned(value)) }

    func plainSigned(_ value: Int) -> String {
        value > 0 ? "+" + plainInteger(value) : plainInteger(value)
    }

    /// Dirhams from centimes, rounded half away from zero to whole dirhams.
    public func dirhams(_ cents: Int64) -> String {
        integer(Int(roundedDirhams(cents)))
    }

    /// Signed dirhams from centimes (`+1,250`).
    public func signedDirhams(_ cents: Int64) -> String {
        signed(Int(roundedDirhams(cents)))
    }

    func roundedDirhams(_ cents: Int64) -> Int64 {
        let magnitude = (cents.magnitude + 50) / 100
        return cents < 0 ? -Int64(magnitude) : Int64(magnitude)
    }

    /// A share as a percentage with one decimal (`34.1%`), `—` when undefined.
    public func percent(_ ratio: Ratio) -> String {
        guard let tenths = ratio.scaled(places: 3) else { return labels.undefined }
        return isolated(oneDecimal(tenths, sign: false) + labels.percentSign)
    }

    /// The relative change from `base` to `base + delta` as a signed percentage (`+2.8%`), `—` when `base` is 0.
    public func percentChange(_ delta: Int, base: Int) -> String { isolated(plainPercentChange(delta, base: base)) }

    func plainPercentChange(_ delta: Int, base: Int) -> String {
        guard let tenths = Ratio(delta, base).scaled(places: 3) else { return labels.undefined }
        return oneDecimal(tenths, sign: true) + labels.percentSign
    }

    /// A change written `+34 (+2.8%)`; the percentage is `—` when the base is 0.
    public func change(_ delta: Int, base: Int) -> String {
        isolated("\(plainSigned(delta)) (\(plainPercentChange(delta, base: base)))")
    }

    /// A capital change written `+1,250 (+2.8%)`.
    public func capitalChange(_ deltaCents: Int64, baseCents: Int64) -> String {
        let pct: String
        if baseCents == 0 {
            pct = labels.undefined
        } else {
            // Exact in tenths of a percent: delta * 1000 / base, rounded half away from zero.
            let n = deltaCents * 1000
            let d = baseCents
            let tenths = (2 * n.magnitude + d.magnitude) / (2 * d.magnitude)
            let value = (n < 0) != (d < 0) ? -Int(tenths) : Int(tenths)
            pct = oneDecimal(value, sign: true) + labels.percentSign
        }
        return isolated("\(plainSigned(Int(roundedDirhams(deltaCents)))) (\(pct))")
    }

    /// The difference of two shares in percentage points (`+1.2 pts`), `—` when either is undefined.
    public func pointsChange(from old: Ratio, to new: Ratio) -> String {
        guard let tenths = Self.pointsDifference(from: old, to: new, places: 1) else { return labels.undefined }
        return ReportLabels.fill(labels.points, ["value": isolated(oneDecimal(tenths, sign: true))])
    }

    /// `new - old` in percentage points as an integer count of 10^-places points; nil when undefined.
    public static func pointsDifference(from old: Ratio, to new: Ratio, places: Int) -> Int? {
        guard old.isDefined, new.isDefined else { return nil }
        var scale = 100
        for _ in 0..<places { scale *= 10 }
        let numerator = scale * (new.numerator * old.denominator - old.numerator * new.denominator)
        return Ratio(numerator, new.denominator * old.denominator).scaled(places: 0)
    }

    /// A count of tenths written with one decimal and the language's decimal mark.
    func oneDecimal(_ tenths: Int, sign: Bool) -> String {
        let magnitude = tenths.magnitude
        let text = grouped(String(magnitude / 10), negative: false) + labels.decimalMark + String(magnitude % 10)
        if tenths < 0 { return "-" + text }
        return sign && tenths > 0 ? "+" + text : text
    }

    func grouped(_ digits: String, negative: Bool) -> String {
        Self.grouped(digits, negative: negative, separator: labels.groupingSeparator)
    }

    /// `digits` in groups of three from the right, joined by `separator`, with a leading `-` when negative.
    static func grouped(_ digits: String, negative: Bool, separator: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (negative ? "-" : "") + groups.joined(separator: separator)
    }

    // MARK: Dates and periods

    /// A day written `1 October 2024` (`1er octobre 2024`, `1 أكتوبر 2024`).
    public func day(_ day: Day, withYear: Bool = true) -> String {
        let number = day.day == 1 ? (labels.firstDay ?? "1") : String(day.day)
        let text = number + " " + labels.months[day.month - 1]
        return withYear ? text + " " + String(day.year) : text
    }

    /// A span of days: `1 October – 31 December 2024` within one year, both years otherwise.
    public func span(_ range: DateRange) -> String {
        if range.start.year == range.end.year {
            return day(range.start, withYear: false) + " – " + day(range.end)
        }
        return day(range.start) + " – " + day(range.end)
    }

    /// Ordinal words of the quarters, as an administration writes them in Arabic («الفصل الرابع»).
    static let arabicOrdinals = ["الأول", "الثاني", "الثالث", "الرابع"]

    /// A quarter as a column header (`2024 Q4`, `T4 2024`, `الفصل الرابع من 2024`).
    public func quarter(_ q: Quarter) -> String {
        let ordinal = Self.arabicOrdinals.indices.contains(q.index - 1) ? Self.arabicOrdinals[q.index - 1] : String(q.index)
        return ReportLabels.fill(labels.quarter, ["year": String(q.year), "index": String(q.index), "ordinal": ordinal])
    }

    /// A period's short name (`2024 Q4`, `2024`, `2020–2024`, `2005–2024` for all).
    public func periodName(_ period: Period, range: DateRange) -> String {
        switch period {
        case .quarter(let q): quarter(q)
        case .year(let y): String(y)
        case .years(let a, let b): ReportLabels.fill(labels.yearSpan, ["first": String(a), "last": String(b)])
        case .all: ReportLabels.fill(labels.yearSpan, ["first": String(range.start.year), "last": String(range.end.year)])
        }
    }

    /// The period line of the title: `2024 Q4 (1 October – 31 December 2024)`.
    public func periodLine(_ period: Period, range: DateRange) -> String {
        let name = period == .all ? labels.allYears : periodName(period, range: range)
        guard let days = period.days(within: range) else { return name }
        return "\(name) (\(span(days)))"
    }

    /// When the range starts: `2005` on a 1 January, the full day otherwise.
    public func rangeStart(_ range: DateRange) -> String {
        range.start.month == 1 && range.start.day == 1 ? String(range.start.year) : day(range.start)
    }
}
