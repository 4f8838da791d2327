import Foundation

/// Where keys sit in a TOML text, found by scanning lines (TOMLKit does not report positions of
/// keys). Used only to point error messages at a line; a miss yields `nil`, never a wrong error.
/// Invariant: lines are 1-based; the first occurrence of a key in its section wins.
struct TOMLKeyLines: Sendable {
    /// Position of a key: section path (`""` for top level, `range`, `file`), array-of-tables
    /// index (for `[[file]]`), key name.
    private struct Slot: Hashable, Sendable {
        var section: String
        var index: Int?
        var key: String
    }

    private var lines: [Slot: Int] = [:]
    /// `[section]` / `[[section]]` header lines; index nil = first header of that name.
    private var headers: [Slot: Int] = [:]

    init(text: String) {
        var section = ""
        var index: Int? = nil
        var arrayCounts: [String: Int] = [:]
        var inMultiline = false
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            let quotes =
                line.components(separatedBy: "\"\"\"").count - 1
                + line.components(separatedBy: "'''").count - 1
            if inMultiline {
                if quotes % 2 == 1 { inMultiline = false }
                continue
            }
            if quotes % 2 == 1 { inMultiline = true }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[[") {
                let name = Self.headerName(line, open: "[[", close: "]]")
                let n = arrayCounts[name, default: 0]
                arrayCounts[name] = n + 1
                section = name
                index = n
                record(&headers, Slot(section: name, index: n, key: ""), lineNumber)
                record(&headers, Slot(section: name, index: nil, key: ""), lineNumber)
                continue
            }
            if line.hasPrefix("[") {
                let name = Self.headerName(line, open: "[", close: "]")
                section = name
                index = nil
                record(&headers, Slot(section: name, index: nil, key: ""), lineNumber)
                continue
            }
            guard let key = Self.leadingKey(line) else { continue }
            // Dotted keys (`range.start = ...`) belong to the dotted section.
            var parts = key.split(separator: ".").map { String($0) }
            let last = parts.removeLast()
            let fullSection = ([section] + parts).filter { !$0.isEmpty }.joined(separator: ".")
            let slotIndex = parts.isEmpty ? index : nil
            record(&lines, Slot(section: fullSection, index: slotIndex, key: last), lineNumber)
            record(&lines, Slot(section: fullSection, index: nil, key: last), lineNumber)
            if !parts.isEmpty {
                // `range.start = …` also introduces `range` at this line.
                record(&lines, Slot(section: section, index: index, key: parts[0]), lineNumber)
                record(&lines, Slot(section: section, index: nil, key: parts[0]), lineNumber)
            }
        }
    }

    /// The line of `key` in `section` (entry `index` of an array of tables), falling back to the
    /// section's header, then to nil.
    func line(of key: String, in section: String = "", index: Int? = nil) -> Int? {
        if let l = lines[Slot(section: section, index: index, key: key)] { return l }
        if section.isEmpty, let l = headers[Slot(section: key, index: nil, key: "")] { return l }
        if let l = lines[Slot(section: section, index: nil, key: key)], index == nil { return l }
        if let l = headers[Slot(section: section, index: index, key: "")] { return l }
        return nil
    }

    /// The line of the header `[section]` / `[[section]]` (entry `index`).
    func headerLine(_ section: String, index: Int? = nil) -> Int? {
        headers[Slot(section: section, index: index, key: "")]
    }

    private func record(_ map: inout [Slot: Int], _ slot: Slot, _ line: Int) {
        if map[slot] == nil { map[slot] = line }
    }

    private static func headerName(_ line: String, open: String, close: String) -> String {
        var s = Substring(line.dropFirst(open.count))
        if let r = s.range(of: close) { s = s[..<r.lowerBound] }
        return s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
    }

    /// The key before `=` on a `key = value` line, unquoted; nil for other lines.
    private static func leadingKey(_ line: String) -> String? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let key = line[..<eq].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return nil }
        if key.hasPrefix("\"") || key.hasPrefix("'") {
            let inner = key.dropFirst().dropLast()
            return String(inner)
        }
        let allowed = key.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
                || $0 == "_" || $0 == "-" || $0 == "." || $0 == " "
        }
        return allowed ? key.replacingOccurrences(of: " ", with: "") : nil
    }
}
