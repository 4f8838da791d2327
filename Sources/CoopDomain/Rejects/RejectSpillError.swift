/// A spill of rejected rows that could not be written or read back (temporary folder full,
/// removed, unreadable). Invariant: `description` names the path and the system's reason.
public struct RejectSpillError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "cannot keep the rejected rows in the temporary file \(path): \(reason); free space in the temporary folder (TMPDIR) and rerun"
    }
}
