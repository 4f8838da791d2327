import CoopPipeline
import Foundation

/// Where the command line speaks: errors on stderr (one line each), progress only on a terminal.
/// Invariant: with `quiet` or without a terminal, only errors are printed.
struct Terminal: Sendable {
    let quiet: Bool

    var showsProgress: Bool { !quiet && isatty(STDERR_FILENO) == 1 }

    func error(_ message: String) {
        FileHandle.standardError.write(Data("coopstat: error: \(MessageLine.safe(message))\n".utf8))
    }

    /// An answer the user asked for (`--check-config`): printed unless `--quiet`, terminal or not.
    func answer(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("coopstat: \(MessageLine.safe(message))\n".utf8))
    }

    /// A closing remark: like progress, only on a terminal and without `--quiet` (cron sees nothing).
    func note(_ message: String) {
        guard showsProgress else { return }
        FileHandle.standardError.write(Data("coopstat: \(MessageLine.safe(message))\n".utf8))
    }

    /// A progress callback for long work, or nil when progress is not shown.
    var progress: (@Sendable (String) -> Void)? {
        guard showsProgress else { return nil }
        return { message in FileHandle.standardError.write(Data("coopstat: \(MessageLine.safe(message))…\n".utf8)) }
    }

    /// The progress line for long work (bytes, rows, rate, time left), or nil when progress is not shown.
    var progressLine: ProgressLine? { showsProgress ? ProgressLine.standardError() : nil }

    /// Prints `error` and ends the process with its exit status (70 for an error without one).
    func fail(_ error: any Error) -> Never {
        self.error(String(describing: error))
        exit((error as? CarriesExitCode)?.exitCode.rawValue ?? SysExit.software.rawValue)
    }
}
