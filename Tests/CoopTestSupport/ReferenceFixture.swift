import CoopDomain
import Foundation

/// The repository's folders, found from this file's path, for tests.
public enum RepositoryPaths {
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    public static var reference: URL { root.appendingPathComponent("datasets/reference") }
    public static var registries: URL { root.appendingPathComponent("datasets/registries") }
}

/// The bundled reference tables, read by a deliberately simple CSV reader independent of CoopIngest.
public enum ReferenceFixture {
    /// Splits CSV text into rows of fields (RFC 4180 quotes; no line breaks inside fields needed here).
    public static func simpleCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) where !line.isEmpty {
            var fields: [String] = []
            var field = ""
            var inQuotes = false
            var previousWasQuote = false
            for character in line {
                if inQuotes {
                    if character == "\"" {
                        inQuotes = false
                        previousWasQuote = true
                    } else {
                        field.append(character)
                    }
                } else if character == "\"" {
                    if previousWasQuote { field.append("\"") }
                    inQuotes = true
                    previousWasQuote = false
                } else if character == "," {
                    fields.append(field)
                    field = ""
                    previousWasQuote = false
                } else {
                    field.append(character)
                    previousWasQuote = false
                }
            }
            fields.append(field)
            rows.append(fields)
        }
        return rows
    }

    public static func table(_ name: String) throws -> ReferenceTable {
        let text = try String(contentsOf: RepositoryPaths.reference.appendingPathComponent(name), encoding: .utf8)
        let rows = simpleCSV(text)
        let header = rows[0]
        let dicts = rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) })
        }
        return ReferenceTable(file: name, rows: Array(dicts))
    }

    public static func load() throws -> ReferenceData {
        try ReferenceData(
            regions: table("regions.csv"), legacyRegions: table("legacy_regions.csv"),
            provinces: table("provinces.csv"), sectors: table("sectors.csv"))
    }
}
