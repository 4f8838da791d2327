/// A table of the plain-text report: a header, rows and aligned columns measured in display
/// columns, indented by two spaces, two spaces between columns.
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

    /// The table's lines, without trailing spaces.
    public func render() -> [String] {
        let all = [columns.map(\.header)] + rows + footer
        var widths = columns.indices.map { index in
            all.map { index < $0.count ? DisplayWidth.of($0[index]) : 0 }.max() ?? 0
        }
        let gaps = 2 * max(0, columns.count - 1) + DisplayWidth.of(indent)
        var excess = widths.reduce(0, +) + gaps - maxWidth
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
            return Self.trimmingTrailingSpaces(indent + parts.joined(separator: "  "))
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var lines = [line(columns.map(\.header)), rule]
        lines += rows.map(line)
        if !footer.isEmpty {
            lines.append(rule)
            lines += footer.map(line)
        }
        return lines
    }

    static func trimmingTrailingSpaces(_ text: String) -> String {
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }
}
