import Foundation

/// A golden text file of the repository and how a test compares against it: a mismatch is reported
/// with a line diff, and recording (`COOPSTAT_RECORD_GOLDEN=1`) rewrites the file and still fails,
/// so that a recording run can never pass for a check. Invariant: `check` returns nil only when
/// the text equals the file's and nothing was recorded.
public struct GoldenFile {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    /// True when this process was asked to record golden files.
    public static var recording: Bool { ProcessInfo.processInfo.environment["COOPSTAT_RECORD_GOLDEN"] == "1" }

    /// nil when `text` is the golden text; otherwise the failure message (the diff, or "recorded").
    public func check(_ text: String, recording: Bool = GoldenFile.recording) throws -> String? {
        let golden = try? String(contentsOf: url, encoding: .utf8)
        if recording {
            try text.write(to: url, atomically: true, encoding: .utf8)
            let change = golden == text ? "unchanged" : "changed"
            return "recorded \(url.lastPathComponent) (\(change)); rerun without COOPSTAT_RECORD_GOLDEN to check it"
        }
        guard let golden else { return "\(url.path) is missing; record it with COOPSTAT_RECORD_GOLDEN=1" }
        guard golden != text else { return nil }
        return
            "\(url.lastPathComponent) differs (- golden, + now); if intended, record with COOPSTAT_RECORD_GOLDEN=1 and review git diff:\n"
            + Self.lineDiff(golden, text)
    }

    /// The lines that differ, with one line of context each side, as `-`/`+`/` ` lines and
    /// `@@ line N` headers (a longest-common-subsequence diff: lines moved are shown removed and added).
    public static func lineDiff(_ old: String, _ new: String, context: Int = 1) -> String {
        let a = old.components(separatedBy: "\n")
        let b = new.components(separatedBy: "\n")
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var script: [(mark: Character, text: String, line: Int)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                script.append((" ", a[i], i + 1))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || lengths[i][j + 1] > lengths[i + 1][j] {
                script.append(("+", b[j], i + 1))
                j += 1
            } else {
                script.append(("-", a[i], i + 1))
                i += 1
            }
        }
        let changed = script.indices.filter { script[$0].mark != " " }
        var shown = Set<Int>()
        for index in changed { shown.formUnion(max(0, index - context)...min(script.count - 1, index + context)) }
        var lines: [String] = []
        var previous: Int?
        for index in shown.sorted() {
            if previous.map({ index != $0 + 1 }) ?? true { lines.append("@@ line \(script[index].line)") }
            lines.append("\(script[index].mark)\(script[index].text)")
            previous = index
        }
        return lines.joined(separator: "\n")
    }
}
