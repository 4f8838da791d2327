/// A value a user writes for an option, on the command line or in the config file: one grammar for
/// both, so `--lang fr` and `languages = ["fr"]` are read by the same code.
/// Invariant: `init(optionText:)` accepts every word of `optionValues`.
public protocol OptionValue: Sendable {
    /// Reads the user's text; throws naming what the text is not and what to write instead.
    init(optionText: String) throws(OptionError)
    /// The words offered in help and shell completions; empty for free-form values (dates, periods).
    static var optionValues: [String] { get }
}

extension OptionValue {
    public static var optionValues: [String] { [] }
}

/// An option value that cannot be read. Invariant: `description` is one sentence with the fix.
public struct OptionError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The text as the user wrote it.
    public let text: String
    /// What the text is not and what to write instead: `not a language; use en, fr or ar`.
    public let reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// `'de' is not a language; use en, fr or ar`.
    public var description: String { "'\(text)' is \(reason)" }
}
