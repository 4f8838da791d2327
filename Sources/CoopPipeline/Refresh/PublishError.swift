/// A file-system step of writing or publishing a report failed.
/// Invariant: maps to exit 73; the previously published report is untouched when it is thrown.
public struct PublishError: Error, CustomStringConvertible, CarriesExitCode, Equatable {
    /// What was being done (`rename`, `fsync`, `symlink`, …).
    public var operation: String
    /// The path involved.
    public var path: String
    /// The system's reason.
    public var reason: String
    public var exitCode: SysExit { .cantCreate }

    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "\(path): cannot \(operation): \(reason); check free space and permissions of the output folder"
    }
}
