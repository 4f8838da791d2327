import CXlsxWriter

/// A conditional format rule: data bars and colour scales for heat maps, icon sets or value rules for trends.
/// Invariant: every numeric threshold is finite (checked before reaching C).
public enum XlsxConditionalFormat: Hashable, Sendable {
    /// Icon sets offered (Excel's 3-icon sets; thresholds are Excel's defaults: 33% / 67% percent of the range).
    public enum IconSet: Hashable, Sendable { case threeArrows, threeArrowsGray, threeTrafficLights, threeFlags, threeSymbols }
    /// Comparisons for `cellValue`.
    public enum Comparison: Hashable, Sendable {
        case equal, notEqual, greater, less, greaterOrEqual, lessOrEqual
    }

    /// A bar proportional to the value inside each cell.
    case dataBar(color: XlsxColor)
    /// Colour gradient from the lowest to the highest value.
    case twoColorScale(min: XlsxColor, max: XlsxColor)
    /// Colour gradient with a midpoint at the 50th percentile.
    case threeColorScale(min: XlsxColor, mid: XlsxColor, max: XlsxColor)
    /// Icons by thirds of the range (`reversed` swaps the ends; `iconsOnly` hides the number).
    case iconSet(IconSet, reversed: Bool = false, iconsOnly: Bool = false)
    /// Applies `format` to cells whose value compares to `value` as given (e.g. `< 0` in red).
    case cellValue(Comparison, value: Double, format: XlsxFormat)

    func lxw(workbook: XlsxWorkbook) throws -> lxw_conditional_format {
        var c = lxw_conditional_format()
        switch self {
        case .dataBar(let color):
            c.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
            c.bar_color = color.lxwValue
        case .twoColorScale(let min, let max):
            c.type = UInt8(LXW_CONDITIONAL_2_COLOR_SCALE.rawValue)
            c.min_color = min.lxwValue
            c.max_color = max.lxwValue
        case .threeColorScale(let min, let mid, let max):
            c.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            c.min_color = min.lxwValue
            c.mid_color = mid.lxwValue
            c.max_color = max.lxwValue
        case .iconSet(let set, let reversed, let iconsOnly):
            c.type = UInt8(LXW_CONDITIONAL_TYPE_ICON_SETS.rawValue)
            c.icon_style = UInt8(set.lxw.rawValue)
            c.reverse_icons = reversed ? 1 : 0
            c.icons_only = iconsOnly ? 1 : 0
        case .cellValue(let comparison, let value, let format):
            guard value.isFinite else {
                throw XlsxError(.invalidNumber, operation: "addConditionalFormat", message: "threshold \(value) is not finite")
            }
            c.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            c.criteria = UInt8(comparison.lxw.rawValue)
            c.value = value
            c.format = try workbook.lxwFormat(format)
        }
        return c
    }
}

extension XlsxConditionalFormat.IconSet {
    var lxw: lxw_conditional_icon_types {
        switch self {
        case .threeArrows: LXW_CONDITIONAL_ICONS_3_ARROWS_COLORED
        case .threeArrowsGray: LXW_CONDITIONAL_ICONS_3_ARROWS_GRAY
        case .threeTrafficLights: LXW_CONDITIONAL_ICONS_3_TRAFFIC_LIGHTS_UNRIMMED
        case .threeFlags: LXW_CONDITIONAL_ICONS_3_FLAGS
        case .threeSymbols: LXW_CONDITIONAL_ICONS_3_SYMBOLS_CIRCLED
        }
    }
}

extension XlsxConditionalFormat.Comparison {
    var lxw: lxw_conditional_criteria {
        switch self {
        case .equal: LXW_CONDITIONAL_CRITERIA_EQUAL_TO
        case .notEqual: LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO
        case .greater: LXW_CONDITIONAL_CRITERIA_GREATER_THAN
        case .less: LXW_CONDITIONAL_CRITERIA_LESS_THAN
        case .greaterOrEqual: LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
        case .lessOrEqual: LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO
        }
    }
}
