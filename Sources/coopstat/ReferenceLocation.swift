import Foundation

/// Finds the bundled reference tables when `--reference` is not given: `COOPSTAT_REFERENCE`, then
/// `datasets/reference` in the current folder, then beside the executable's project
/// (`.build/<config>/coopstat` → `datasets/reference`). Invariant: returns a folder holding `regions.csv`, or the cwd guess.
enum ReferenceLocation {
    static func bundled() -> String {
        let manager = FileManager.default
        if let env = ProcessInfo.processInfo.environment["COOPSTAT_REFERENCE"], !env.isEmpty { return env }
        var candidates = ["datasets/reference"]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("datasets/reference").path)
            folder = folder.deletingLastPathComponent()
        }
        if let executable = Bundle.main.executablePath {
            var up = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(up.appendingPathComponent("datasets/reference").path)
                up = up.deletingLastPathComponent()
            }
        }
        return candidates.first { manager.fileExists(atPath: ($0 as NSString).appendingPathComponent("regions.csv")) }
            ?? "datasets/reference"
    }
}
