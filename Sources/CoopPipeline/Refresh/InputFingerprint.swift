import CoopDomain
import Crypto
import Foundation

/// One digest of everything a report depends on: input files (path, size, content hash), the
/// config text, the reference tables, the coopstat version and the resolved period.
/// Invariant: equal digests mean equal content; file times play no part (touching a file does
/// not change it, editing one byte does).
public struct InputFingerprint: Sendable, Equatable {
    /// SHA-256 hex over the canonical description of all parts.
    public var digest: String
    /// The input files' digests, in reading order (also listed in the manifest).
    public var inputs: [FileDigest]

    /// Computes the fingerprint. `periodKey` carries whatever makes the period depend on the
    /// clock (e.g. the quarter `previous-quarter` stands for today); pass the spec otherwise.
    public static func compute(
        inputs: [URL],
        configText: String,
        referenceFolder: URL?,
        version: String,
        periodKey: String
    ) throws(InputError) -> InputFingerprint {
        var lines: [String] = ["coopstat-fingerprint 1", "version\t\(version)", "period\t\(periodKey)"]
        lines.append("config\t" + SHA256.hash(data: Data(configText.utf8)).hexString)
        var digests: [FileDigest] = []
        for url in inputs {
            let d = try FileDigest.of(file: url)
            digests.append(d)
            lines.append("input\t\(d.path)\t\(d.size)\t\(d.sha256)")
        }
        if let referenceFolder {
            for url in try referenceFiles(in: referenceFolder) {
                let d = try FileDigest.of(file: url)
                lines.append("reference\t\(url.lastPathComponent)\t\(d.size)\t\(d.sha256)")
            }
        } else {
            lines.append("reference\tbundled")
        }
        let text = lines.joined(separator: "\n") + "\n"
        return InputFingerprint(digest: SHA256.hash(data: Data(text.utf8)).hexString, inputs: digests)
    }

    /// Regular, non-hidden files directly in `folder`, sorted by name.
    static func referenceFiles(in folder: URL) throws(InputError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(path: folder.path, reason: "reference folder cannot be listed; check the 'reference' key")
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    /// The period part of the fingerprint: what of the run's today the report depends on. `latest`,
    /// `previous-quarter` and a period that has ended change only with today's quarter (so nightly
    /// runs within a quarter are "up to date"); `all` and a period still in progress (or not begun)
    /// change every day. A row dated in the future is therefore re-judged at the latest when the
    /// quarter turns, or as soon as an input changes.
    public static func periodKey(spec: PeriodSpec, today: Day) -> String {
        switch spec {
        case .latest, .previousQuarter:
            return "\(spec)\tquarter=\(today.quarter)"
        case .fixed(let period):
            if let days = period.calendarDays, days.end < today { return "\(spec)\tquarter=\(today.quarter)" }
            return "\(spec)\ttoday=\(today)"
        }
    }
}
