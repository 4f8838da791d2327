import Foundation
import XCTest

/// The architecture of README's Layout, as `Package.swift` declares it: every target imports only
/// the modules it declares (SwiftPM would let it import its dependencies' dependencies), and the
/// command line depends on CoopPipeline and ArgumentParser only.
final class LayerTests: XCTestCase {
    /// One target of `Package.swift`: its name, its source folder and the modules it declares.
    struct Target {
        let name: String
        let folder: String
        let declared: Set<String>
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Reads the targets from `Package.swift`'s text: each `.target(`/`.executableTarget(`/
    /// `.testTarget(`/`.systemLibrary(` entry, its `name:`, `path:` and `dependencies: [...]`.
    static func targets(manifest text: String) -> [Target] {
        let kinds = [".target(", ".executableTarget(", ".testTarget(", ".systemLibrary("]
        var starts: [(String.Index, String)] = []
        for kind in kinds {
            var from = text.startIndex
            while let found = text.range(of: kind, range: from..<text.endIndex) {
                starts.append((found.upperBound, kind))
                from = found.upperBound
            }
        }
        starts.sort { $0.0 < $1.0 }
        var targets: [Target] = []
        for (i, (start, kind)) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1].0 : text.endIndex
            let entry = String(text[start..<end])
            guard let name = firstQuoted(after: "name: ", in: entry) else { continue }
            var declared: Set<String> = []
            if let deps = entry.range(of: "dependencies: [") {
                var depth = 1
                var cursor = deps.upperBound
                while cursor < entry.endIndex, depth > 0 {
                    if entry[cursor] == "[" { depth += 1 }
                    if entry[cursor] == "]" { depth -= 1 }
                    cursor = entry.index(after: cursor)
                }
                let list = String(entry[deps.upperBound..<cursor])
                // `"CoopDomain"` and `.product(name: "Logging", package: "swift-log")`: the package is no module.
                let withoutPackages = list.replacingOccurrences(of: #"package: "[^"]*""#, with: "", options: .regularExpression)
                declared = Set(quotedWords(in: withoutPackages))
            }
            let folder =
                firstQuoted(after: "path: ", in: entry) ?? (kind == ".testTarget(" ? "Tests/\(name)" : "Sources/\(name)")
            targets.append(Target(name: name, folder: folder, declared: declared))
        }
        return targets
    }

    static func firstQuoted(after label: String, in text: String) -> String? {
        guard let at = text.range(of: label + "\"") else { return nil }
        guard let close = text[at.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(text[at.upperBound..<close])
    }

    static func quotedWords(in text: String) -> [String] {
        text.components(separatedBy: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    /// The modules a Swift source imports (`import X`, `@testable import X`, `import struct X.Y`).
    static func imports(in source: String) -> [String] {
        source.split(separator: "\n").compactMap { line in
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
            guard words.count >= 2, words[0] == "import" else { return nil }
            let path =
                ["struct", "class", "enum", "protocol", "func", "var", "typealias"].contains(words[1]) && words.count >= 3
                ? words[2] : words[1]
            return path.split(separator: ".").first.map(String.init)
        }
    }

    func manifestTargets() throws -> [Target] {
        try Self.targets(manifest: String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8))
    }

    func testTheReaderFindsWhatTheManifestSays() throws {
        let sample = """
            .target(name: "A"),
            .target(name: "B", dependencies: ["A", .product(name: "Logging", package: "swift-log")]),
            .testTarget(name: "BTests", dependencies: ["B"], exclude: ["Golden"]),
            .target(name: "S", dependencies: ["A"], path: "Tests/S"),
            """
        let parsed = Self.targets(manifest: sample)
        XCTAssertEqual(parsed.map(\.name), ["A", "B", "BTests", "S"])
        XCTAssertEqual(parsed.map(\.declared), [[], ["A", "Logging"], ["B"], ["A"]])
        XCTAssertEqual(parsed.map(\.folder), ["Sources/A", "Sources/B", "Tests/BTests", "Tests/S"])
        XCTAssertEqual(
            Self.imports(in: "import Foundation\n@testable import B\nimport struct A.Day\n// import C\n"), ["Foundation", "B", "A"])
    }

    func testEveryTargetImportsOnlyWhatItDeclares() throws {
        let targets = try manifestTargets()
        XCTAssertGreaterThanOrEqual(targets.count, 10, "the manifest reader found too few targets")
        // Our modules and the products we depend on; system modules (Foundation, Glibc, XCTest) are free.
        let governed = Set(targets.map(\.name)).union(targets.flatMap(\.declared))
        var violations: [String] = []
        var importsSeen = 0
        for target in targets {
            let folder = Self.root.appendingPathComponent(target.folder)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let relative as String in files where relative.hasSuffix(".swift") {
                let source = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
                for module in Self.imports(in: source) {
                    importsSeen += 1
                    if governed.contains(module), module != target.name, !target.declared.contains(module) {
                        violations.append("\(target.folder)/\(relative) imports \(module), which \(target.name) does not declare")
                    }
                }
            }
        }
        XCTAssertGreaterThan(importsSeen, 100, "the source scan found too few imports")
        XCTAssertEqual(violations, [], violations.joined(separator: "\n"))
    }

    func testTheCommandLineDependsOnThePipelineOnly() throws {
        let cli = try XCTUnwrap(try manifestTargets().first { $0.name == "coopstat" })
        XCTAssertEqual(cli.declared, ["CoopPipeline", "ArgumentParser"])
        let xlsxUsers = try manifestTargets().filter { $0.declared.contains("CXlsxWriter") }.map(\.name)
        XCTAssertEqual(xlsxUsers, ["CoopXlsx"], "only the wrapper touches the C library")
    }

    func testTheParallelToolsStandAlone() throws {
        let targets = try manifestTargets()
        let parallel = try XCTUnwrap(targets.first { $0.name == "CoopParallel" })
        XCTAssertEqual(parallel.declared, [], "CoopParallel depends on nothing")
        XCTAssertEqual(parallel.folder, "Sources/CoopParallel")
        let users = targets.filter { $0.declared.contains("CoopParallel") }.map(\.name)
        XCTAssertEqual(users, ["CoopIngest", "CoopPipeline", "CoopParallelTests"])
    }
}
