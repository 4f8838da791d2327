import CoopDomain
import Foundation
import Logging

/// A swift-log handler writing one line per event (to stderr by default), either human
/// (`2026-11-29T03:00:00Z info refresh: published 2024Q4 (60,055 accepted)`) or JSON lines.
/// Invariant: every event is exactly one line (newlines in messages are escaped); in quiet mode
/// only `error` and `critical` events are written.
public struct LineLogHandler: LogHandler {
    /// Output line format (`--log-format`, config `log_format`).
    public typealias Format = LogFormat

    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    public let label: String
    public let format: Format
    public let quiet: Bool
    private let sink: @Sendable (String) -> Void
    private let clock: @Sendable () -> Date

    /// A handler for `label`; `sink` receives each finished line (with `\n`), `clock` the time.
    public init(
        label: String, format: Format = .human, quiet: Bool = false, level: Logger.Level = .info,
        sink: @escaping @Sendable (String) -> Void = LineLogHandler.standardError,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.format = format
        self.quiet = quiet
        self.logLevel = quiet ? max(level, .error) : level
        self.sink = sink
        self.clock = clock
    }

    /// The factory the CLI passes to `LoggingSystem.bootstrap` (library code never bootstraps).
    public static func factory(format: Format = .human, quiet: Bool = false, level: Logger.Level = .info)
        -> @Sendable (String) -> any LogHandler
    {
        { label in LineLogHandler(label: label, format: format, quiet: quiet, level: level) }
    }

    /// A logger whose every event goes through one such handler (to stderr).
    public static func logger(label: String, format: Format, quiet: Bool) -> Logger {
        let handler = LineLogHandler(label: label, format: format, quiet: quiet)
        return Logger(label: label, factory: { _ in handler })
    }

    /// Writes `line` to stderr unbuffered.
    @Sendable public static func standardError(_ line: String) {
        FileHandle.standardError.write(Data(line.utf8))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        if quiet && event.level < .error { return }
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        sink(render(level: event.level, message: event.message.description, metadata: all, time: clock()))
    }

    /// The line for one event, `\n`-terminated.
    func render(level: Logger.Level, message: String, metadata: Logger.Metadata, time: Date) -> String {
        let stamp = Timestamp.iso(time)
        switch format {
        case .human:
            var line = "\(stamp) \(level) \(label): \(Self.oneLine(message))"
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                line += " \(key)=\(Self.oneLine(value.description))"
            }
            return line + "\n"
        case .json:
            var object: [String: Any] = ["time": stamp, "level": level.rawValue, "label": label, "message": VisibleText.escaped(message)]
            if !metadata.isEmpty {
                object["metadata"] = metadata.mapValues { $0.description }
            }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
                let text = String(data: data, encoding: .utf8)
            else {
                return "{\"level\":\"error\",\"message\":\"unencodable log event\"}\n"
            }
            return text + "\n"
        }
    }

    private static func oneLine(_ text: String) -> String { VisibleText.escaped(text) }
}
