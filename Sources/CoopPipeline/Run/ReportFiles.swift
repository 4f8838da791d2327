import CoopDomain
import CoopExport
import CoopIngest
import CoopParallel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a built report's files into an output folder (CONTRACT §3, §3.0): each file beside its
/// target under a hidden temporary name, fsynced and renamed over it; then the files coopstat
/// wrote in an earlier run and no longer produces are removed, as its bookkeeping lists them.
/// Invariant: the first language gets the contract's names (`coopstat.xlsx`, `coopstat.txt`,
/// `summary.json`, `tables/NAME.csv`, `rejects.csv`), each further one adds
/// `coopstat.LANG.xlsx|txt`; nothing else in the folder is written, moved, re-permissioned or
/// deleted, nor the folder itself.
public enum ReportFiles {
    /// One file of the report: its path relative to the output folder and what writes it.
    struct OutputFile: Sendable {
        let relative: String
        let fill: @Sendable (_ descriptor: Int32, _ temporaryPath: String) throws -> Void
        /// Written on a thread of its own, beside the others (the workbooks, the longest to make).
        let alongside: Bool

        init(_ relative: String, alongside: Bool = false, fill: @escaping @Sendable (Int32, String) throws -> Void) {
            self.relative = relative
            self.fill = fill
            self.alongside = alongside
        }

        init(_ relative: String, _ bytes: @escaping @Sendable () throws -> [UInt8]) {
            self.init(relative) { descriptor, temporary in try DurableFiles.writeAll(bytes(), to: descriptor, path: temporary) }
        }
    }

    /// The files of `report` in `formats`, in writing order (the summary is encoded here: an
    /// encoding failure writes nothing).
    static func files(_ report: BuiltReport, formats: [OutputFormat]) throws(PipelineError) -> [OutputFile] {
        var files: [OutputFile] = []
        for (index, context) in report.contexts.enumerated() {
            let primary = index == 0
            let suffix = primary ? "" : ".\(context.language.rawValue)"
            if formats.contains(.csv) && primary {
                for table in context.analysis.tables {
                    files.append(OutputFile("tables/\(table.name).csv") { Array(TableCSV.render(table).utf8) })
                }
            }
            if primary {
                // Streamed: header, the rows in memory, then the spills (never one String).
                files.append(
                    OutputFile("rejects.csv") { descriptor, temporary in
                        try context.rejects.writeCSV { chunk in try DurableFiles.writeAll(chunk, to: descriptor, path: temporary) }
                    })
            }
            if formats.contains(.json) && primary {
                let json: [UInt8]
                do {
                    json = try SummaryJSON.render(context)
                } catch {
                    throw PipelineError(.summaryEncoding(error))
                }
                files.append(OutputFile("summary.json") { json })
            }
            if formats.contains(.txt) {
                files.append(OutputFile("coopstat\(suffix).txt") { Array(TextReport.render(context).utf8) })
            }
            if formats.contains(.xlsx) {
                let workbook = OutputFile("coopstat\(suffix).xlsx", alongside: true) { _, temporary in
                    try WorkbookWriter.write(context, to: temporary)
                }
                files.append(workbook)
            }
        }
        return files
    }

    /// How writing one file ended: `failure` nil when it was written; `placed` once it is at its
    /// name (also when only the folder's fsync after the rename failed).
    struct Put: Sendable {
        let failure: PipelineError?
        let placed: Bool
    }

    /// The files written, relative to `folder`, in writing order. The workbooks are written on a
    /// thread of their own while the other files are; each thread stops at its first failure, and
    /// the failure reported is the first in writing order (as if written one after the other).
    /// On a failure the bookkeeping still records every file this run put in place (the other
    /// thread's workbooks too) beside the earlier entries it did not replace, and nothing of an
    /// earlier run is removed; then the failure is thrown.
    @discardableResult
    public static func write(_ report: BuiltReport, formats: [OutputFormat], into folder: String) throws(PipelineError) -> [String] {
        let previous = OutputBookkeeping.load(folder: folder)
        var current = OutputBookkeeping()
        try makeFolder(folder)
        let files = try files(report, formats: formats)
        if files.contains(where: { $0.relative.hasPrefix("tables/") }) { try makeFolder(folder + "/tables") }
        let outcomes = ResultSlots<Put>(count: files.count)
        let writeAll = { @Sendable (alongside: Bool) in
            for (index, file) in files.enumerated() where file.alongside == alongside {
                let outcome = put(file, in: folder)
                outcomes.store(outcome, at: index)
                if outcome.failure != nil { break }
            }
        }
        let others = DispatchGroup()
        if files.contains(where: \.alongside) { DispatchQueue.global().async(group: others) { writeAll(true) } }
        writeAll(false)
        others.wait()
        var written: [String] = []
        var firstFailure: PipelineError?
        for (index, file) in files.enumerated() {
            // A file not tried follows a failure of its own thread, so the first failure met in
            // this order is the one a one-after-the-other run would have met.
            guard let outcome = outcomes.value(at: index) else { continue }
            if firstFailure == nil, let failure = outcome.failure { firstFailure = failure }
            guard outcome.placed, let entry = OutputBookkeeping.entry(file.relative, in: folder) else { continue }
            current.files.append(entry)
            written.append(file.relative)
        }
        if let firstFailure {
            // The write error is what the run reports; a bookkeeping that cannot be saved then
            // only means the next run keeps (never removes) the files this one wrote.
            try? previous.updated(with: current).save(folder: folder)
            throw firstFailure
        }
        do {
            _ = try previous.removeStale(keeping: current, in: folder)
            try current.save(folder: folder)
        } catch {
            throw PipelineError(.bookkeeping(error))
        }
        return written
    }

    /// Writes `file` into `folder` beside its target and renames it over it.
    static func put(_ file: OutputFile, in folder: String) -> Put {
        let path = folder + "/" + file.relative
        var placed = false
        do {
            try FaultInjection.check("write:\(file.relative)")
            try DurableFiles.replace(path, placed: { placed = true }, fill: file.fill)
        } catch let error as PublishError {
            return Put(failure: PipelineError(.reportFile(path: path, error)), placed: placed)
        } catch {
            return Put(failure: PipelineError(.reportStep(path: path, error)), placed: placed)
        }
        return Put(failure: nil, placed: true)
    }

    /// Creates `path` (and missing parents) when it does not exist; an existing folder is left
    /// exactly as it is (mode, owner, contents). Something else at `path` is refused.
    static func makeFolder(_ path: String) throws(PipelineError) {
        do {
            try DurableFiles.makeDirectory(path)
        } catch {
            throw PipelineError(.folder(error))
        }
    }
}
