/// A table of the plain-text report: a header, rows and aligned columns measured in display
/// columns, indented by two spaces, two spaces between columns.
/// A table holding right-to-left letters pads every line to the table's full width, so that a
/// viewer laying the lines out right to left keeps the columns aligned (bidi marks take no width).
/// Invariant: a rendered line is never wider than `maxWidth` unless its non-shrinkable cells alone are.
public struct TextTable: Sendable {
    /// How a column lines up, and whether it may be cut (with `…`) to keep the table narrow.
    public struct Column: Sendable {
        public enum Alignment: Sendable { case left, right }
        public enum Shrink: Sendable { case never, keepStart, keepEnd }
        public let header: String
        public let alignment: Alignment
        public let shrink: Shrink

        public init(_ header: String, _ alignment: Alignment, shrink: Shrink = .never) {
            self.header = header
            self.alignment = alignment
            self.shrink = shrink
        }
    }

    public let columns: [Column]
    public var rows: [[String]] = []
    /// Rows set apart under a rule (totals).
    public var footer: [[String]] = []
    public var indent = "  "
    public var maxWidth = 100

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table's lines, without trailing spaces (right-to-left tables: padded to full width).
    /// When the table is too wide, headers wider than their column's values wrap onto two lines
    /// first; only then are shrinkable cells cut.
    public func render() -> [String] {
        let all = [columns.map(\.header)] + rows + footer
        let rightToLeft = all.contains { $0.contains(where: Self.hasRightToLeftLetters) }
        let body = rows + footer
        let valueWidths = columns.indices.map { index in body.map { index < $0.count ? DisplayWidth.of($0[index]) : 0 }.max() ?? 0 }
        var headers: [[String]] = columns.map { [$0.header] }
        var widths = columns.indices.map { max(valueWidths[$0], DisplayWidth.of(columns[$0].header)) }
        let gaps = 2 * max(0, columns.count - 1) + DisplayWidth.of(indent)
        var excess = widths.reduce(0, +) + gaps - maxWidth
        for index in columns.indices where excess > 0 {
            guard let split = Self.twoLines(columns[index].header) else { continue }
            let wrapped = max(valueWidths[index], split.map(DisplayWidth.of).max() ?? 0)
            guard wrapped < widths[index] else { continue }
            excess -= widths[index] - wrapped
            widths[index] = wrapped
            headers[index] = split
        }
        for index in columns.indices.reversed() where excess > 0 && columns[index].shrink != .never {
            let floor = min(widths[index], 8)
            let cut = min(excess, widths[index] - floor)
            widths[index] -= cut
            excess -= cut
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                var cell = index < cells.count ? cells[index] : ""
                switch column.shrink {
                case .never: break
                case .keepStart: cell = DisplayWidth.truncate(cell, to: widths[index])
                case .keepEnd: cell = DisplayWidth.truncateHead(cell, to: widths[index])
                }
                parts.append(
                    column.alignment == .left
                        ? DisplayWidth.padRight(cell, to: widths[index])
                        : DisplayWidth.padLeft(cell, to: widths[index]))
            }
            let text = indent + parts.joined(separator: "  ")
            return rightToLeft ? text : Self.trimmingTrailingSpaces(text)
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        let headerLines = headers.map(\.count).max() ?? 1
        var lines: [String] = []
        for number in 0..<headerLines {
            // Shorter headers sit on the last line, next to the rule.
            lines.append(line(headers.map { $0.count == headerLines ? $0[number] : (number == headerLines - 1 ? $0[0] : "") }))
        }
        lines.append(rule)
        lines += rows.map(line)
        if !footer.isEmpty {
            lines.append(rule)
            lines += footer.map(line)
        }
        return lines
    }

    /// `text` cut at the space that makes its longer half shortest, or nil without a space.
    static func twoLines(_ text: String) -> [String]? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return nil }
        var best: [String]?
        var bestWidth = Int.max
        for cut in 1..<words.count {
            let pair = [words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")]
            let width = pair.map(DisplayWidth.of).max() ?? 0
            if width < bestWidth {
                bestWidth = width
                best = pair
            }
        }
        return best
    }

    /// Whether `text` holds Arabic (or Hebrew) letters.
    public static func hasRightToLeftLetters(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0590...0x08FF).contains($0.value) || (0xFB1D...0xFEFC).contains($0.value) }
    }

    static func trimmingTrailingSpaces(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
