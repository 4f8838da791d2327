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

/// The most rejected rows a run may have before it exits 65 (`reject_threshold`): a count or a percentage of rows read.
/// Invariant: a percentage is within 0…100.
public enum RejectThreshold: Sendable, Equatable, Codable {
    case count(Int)
    case percent(Double)

    /// Parses `5%`, `2.5%` or `12`.
    public init(parsing text: String) throws(PipelineError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            guard let value = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)), value >= 0, value <= 100 else {
                throw PipelineError(.usage, "reject threshold '\(text)' is not a percentage between 0% and 100%")
            }
            self = .percent(value)
        } else {
            guard let value = Int(trimmed), value >= 0 else {
                throw PipelineError(.usage, "reject threshold '\(text)' is not a count (e.g. 100) or a percentage (e.g. 5%)")
            }
            self = .count(value)
        }
    }

    /// Whether `rejected` rows out of `rowsRead` exceed the threshold.
    public func isExceeded(rejected: Int, rowsRead: Int) -> Bool {
        switch self {
        case .count(let limit): return rejected > limit
        case .percent(let percent): return rowsRead > 0 && Double(rejected) * 100 > percent * Double(rowsRead)
        }
    }

    public var description: String {
        switch self {
        case .count(let n): String(n)
        case .percent(let p): "\(p)%"
        }
    }
}
