/// Process exit codes of `sysexits.h` that coopstat promises to cron tooling (CONTRACT §2).
/// Invariant: raw values are exactly the `sysexits.h` numbers; nothing else is ever returned.
public enum SysExit: Int32, Sendable, CaseIterable {
    /// Success, or nothing to do.
    case ok = 0
    /// Usage or configuration error (`EX_USAGE`).
    case usage = 64
    /// Run finished but rejected rows exceed the threshold, or a file was refused (`EX_DATAERR`).
    case dataError = 65
    /// An input is missing or unreadable (`EX_NOINPUT`).
    case noInput = 66
    /// Internal error (`EX_SOFTWARE`).
    case software = 70
    /// An output could not be written (`EX_CANTCREAT`).
    case cantCreate = 73
    /// Another run holds the lock (`EX_TEMPFAIL`).
    case tempFail = 75
}

/// An error that knows which process exit code it maps to.
/// Invariant: `exitCode` is one of the `SysExit` values.
public protocol CarriesExitCode: Error {
    /// The exit code a command should end with when this error stops it.
    var exitCode: SysExit { get }
}
