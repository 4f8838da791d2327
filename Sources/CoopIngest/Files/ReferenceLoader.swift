import CoopDomain
import Foundation

/// Loads the four reference tables (`regions.csv`, `legacy_regions.csv`, `provinces.csv`,
/// `sectors.csv`, UTF-8 with a header row) from a folder and validates them.
/// Invariant: a missing or broken table is a `ReferenceError` naming the file and line.
public enum ReferenceLoader {
    public static let fileNames = ["regions.csv", "legacy_regions.csv", "provinces.csv", "sectors.csv"]

    public static func load(folder: String) throws(ReferenceError) -> ReferenceData {
        func table(_ name: String) throws(ReferenceError) -> ReferenceTable {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReferenceError(file: path, line: 0, reason: "the file is missing or unreadable")
            }
            return parse(bytes: [UInt8](data), file: path)
        }
        return try ReferenceData(
            regions: table("regions.csv"), legacyRegions: table("legacy_regions.csv"),
            provinces: table("provinces.csv"), sectors: table("sectors.csv"))
    }

    /// Parses one reference table's bytes (header row first; blank lines skipped).
    public static func parse(bytes: [UInt8], file: String) -> ReferenceTable {
        var utf8: [UInt8] = []
        if var transcoder = try? UTF8Transcoder(encoding: .utf8) {
            transcoder.convert(bytes, into: &utf8)
            transcoder.finish(into: &utf8)
        } else {
            utf8 = bytes
        }
        var scanner = CSVScanner(delimiter: UInt8(ascii: ","))
        var header: [String]?
        var rows: [[String: String]] = []
        var lines: [Int] = []
        func take(_ row: CSVRow) {
            guard !row.isBlank else { return }
            let fields = (0..<row.count).map { row.field($0) }
            guard let names = header else {
                header = fields.map { $0.trimmingSpaces }
                return
            }
            var entry: [String: String] = [:]
            for (index, name) in names.enumerated() where index < fields.count { entry[name] = fields[index] }
            rows.append(entry)
            lines.append(row.line)
        }
        scanner.feed(utf8, onRow: take)
        scanner.finish(onRow: take)
        return ReferenceTable(file: file, rows: rows, lines: lines)
    }
}
