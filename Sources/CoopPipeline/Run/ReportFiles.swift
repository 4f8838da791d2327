import CoopDomain
import CoopExport
import Foundation

/// Writes a built report's files into a folder (a staging folder: publishing is separate).
/// Invariant: the first language gets the contract's names (`coopstat.xlsx`, `coopstat.txt`,
/// `summary.json`, `tables/*.csv`, `rejects.csv`); each further one adds `coopstat.LANG.xlsx|txt`.
public enum ReportFiles {
    /// The files written, relative to `folder`, in writing order.
    @discardableResult
    public static func write(_ report: BuiltReport, formats: [OutputFormat], into folder: String) throws(PipelineError) -> [String] {
        var written: [String] = []
        func put(_ relative: String, _ bytes: [UInt8]) throws(PipelineError) {
            let path = (folder as NSString).appendingPathComponent(relative)
            do {
                try FaultInjection.check("write:\(relative)")
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            } catch {
                throw PipelineError(
                    .cantCreate, "\(path): cannot write it (\(error)); check the output folder's permissions and free space")
            }
            written.append(relative)
        }
        func makeFolder(_ relative: String) throws(PipelineError) {
            let path = (folder as NSString).appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw PipelineError(.cantCreate, "\(path): cannot create the folder (\(error)); check permissions")
            }
        }
        try makeFolder("")
        for (index, context) in report.contexts.enumerated() {
            let primary = index == 0
            let suffix = primary ? "" : ".\(context.language.rawValue)"
            if formats.contains(.csv) && primary {
                try makeFolder("tables")
                for table in context.analysis.tables {
                    try put("tables/\(table.name).csv", Array(TableCSV.render(table).utf8))
                }
            }
            if primary {
                try put("rejects.csv", Array(TableCSV.rejects(context.rejects).utf8))
            }
            if formats.contains(.json) && primary {
                let json: [UInt8]
                do {
                    json = try SummaryJSON.render(context)
                } catch {
                    throw PipelineError(.software, "internal error: cannot encode summary.json (\(error)); please report it")
                }
                try put("summary.json", json)
            }
            if formats.contains(.txt) {
                try put("coopstat\(suffix).txt", Array(TextReport.render(context).utf8))
            }
            if formats.contains(.xlsx) {
                let relative = "coopstat\(suffix).xlsx"
                let path = (folder as NSString).appendingPathComponent(relative)
                do {
                    try FaultInjection.check("write:\(relative)")
                    try WorkbookWriter.write(context, to: path)
                } catch {
                    throw PipelineError(.cantCreate, "\(path): cannot write the workbook (\(error)); check the output folder")
                }
                written.append(relative)
            }
        }
        return written
    }
}
