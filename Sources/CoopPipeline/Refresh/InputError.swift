/// An input path that does not exist, cannot be read, or a glob/folder that matches no CSV file.
/// Invariant: maps to exit 66.
public struct InputError: Error, CustomStringConvertible, CarriesExitCode, Equatable {
    public var path: String
    public var reason: String
    public var exitCode: SysExit { .noInput }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
