/// How `refresh` writes its log lines to stderr (`--log-format`, config `log_format`).
/// Invariant: `rawValue` is the word a user types.
public enum LogFormat: String, Sendable, CaseIterable, Codable, OptionValue {
    case human, json

    public init(optionText: String) throws(OptionError) {
        guard let format = LogFormat(rawValue: optionText.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw OptionError(text: optionText, reason: "not a log format; use human or json")
        }
        self = format
    }

    public static var optionValues: [String] { allCases.map(\.rawValue) }
}
