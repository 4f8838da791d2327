import CoopDomain

@testable import CoopSample

/// The default-seed registries, generated once for all tests of this target.
enum DefaultSample {
    static let generator = SampleGenerator(reference: TestReference.data, options: SampleOptions())
    static let generated: (files: [SampleRegistry], calibration: SampleCalibration, planned: [PlannedCooperative]) = {
        do { return try generator.generate() } catch { fatalError("sample does not generate: \(error)") }
    }()
    static var result: (files: [SampleRegistry], calibration: SampleCalibration) { (generated.files, generated.calibration) }
    static var planned: [PlannedCooperative] { generated.planned }

    static func file(_ prefix: String) -> SampleRegistry? { result.files.first { $0.fileName.hasPrefix(prefix) } }

    /// Decoded text and delimiter of each file, decoded the way its name says it was written.
    static func decoded(_ registry: SampleRegistry) -> (text: String, delimiter: Character)? {
        let bytes = registry.bytes
        switch registry.fileName.prefix(2) {
        case "01": return TestReference.decode(bytes, codePage: "WINDOWS-1252").map { ($0, ";") }
        case "02": return TestReference.decode(bytes, codePage: "WINDOWS-1256").map { ($0, ";") }
        case "03": return String(validating: bytes.dropFirst(3), as: UTF8.self).map { ($0, ",") }
        case "04": return (TestReference.decodeUTF16LE(bytes.dropFirst(2)), "\t")
        case "05": return String(validating: bytes, as: UTF8.self).map { ($0, ",") }
        default: return nil
        }
    }
}
