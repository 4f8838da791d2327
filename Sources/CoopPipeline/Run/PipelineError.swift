/// An error that ends a run, with the exit status it maps to, a one-line message, and the error
/// value it came from (a `ConfigError`, a `ReferenceError`, an `XlsxError`…) kept for callers and
/// tests to inspect rather than flattened into the text. Invariant: `message` names the file or
/// option and what to do; `cause`, when set, is the error the message was made from.
public struct PipelineError: Error, CustomStringConvertible, Sendable, CarriesExitCode {
    public let status: SysExit
    public let cause: (any Error & Sendable)?
    /// The message as worded where the error was thrown; nil when `cause` words it (an `OutputFailure`).
    private let wording: String?

    public init(_ status: SysExit, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.status = status
        self.wording = message
        self.cause = cause
    }

    /// An output that could not be written: the failure is kept as the cause and words the message when it is read.
    public init(_ failure: OutputFailure) {
        self.status = failure.status
        self.wording = nil
        self.cause = failure
    }

    /// The one-line message printed to the user.
    public var message: String { wording ?? cause.map { "\($0)" } ?? "" }

    public var exitCode: SysExit { status }
    public var description: String { message }
}
