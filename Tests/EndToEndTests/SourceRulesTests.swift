import Foundation
import XCTest

/// No force unwrap, `try!` or `fatalError` in the product's sources. swift-format's NeverForceUnwrap,
/// NeverUseForceTry and NeverUseImplicitlyUnwrappedOptionals are on for `Sources/` (its own
/// `.swift-format`, which `swift format lint --strict` picks for those files); this test keeps that
/// file in step with the root one and catches what swift-format does not (`fatalError`).
final class SourceRulesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let strictRules = ["NeverForceUnwrap", "NeverUseForceTry", "NeverUseImplicitlyUnwrappedOptionals"]

    func configuration(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.root.appendingPathComponent(relative))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testSourcesUseTheRootStyleWithTheUnwrapRulesOn() throws {
        var root = try configuration(".swift-format")
        let sources = try configuration("Sources/.swift-format")
        var rules = try XCTUnwrap(root["rules"] as? [String: Bool])
        for rule in Self.strictRules {
            XCTAssertEqual((sources["rules"] as? [String: Bool])?[rule], true, rule)
            rules[rule] = true
        }
        root["rules"] = rules
        XCTAssertEqual(
            NSDictionary(dictionary: sources), NSDictionary(dictionary: root), "Sources/.swift-format drifted from .swift-format")
    }

    func testNoFatalErrorOrForceTryInSources() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path))
        var found: [String] = []
        var scanned = 0
        for case let relative as String in files where relative.hasSuffix(".swift") {
            scanned += 1
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//").first ?? ""
                if code.contains("fatalError(") || code.contains("try!") || code.contains("preconditionFailure(") {
                    found.append("Sources/\(relative):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        XCTAssertGreaterThan(scanned, 100)
        XCTAssertEqual(found, [], found.joined(separator: "\n"))
    }
}
