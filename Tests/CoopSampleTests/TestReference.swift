import CoopDomain
import Foundation
import Glibc

/// Test-local helpers: the bundled reference tables read by a tiny RFC 4180 reader, and text decoders.
enum TestReference {
    static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/CoopSampleTests/File.swift -> repo root
        return url
    }()

    static let data: ReferenceData = {
        let folder = repoRoot.appendingPathComponent("datasets/reference")
        func table(_ name: String) -> ReferenceTable {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            let rows = parseCSV(text, delimiter: ",").filter { !$0.allSatisfy(\.isEmpty) }
            guard let header = rows.first else { return ReferenceTable(file: name, rows: []) }
            let records = rows.dropFirst().map { row in
                Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < row.count ? row[$0.offset] : "") })
            }
            return ReferenceTable(file: name, rows: Array(records))
        }
        do {
            return try ReferenceData(
                regions: table("regions.csv"), legacyRegions: table("legacy_regions.csv"),
                provinces: table("provinces.csv"), sectors: table("sectors.csv"))
        } catch {
            fatalError("test reference does not load: \(error)")
        }
    }()

    /// RFC 4180: `"` quotes, `""` escapes, delimiters and line breaks inside quotes; LF, CRLF or CR ends.
    static func parseCSV(_ text: String, delimiter: Character) -> [[String]] {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var state = State.fieldStart
        for character in text {
            let isEnd = character == "\n" || character == "\r\n" || character == "\r"
            switch state {
            case .quoted:
                if character == "\"" { state = .quoteInQuoted } else { field.append(character) }
                continue
            case .quoteInQuoted where character == "\"":
                field.append("\"")
                state = .quoted
                continue
            case .fieldStart where character == "\"":
                state = .quoted
                continue
            default:
                break
            }
            if character == delimiter {
                row.append(field)
                field = ""
                state = .fieldStart
            } else if isEnd {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                state = .fieldStart
            } else {
                field.append(character)
                state = .unquoted
            }
        }
        if !field.isEmpty || !row.isEmpty || state != .fieldStart {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    static func decode(_ bytes: [UInt8], codePage: String) -> String? {
        guard let converter = iconv_open("UTF-8", codePage), converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        var ok = true
        var written = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                ok = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0
                written = outBuffer.count - outLeft
            }
        }
        return ok ? String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    static func decodeUTF16LE(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
