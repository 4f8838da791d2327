/// A group of cooperatives a run may be restricted to (`--only`, config `only`).
/// Invariant: `rawValue` is the word a user types.
public enum ScopeGroup: String, Sendable, CaseIterable, OptionValue {
    case soulaliyate

    public init(optionText: String) throws(OptionError) {
        guard let group = ScopeGroup(rawValue: optionText.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw OptionError(text: optionText, reason: "not a known group; the only one is soulaliyate")
        }
        self = group
    }

    public static var optionValues: [String] { allCases.map(\.rawValue) }
}
