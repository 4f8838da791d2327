import CoopDomain
import CoopExport
import CoopTransform
import Foundation
import XCTest

/// The Arabic text report as an RTL terminal or editor shows it: passed through GNU FriBidi
/// (`fribidi --rtl --nopad`, Debian `libfribidi-bin`), every change keeps its sign, percent sign and
/// decimal mark in place, and the table columns stay aligned.
final class ArabicReportBidiTests: XCTestCase {
    static let fribidi = ["/usr/bin/fribidi", "/usr/local/bin/fribidi"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `text` laid out by FriBidi (visual order, left to right), the isolate marks removed.
    func visual(_ text: String) throws -> [String] {
        guard let fribidi = Self.fribidi else {
            throw XCTSkip("fribidi is not installed (apt-get install -y libfribidi-bin; make test and .ci/run install it)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-ar-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fribidi)
        process.arguments = ["--rtl", "--nopad", "--nobreak", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return FigureStyle.withoutIsolates(String(decoding: data, as: UTF8.self)).components(separatedBy: "\n")
    }

    func report() throws -> String {
        TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2024, index: 4)!), language: .ar))
    }

    func testChangesReadAsWrittenThroughTheBidiAlgorithm() throws {
        let lines = try visual(try report())
        // The fixture's 2024 Q4 against 2024 Q3 and 2023 Q4 (the English golden report, digit for
        // digit): men 16 against 18 and 23, -2 / 18 = -11.1% and -7 / 23 = -30.4%; women's share
        // 29 / (29 + 16) = 64.4%; capital +130,001 on 10,500 = +1,238.1%.
        for figure in ["-2 (-11.1%)", "-7 (-30.4%)", "+24 (+64.9%)", "64.4%", "+13.1", "+130,001 (+1,238.1%)", "+16 (—)"] {
            XCTAssertTrue(
                lines.contains { $0.contains(figure) }, "\(figure) does not read intact:\n\(lines.prefix(20).joined(separator: "\n"))")
        }
        // And the broken forms a planner would misread are gone.
        for broken in ["2- (%11.1-)", "%64.4", "(%"] {
            XCTAssertFalse(lines.contains { $0.contains(broken) }, broken)
        }
    }

    func testArabicTableLinesKeepOneWidthSoColumnsStayAligned() throws {
        let text = try report()
        let lines = text.components(separatedBy: "\n")
        // The headline table: its header, rule and rows are padded to one display width.
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("  ───") }) else { return XCTFail("no table rule") }
        let block = lines[(rule - 1)...].prefix { !$0.isEmpty }
        let widths = Set(block.map { DisplayWidth.of($0) })
        XCTAssertEqual(widths.count, 1, "widths \(widths) in\n\(block.joined(separator: "\n"))")
        // The marks take no width: the width of a row equals that of its text without them.
        for line in block { XCTAssertEqual(DisplayWidth.of(line), DisplayWidth.of(FigureStyle.withoutIsolates(line))) }
        XCTAssertTrue(text.contains("\u{2066}-2 (-11.1%)\u{2069}"))
    }

    func testOrdinalQuartersAndTheArabicComma() throws {
        let text = try report()
        XCTAssertTrue(text.contains("الفصل الرابع من 2024"), text)
        XCTAssertFalse(text.contains("الفصل 4"))
        let style = FigureStyle(.ar)
        XCTAssertEqual(style.quarter(Quarter(year: 2024, index: 1)!), "الفصل الأول من 2024")
        XCTAssertEqual(style.quarter(Quarter(year: 2023, index: 2)!), "الفصل الثاني من 2023")
        // English and French keep their numbered quarters.
        XCTAssertEqual(FigureStyle(.en).quarter(Quarter(year: 2024, index: 4)!), "2024 Q4")
        XCTAssertEqual(FigureStyle(.fr).quarter(Quarter(year: 2024, index: 4)!), "T4 2024")
        // Other languages' figures carry no marks.
        XCTAssertFalse(
            TextReport.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2024, index: 4)!))).contains("\u{2066}"))
    }
}
