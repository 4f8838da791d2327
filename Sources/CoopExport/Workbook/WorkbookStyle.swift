import CoopDomain
import CoopTransform
import CoopXlsx

/// The workbook's formats and colours in one place, so every sheet looks alike.
/// Invariant: number formats are locale-neutral Excel codes (the viewer's locale shows the separators).
struct WorkbookStyle {
    static let integerCode = "#,##0"
    static let plainIntegerCode = "0"
    static let shareCode = "0.0%"
    static let moneyCode = "#,##0.00"
    /// Dates as each language writes them: `31 Dec 2024`, `31/12/2024` (French and Arabic, as in Morocco).
    static func dateCode(_ language: Language) -> String {
        switch language {
        case .en: "d mmm yyyy"
        case .fr, .ar: "dd/mm/yyyy"
        }
    }

    static let blue = XlsxColor(rgb: 0x1F4E79)
    static let accent = XlsxColor(rgb: 0x2E75B6)
    static let women = XlsxColor(rgb: 0xC0504D)
    static let men = XlsxColor(rgb: 0x4F81BD)
    static let youth = XlsxColor(rgb: 0x70AD47)
    static let line = XlsxColor(rgb: 0xED7D31)
    static let grey = XlsxColor(rgb: 0x595959)
    static let green = XlsxColor(rgb: 0x00803C)
    static let red = XlsxColor(rgb: 0xC00000)

    let title = XlsxFormat(bold: true, fontSize: 14, fontColor: blue)
    let description = XlsxFormat(italic: true, fontColor: grey)
    /// A description too long for one line, wrapped within the printed columns, from the top.
    let wrappedDescription = XlsxFormat(italic: true, fontColor: grey, verticalAlignment: .top, textWrap: true)
    let label = XlsxFormat(bold: true)
    let text = XlsxFormat()
    let header = XlsxFormat(bold: true, textWrap: true)
    /// A number column's header turned to read upwards (grids of places), wrapping onto a second line.
    let turnedHeader = XlsxFormat(
        bold: true, horizontalAlignment: .center, verticalAlignment: .bottom, textWrap: true, rotation: 90)
    /// The header of a number column, aligned with its numbers.
    let numberHeader = XlsxFormat(bold: true, horizontalAlignment: .right, textWrap: true)
    /// A date cell in `language`'s way of writing dates, aligned with the text around it.
    func date(_ language: Language) -> XlsxFormat {
        XlsxFormat(numberFormat: Self.dateCode(language), horizontalAlignment: language.isRightToLeft ? .right : .left)
    }
    let integer = XlsxFormat.number(integerCode)
    let plainInteger = XlsxFormat.number(plainIntegerCode)
    let share = XlsxFormat.number(shareCode)
    let money = XlsxFormat.number(moneyCode)

    /// Header of a computed column beside a table (year-on-year change).
    let growthHeader = XlsxFormat(bold: true, horizontalAlignment: .right, textWrap: true, bottomBorder: .thin)

    /// Text that wraps within its column, bottom-aligned like the numbers beside it (rows are sized by SheetLayout).
    let wrapped = XlsxFormat(textWrap: true)

    /// Header of the chart helper cells (outside the print area).
    let helperHeader = XlsxFormat(italic: true, fontColor: grey, bottomBorder: .thin)

    /// A chart helper cell: grey, with the number format of the column it copies.
    func helper(numberFormat: String?) -> XlsxFormat {
        XlsxFormat(fontColor: WorkbookStyle.grey, numberFormat: numberFormat)
    }

    /// Codes (`01`, `agriculture`) centred, so they sit apart from the names beside them in either direction.
    let code = XlsxFormat(horizontalAlignment: .center)

    /// The column of SHA-256 fingerprints: one unbroken line in a smaller font, never wrapped.
    static let fingerprintColumn = "sha256"
    static let fingerprintFontSize = 9.0
    let fingerprint = XlsxFormat(fontSize: fingerprintFontSize, indent: 1)

    /// Columns of Latin codes named otherwise (`2024Q4`): centred like codes, so that in a right-to-left
    /// sheet they do not drift left against the numbers of the next column.
    static let codeLikeColumns: Set<String> = ["quarter", "period"]

    /// The number format of a column: years and line numbers without grouping; code columns centred.
    func format(for column: TableColumn) -> XlsxFormat? {
        switch column.kind {
        case .text:
            column.key == Self.fingerprintColumn
                ? fingerprint : column.key.hasSuffix("_code") || Self.codeLikeColumns.contains(column.key) ? code : nil
        case .integer: ["year", "line"].contains(column.key) ? plainInteger : integer
        case .share: share
        case .money: money
        }
    }
}
