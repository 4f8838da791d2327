/// One cell as stored in a worksheet part, with its value resolved (shared strings looked up).
/// Invariant: `formula` is non-nil exactly when the cell has an `<f>` element.
public struct ReadCell: Equatable, Sendable {
    /// How the value is stored.
    public enum Kind: Equatable, Sendable {
        case sharedString, inlineString, number, boolean, error
        /// `t="str"`: the cached result of a formula that yields text.
        case formulaString
    }

    /// A1 reference, e.g. "B7".
    public let reference: String
    public let kind: Kind
    /// The value as text: the string itself, or the number/boolean as written in `<v>`.
    public let value: String
    /// The formula text (without '='), when the cell has one.
    public let formula: String?
    /// Index into `cellXfs` (the `s` attribute), 0 when absent.
    public let styleIndex: Int
    /// Number format code of the cell's style ("General" by default).
    public let numberFormat: String

    /// The value as a number, when it is one.
    public var number: Double? { kind == .number ? Double(value) : nil }
    /// True for text cells (shared, inline, or formula string results).
    public var isText: Bool { kind == .sharedString || kind == .inlineString || kind == .formulaString }
}
