import CXlsxWriter

/// The libxlsxwriter this process runs with, against the one coopstat was compiled for.
/// Invariant: `check()` passes only when both share major and minor version — the C structs the
/// wrapper fills (`lxw_chart_font`, `lxw_doc_properties`…) are laid out per minor version.
public enum XlsxLibrary {
    /// The version of the library linked at run time (`lxw_version()`), e.g. `1.1.4`.
    public static var runtimeVersion: String { String(cString: lxw_version()) }
    /// The version of the headers coopstat was compiled against (`LXW_VERSION`).
    public static let compiledVersion: String = LXW_VERSION

    /// True when a library with version id `runtime` (`114` is 1.1.4) can serve code compiled for `compiled`.
    public static func isCompatible(runtime: Int, compiled: Int) -> Bool { runtime / 10 == compiled / 10 }

    /// Throws when the linked library is not the minor version coopstat was built for.
    public static func check() throws(XlsxLibraryMismatch) {
        guard isCompatible(runtime: Int(lxw_version_id()), compiled: Int(LXW_VERSION_ID)) else {
            throw XlsxLibraryMismatch(runtime: runtimeVersion, compiled: compiledVersion)
        }
    }
}

/// The linked libxlsxwriter is not the one coopstat was compiled for.
/// Invariant: `description` names both versions and the two ways out.
public struct XlsxLibraryMismatch: Error, CustomStringConvertible, Equatable, Sendable {
    public let runtime: String
    public let compiled: String

    public init(runtime: String, compiled: String) {
        self.runtime = runtime
        self.compiled = compiled
    }

    public var description: String {
        "libxlsxwriter \(runtime) is installed but coopstat was built against \(compiled); "
            + "rebuild coopstat on this machine (make release) or install libxlsxwriter \(compiled)"
    }
}
