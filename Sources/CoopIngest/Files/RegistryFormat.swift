/// Per-file overrides of what detection would decide (config `[[file]]` and `--encoding`).
/// Invariant: a nil member means "detect it".
public struct RegistryFormat: Sendable, Equatable {
    public var encoding: TextEncoding?
    public var delimiter: UInt8?

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
    }
}
