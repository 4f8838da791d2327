import Foundation

/// An error raised on purpose by `FaultInjection` to test recovery from failed writes.
/// Invariant: maps to exit 73, like a real write failure.
public struct InjectedFault: Error, CustomStringConvertible, CarriesExitCode, Equatable {
    public var step: String
    public var exitCode: SysExit { .cantCreate }
    public var description: String { "injected write error at step '\(step)' (COOPSTAT_FAULT)" }
}

/// Test-only hook: the step named in `COOPSTAT_FAULT` throws an injected write error, and
/// `COOPSTAT_FAULT_DELAY_MS` sleeps at every step so a kill test can land at any moment.
/// Invariant: with neither variable set, `check` does nothing and never throws; the variables are
/// read only in builds with `COOPSTAT_FAULTS` defined (debug and test builds, see Package.swift):
/// a release binary ignores them, so a variable left in a cron environment changes nothing.
///
/// Steps used by the refresh machinery: `staging:create`, `write:manifest.json`, `fsync`,
/// `publish:marker`, `publish:rename`, `publish:symlink`, `publish:retention`, `state:write`,
/// `lock`. Writers of report files call `check("write:<file name>")` (e.g. `write:coopstat.xlsx`).
/// A fault ending in `*` matches every step with that prefix (`publish:*`).
public struct FaultInjection: Sendable, Equatable {
    /// The step to fail, or nil.
    public var fault: String?
    /// Milliseconds to sleep at each step.
    public var delayMilliseconds: Int

    /// No faults, no delays.
    public static let none = FaultInjection(fault: nil, delayMilliseconds: 0)

    public init(fault: String?, delayMilliseconds: Int = 0) {
        self.fault = (fault?.isEmpty ?? true) ? nil : fault
        self.delayMilliseconds = max(0, delayMilliseconds)
    }

    /// Reads `COOPSTAT_FAULT` and `COOPSTAT_FAULT_DELAY_MS` from `environment` (debug and test
    /// builds); `.none` in a release build.
    public init(environment: [String: String]) {
        #if COOPSTAT_FAULTS
            self.init(
                fault: environment["COOPSTAT_FAULT"],
                delayMilliseconds: environment["COOPSTAT_FAULT_DELAY_MS"].flatMap { Int($0) } ?? 0)
        #else
            self = .none
        #endif
    }

    /// True when this build reads the fault variables (debug and test builds only).
    public static var readsEnvironment: Bool {
        #if COOPSTAT_FAULTS
            true
        #else
            false
        #endif
    }

    /// The hook as configured by this process's environment.
    public static var fromEnvironment: FaultInjection {
        FaultInjection(environment: ProcessInfo.processInfo.environment)
    }

    /// Sleeps if a delay is set, then throws `InjectedFault` when `step` is the configured fault.
    public func check(_ step: String) throws(InjectedFault) {
        if delayMilliseconds > 0 { usleep(UInt32(min(delayMilliseconds, 60_000)) * 1000) }
        guard let fault else { return }
        if fault == step || (fault.hasSuffix("*") && step.hasPrefix(fault.dropLast())) {
            throw InjectedFault(step: step)
        }
    }

    /// `check` with the process environment's settings; what report writers call.
    public static func check(_ step: String) throws(InjectedFault) {
        try fromEnvironment.check(step)
    }
}
