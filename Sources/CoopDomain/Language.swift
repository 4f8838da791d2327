/// The language of a run's labels and names (`--lang`); CSV column keys never change with it.
/// Invariant: `rawValue` is the two-letter code a user types.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, fr, ar

    /// True for languages written right to left.
    public var isRightToLeft: Bool { self == .ar }
}
