import CXlsxWriter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An xlsx file being built and written to `path` on `close()`. Making the write atomic is the
/// caller's job: coopstat passes the hidden temporary name of its one durable "write beside and
/// rename" (CoopPipeline's `DurableFiles.replace`).
/// Invariant: a failed `close()` leaves nothing at `path`; a workbook never closed writes nothing
/// and leaks nothing; libxlsxwriter's own stderr lines never reach the user (they go into the error).
public final class XlsxWorkbook {
    /// Where the finished workbook is written.
    public let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private(set) var memory = CRetainedMemory()
    private var formats: [XlsxFormat: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetKeys: Set<String> = []
    private var tableKeys: Set<String> = []
    /// Worksheet names in the order they were added.
    public private(set) var worksheetNames: [String] = []

    /// Starts a workbook that `close()` will write at `path`.
    /// - Parameter temporaryDirectory: where libxlsxwriter keeps its own scratch files (default: the system's).
    public init(path: String, temporaryDirectory: String? = nil) throws {
        guard !path.isEmpty, !path.hasSuffix("/"), !path.contains("\0") else {
            throw XlsxError(.invalidArgument, operation: "open", message: "invalid workbook path '\(path)'")
        }
        self.path = path
        let tmpdir = temporaryDirectory.map { memory.string($0) }
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: tmpdir, use_zip64: 0)
        guard let created = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw XlsxError(
                .library(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)), operation: "open",
                message: "libxlsxwriter could not create a workbook for '\(path)'")
        }
        handle = created
    }

    deinit {
        // Abandoned without close(): free libxlsxwriter's memory; it has not opened any file yet.
        if let handle { lxw_workbook_free(handle) }
    }

    /// True until `close()` has been called.
    public var isOpen: Bool { handle != nil }

    func openHandle(_ operation: String, sheet: String? = nil) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XlsxError(.workbookClosed, operation: operation, sheet: sheet, message: "the workbook is already closed")
        }
        return handle
    }

    /// Sets title, author… and the fixed creation date.
    public func setProperties(_ properties: XlsxDocumentProperties) throws {
        let wb = try openHandle("setProperties")
        guard properties.created > 0 else {
            throw XlsxError(
                .invalidArgument, operation: "setProperties",
                message: "created must be a fixed time after 1970 (0 would mean 'now' and break reproducibility)")
        }
        let texts = [
            properties.title, properties.subject, properties.author, properties.company,
            properties.category, properties.keywords, properties.comments,
        ]
        for case let text? in texts where text.contains("\0") || text.utf16.count > XlsxCell.maxStringLength {
            throw XlsxError(.invalidArgument, operation: "setProperties", message: "a property contains NUL or is too long")
        }
        var c = lxw_doc_properties()
        c.title = memory.optionalString(properties.title)
        c.subject = memory.optionalString(properties.subject)
        c.author = memory.optionalString(properties.author)
        c.company = memory.optionalString(properties.company)
        c.category = memory.optionalString(properties.category)
        c.keywords = memory.optionalString(properties.keywords)
        c.comments = memory.optionalString(properties.comments)
        c.created = time_t(properties.created)
        try XlsxError.check(workbook_set_properties(wb, &c), operation: "setProperties")
    }

    /// Adds a worksheet after the existing ones; the name is validated and must be unique (case-insensitively).
    public func addWorksheet(_ name: String) throws -> XlsxWorksheet {
        let wb = try openHandle("addWorksheet", sheet: name)
        try XlsxNames.validateSheetName(name)
        let key = XlsxNames.foldedKey(name)
        guard !sheetKeys.contains(key) else {
            throw XlsxError(
                .invalidSheetName, operation: "addWorksheet", sheet: name,
                message: "invalid sheet name: a sheet with this name (ignoring case) already exists")
        }
        guard let sheet = workbook_add_worksheet(wb, memory.string(name)) else {
            throw XlsxError(
                .library(code: Int(LXW_ERROR_PARAMETER_VALIDATION.rawValue)), operation: "addWorksheet",
                sheet: name, message: "libxlsxwriter refused the worksheet")
        }
        sheetKeys.insert(key)
        worksheetNames.append(name)
        return XlsxWorksheet(workbook: self, handle: sheet, name: name)
    }

    /// Creates a chart; it appears once inserted into a worksheet with `XlsxWorksheet.insertChart`.
    public func addChart(_ kind: XlsxChart.Kind) throws -> XlsxChart {
        let wb = try openHandle("addChart")
        guard let chart = workbook_add_chart(wb, UInt8(kind.lxw.rawValue)) else {
            throw XlsxError(
                .library(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)), operation: "addChart",
                message: "libxlsxwriter could not create the chart")
        }
        return XlsxChart(workbook: self, handle: chart, kind: kind)
    }

    /// The libxlsxwriter format for `format`, created once per distinct value (nil stays nil).
    func lxwFormat(_ format: XlsxFormat?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        if let cached = formats[format] { return cached }
        let wb = try openHandle("format")
        try format.validate()
        guard let created = workbook_add_format(wb) else {
            throw XlsxError(
                .library(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)), operation: "format",
                message: "libxlsxwriter could not create a format")
        }
        format.apply(to: created)
        formats[format] = created
        return created
    }

    /// True when a worksheet with exactly this name exists.
    public func hasWorksheet(named name: String) -> Bool { worksheetNames.contains(name) }

    /// Claims a table name for the whole workbook (Excel requires uniqueness, ignoring case).
    func registerTableName(_ name: String) throws {
        try XlsxNames.validateTableName(name)
        let key = XlsxNames.foldedKey(name)
        guard !tableKeys.contains(key) else {
            throw XlsxError(
                .invalidTableName, operation: "addTable",
                message: "invalid table name '\(name)': another table already uses it (ignoring case)")
        }
        tableKeys.insert(key)
    }

    /// Writes the workbook at `path`. On failure nothing is left at `path`, and the error carries
    /// what libxlsxwriter printed (captured, never shown on stderr).
    public func close() throws {
        let wb = try openHandle("close")
        handle = nil
        // workbook_close frees the workbook whether it succeeds or not.
        let (code, printed) = StandardErrorCapture.run { workbook_close(wb) }
        formats.removeAll()
        memory = CRetainedMemory()
        if code != LXW_NO_ERROR {
            unlink(path)
            let text = lxw_strerror(code).map { String(cString: $0) } ?? "unknown libxlsxwriter error"
            let detail = printed.isEmpty ? "" : " — " + printed
            throw XlsxError(
                .library(code: Int(code.rawValue)), operation: "close",
                message: "could not write '\(path)': \(text) (lxw_error \(code.rawValue))\(detail)")
        }
    }
}
