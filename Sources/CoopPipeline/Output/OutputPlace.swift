import CoopDomain
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Decides whether a folder may receive coopstat's outputs (CONTRACT §3.0): never `/`, the home
/// folder, a folder inside an input or holding one, nor a folder of a `refresh` output root.
/// Comparisons are by device and inode along the folders' chains, so `.`/`..`, symlinks and
/// bind mounts cannot hide an overlap. Invariant: a refusal is a `PipelineError` with exit 73
/// and one line naming the path and the fix; the check reads only, it never creates anything.
public enum OutputPlace {
    /// Throws when `output` may not receive outputs read from `inputs` (files, folders or globs).
    public static func check(output: String, inputs: [String]) throws(PipelineError) {
        let shown = VisibleText.escaped(output)
        if let target = FileIdentity.of(output) {
            if target == FileIdentity.of("/") {
                throw refusal(shown, "is the root folder /; give --output a folder of its own, e.g. ./reports")
            }
            for home in homeFolders() where FileIdentity.of(home) == target {
                throw refusal(shown, "is your home folder; give --output a folder of its own, e.g. ~/reports")
            }
            if let root = refreshRoot(of: output) {
                throw refusal(
                    shown,
                    "belongs to the refresh output root \(VisibleText.escaped(root)) (it holds \(RefreshState.fileName)); "
                        + "let `coopstat refresh` publish there, or choose another --output")
            }
        }
        try checkOverlap(output: output, inputs: inputs)
    }

    /// Throws when `output` is inside one of `inputs` or holds one (by device and inode).
    /// The output's own identity is taken first and its folder chain after, so a folder that
    /// another run creates meanwhile can only add itself to the chain, never stand for its parent.
    public static func checkOverlap(output: String, inputs: [String]) throws(PipelineError) {
        let shown = VisibleText.escaped(output)
        let target = FileIdentity.of(output)
        let outputChain = Set(FileIdentity.chain(output))
        for input in expandedInputs(inputs) {
            guard let inputItself = FileIdentity.of(input) else { continue }
            if let target, FileIdentity.chain(input).contains(target) {
                throw refusal(
                    shown,
                    "holds the input \(VisibleText.escaped(input)); choose an output folder outside the inputs")
            }
            if outputChain.contains(inputItself) {
                throw refusal(
                    shown,
                    "is inside the input \(VisibleText.escaped(input)); choose an output folder outside the inputs")
            }
        }
    }

    /// The refresh output root `folder` is or lies directly in (it or its parent holds refresh's
    /// state or lock file), or nil.
    static func refreshRoot(of folder: String) -> String? {
        let parent = folder + "/.."
        for candidate in [folder, parent] {
            for name in [RefreshState.fileName, RunLock.fileName] where DurableFiles.exists(candidate + "/" + name) {
                return (candidate as NSString).standardizingPath
            }
        }
        return nil
    }

    /// The caller's home folders: `$HOME` and the password database's entry.
    static func homeFolders() -> [String] {
        var out: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { out.append(home) }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { out.append(String(cString: dir)) }
        return out
    }

    /// Inputs as given, glob patterns expanded to their matches.
    static func expandedInputs(_ inputs: [String]) -> [String] {
        inputs.flatMap { spec in spec.contains(where: { "*?[".contains($0) }) ? InputFiles.glob(spec) : [spec] }
    }

    private static func refusal(_ path: String, _ reason: String) -> PipelineError {
        PipelineError(.cantCreate, "\(path): output folder refused: it \(reason)")
    }
}
