import CoopDomain

/// Reads a creation date (CONTRACT §1.3). Accepted, after trimming and with any digit form:
/// - `YYYY-MM-DD`, `YYYY/MM/DD` (and `YYYY.MM.DD`, unambiguous);
/// - `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY` — day first, as in Morocco;
///   day and month have one or two digits, the year exactly four, both separators alike;
/// - either optionally followed by a time, after `T` or white space: `H:MM`, `H:MM:SS`, fractional
///   seconds (`.000`), then optionally `Z` or an offset (`+01:00`, `+0100`, `-05`) and/or `AM`/`PM`;
///   or the French `10h30`, `10h`.
///   The time is checked (hour ≤ 23, or 1–12 with AM/PM; minutes ≤ 59; seconds ≤ 60) and ignored;
///   an offset never moves the day;
/// - an Excel serial day number (1900 system, `38718` = 2006-01-01), integer or with a fractional
///   time part (`38718.5`, `38718,5`); serials 1…2958465 except 60 (Excel's fictitious 1900-02-29).
/// Two-digit years, impossible days (31/02/2019, 29/02/2023, month 13) and anything else give nil.
/// Invariant: a returned `Day` is a real date, and the result depends only on the digits' values,
/// not on their script (`parse(t) == parse(DigitNormalizer.asciiDigits(t))`).
public enum DateParser: FieldValueParser {
    /// The last Excel serial day number (9999-12-31).
    public static let maximumSerial = Day.maximumExcelSerial

    /// The byte-level entry: `bytes` is the field's UTF-8.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        FoldedBytes.with(bytes) { parseFolded($0) }
    }

    /// The day of an Excel serial day number (1900 date system), nil outside 1…2958465 or for 60.
    public static func day(excelSerial serial: Int) -> Day? {
        Day(excelSerial: serial)
    }

    static func parseFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        var w = ByteWindow(bytes)
        w.trim()
        let first = w.digits()
        guard first.count > 0 else { return nil }
        guard let separator = w.first else { return serial(first) }
        switch separator {
        case UInt8(ascii: "."), UInt8(ascii: ","):
            // `38718.5` (serial with a time fraction) or `01.07.2019`.
            var fraction = w
            fraction.start += 1
            if fraction.digits().count > 0, fraction.isEmpty { return serial(first) }
            guard separator == UInt8(ascii: ".") else { return nil }
        case UInt8(ascii: "-"), UInt8(ascii: "/"):
            break
        default:
            return nil
        }
        w.start += 1
        let second = w.digits()
        guard (1...2).contains(second.count), w.take(separator) else { return nil }
        let third = w.digits()
        let year: Int
        let month: Int
        let day: Int
        if first.count == 4, (1...2).contains(third.count) {
            (year, month, day) = (first.value, second.value, third.value)
        } else if (1...2).contains(first.count), third.count == 4 {
            (year, month, day) = (third.value, second.value, first.value)
        } else {
            return nil
        }
        guard acceptTime(&w) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func serial(_ number: (value: Int, count: Int)) -> Day? {
        guard number.count <= 7 else { return nil }
        return day(excelSerial: number.value)
    }

    private static let am: [UInt8] = Array("am".utf8)
    private static let pm: [UInt8] = Array("pm".utf8)

    /// Accepts the end of the text, or a valid time (and nothing after it).
    private static func acceptTime(_ w: inout ByteWindow) -> Bool {
        if w.isEmpty { return true }
        if !(w.take(UInt8(ascii: "T")) || w.take(UInt8(ascii: "t"))) {
            guard w.skipSpaces() > 0 else { return false }
        }
        let hour = w.digits()
        guard (1...2).contains(hour.count) else { return false }
        if w.take(UInt8(ascii: "h")) || w.take(UInt8(ascii: "H")) {
            // The French notation: `10h`, `10h30`.
            let minute = w.digits()
            guard minute.count == 0 || (minute.count == 2 && minute.value <= 59) else { return false }
            w.skipSpaces()
            return w.isEmpty && hour.value <= 23
        }
        guard w.take(UInt8(ascii: ":")) else { return false }
        let minute = w.digits()
        guard minute.count == 2, minute.value <= 59 else { return false }
        if w.take(UInt8(ascii: ":")) {
            let second = w.digits()
            guard second.count == 2, second.value <= 60 else { return false }
            if w.take(UInt8(ascii: ".")) || w.take(UInt8(ascii: ",")) {
                guard w.digits().count > 0 else { return false }
            }
        }
        guard acceptZone(&w) else { return false }
        var meridiem = w
        meridiem.skipSpaces()
        if meridiem.equals(am) || meridiem.equals(pm) {
            return (1...12).contains(hour.value)
        }
        w.skipSpaces()
        return w.isEmpty && hour.value <= 23
    }

    /// Accepts an optional `Z` or UTC offset `±HH`, `±HHMM`, `±HH:MM`.
    private static func acceptZone(_ w: inout ByteWindow) -> Bool {
        if w.take(UInt8(ascii: "Z")) || w.take(UInt8(ascii: "z")) { return true }
        guard w.take(UInt8(ascii: "+")) || w.take(UInt8(ascii: "-")) else { return true }
        let hours = w.digits()
        if hours.count == 4 { return hours.value / 100 <= 14 && hours.value % 100 <= 59 }
        guard hours.count == 2, hours.value <= 14 else { return false }
        if w.take(UInt8(ascii: ":")) {
            let minutes = w.digits()
            return minutes.count == 2 && minutes.value <= 59
        }
        return true
    }
}
