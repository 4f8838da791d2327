/// A problem with a refresh config file, located precisely enough for the user to fix it.
/// Invariant: `description` is one line naming the file, the line (when known) and the key.
public struct ConfigError: Error, CustomStringConvertible, CarriesExitCode, Equatable {
    /// The config file's path.
    public var file: String
    /// 1-based line in the file, when it could be found.
    public var line: Int?
    /// The key at fault (dotted for nested keys, e.g. `range.start`, `file[2].encoding`), if any.
    public var key: String?
    /// What is wrong and, where possible, what to do.
    public var reason: String
    /// 64 for configuration errors, 66 when the file itself cannot be read.
    public var exitCode: SysExit

    public init(file: String, line: Int?, key: String?, reason: String, exitCode: SysExit = .usage) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
        self.exitCode = exitCode
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let key { return "\(location): key '\(key)': \(reason)" }
        return "\(location): \(reason)"
    }
}
