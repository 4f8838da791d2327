import Foundation

/// Finds the reference tables when `--reference` is not given: `COOPSTAT_REFERENCE`, then
/// `datasets/reference` in the current folder or above the executable (a checkout), then the copy
/// bundled beside the executable as SwiftPM resources (`coopstat_CoopPipeline.resources/`, the
/// ReferenceResources plugin),
/// so the binary runs outside the checkout. Invariant: returns a folder holding `regions.csv`, or
/// the cwd guess `datasets/reference` (whose absence the loader then reports).
public enum ReferenceLocation {
    public static func bundled() -> String {
        let manager = FileManager.default
        if let env = ProcessInfo.processInfo.environment["COOPSTAT_REFERENCE"], !env.isEmpty { return env }
        var candidates = ["datasets/reference"]
        var executables = [URL(fileURLWithPath: CommandLine.arguments.first ?? ".")]
        if let path = Bundle.main.executablePath { executables.append(URL(fileURLWithPath: path)) }
        var bundledCopies: [String] = []
        for executable in executables {
            var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            bundledCopies.append(folder.appendingPathComponent("coopstat_CoopPipeline.resources").path)
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent("datasets/reference").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        return (candidates + bundledCopies).first {
            manager.fileExists(atPath: ($0 as NSString).appendingPathComponent("regions.csv"))
        } ?? "datasets/reference"
    }
}
