import CoopSample
import Foundation

/// Writes `coopstat sample` output: the offices' registries, or one canonical registry streamed to disk.
/// Invariant: files are written whole, through the one durable "write beside and rename", into a
/// folder `OutputPlace` accepts (never `/`, the home folder or a refresh output root).
public enum SampleWriter {
    /// The generator's settings (seed, scale), named here for the command line.
    public typealias Options = SampleOptions

    /// The largest `--scale` (about 60 million cooperatives, some 6 GB of CSV): beyond it a
    /// sample would fill the disk rather than serve a benchmark.
    public static let largestScale: Double = 1000

    /// Why `scale` cannot be used, or nil.
    public static func scaleProblem(_ scale: Double) -> String? {
        guard scale > 0, scale.isFinite else { return "--scale must be a positive number, e.g. 1 or 0.1" }
        guard scale <= largestScale else {
            return "--scale \(scale) is above the limit of \(Int(largestScale)) (about 60 million cooperatives); use a smaller scale"
        }
        return nil
    }

    @discardableResult
    public static func write(output: String, options: SampleOptions, canonical: Bool, referenceFolder: String) throws(PipelineError)
        -> [String]
    {
        if let problem = scaleProblem(options.scale) { throw PipelineError(.usage, problem) }
        let reference = try ReportBuild.reference(folder: referenceFolder)
        // The output folder is the user's (CONTRACT §3.0): never `/`, the home folder or a refresh root.
        try OutputPlace.check(output: output, inputs: [])
        try ReportFiles.makeFolder(output)
        let generator = SampleGenerator(reference: reference, options: options)
        if canonical {
            let name = "canonical.csv"
            let path = (output as NSString).appendingPathComponent(name)
            do {
                let rows = Int((60_055 * options.scale).rounded())
                try DurableFiles.replace(path) { descriptor, temporary in
                    try generator.writeCanonical(rows: rows) { chunk in try DurableFiles.writeAll(chunk, to: descriptor, path: temporary) }
                }
            } catch {
                throw PipelineError(.canonicalSample(path: path, error))
            }
            return [path]
        }
        let files: [SampleRegistry]
        do {
            files = try generator.registries().files
        } catch {
            throw PipelineError(.sampleGeneration(error))
        }
        var written: [String] = []
        for file in files {
            let path = (output as NSString).appendingPathComponent(file.fileName)
            do {
                try DurableFiles.writeAtomically(Data(file.bytes), to: path)
            } catch {
                throw PipelineError(.sampleFile(path: path, error))
            }
            written.append(path)
        }
        return written
    }
}
