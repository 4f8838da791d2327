import CoopDomain
import CoopExport
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
    /// The files written, relative to `folder`, in writing order.
    @discardableResult
    public static func write(_ report: BuiltReport, formats: [OutputFormat], into folder: String) throws(PipelineError) -> [String] {
        let previous = OutputBookkeeping.load(folder: folder)
        var current = OutputBookkeeping()
        var written: [String] = []
        func put(_ relative: String, fill: (_ descriptor: Int32, _ temporaryPath: String) throws -> Void) throws(PipelineError) {
            let path = folder + "/" + relative
            do {
                try FaultInjection.check("write:\(relative)")
                try DurableFiles.replace(path, fill: fill)
            } catch let error as PublishError {
                throw PipelineError(.reportFile(path: path, error))
            } catch {
                throw PipelineError(.reportStep(path: path, error))
            }
            if let entry = OutputBookkeeping.entry(relative, in: folder) { current.files.append(entry) }
            written.append(relative)
        }
        func put(_ relative: String, _ bytes: [UInt8]) throws(PipelineError) {
            try put(relative) { descriptor, temporary in try DurableFiles.writeAll(bytes, to: descriptor, path: temporary) }
        }
        try makeFolder(folder)
        for (index, context) in report.contexts.enumerated() {
            let primary = index == 0
            let suffix = primary ? "" : ".\(context.language.rawValue)"
            if formats.contains(.csv) && primary {
                try makeFolder(folder + "/tables")
                for table in context.analysis.tables {
                    try put("tables/\(table.name).csv", Array(TableCSV.render(table).utf8))
                }
            }
            if primary {
                // Streamed: header, the rows in memory, then the spills (never one String).
                try put("rejects.csv") { descriptor, temporary in
                    try context.rejects.writeCSV { chunk in try DurableFiles.writeAll(chunk, to: descriptor, path: temporary) }
                }
            }
            if formats.contains(.json) && primary {
                let json: [UInt8]
                do {
                    json = try SummaryJSON.render(context)
                } catch {
                    throw PipelineError(.summaryEncoding(error))
                }
                try put("summary.json", json)
            }
            if formats.contains(.txt) {
                try put("coopstat\(suffix).txt", Array(TextReport.render(context).utf8))
            }
            if formats.contains(.xlsx) {
                try put("coopstat\(suffix).xlsx") { _, temporary in try WorkbookWriter.write(context, to: temporary) }
            }
        }
        do {
            _ = try previous.removeStale(keeping: current, in: folder)
            try current.save(folder: folder)
        } catch {
            throw PipelineError(.bookkeeping(error))
        }
        return written
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
