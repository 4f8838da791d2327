import CoopDomain
import CoopTransform
import CoopXlsx
import Foundation

/// Text from the registries made safe for a string cell: NUL replaced, cut to Excel's 32,767
/// characters. Invariant: the result always passes `XlsxWorksheet.writeString`'s checks.
enum CellText {
    static func clean(_ text: String) -> String {
        // U+0000 is the only scalar with a zero byte in UTF-8.
        var result = text.utf8.contains(0) ? text.replacingOccurrences(of: "\0", with: "\u{FFFD}") : text
        if result.utf16.count > XlsxCell.maxStringLength {
            var cut = ""
            var units = 0
            for character in result {
                let size = String(character).utf16.count
                if units + size > XlsxCell.maxStringLength - 1 { break }
                cut.append(character)
                units += size
            }
            result = cut + "…"
        }
        return result
    }

    /// A cell as a planner reads it, for width estimates (grouped numbers, one-decimal percentages).
    static func display(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .text(let text): return text
        case .integer(let value): return grouped(String(value.magnitude), negative: value < 0)
        case .ratio(let ratio):
            guard let tenths = ratio.scaled(places: 3) else { return "" }
            return Decimal.fixed(Int64(tenths), places: 1) + "%"
        case .cents(let cents):
            let text = Decimal.fixed(cents.magnitude > Int64.max.magnitude ? 0 : Int64(cents.magnitude), places: 2)
            let parts = text.split(separator: ".")
            return grouped(String(parts[0]), negative: cents < 0) + "." + (parts.count > 1 ? String(parts[1]) : "00")
        }
    }

    static func grouped(_ digits: String, negative: Bool) -> String {
        FigureStyle.grouped(digits, negative: negative, separator: ",")
    }
}
