/// An error that ends a run, with the exit status it maps to and a one-line message.
/// Invariant: `message` names the file or option and what to do.
public struct PipelineError: Error, CustomStringConvertible, Sendable, CarriesExitCode {
    public let status: SysExit
    public let message: String

    public init(_ status: SysExit, _ message: String) {
        self.status = status
        self.message = message
    }

    public var exitCode: SysExit { status }
    public var description: String { message }
}
