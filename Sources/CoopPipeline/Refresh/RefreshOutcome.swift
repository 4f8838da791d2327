import Foundation

/// How a refresh ended: the exit status for the process and the lines said along the way.
/// Invariant: `status` is a sysexits value; `messages` are one-line, human, and were already
/// logged through the run's logger (the CLI need not print them again).
public struct RefreshOutcome: Sendable, Equatable {
    public var status: SysExit
    public var messages: [String]
    /// The folder published by this run, if any.
    public var published: URL?
    /// True when the run was skipped because nothing changed.
    public var upToDate: Bool

    public init(status: SysExit, messages: [String], published: URL? = nil, upToDate: Bool = false) {
        self.status = status
        self.messages = messages
        self.published = published
        self.upToDate = upToDate
    }

    /// The process exit code (0, 64, 65, 66, 70, 73 or 75).
    public var exitCode: Int32 { status.rawValue }
}
