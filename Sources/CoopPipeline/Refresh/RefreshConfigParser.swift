import CoopDomain
import Foundation
import TOMLKit

/// Turns a TOML text into a `RefreshConfig`, checking every key's name and type.
/// Invariant: any key not listed in `topKeys`/`rangeKeys`/`fileKeys` is an error with its line.
struct RefreshConfigParser {
    static let topKeys = [
        "inputs", "output_root", "period", "languages", "formats", "reject_threshold", "keep",
        "reference", "region", "only", "quiet", "log_format", "range", "file", "today",
    ]
    static let rangeKeys = ["start", "end"]
    static let fileKeys = ["path", "encoding", "delimiter"]

    let text: String
    let configPath: String
    let periodIsValid: (String) -> Bool
    let lines: TOMLKeyLines
    let baseDir: URL

    init(text: String, configPath: String, periodIsValid: @escaping (String) -> Bool) {
        self.text = text
        self.configPath = configPath
        self.periodIsValid = periodIsValid
        self.lines = TOMLKeyLines(text: text)
        self.baseDir = URL(fileURLWithPath: configPath).deletingLastPathComponent()
    }

    func parse() throws(ConfigError) -> RefreshConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ConfigError(
                file: configPath, line: e.source.begin.line, key: nil,
                reason: "not valid TOML: \(e.description)")
        } catch {
            throw ConfigError(file: configPath, line: nil, key: nil, reason: "not valid TOML: \(error)")
        }

        for key in table.keys.sorted() where !Self.topKeys.contains(key) {
            throw unknown(key, section: "", index: nil, known: Self.topKeys)
        }

        guard let inputsValue = table["inputs"] else { throw missing("inputs") }
        let inputs = try stringArray(inputsValue, key: "inputs").map { resolveInput($0) }
        if inputs.isEmpty { throw error("inputs", "must list at least one file, folder or glob") }

        guard let outValue = table["output_root"] else { throw missing("output_root") }
        var config = RefreshConfig(inputs: inputs, outputRoot: resolve(try string(outValue, key: "output_root")))
        config.configPath = configPath
        config.configText = text

        if let v = table["period"] {
            let p = try string(v, key: "period")
            guard periodIsValid(p) else {
                throw error("period", "'\(p)' is not a period; use latest, previous-quarter, 2024Q3, 2024, 2020..2024 or all")
            }
            config.periodSpec = p
        }
        if let v = table["languages"] {
            let names = try stringArray(v, key: "languages")
            if names.isEmpty { throw error("languages", "must name at least one language (en, fr, ar)") }
            var langs: [Language] = []
            for n in names {
                guard let l = Language(rawValue: n) else {
                    throw error("languages", "'\(n)' is not a language; use en, fr or ar")
                }
                if !langs.contains(l) { langs.append(l) }
            }
            config.languages = langs
        }
        if let v = table["formats"] {
            let names = try stringArray(v, key: "formats")
            if names.isEmpty { throw error("formats", "must name at least one format (xlsx, txt, csv, json)") }
            var formats: [OutputFormat] = []
            for n in names {
                guard let f = OutputFormat(rawValue: n) else {
                    throw error("formats", "'\(n)' is not a format; use xlsx, txt, csv or json")
                }
                if !formats.contains(f) { formats.append(f) }
            }
            config.formats = formats
        }
        if let v = table["reject_threshold"] {
            if let n = v.int {
                guard n >= 0 else { throw error("reject_threshold", "must not be negative") }
                config.rejectThreshold = .count(n)
            } else if let s = v.string {
                guard let t = RejectThreshold(text: s) else {
                    throw error("reject_threshold", "'\(s)' is neither a percentage like \"5%\" nor a count like 12")
                }
                config.rejectThreshold = t
            } else {
                throw wrongType("reject_threshold", expected: "a string like \"5%\" or an integer", found: v.type)
            }
        }
        if let v = table["keep"] {
            guard let n = v.int else { throw wrongType("keep", expected: "an integer", found: v.type) }
            guard n >= 1 else { throw error("keep", "must be at least 1 (found \(n))") }
            config.keep = n
        }
        if let v = table["reference"] {
            config.reference = resolve(try string(v, key: "reference"))
        }
        if let v = table["region"] {
            let raw: String
            if let n = v.int { raw = String(n) } else { raw = try string(v, key: "region") }
            guard let code = Int(raw.trimmingCharacters(in: .whitespaces)), (1...12).contains(code) else {
                throw error("region", "'\(raw)' is not a 2015 region code; use 01 to 12")
            }
            config.region = String(format: "%02d", code)
        }
        if let v = table["only"] {
            let s = try string(v, key: "only")
            guard s == "soulaliyate" else { throw error("only", "'\(s)' is not supported; the only value is \"soulaliyate\"") }
            config.only = s
        }
        if let v = table["quiet"] {
            guard let b = v.bool else { throw wrongType("quiet", expected: "true or false", found: v.type) }
            config.quiet = b
        }
        if let v = table["log_format"] {
            let s = try string(v, key: "log_format")
            guard let f = RefreshConfig.LogFormat(rawValue: s) else {
                throw error("log_format", "'\(s)' is not a log format; use human or json")
            }
            config.logFormat = f
        }
        if let v = table["today"] { config.today = try day(v, key: "today", section: "") }
        if let v = table["range"] {
            guard let range = v.table else { throw wrongType("range", expected: "a table [range]", found: v.type) }
            for key in range.keys.sorted() where !Self.rangeKeys.contains(key) {
                throw unknown(key, section: "range", index: nil, known: Self.rangeKeys)
            }
            if let s = range["start"] { config.rangeStart = try day(s, key: "start") }
            if let e = range["end"] { config.rangeEnd = try day(e, key: "end") }
            if let start = config.rangeStart, let end = config.rangeEnd, start > end {
                throw ConfigError(
                    file: configPath, line: lines.line(of: "end", in: "range"), key: "range.end",
                    reason: "ends (\(end)) before it starts (\(start))")
            }
        }
        if let v = table["file"] {
            guard let entries = v.array else {
                throw wrongType("file", expected: "an array of tables [[file]]", found: v.type)
            }
            for i in 0..<entries.count {
                guard let entry = entries[i].table else {
                    throw wrongType("file", expected: "an array of tables [[file]]", found: entries[i].type)
                }
                config.fileOverrides.append(try fileOverride(entry, index: i))
            }
        }
        return config
    }

    // MARK: - Pieces

    private func fileOverride(_ entry: TOMLTable, index: Int) throws(ConfigError) -> RefreshConfig.FileOverride {
        for key in entry.keys.sorted() where !Self.fileKeys.contains(key) {
            throw unknown(key, section: "file", index: index, known: Self.fileKeys)
        }
        func str(_ key: String) throws(ConfigError) -> String? {
            guard let v = entry[key] else { return nil }
            guard let s = v.string else {
                throw ConfigError(
                    file: configPath, line: lines.line(of: key, in: "file", index: index),
                    key: "file[\(index + 1)].\(key)",
                    reason: "must be a string, found \(v.type)")
            }
            return s
        }
        guard let path = try str("path") else {
            throw ConfigError(
                file: configPath, line: lines.headerLine("file", index: index),
                key: "file[\(index + 1)].path", reason: "is required in every [[file]] entry")
        }
        return .init(path: resolve(path).path, encoding: try str("encoding"), delimiter: try str("delimiter"))
    }

    private func day(_ v: TOMLValueConvertible, key: String, section: String = "range") throws(ConfigError) -> Day {
        let line = lines.line(of: key, in: section)
        let name = section.isEmpty ? key : "\(section).\(key)"
        if let d = v.date {
            if let day = Day(year: d.year, month: d.month, day: d.day) { return day }
        } else if let s = v.string {
            if let day = Day(iso: s) { return day }
            throw ConfigError(
                file: configPath, line: line, key: name,
                reason: "'\(s)' is not a date; write YYYY-MM-DD, e.g. 2005-01-01")
        }
        throw ConfigError(
            file: configPath, line: line, key: name,
            reason: "must be a date like 2005-01-01, found \(v.type)")
    }

    private func string(_ v: TOMLValueConvertible, key: String) throws(ConfigError) -> String {
        guard let s = v.string else { throw wrongType(key, expected: "a string", found: v.type) }
        return s
    }

    private func stringArray(_ v: TOMLValueConvertible, key: String) throws(ConfigError) -> [String] {
        if let s = v.string { return [s] }  // a lone string is a one-element list
        guard let a = v.array else { throw wrongType(key, expected: "an array of strings", found: v.type) }
        var out: [String] = []
        for i in 0..<a.count {
            guard let s = a[i].string else {
                throw wrongType(key, expected: "an array of strings", found: a[i].type, item: i)
            }
            out.append(s)
        }
        return out
    }

    /// Absolute URL for a config path (relative to the config file's folder).
    private func resolve(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return baseDir.appendingPathComponent(path).standardizedFileURL
    }

    /// Like `resolve`, but keeps glob characters and escapes those in the base folder.
    private func resolveInput(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let isGlob = path.contains { "*?[".contains($0) }
        guard isGlob else { return resolve(path).path }
        var base = baseDir.standardizedFileURL.path
        for ch in ["\\", "*", "?", "["] { base = base.replacingOccurrences(of: ch, with: "\\" + ch) }
        return base + (base.hasSuffix("/") ? "" : "/") + path
    }

    private func error(_ key: String, _ reason: String) -> ConfigError {
        ConfigError(file: configPath, line: lines.line(of: key), key: key, reason: reason)
    }

    private func missing(_ key: String) -> ConfigError {
        ConfigError(file: configPath, line: nil, key: key, reason: "is required; add it to the top of the file")
    }

    private func wrongType(_ key: String, expected: String, found: TOMLType, item: Int? = nil) -> ConfigError {
        let what = item.map { "item \($0 + 1) " } ?? ""
        return ConfigError(
            file: configPath, line: lines.line(of: key), key: key,
            reason: "\(what)must be \(expected), found \(found)")
    }

    private func unknown(_ key: String, section: String, index: Int?, known: [String]) -> ConfigError {
        let dotted: String
        if section.isEmpty {
            dotted = key
        } else if let index {
            dotted = "\(section)[\(index + 1)].\(key)"
        } else {
            dotted = "\(section).\(key)"
        }
        return ConfigError(
            file: configPath, line: lines.line(of: key, in: section, index: index), key: dotted,
            reason: "unknown key; known keys here: \(known.joined(separator: ", "))")
    }
}
