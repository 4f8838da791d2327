import CoopDomain
import Foundation

/// The words for values that CSV cells keep as keys (CONTRACT §3.1): genders, communities, `TOTAL`,
/// field names, yes/no, the tab delimiter, reject details and refusal messages, in one language.
/// Invariant: every reject reason code and every refusal kind has a template in every language, with
/// the same placeholders as the English one.
public struct ValueLabels: Sendable {
    public let report: ReportLabels
    /// Field names by contract key (`capital_mad` …).
    public let fields: [String: String]
    public let yes: String
    public let no: String
    /// Reject details by reason code; `{expected}`, `{found}`, `{start}`, `{end}`, `{name}`, `{what}`,
    /// `{men}`, `{women}`, `{sum}`, `{total}` are filled in.
    public let details: [String: String]
    /// Refusal messages by `FileRefusal.code`; `{file}`, `{line}`, `{field}`, `{found}`, `{first}`,
    /// `{second}`, `{why}` are filled in.
    public let refusals: [String: String]
    /// In a soulaliyate-only run, the note on the years whose registries do not report the flag (`{years}`).
    public let soulaliyateNotReported: String

    /// The labels of `language`.
    public static func of(_ language: Language) -> ValueLabels {
        switch language {
        case .en: english
        case .fr: french
        case .ar: arabic
        }
    }

    /// The word for a gender key (`women`, `men`, `not_reported`).
    public func gender(_ key: String) -> String {
        switch key {
        case "women": report.womenHeader
        case "men": report.menHeader
        case "not_reported": report.notReported
        default: key
        }
    }

    /// The word for a community key (`soulaliyate`, `other`, `not_reported`).
    public func community(_ key: String) -> String {
        switch key {
        case "soulaliyate": report.soulaliyate
        case "other": report.otherCommunity
        case "not_reported": report.notReported
        default: key
        }
    }

    /// The name of a field (`capital_mad` → "Capital (MAD)"); the key itself when unknown.
    public func field(_ key: String) -> String { fields[key] ?? key }

    /// The name of a registry field in the run's language.
    public func field(_ field: RegistryField) -> String { self.field(field.rawValue) }

    /// The workbook's text for a key cell of column `column` (CSV keeps `text`): genders, communities,
    /// `TOTAL`, an empty province, field names, the tab delimiter; other text as it is.
    public func cell(column: String, _ text: String) -> String {
        switch column {
        case "gender": gender(text)
        case "community": community(text)
        case "province": text.isEmpty ? report.provinceNotReported : text
        case "file": text == "TOTAL" ? report.total : text
        case "field": field(text)
        case "differing_fields":
            text.split(separator: ",").map { field($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: report.listSeparator)
        case "delimiter": text == "tab" ? report.tab : text
        default: text
        }
    }

    /// The one-sentence detail of a reject, in this language.
    public func detail(_ reason: RejectReason) -> String {
        let template = details[reason.code] ?? reason.sentence
        switch reason {
        case .fieldCount(let expected, let found):
            return ReportLabels.fill(template, ["expected": String(expected), "found": String(found)])
        case .dateOutOfRange(let range):
            return ReportLabels.fill(template, ["start": range.start.description, "end": range.end.description])
        case .splitLegacyRegionWithoutProvince(let name):
            return ReportLabels.fill(template, ["name": name])
        case .exceedsTotal(let what):
            let word = what == "women" ? report.women : what == "men" ? report.men : what
            return ReportLabels.fill(template, ["what": word])
        case .genderSumMismatch(let men, let women, let total):
            return ReportLabels.fill(
                template, ["men": String(men), "women": String(women), "sum": String(men + women), "total": String(total)])
        default:
            return template
        }
    }

    /// The refusal of `file`, in this language, as one line naming the file and the fix.
    public func refusal(file: String, _ refusal: FileRefusal) -> String {
        let template = refusals[refusal.code] ?? refusal.code
        var values = ["file": file]
        switch refusal {
        case .empty, .noHeader: break
        case .missingField(let field, let line, let found):
            values.merge(["line": String(line), "field": self.field(field), "found": Self.list(found)]) { $1 }
        case .missingRegionAndProvince(let line, let found):
            values.merge(["line": String(line), "found": Self.list(found)]) { $1 }
        case .repeatedField(let field, let first, let second, let line, let found):
            values.merge(
                [
                    "line": String(line), "field": self.field(field), "first": String(first), "second": String(second),
                    "found": Self.list(found),
                ]
            ) { $1 }
        case .undecodable(let why), .unreadable(let why), .beyondLimits(let why):
            values["why"] = why
        }
        return ReportLabels.fill(template, values)
    }

    /// The refusal of a file's quality record in this language (its English text when it has no values).
    public func refusal(of quality: FileQuality) -> String? {
        guard let text = quality.refusal else { return nil }
        return quality.refusalValues.map { refusal(file: quality.file, $0) } ?? text
    }

    /// Header cells as found, trimmed, comma-separated.
    static func list(_ headers: [String]) -> String {
        headers.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
    }
}
