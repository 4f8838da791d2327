import CoopDomain
import Foundation

/// The region a user names with `--region` or `region =`: a 2015 code (`7`, `07`) or any alias of a
/// 2015 region (`Marrakech-Safi`, `جهة مراكش آسفي`), folded as CONTRACT §1.3 when the reference tables
/// are loaded (`resolve`). Invariant: `text` is trimmed and not empty; a numeric `text` is a code 01–12, two digits.
public struct RegionChoice: OptionValue, Equatable, Hashable {
    /// The code as two digits, or the name as written (trimmed).
    public let text: String

    /// A code (checked here: 01 to 12) or a name (checked against the reference by `resolve`).
    public init(optionText: String) throws(OptionError) {
        let trimmed = optionText.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw OptionError(text: optionText, reason: "not a 2015 region; give its code (07) or its name (Marrakech-Safi)")
        }
        if trimmed.allSatisfy(\.isNumber) {
            text = try RegionCode(optionText: trimmed).rawValue
        } else {
            text = trimmed
        }
    }

    /// A region given by its code.
    public init(_ code: RegionCode) { text = code.rawValue }

    public static var optionValues: [String] { RegionCode.optionValues }

    /// The code of the 2015 region `text` names in `reference`; a usage error (exit 64) whose one line
    /// lists the valid codes and names otherwise. A 1997 region is not a 2015 one.
    public func resolve(in reference: ReferenceData) throws(PipelineError) -> RegionCode {
        if case .region(let code)? = reference.matchRegion(text), reference.region(code) != nil { return code }
        let valid = reference.regions.map { "\($0.code.rawValue) \($0.nameFR)" }.joined(separator: ", ")
        throw PipelineError(.usage, "region '\(text)' is not a 2015 region; give its code or name, one of: \(valid)")
    }
}
