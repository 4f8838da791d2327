/// A problem reading an .xlsx file back in tests.
/// Invariant: `part` names the zip entry (or file) concerned.
public struct WorkbookReaderError: Error, CustomStringConvertible, Equatable, Sendable {
    public let part: String
    public let message: String

    public init(part: String, message: String) {
        self.part = part
        self.message = message
    }

    public var description: String { "cannot read \(part): \(message)" }
}
