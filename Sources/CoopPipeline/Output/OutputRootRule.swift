import CoopDomain
import Foundation

/// Which `output_root` values a refresh config may give (CONTRACT §3.0, §4): a folder of its
/// own, never empty, never `/` or the home folder, never the folder holding the config file or
/// one of its ancestors (`""`, `.`, `..`: refresh would then manage the user's own folders).
/// Invariant: `refusal` reads only; nil means the root may be used.
enum OutputRootRule {
    /// Why `text` (resolved to `resolved`, relative to `configFolder`) is refused, or nil.
    static func refusal(_ text: String, resolved: String, configFolder: String) -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            return "is empty; give a folder of its own for the reports, e.g. output_root = \"reports\""
        }
        guard let root = FileIdentity.of(resolved) else { return nil }  // created on first run: nothing to overlap yet
        if root == FileIdentity.of("/") {
            return "is the root folder /; give a folder of its own for the reports, e.g. output_root = \"reports\""
        }
        for home in OutputPlace.homeFolders() where FileIdentity.of(home) == root {
            return "is the home folder; give a folder of its own for the reports, e.g. output_root = \"reports\""
        }
        if FileIdentity.chain(configFolder).contains(root) {
            return
                "'\(VisibleText.escaped(text))' holds the config file's own folder; give a folder of its own for the reports, e.g. output_root = \"reports\""
        }
        return nil
    }
}
