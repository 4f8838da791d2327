/// The exit codes of `sysexits.h` that cron tooling reads (CONTRACT §2).
/// Invariant: raw values are the sysexits numbers.
public enum ExitStatus: Int32, Sendable, Codable {
    case success = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cannotCreate = 73
    case tempFail = 75
}

/// An error that ends a run, with the exit status it maps to and a one-line message.
/// Invariant: `message` names the file or option and what to do.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
