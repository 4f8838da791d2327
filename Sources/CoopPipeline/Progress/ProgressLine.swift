import Foundation

/// The one line of progress a terminal shows during long work: what is being done, the bytes read
/// of the total, the rows, the rate and the time left, redrawn in place (`\r`, erase to end of
/// line) at most every `interval` seconds and cleared when the work ends. The command line creates
/// it only for a terminal without `--quiet`, so cron and pipes see nothing.
/// Invariant: safe to feed from any thread; nothing is written after `finish()`.
public final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Double
    private let interval: Double
    private var stage = ""
    private var totalBytes = 0
    private var bytes = 0
    private var rows = 0
    private var started: Double?
    private var lastDrawn: Double?
    private var finished = false
    private var shown = false

    /// A line drawn with `write`, timed by `now` (seconds), redrawn at most every `interval` seconds.
    public init(
        interval: Double = 0.25, now: @escaping @Sendable () -> Double, write: @escaping @Sendable (String) -> Void
    ) {
        self.interval = interval
        self.now = now
        self.write = write
    }

    /// A line on standard error, timed by the monotonic clock.
    public static func standardError() -> ProgressLine {
        ProgressLine(
            now: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
            write: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Starts reading `totalBytes` bytes (the inputs' sizes).
    public func begin(totalBytes: Int) {
        lock.withLock {
            self.totalBytes = max(0, totalBytes)
            bytes = 0
            rows = 0
            started = now()
        }
    }

    /// What is being done now (a file name, "writing outputs"): redrawn at once.
    public func stage(_ text: String) {
        lock.withLock {
            stage = text
            draw(force: true)
        }
    }

    /// `bytes` more bytes read holding `rows` more rows (from any reading thread).
    public func read(bytes: Int, rows: Int) {
        lock.withLock {
            self.bytes += bytes
            self.rows += rows
            draw(force: false)
        }
    }

    /// Clears the line; later calls write nothing.
    public func finish() {
        lock.withLock {
            guard !finished else { return }
            finished = true
            if shown { write("\r\u{1B}[K") }
        }
    }

    /// The text of the line now (without the redraw codes).
    public var text: String { lock.withLock { render(at: now()) } }

    private func draw(force: Bool) {
        guard !finished else { return }
        let time = now()
        if !force, let lastDrawn, time - lastDrawn < interval { return }
        lastDrawn = time
        shown = true
        write("\r\u{1B}[K" + render(at: time))
    }

    private func render(at time: Double) -> String {
        var parts: [String] = []
        if !stage.isEmpty { parts.append(stage) }
        if totalBytes > 0 || bytes > 0 {
            let done = min(bytes, max(totalBytes, bytes))
            let percent = totalBytes > 0 ? " (\(min(100, done * 100 / totalBytes))%)" : ""
            parts.append("\(Self.size(done)) of \(Self.size(totalBytes))\(percent)")
            parts.append("\(Self.grouped(rows)) rows")
            if let started, time - started > 0.5, done > 0 {
                let elapsed = time - started
                parts.append("\(Self.grouped(Int(Double(rows) / elapsed))) rows/s")
                if totalBytes > done {
                    let left = elapsed * Double(totalBytes - done) / Double(done)
                    parts.append("about \(Self.duration(left)) left")
                }
            }
        }
        return "coopstat: " + parts.joined(separator: " · ")
    }

    /// `1,000,000`: digits in groups of three, as the closing line and the progress line print counts.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `512 B`, `3.4 MB`, `1.2 GB` (powers of 1,000, one decimal from kB up).
    static func size(_ bytes: Int) -> String {
        let units = ["kB", "MB", "GB", "TB"]
        guard bytes >= 1_000 else { return "\(bytes) B" }
        var value = Double(bytes) / 1_000
        var unit = 0
        while value >= 1_000 && unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }

    /// `45 s`, `3 min 20 s`, `1 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total) s" }
        if total < 3_600 { return "\(total / 60) min \(String(format: "%02d", total % 60)) s" }
        return "\(total / 3_600) h \(String(format: "%02d", (total % 3_600) / 60)) min"
    }
}
