import CoopDomain
import CoopIngest

extension Language: OptionValue {
    /// `en`, `fr` or `ar`, in any case.
    public init(optionText: String) throws(OptionError) {
        guard let language = Language(rawValue: optionText.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw OptionError(text: optionText, reason: "not a language; use en, fr or ar")
        }
        self = language
    }

    public static var optionValues: [String] { allCases.map(\.rawValue) }
}

extension TextEncoding: OptionValue {
    /// The names `TextEncoding(userName:)` knows (utf-8, utf-16, windows-1252, cp1256, …).
    public init(optionText: String) throws(OptionError) {
        guard let encoding = TextEncoding(userName: optionText) else {
            throw OptionError(text: optionText, reason: "not a known encoding; use utf-8, utf-16, windows-1252 or windows-1256")
        }
        self = encoding
    }

    public static var optionValues: [String] { ["utf-8", "utf-16", "windows-1252", "windows-1256"] }
}

extension Day: OptionValue {
    /// A calendar date `YYYY-MM-DD`.
    public init(optionText: String) throws(OptionError) {
        guard let day = Day(iso: optionText.trimmingCharacters(in: .whitespaces)) else {
            throw OptionError(text: optionText, reason: "not a date; write YYYY-MM-DD, e.g. 2005-01-01")
        }
        self = day
    }
}

extension RegionCode: OptionValue {
    /// A 2015 region code, `1` to `12` with or without the leading zero.
    public init(optionText: String) throws(OptionError) {
        let trimmed = optionText.trimmingCharacters(in: .whitespaces)
        guard let code = RegionCode(number: trimmed), let number = Int(code.rawValue), (1...12).contains(number) else {
            throw OptionError(text: optionText, reason: "not a 2015 region code; use 01 to 12")
        }
        self = code
    }

    public static var optionValues: [String] { (1...12).map { $0 < 10 ? "0\($0)" : "\($0)" } }
}

extension PeriodSpec: OptionValue {
    /// The period grammar of CONTRACT §2 (`PeriodSpec(parsing:)`), the same for `--period` and `period =`.
    public init(optionText: String) throws(OptionError) {
        do {
            self = try PeriodSpec(parsing: optionText)
        } catch {
            throw OptionError(text: optionText, reason: "not a period: \(error.reason)")
        }
    }

    public static var optionValues: [String] { ["latest", "previous-quarter", "all"] }
}
