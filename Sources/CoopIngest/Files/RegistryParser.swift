import CoopDomain

/// Turns one registry file's bytes, fed chunk by chunk, into row outcomes and the file's
/// accounting: detection, decoding, scanning, header, validation. No I/O inside.
/// Invariant: after `finish`, `quality.rowsRead == accepted + rejected` for this file (duplicates
/// are settled later, across files), and every non-blank row after the header was delivered.
public struct RegistryParser {
    public private(set) var quality: FileQuality
    private let reference: ReferenceData
    private let range: DateRange
    private let format: RegistryFormat
    private var transcoder: UTF8Transcoder?
    private var scanner: CSVScanner?
    private var pendingHead: [UInt8] = []
    private var decoded: [UInt8] = []
    private var validator: RowValidator?
    /// The field delimiter, settled with the encoding on the file's head.
    private var delimiter: UInt8 = 0x2C
    /// The refusal, when the file cannot be read as a registry.
    public private(set) var refusal: RegistryRefusal?
    /// The encoding settled on the head (or given).
    private var encoding: TextEncoding?
    /// True when a row ended inside a quoted field (at the end of what was fed).
    public private(set) var endedInsideQuotes = false
    /// When set, only the rows starting at these lines are validated and delivered (re-reading rows by line).
    var onlyLines: Set<Int>?
    /// The scanner was told to build only the rows of `onlyLines`.
    private var scannerSkipsOtherLines = false

    /// Decoded bytes scanned at a time while looking for the header of a file re-read by line.
    static let headerSlice = 16 * 1024
    /// Bytes gathered before deciding the encoding and the delimiter.
    static let headSize = 64 * 1024

    public init(file: String, reference: ReferenceData, range: DateRange, format: RegistryFormat = RegistryFormat()) {
        self.quality = FileQuality(file: file)
        self.reference = reference
        self.range = range
        self.format = format
    }

    /// A parser for a part of a file that starts at a record boundary after the header: the
    /// encoding, delimiter and header come from the file's head (`continuation`).
    public init(file: String, reference: ReferenceData, range: DateRange, continuing continuation: RegistryContinuation) {
        self.init(
            file: file, reference: reference, range: range,
            format: RegistryFormat(encoding: continuation.encoding, delimiter: continuation.delimiter))
        encoding = continuation.encoding
        transcoder = try? UTF8Transcoder(encoding: continuation.encoding)
        delimiter = continuation.delimiter
        quality.encoding = continuation.encoding.rawValue
        validator = RowValidator(layout: continuation.layout, reference: reference, range: range, file: file)
    }

    /// What a parser of a later part of this file needs, once the header was read.
    public var continuation: RegistryContinuation? {
        guard refusal == nil, let encoding, let layout = validator?.layout else { return nil }
        return RegistryContinuation(encoding: encoding, delimiter: delimiter, layout: layout)
    }

    /// Feeds the next chunk of the file's bytes; `deliver` receives each validated row in order.
    public mutating func feed(_ chunk: [UInt8], deliver: (RowOutcome, Int) throws -> Void) rethrows {
        try feedRows(chunk, delivering: deliver)
    }

    /// Ends the file; delivers the last row and closes the accounting.
    public mutating func finish(deliver: (RowOutcome, Int) throws -> Void) rethrows {
        try finishRows(delivering: deliver)
    }

    /// `feed(_:deliver:)` delivering each row in the form `Outcome` (the compact one for the ingest).
    mutating func feedRows<Outcome: ParsedRow>(_ chunk: [UInt8], delivering deliver: (Outcome, Int) throws -> Void) rethrows {
        guard refusal == nil else { return }
        if transcoder == nil {
            pendingHead.append(contentsOf: chunk)
            if pendingHead.count < Self.headSize { return }
            if format.encoding == nil, EncodingWindow.of(pendingHead, complete: false) == nil { return }  // an ASCII head
            let head = pendingHead
            pendingHead = []
            start(head: head)
            try push(head, deliver: deliver)
        } else {
            try push(chunk, deliver: deliver)
        }
    }

    /// `finish(deliver:)` delivering each row in the form `Outcome`.
    mutating func finishRows<Outcome: ParsedRow>(delivering deliver: (Outcome, Int) throws -> Void) rethrows {
        guard refusal == nil else { return }
        if transcoder == nil {
            let head = pendingHead
            pendingHead = []
            if head.isEmpty {
                refuse(.empty)
                return
            }
            start(head: head)
            try push(head, deliver: deliver)
            guard refusal == nil else { return }
        }
        decoded.removeAll(keepingCapacity: true)
        transcoder?.finish(into: &decoded)
        if scanner == nil && !decoded.isEmpty { startScanner() }
        try scan(final: true, deliver: deliver)
        quality.replacedBytes = transcoder?.replacements ?? 0
        if refusal == nil && validator == nil { refuse(.noHeader) }
    }

