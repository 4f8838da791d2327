import XCTest

@testable import CoopPipeline

/// `PathParent.of` gives what `NSString.deletingLastPathComponent` gives, including for the
/// one-character names on which swift-corelibs-foundation traps.
final class PathParentTests: XCTestCase {
    func testFolderPartOfPaths() {
        let cases: [(String, String)] = [
            ("o", ""), ("o/", ""), ("ab", ""), ("", ""), ("/", "/"), ("/o", "/"), ("//o", "/"),
            ("o/a", "o"), ("./o", "."), ("a//b", "a"), ("ab/c/", "ab"), ("/tmp/x/reports", "/tmp/x"),
            ("out/tables/by_region.csv", "out/tables"), ("é/ü", "é"),
        ]
        for (path, parent) in cases {
            XCTAssertEqual(PathParent.of(path), parent, path)
        }
    }
}
