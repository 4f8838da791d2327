import CoopXlsx

/// The C library behind the workbook, as the pipeline sees it (for `--version` and the startup check).
/// Invariant: the same `XlsxLibrary` the writer uses.
public typealias WorkbookLibrary = XlsxLibrary
