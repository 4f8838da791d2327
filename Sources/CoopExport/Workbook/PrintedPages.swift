/// How a sheet's rows fall onto A4 pages once the print is scaled to the page width, estimated as
/// Excel and LibreOffice lay them out, so that a chart is never cut by the bottom of a page.
/// Invariant: the breaks returned are ascending and distinct, hold every manual break, and add a
/// break only at a chart's anchor row, where that chart would otherwise cross the bottom of its page.
struct PrintedPages {
    /// A4 in points, and the margins every sheet prints with (0.7 in at the sides, 0.75 in above and below).
    static let paper = (short: 595.3, long: 841.9)
    static let sideMargins = 2 * 0.7 * 72.0
    static let topAndBottomMargins = 2 * 0.75 * 72.0
    /// Share of the page height counted on, so that an estimate slightly off still keeps charts whole.
    static let safety = 0.92

    /// The height of a page in the sheet's own points (before the print is scaled down).
    let pageHeight: Double
    private let rowHeight: (Int) -> Double
    private let repeatedRows: ClosedRange<Int>?
    private let lastRow: Int

    init(layout: SheetLayout, landscape: Bool) {
        let width = landscape ? Self.paper.long : Self.paper.short
        let height = landscape ? Self.paper.short : Self.paper.long
        let scale = min(1, (width - Self.sideMargins) / max(1, layout.printedPoints))
        self.init(
            pageHeight: (height - Self.topAndBottomMargins) * Self.safety / scale, rowHeight: layout.height(ofRow:),
            repeatedRows: layout.repeatedRows, lastRow: layout.lastRow)
    }

    init(pageHeight: Double, rowHeight: @escaping (Int) -> Double, repeatedRows: ClosedRange<Int>?, lastRow: Int) {
        self.pageHeight = pageHeight
        self.rowHeight = rowHeight
        self.repeatedRows = repeatedRows
        self.lastRow = lastRow
    }

    /// The points the repeated rows take at the top of a page that starts at `row`.
    private func repeatedHeight(onPageStartingAt row: Int) -> Double {
        guard let repeatedRows, row > repeatedRows.upperBound else { return 0 }
        return repeatedRows.reduce(0) { $0 + rowHeight($1) }
    }

    /// The manual breaks plus one before each chart (anchor row, points it reaches below that row's
    /// top) that would start low on a page and run past its bottom.
    func breaks(keepingWhole charts: [(row: Int, depth: Double)], manual: [Int]) -> [Int] {
        var breaks = Set(manual)
        guard !charts.isEmpty else { return breaks.sorted() }
        var depthByRow: [Int: Double] = [:]
        for chart in charts { depthByRow[chart.row] = max(depthByRow[chart.row] ?? 0, chart.depth) }
        let last = max(lastRow, depthByRow.keys.max() ?? 0)
        var used = 0.0
        for row in 0...last {
            let top = repeatedHeight(onPageStartingAt: row)
            if row > 0 && breaks.contains(row) { used = top }
            if let depth = depthByRow[row], row > 0, used > top + 0.5, used + depth > pageHeight {
                breaks.insert(row)
                used = top
            }
            let height = rowHeight(row)
            if used + height > pageHeight && used > top + 0.5 { used = top }
            used += height
        }
        return breaks.sorted()
    }
}
