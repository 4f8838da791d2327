import CoopSample
import Foundation

/// Writes `coopstat sample` output: the offices' registries, or one canonical registry streamed to disk.
/// Invariant: files are written whole (temporary name, then rename).
public enum SampleWriter {
    /// The generator's settings (seed, scale), named here for the command line.
    public typealias Options = SampleOptions

    @discardableResult
    public static func write(output: String, options: SampleOptions, canonical: Bool, referenceFolder: String) throws(PipelineError)
        -> [String]
    {
        let reference = try ReportBuild.reference(folder: referenceFolder)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw PipelineError(.cantCreate, "\(output): cannot create the folder (\(error)); check permissions")
        }
        let generator = SampleGenerator(reference: reference, options: options)
        if canonical {
            let name = "canonical.csv"
            let path = (output as NSString).appendingPathComponent(name)
            let temporary = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary)
            else {
                throw PipelineError(.cantCreate, "\(temporary): cannot create the file; check permissions")
            }
            do {
                let rows = Int((60_055 * options.scale).rounded())
                try generator.writeCanonical(rows: rows) { chunk in try handle.write(contentsOf: chunk) }
                try handle.close()
                guard rename(temporary, path) == 0 else {
                    throw PipelineError(
                        .cantCreate, "\(path): cannot move the finished file into place (\(String(cString: strerror(errno))))")
                }
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw PipelineError(.cantCreate, "\(path): cannot write it (\(error)); check free space")
            }
            return [path]
        }
        let files: [SampleRegistry]
        do {
            files = try generator.registries().files
        } catch {
            throw PipelineError(.software, "internal error: cannot generate the sample (\(error)); please report it")
        }
        var written: [String] = []
        for file in files {
            let path = (output as NSString).appendingPathComponent(file.fileName)
            do {
                try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw PipelineError(.cantCreate, "\(path): cannot write it (\(error)); check permissions")
            }
            written.append(path)
        }
        return written
    }
}
