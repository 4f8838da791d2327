import ArgumentParser
import CoopPipeline

/// An option value that cannot be read, as ArgumentParser shows it after `The value 'x' is invalid
/// for '--opt <opt>': `. Invariant: `description` is the option model's reason, with its fix.
struct OptionValueError: Error, CustomStringConvertible {
    let description: String
}

extension Option {
    /// An optional option read with the option model's grammar (the one the config file uses):
    /// its error says what to write instead, and shell completions list its values. Written
    /// `@Option(.long, help: …)`.
    /// `parsing: .unconditional` takes the next word even when it starts with `-` (`-1`), so
    /// the option model, not "Missing value", says what is wrong with it.
    init<T: OptionValue>(_ name: NameSpecification, parsing: SingleValueParsingStrategy = .next, help: ArgumentHelp) where Value == T? {
        self.init(
            wrappedValue: nil, name: name, parsing: parsing, help: help, completion: T.optionValues.isEmpty ? nil : .list(T.optionValues),
            transform: { text in
                do throws(OptionError) {
                    return try T(optionText: text)
                } catch {
                    // A list names its bad item: `'pdf' is not a format; …`.
                    throw OptionValueError(description: error.text == text ? error.reason : error.description)
                }
            })
    }
}

// The enums of the option model, usable as plain `@Option` types too (help and completions list
// their words; ArgumentParser's own error then names them).
extension CommandLineOptions.Language: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(optionText: argument) }
    public static var allValueStrings: [String] { optionValues }
}

extension CommandLineOptions.TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(optionText: argument) }
    public static var allValueStrings: [String] { optionValues }
}

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(optionText: argument) }
    public static var allValueStrings: [String] { optionValues }
}

extension FieldDelimiter: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(optionText: argument) }
    public static var allValueStrings: [String] { optionValues }
}
