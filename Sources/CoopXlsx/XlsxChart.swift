import CXlsxWriter

/// A native Excel chart built from ranges of the workbook's worksheets.
/// Invariant: every series refers to an existing worksheet of the same workbook, by sheet name and cell indexes.
///
/// libxlsxwriter 1.1.4 has no secondary (y2) axis and no combined charts (`chart_series_set_y2_axis`
/// and `chart_combine` do not exist in this version), so each chart has one chart type and one value axis.
public final class XlsxChart {
    /// The chart types the workbook draws (every one has a category and a value axis).
    public enum Kind: Hashable, Sendable {
        case column, bar, barStacked, line
    }

    /// Where the legend goes.
    public enum LegendPosition: Hashable, Sendable { case none, right, left, top, bottom }

    /// Position of data labels relative to their point.
    public enum LabelPosition: Hashable, Sendable { case automatic, center, insideEnd, insideBase, outsideEnd, above, below, bestFit }

    /// How one series looks.
    public struct SeriesStyle: Hashable, Sendable {
        /// Fill (columns, bars) or line colour (lines).
        public var color: XlsxColor?
        /// One colour per point (bar by bar).
        public var pointColors: [XlsxColor]
        /// Show each point's value as a data label.
        public var showValues: Bool
        public var labelNumberFormat: String?
        public var labelPosition: LabelPosition
        /// Circle markers on line series.
        public var markers: Bool
        /// Line width in points (line series).
        public var lineWidth: Double?

        public init(
            color: XlsxColor? = nil, pointColors: [XlsxColor] = [], showValues: Bool = false, labelNumberFormat: String? = nil,
            labelPosition: LabelPosition = .automatic, markers: Bool = false, lineWidth: Double? = nil
        ) {
            self.color = color
            self.pointColors = pointColors
            self.showValues = showValues
            self.labelNumberFormat = labelNumberFormat
            self.labelPosition = labelPosition
            self.markers = markers
            self.lineWidth = lineWidth
        }
    }

    public let kind: Kind
    let workbook: XlsxWorkbook
    private let handle: UnsafeMutablePointer<lxw_chart>
    /// Set once the chart is placed on a worksheet.
    var isInserted = false
    /// Number of series added.
    public private(set) var seriesCount = 0

    init(workbook: XlsxWorkbook, handle: UnsafeMutablePointer<lxw_chart>, kind: Kind) {
        self.workbook = workbook
        self.handle = handle
        self.kind = kind
    }

    /// Horizontal bar charts keep their category axis in libxlsxwriter's `y_axis` and their value axis
    /// in `x_axis`; every other kind the other way round.
    private var isHorizontal: Bool { kind == .bar || kind == .barStacked }

    private func categoryAxis(_ c: UnsafeMutablePointer<lxw_chart>) -> UnsafeMutablePointer<lxw_chart_axis> {
        isHorizontal ? c.pointee.y_axis : c.pointee.x_axis
    }

    private func valueAxis(_ c: UnsafeMutablePointer<lxw_chart>) -> UnsafeMutablePointer<lxw_chart_axis> {
        isHorizontal ? c.pointee.x_axis : c.pointee.y_axis
    }

    private func chart(_ operation: String) throws -> UnsafeMutablePointer<lxw_chart> {
        _ = try workbook.openHandle(operation)
        return handle
    }

    func handleForInsertion() throws -> UnsafeMutablePointer<lxw_chart> { try chart("insertChart") }

    private func fail(_ operation: String, _ why: String) -> XlsxError {
        XlsxError(.invalidArgument, operation: operation, message: "chart: \(why)")
    }

    private func checkLabel(_ text: String, _ operation: String) throws {
        if text.contains("\0") || text.utf16.count > 255 {
            throw fail(operation, "text must be at most 255 characters without NUL")
        }
    }

    private func checkNumberFormat(_ code: String, _ operation: String) throws {
        if code.isEmpty || code.contains("\0") || code.utf8.count > XlsxFormat.maxFieldBytes {
            throw fail(operation, "number format must be 1...\(XlsxFormat.maxFieldBytes) bytes")
        }
    }

    private func checkSeriesRange(_ range: XlsxRange, _ role: String) throws {
        try range.validate(operation: "addSeries")
        guard workbook.hasWorksheet(named: range.sheet) else {
            throw fail("addSeries", "\(role) refer to sheet '\(range.sheet)', which is not in this workbook")
        }
        guard range.isLine else {
            throw fail("addSeries", "\(role) \(range.reference) must be a single row or column")
        }
    }

