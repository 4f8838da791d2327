import CoopDomain

/// The region a user names with `--region` (or `region =` in a config): a code (`7`, `07`) or any
/// alias of a 2015 region, folded as CONTRACT §1.3 and matched against the loaded reference tables.
/// Invariant: resolves only to a region of `reference.regions`; a 1997 region is not a 2015 one.
enum RegionChoice {
    /// The code of the 2015 region `text` names; a usage error (exit 64) listing the valid codes and names otherwise.
    static func resolve(_ text: String, reference: ReferenceData) throws(PipelineError) -> RegionCode {
        if case .region(let code)? = reference.matchRegion(text), reference.region(code) != nil { return code }
        let valid = reference.regions.map { "\($0.code.rawValue) \($0.nameFR)" }.joined(separator: ", ")
        throw PipelineError(.usage, "region '\(text)' is not a 2015 region; give its code or name, one of: \(valid)")
    }
}
