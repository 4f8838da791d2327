/// A broken promise inside coopstat itself (not the user's data or setup).
/// Invariant: maps to exit 70.
public struct RefreshInternalError: Error, CustomStringConvertible, CarriesExitCode, Equatable {
    public var reason: String
    public var exitCode: SysExit { .software }
    public var description: String { "internal error: \(reason); please report it with the run's log" }
}