    /// Adds a series: `values` (and optional `categories`) are one row or one column of a worksheet of this workbook.
    public func addSeries(
        values: XlsxRange, categories: XlsxRange? = nil, name: String? = nil,
        style: SeriesStyle = SeriesStyle()
    ) throws {
        let c = try chart("addSeries")
        try checkSeriesRange(values, "values")
        if let categories {
            try checkSeriesRange(categories, "categories")
            let n = { (r: XlsxRange) in (r.lastRow - r.firstRow + 1) * (r.lastColumn - r.firstColumn + 1) }
            guard n(categories) == n(values) else {
                throw fail("addSeries", "categories \(categories.reference) and values \(values.reference) differ in length")
            }
        }
        if let name { try checkLabel(name, "addSeries") }
        if let code = style.labelNumberFormat { try checkNumberFormat(code, "addSeries") }
        if let width = style.lineWidth, !(width.isFinite && width > 0 && width <= 100) {
            throw fail("addSeries", "line width \(width) outside (0, 100]")
        }
        guard let series = chart_add_series(c, nil, nil) else {
            throw XlsxError(
                .library(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)), operation: "addSeries",
                message: "libxlsxwriter could not add the series")
        }
        let memory = workbook.memory
        chart_series_set_values(
            series, memory.string(values.sheet), lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
            lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        if let categories {
            chart_series_set_categories(
                series, memory.string(categories.sheet), lxw_row_t(categories.firstRow),
                lxw_col_t(categories.firstColumn), lxw_row_t(categories.lastRow),
                lxw_col_t(categories.lastColumn))
        }
        if let name { chart_series_set_name(series, memory.string(name)) }
        apply(style, to: series)
        if !style.pointColors.isEmpty {
            let points = style.pointColors.map { color -> UnsafeMutablePointer<lxw_chart_point> in
                var point = lxw_chart_point()
                point.fill = memory.value(lxw_chart_fill(color: color.lxwValue, none: 0, transparency: 0))
                return memory.value(point)
            }
            try XlsxError.check(chart_series_set_points(series, memory.nullTerminated(points)), operation: "addSeries")
        }
        seriesCount += 1
    }

    private func apply(_ style: SeriesStyle, to series: UnsafeMutablePointer<lxw_chart_series>) {
        let memory = workbook.memory
        let isLine = kind == .line
        if let color = style.color {
            if isLine {
                var line = lxw_chart_line()
                line.color = color.lxwValue
                if let width = style.lineWidth { line.width = Float(width) }
                chart_series_set_line(series, memory.value(line))
            } else {
                chart_series_set_fill(series, memory.value(lxw_chart_fill(color: color.lxwValue, none: 0, transparency: 0)))
            }
        } else if isLine, let width = style.lineWidth {
            var line = lxw_chart_line()
            line.width = Float(width)
            chart_series_set_line(series, memory.value(line))
        }
        if isLine, style.markers {
            chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
        }
        if style.showValues {
            chart_series_set_labels(series)
            if let code = style.labelNumberFormat { chart_series_set_labels_num_format(series, memory.string(code)) }
            if style.labelPosition != .automatic {
                chart_series_set_labels_position(series, UInt8(style.labelPosition.lxw.rawValue))
            }
        }
    }

    /// Sets the title, or removes it with nil.
    public func setTitle(_ title: String?) throws {
        let c = try chart("setTitle")
        guard let title else {
            chart_title_off(c)
            return
        }
        try checkLabel(title, "setTitle")
        chart_title_set_name(c, workbook.memory.string(title))
    }

    /// Names the category (x) and value (y) axes; nil leaves an axis unnamed.
    public func setAxisNames(category: String?, value: String?) throws {
        let c = try chart("setAxisNames")
        if let category {
            try checkLabel(category, "setAxisNames")
            chart_axis_set_name(categoryAxis(c), workbook.memory.string(category))
        }
        if let value {
            try checkLabel(value, "setAxisNames")
            chart_axis_set_name(valueAxis(c), workbook.memory.string(value))
        }
    }

    /// Number format of the value axis labels, e.g. `0%` or `#,##0`.
    public func setValueAxisNumberFormat(_ code: String) throws {
        let c = try chart("setValueAxisNumberFormat")
        try checkNumberFormat(code, "setValueAxisNumberFormat")
        chart_axis_set_num_format(valueAxis(c), workbook.memory.string(code))
    }

