import CXlsxWriter

/// A cell style described as a value; the workbook creates one libxlsxwriter format per distinct value.
/// Invariant: equal values map to the same `lxw_format` in a workbook (formats are owned by the workbook).
public struct XlsxFormat: Hashable, Sendable {
    /// Horizontal alignment.
    public enum HorizontalAlignment: Hashable, Sendable { case left, center, right, fill, justify, centerAcross, distributed }
    /// Vertical alignment.
    public enum VerticalAlignment: Hashable, Sendable { case top, center, bottom, justify, distributed }
    /// Text direction inside the cell (Excel's "reading order").
    public enum ReadingOrder: Hashable, Sendable { case context, leftToRight, rightToLeft }
    /// Border line styles.
    public enum Border: Hashable, Sendable { case thin, medium, thick, dashed, dotted, double, hair }

    public var bold = false
    public var italic = false
    public var fontSize: Double?
    public var fontName: String?
    public var fontColor: XlsxColor?
    /// Solid fill colour.
    public var backgroundColor: XlsxColor?
    /// Excel number format code, e.g. `0.0%`, `#,##0`, `yyyy-mm-dd` (at most 127 UTF-8 bytes).
    public var numberFormat: String?
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?
    public var textWrap = false
    public var indent: Int = 0
    /// Text turned by this many degrees, -90...90 (90: reads upwards), for narrow columns with long headers.
    public var rotation: Int = 0
    public var readingOrder: ReadingOrder = .context
    /// Border on all four sides.
    public var border: Border?
    public var borderColor: XlsxColor?
    /// Border below the cell only (overrides `border` at the bottom).
    public var bottomBorder: Border?

    public init(
        bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontName: String? = nil,
        fontColor: XlsxColor? = nil, backgroundColor: XlsxColor? = nil, numberFormat: String? = nil,
        horizontalAlignment: HorizontalAlignment? = nil, verticalAlignment: VerticalAlignment? = nil,
        textWrap: Bool = false, indent: Int = 0, rotation: Int = 0, readingOrder: ReadingOrder = .context,
        border: Border? = nil, borderColor: XlsxColor? = nil, bottomBorder: Border? = nil
    ) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.fontName = fontName
        self.fontColor = fontColor
        self.backgroundColor = backgroundColor
        self.numberFormat = numberFormat
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.textWrap = textWrap
        self.indent = indent
        self.rotation = rotation
        self.readingOrder = readingOrder
        self.border = border
        self.borderColor = borderColor
        self.bottomBorder = bottomBorder
    }

    /// A format with only a number format code.
    public static func number(_ code: String) -> XlsxFormat { XlsxFormat(numberFormat: code) }

    /// libxlsxwriter stores format strings in 128-byte fields and silently truncates longer ones.
    static let maxFieldBytes = 127

    func validate() throws {
        func fail(_ why: String) -> XlsxError {
            XlsxError(.invalidArgument, operation: "format", message: why)
        }
        if let numberFormat {
            if numberFormat.isEmpty { throw fail("empty number format") }
            if numberFormat.utf8.count > Self.maxFieldBytes {
                throw fail("number format longer than \(Self.maxFieldBytes) bytes: \(numberFormat.prefix(40))…")
            }
            if numberFormat.contains("\0") { throw fail("number format contains NUL") }
        }
        if let fontName, fontName.isEmpty || fontName.utf8.count > Self.maxFieldBytes || fontName.contains("\0") {
            throw fail("font name must be 1...\(Self.maxFieldBytes) bytes")
        }
        if let fontSize, !(fontSize.isFinite && fontSize >= 1 && fontSize <= 409) {
            throw fail("font size \(fontSize) outside 1...409")
        }
        if !(0...15).contains(indent) { throw fail("indent \(indent) outside 0...15") }
        if !(-90...90).contains(rotation) { throw fail("rotation \(rotation) outside -90...90") }
    }

    /// Applies this description to a fresh libxlsxwriter format.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontName { format_set_font_name(format, fontName) }
        if let fontColor { format_set_font_color(format, fontColor.lxwValue) }
        if let backgroundColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, backgroundColor.lxwValue)
        }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if let horizontalAlignment { format_set_align(format, UInt8(horizontalAlignment.lxw.rawValue)) }
        if let verticalAlignment { format_set_align(format, UInt8(verticalAlignment.lxw.rawValue)) }
        if textWrap { format_set_text_wrap(format) }
        if indent > 0 { format_set_indent(format, UInt8(indent)) }
        if rotation != 0 { format_set_rotation(format, Int16(rotation)) }
        switch readingOrder {
        case .context: break
        case .leftToRight: format_set_reading_order(format, 1)
        case .rightToLeft: format_set_reading_order(format, 2)
        }
        if let border { format_set_border(format, UInt8(border.lxw.rawValue)) }
        if let bottomBorder { format_set_bottom(format, UInt8(bottomBorder.lxw.rawValue)) }
        if let borderColor { format_set_border_color(format, borderColor.lxwValue) }
    }
}

extension XlsxFormat.HorizontalAlignment {
    var lxw: lxw_format_alignments {
        switch self {
        case .left: LXW_ALIGN_LEFT
        case .center: LXW_ALIGN_CENTER
        case .right: LXW_ALIGN_RIGHT
        case .fill: LXW_ALIGN_FILL
        case .justify: LXW_ALIGN_JUSTIFY
        case .centerAcross: LXW_ALIGN_CENTER_ACROSS
        case .distributed: LXW_ALIGN_DISTRIBUTED
        }
    }
}

extension XlsxFormat.VerticalAlignment {
    var lxw: lxw_format_alignments {
        switch self {
        case .top: LXW_ALIGN_VERTICAL_TOP
        case .center: LXW_ALIGN_VERTICAL_CENTER
        case .bottom: LXW_ALIGN_VERTICAL_BOTTOM
        case .justify: LXW_ALIGN_VERTICAL_JUSTIFY
        case .distributed: LXW_ALIGN_VERTICAL_DISTRIBUTED
        }
    }
}

extension XlsxFormat.Border {
    var lxw: lxw_format_borders {
        switch self {
        case .thin: LXW_BORDER_THIN
        case .medium: LXW_BORDER_MEDIUM
        case .thick: LXW_BORDER_THICK
        case .dashed: LXW_BORDER_DASHED
        case .dotted: LXW_BORDER_DOTTED
        case .double: LXW_BORDER_DOUBLE
        case .hair: LXW_BORDER_HAIR
        }
    }
}
