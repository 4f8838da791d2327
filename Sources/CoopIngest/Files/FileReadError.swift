/// A registry file that could not be read from disk (open or read failed).
/// Invariant: `description` is one line naming the path and the fix.
public struct FileReadError: Error, CustomStringConvertible, Sendable, Equatable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot read it (\(reason)); check its permissions" }
}
