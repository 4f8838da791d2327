import Foundation
import PackagePlugin

/// Copies `datasets/reference/*.csv` (the one copy in git, still what `--reference` defaults to in a
/// checkout) into the build before each build, where SwiftPM bundles them as the target's resources,
/// so the binary finds its reference tables outside the checkout.
/// Invariant: a file is copied only when its bytes changed, so an unchanged tree rebuilds nothing.
@main
struct ReferenceResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appendingPathComponent("Reference")
        let source = context.package.directoryURL.appendingPathComponent("datasets/reference")
        let script = """
            mkdir -p "$2"
            for file in "$1"/*.csv; do cmp -s "$file" "$2/${file##*/}" || cp "$file" "$2/${file##*/}"; done
            """
        return [
            .prebuildCommand(
                displayName: "ReferenceResources: datasets/reference into the bundle",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", source.path, folder.path],
                outputFilesDirectory: folder)
        ]
    }
}
