/// Why a transcoder for an encoding could not be made (for example `iconv_open` failed).
/// Invariant: `description` is one line naming the encoding.
public struct TranscodeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The encoding that was requested.
    public let encoding: TextEncoding
    /// What went wrong, in a few words.
    public let reason: String

    public init(encoding: TextEncoding, reason: String) {
        self.encoding = encoding
        self.reason = reason
    }

    public var description: String {
        "cannot decode \(encoding.rawValue) text: \(reason)"
    }
}
