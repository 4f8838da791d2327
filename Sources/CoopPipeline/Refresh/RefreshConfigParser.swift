import CoopDomain
import CoopIngest
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
    let lines: TOMLKeyLines
    let baseDir: URL
    /// `inputs` and `output_root` must be in the file (refresh); false for `run --config` and
    /// `validate --config`, whose command line may give them (`--input`, `--output`).
    let requireLocations: Bool

    init(text: String, configPath: String, requireLocations: Bool = true) {
        self.text = text
        self.configPath = configPath
        self.requireLocations = requireLocations
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

        var inputs: [String] = []
        if let inputsValue = table["inputs"] {
            inputs = try stringArray(inputsValue, key: "inputs").map { resolveInput($0) }
            if inputs.isEmpty { throw error("inputs", "must list at least one file, folder or glob") }
        } else if requireLocations {
            throw missing("inputs")
        }

        var outputRoot = baseDir
        if let outValue = table["output_root"] {
            let rootText = try string(outValue, key: "output_root")
            outputRoot = resolve(rootText)
            if let refusal = OutputRootRule.refusal(rootText, resolved: outputRoot.path, configFolder: baseDir.path) {
                throw error("output_root", refusal)
            }
        } else if requireLocations {
            throw missing("output_root")
        }
        var config = RefreshConfig(inputs: inputs, outputRoot: outputRoot)
        config.hasOutputRoot = table["output_root"] != nil
        config.configPath = configPath
        config.configText = text

        if let v = table["period"] {
            if let year = v.int {  // `period = 2024`: the year, as on the command line
                config.period = try parsed(PeriodSpec.self, String(year), key: "period")
            } else {
                config.period = try value(PeriodSpec.self, v, key: "period")
            }
        }
        if let v = table["languages"] {
            let languages = try values(Language.self, v, key: "languages")
            if languages.isEmpty { throw error("languages", "must name at least one language (en, fr, ar)") }
            config.languages = languages
        }
        if let v = table["formats"] {
            let names = try stringArray(v, key: "formats")
            do {
                config.formats = try OutputFormat.list(names)
            } catch {
                throw self.error("formats", error.description)
            }
        }
        if let v = table["reject_threshold"] {
            if let n = v.int {
                guard n >= 0 else { throw error("reject_threshold", "must not be negative") }
                config.rejectThreshold = .count(n)
            } else if v.string != nil {
                config.rejectThreshold = try value(RejectThreshold.self, v, key: "reject_threshold")
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
            if let n = v.int {
                config.region = try parsed(RegionChoice.self, String(n), key: "region")
            } else {
                config.region = try value(RegionChoice.self, v, key: "region")
            }
        }
        if let v = table["only"] { config.only = try value(ScopeGroup.self, v, key: "only") }
        if let v = table["quiet"] {
            guard let b = v.bool else { throw wrongType("quiet", expected: "true or false", found: v.type) }
            config.quiet = b
        }
        if let v = table["log_format"] { config.logFormat = try value(LogFormat.self, v, key: "log_format") }
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
        func typed<T: OptionValue>(_ type: T.Type, _ key: String) throws(ConfigError) -> T? {
            guard let text = try str(key) else { return nil }
            do {
                return try T(optionText: text)
            } catch {
                throw ConfigError(
                    file: configPath, line: lines.line(of: key, in: "file", index: index),
                    key: "file[\(index + 1)].\(key)", reason: error.description)
            }
        }
        return .init(
            path: resolve(path).path, encoding: try typed(TextEncoding.self, "encoding"),
            delimiter: try typed(FieldDelimiter.self, "delimiter"))
    }

    private func day(_ v: TOMLValueConvertible, key: String, section: String = "range") throws(ConfigError) -> Day {
        let line = lines.line(of: key, in: section)
        let name = section.isEmpty ? key : "\(section).\(key)"
        if let d = v.date {
            if let day = Day(year: d.year, month: d.month, day: d.day) { return day }
        } else if let s = v.string {
            do {
                return try Day(optionText: s)
            } catch {
                throw ConfigError(file: configPath, line: line, key: name, reason: error.description)
            }
        }
        throw ConfigError(
            file: configPath, line: line, key: name,
            reason: "must be a date like 2005-01-01, found \(v.type)")
    }

    /// A string value read with the command line's grammar for `T`.
    private func value<T: OptionValue>(_ type: T.Type, _ v: TOMLValueConvertible, key: String) throws(ConfigError) -> T {
        try parsed(type, try string(v, key: key), key: key)
    }

    /// A list of strings (or one string) read with the command line's grammar, each value once.
    private func values<T: OptionValue & Equatable>(_ type: T.Type, _ v: TOMLValueConvertible, key: String) throws(ConfigError) -> [T] {
        var out: [T] = []
        for text in try stringArray(v, key: key) {
            let value = try parsed(type, text, key: key)
            if !out.contains(value) { out.append(value) }
        }
        return out
    }

    private func parsed<T: OptionValue>(_ type: T.Type, _ text: String, key: String) throws(ConfigError) -> T {
        do {
            return try T(optionText: text)
        } catch {
            throw self.error(key, error.description)
        }
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