    /// Settles the encoding on `EncodingWindow` and the delimiter on exactly the first `headSize`
    /// bytes (fewer for a shorter file), so that they do not depend on how the file was cut into chunks.
    private mutating func start(head gathered: [UInt8]) {
        let head = Array(gathered.prefix(Self.headSize))
        let encoding = format.encoding ?? EncodingWindow.encoding(of: gathered)
        self.encoding = encoding
        quality.encoding = encoding.rawValue
        do {
            transcoder = try UTF8Transcoder(encoding: encoding)
        } catch {
            refuse(.undecodable(String(describing: error)))
            return
        }
        if let forced = format.delimiter {
            delimiter = forced
        } else if var probe = transcoder {
            var sample: [UInt8] = []
            probe.convert(head, into: &sample)
            delimiter = DelimiterSniffer.sniff(utf8Head: sample)
        }
    }

    /// Starts the scanner with the delimiter settled by `start(head:)`.
    private mutating func startScanner() {
        quality.delimiter = DelimiterSniffer.displayName(delimiter)
        scanner = CSVScanner(delimiter: delimiter)
    }

    private mutating func push<Outcome: ParsedRow>(_ bytes: [UInt8], deliver: (Outcome, Int) throws -> Void) rethrows {
        guard refusal == nil, transcoder != nil else { return }
        decoded.removeAll(keepingCapacity: true)
        transcoder?.convert(bytes, into: &decoded)
        if scanner == nil { startScanner() }
        try scan(final: false, deliver: deliver)
    }

    private mutating func scan<Outcome: ParsedRow>(final: Bool, deliver: (Outcome, Int) throws -> Void) rethrows {
        guard var scanner = self.scanner else { return }
        self.scanner = nil
        defer { self.scanner = scanner }
        let bytes = decoded
        var start = 0
        if onlyLines != nil && !scannerSkipsOtherLines {
            // Re-reading rows by line: small slices until the header is read, so that from the row
            // after it on, the rows between the wanted ones are followed, not built.
            while start < bytes.count && validator == nil && refusal == nil {
                let end = min(bytes.count, start + Self.headerSlice)
                try scanner.feed(Array(bytes[start..<end])) { row in
                    if refusal == nil { try handle(row, deliver: deliver) }
                }
                start = end
            }
            if let onlyLines, validator != nil {
                scanner.deliverOnly(recordsStartingAt: Array(onlyLines))
                scannerSkipsOtherLines = true
            }
        }
        try bytes.withUnsafeBufferPointer { all in
            try scanner.feed(UnsafeBufferPointer(rebasing: all[start...])) { row in
                if refusal == nil { try handle(row, deliver: deliver) }
            }
        }
        if final {
            try scanner.finish { row in
                if refusal == nil { try handle(row, deliver: deliver) }
            }
        }
    }

    private mutating func handle<Outcome: ParsedRow>(_ row: CSVRow, deliver: (Outcome, Int) throws -> Void) rethrows {
        if row.isBlank {
            quality.skippedBlank += 1
            return
        }
        guard validator != nil else {
            do {
                var cells = (0..<row.count).map { row.field($0) }
                if let first = cells.first, first.hasPrefix("\u{FEFF}") { cells[0] = String(first.dropFirst()) }
                let layout = try HeaderLayout(cells: cells)
                quality.unknownColumns = layout.unknownColumns
                self.validator = RowValidator(layout: layout, reference: reference, range: range, file: quality.file)
            } catch {
                refuse(.header(error, line: row.line))
            }
            return
        }
        if let onlyLines, !onlyLines.contains(row.line) { return }
        quality.rowsRead += 1
        if row.unterminatedQuote { endedInsideQuotes = true }
        guard let outcome: Outcome = self.validator?.validated(row) else { return }  // the header made it above
        if outcome.isRejected {
            quality.rejected += 1
        } else if let unknownSector = outcome.unknownSector {
            quality.unknownSector += 1
            quality.unknownSectorValues[unknownSector, default: 0] += 1
        }
        try deliver(outcome, row.line)
    }

    private mutating func refuse(_ reason: RegistryRefusal.Reason) {
        let refusal = RegistryRefusal(file: quality.file, reason: reason)
        self.refusal = refusal
        quality.refusal = refusal.description
        quality.refusalValues = refusal.values
        quality.rowsRead = 0
        quality.rejected = 0
        quality.unknownSector = 0
        quality.unknownSectorValues = [:]
    }
}

/// The settings a file's later parts are read with: its encoding, delimiter and header.
/// Invariant: taken from the file's own head.
public struct RegistryContinuation: Sendable {
    public let encoding: TextEncoding
    public let delimiter: UInt8
    public let layout: HeaderLayout
}

/// A registry file refused as a whole (CONTRACT §1.2): no row of it is used, the run ends with exit 65.
/// Invariant: `description` is one line naming the file and the fix.
public struct RegistryRefusal: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case empty
        case noHeader
        case header(HeaderError, line: Int)
        case undecodable(String)
        case unreadable(String)
        case beyondLimits(String)
    }

    public let file: String
    public let reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .empty: "\(file): the file is empty; export the registry again or remove the file"
        case .noHeader: "\(file): the file has no header row, only blank lines; export it again with its header"
        case .header(let error, let line): "\(file):\(line): file refused: \(error.description)"
        case .undecodable(let why): "\(file): cannot decode the file (\(why)); set its encoding with --encoding or in the config"
        case .unreadable(let why): "\(file): cannot read the file (\(why)); check the path and its permissions"
        case .beyondLimits(let why):
            "\(file): file refused: \(why); split the file, read fewer files in one run, or trim the reference tables"
        }
    }
}
