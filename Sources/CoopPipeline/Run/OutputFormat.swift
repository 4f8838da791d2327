import Foundation

/// The output formats of `run` (`--format`). Invariant: `rawValue` is the word a user types.
public enum OutputFormat: String, Sendable, CaseIterable, Codable, Comparable {
    case xlsx, txt, csv, json

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a comma list (`xlsx,txt`); throws naming the unknown word.
    public static func parseList(_ text: String) throws(PipelineError) -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for word in text.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces).lowercased() }) where !word.isEmpty {
            guard let format = OutputFormat(rawValue: word) else {
                throw PipelineError(.usage, "unknown format '\(word)' in --format; use a comma list of xlsx,txt,csv,json")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw PipelineError(.usage, "--format is empty; use a comma list of xlsx,txt,csv,json") }
        return formats.sorted()
    }
}
