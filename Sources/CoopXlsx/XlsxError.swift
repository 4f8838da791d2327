import CXlsxWriter

/// An error raised by the xlsx layer, before or after calling libxlsxwriter.
/// Invariant: `description` is one human line naming the operation and, when known, the sheet and cell.
public struct XlsxError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, coarsely, so callers and tests can branch on it.
    public enum Kind: Equatable, Sendable {
        case invalidSheetName
        case invalidTableName
        case cellOutOfRange
        case stringTooLong
        case invalidNumber
        case invalidArgument
        /// libxlsxwriter returned this `lxw_error` code.
        case library(code: Int)
        /// Creating, renaming or removing files failed.
        case fileSystem
        /// The workbook was already closed (or abandoned after a failed close).
        case workbookClosed
    }

    public let kind: Kind
    /// The operation attempted, e.g. `writeString`, `addTable`, `close`.
    public let operation: String
    public let sheet: String?
    /// A1 reference (or range) of the cell concerned, when there is one.
    public let cell: String?
    /// Human explanation (for library errors: the `lxw_strerror` text).
    public let message: String

    public init(_ kind: Kind, operation: String, sheet: String? = nil, cell: String? = nil, message: String) {
        self.kind = kind
        self.operation = operation
        self.sheet = sheet
        self.cell = cell
        self.message = message
    }

    public var description: String {
        var location = ""
        if let sheet { location += " on sheet '\(sheet)'" }
        if let cell { location += " at \(cell)" }
        return "xlsx \(operation) failed\(location): \(message)"
    }

    /// Turns a libxlsxwriter return code into a thrown error; `LXW_NO_ERROR` passes.
    static func check(
        _ code: lxw_error, operation: String, sheet: String? = nil, cell: String? = nil
    ) throws {
        guard code != LXW_NO_ERROR else { return }
        let text = lxw_strerror(code).map { String(cString: $0) } ?? "unknown libxlsxwriter error"
        throw XlsxError(
            .library(code: Int(code.rawValue)), operation: operation, sheet: sheet, cell: cell,
            message: "\(text) (lxw_error \(code.rawValue))")
    }
}
