/// The output formats of `run` (`--format`, config `formats`). Invariant: `rawValue` is the word a
/// user types, and `allCases` is the writing order.
public enum OutputFormat: String, Sendable, CaseIterable, Codable, Comparable, OptionValue {
    case xlsx, txt, csv, json

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool { lhs.order < rhs.order }

    private var order: Int {
        switch self {
        case .xlsx: 0
        case .txt: 1
        case .csv: 2
        case .json: 3
        }
    }

    public init(optionText: String) throws(OptionError) {
        guard let format = OutputFormat(rawValue: optionText.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw OptionError(text: optionText, reason: "not a format; use xlsx, txt, csv or json")
        }
        self = format
    }

    public static var optionValues: [String] { allCases.map(\.rawValue) }

    /// A list of formats, each once, in writing order; throws on an unknown word or an empty list.
    public static func list(_ words: [String]) throws(OptionError) -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for word in words where !word.trimmingCharacters(in: .whitespaces).isEmpty {
            let format = try OutputFormat(optionText: word)
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else {
            throw OptionError(text: words.joined(separator: ","), reason: "not a list of formats; use a comma list of xlsx,txt,csv,json")
        }
        return formats.sorted()
    }
}

/// The formats as one option value, a comma list (`--format xlsx,txt`).
/// Invariant: `formats` is not empty, each format once, in writing order.
public struct OutputFormatList: Sendable, Equatable, OptionValue {
    public let formats: [OutputFormat]

    public init(optionText: String) throws(OptionError) {
        formats = try OutputFormat.list(optionText.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }

    public static var optionValues: [String] { OutputFormat.optionValues }
}