    /// Fixes the value axis bounds (nil keeps Excel's automatic bound).
    public func setValueAxisBounds(min: Double?, max: Double?) throws {
        let c = try chart("setValueAxisBounds")
        if let min, !min.isFinite { throw fail("setValueAxisBounds", "minimum is not finite") }
        if let max, !max.isFinite { throw fail("setValueAxisBounds", "maximum is not finite") }
        if let min, let max, min >= max { throw fail("setValueAxisBounds", "minimum \(min) is not below maximum \(max)") }
        if let min { chart_axis_set_min(valueAxis(c), min) }
        if let max { chart_axis_set_max(valueAxis(c), max) }
    }

    /// Places (or hides) the legend.
    public func setLegend(_ position: LegendPosition) throws {
        chart_legend_set_position(try chart("setLegend"), UInt8(position.lxw.rawValue))
    }

    /// Excel's built-in chart style 1...48.
    public func setStyle(_ id: Int) throws {
        let c = try chart("setStyle")
        guard (1...48).contains(id) else { throw fail("setStyle", "style \(id) outside 1...48") }
        chart_set_style(c, UInt8(id))
    }

    /// Gap between columns/bars as a percent of their width (0...500).
    public func setGap(_ percent: Int) throws {
        let c = try chart("setGap")
        guard (0...500).contains(percent) else { throw fail("setGap", "gap \(percent)% outside 0...500") }
        chart_set_series_gap(c, UInt16(percent))
    }
}

extension XlsxChart.Kind {
    var lxw: lxw_chart_type {
        switch self {
        case .column: LXW_CHART_COLUMN
        case .bar: LXW_CHART_BAR
        case .barStacked: LXW_CHART_BAR_STACKED
        case .line: LXW_CHART_LINE
        }
    }
}

extension XlsxChart.LegendPosition {
    var lxw: lxw_chart_legend_position {
        switch self {
        case .none: LXW_CHART_LEGEND_NONE
        case .right: LXW_CHART_LEGEND_RIGHT
        case .left: LXW_CHART_LEGEND_LEFT
        case .top: LXW_CHART_LEGEND_TOP
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        }
    }
}

extension XlsxChart.LabelPosition {
    var lxw: lxw_chart_label_position {
        switch self {
        case .automatic: LXW_CHART_LABEL_POSITION_DEFAULT
        case .center: LXW_CHART_LABEL_POSITION_CENTER
        case .insideEnd: LXW_CHART_LABEL_POSITION_INSIDE_END
        case .insideBase: LXW_CHART_LABEL_POSITION_INSIDE_BASE
        case .outsideEnd: LXW_CHART_LABEL_POSITION_OUTSIDE_END
        case .above: LXW_CHART_LABEL_POSITION_ABOVE
        case .below: LXW_CHART_LABEL_POSITION_BELOW
        case .bestFit: LXW_CHART_LABEL_POSITION_BEST_FIT
        }
    }
}

// MARK: category axis (added for the workbook's bar charts)

extension XlsxChart {
    /// Lists categories from the top (bar charts) or right (RTL) in range order: reverses the category
    /// axis and keeps the value axis where it was.
    public func reverseCategoryOrder() throws {
        let c = try chart("reverseCategoryOrder")
        chart_axis_set_reverse(categoryAxis(c))
        chart_axis_set_crossing_max(categoryAxis(c))
    }

    /// Shows one category label in `every` (1...1000), e.g. every 4th quarter.
    public func setCategoryLabelInterval(_ every: Int) throws {
        let c = try chart("setCategoryLabelInterval")
        guard (1...1000).contains(every) else { throw fail("setCategoryLabelInterval", "interval \(every) outside 1...1000") }
        chart_axis_set_interval_unit(categoryAxis(c), UInt16(every))
    }
}

// MARK: readable labels (added for the workbook's year and quarter axes)

extension XlsxChart {
    /// Turns the category labels by `degrees` (-90...90; e.g. -45 for years) in a `fontSize`-point
    /// font (nil keeps Excel's size), so long runs of labels do not run together.
    public func setCategoryLabels(rotation degrees: Int = 0, fontSize: Double? = nil) throws {
        let c = try chart("setCategoryLabels")
        guard (-90...90).contains(degrees) else { throw fail("setCategoryLabels", "rotation \(degrees)° outside -90...90") }
        if let fontSize, !(fontSize.isFinite && (4...72).contains(fontSize)) {
            throw fail("setCategoryLabels", "font size \(fontSize) outside 4...72")
        }
        var font = lxw_chart_font()
        font.rotation = Int32(degrees == 0 ? 360 : degrees)
        font.size = fontSize ?? 0
        chart_axis_set_num_font(categoryAxis(c), workbook.memory.value(font))
    }
}
