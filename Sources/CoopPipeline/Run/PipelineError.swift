/// An error that ends a run, with the exit status it maps to, a one-line message, and the error
/// value it came from (a `ConfigError`, a `ReferenceError`, an `XlsxError`…) kept for callers and
/// tests to inspect rather than flattened into the text. Invariant: `message` names the file or
/// option and what to do; `cause`, when set, is the error the message was made from.
public struct PipelineError: Error, CustomStringConvertible, Sendable, CarriesExitCode {
    public let status: SysExit
    public let message: String
    public let cause: (any Error & Sendable)?

    public init(_ status: SysExit, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.status = status
        self.message = message
        self.cause = cause
    }

    public var exitCode: SysExit { status }
    public var description: String { message }
}
