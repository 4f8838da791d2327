import CoopDomain

/// Why writing a report's or a sample's files failed, kept as the failing step's own error value
/// (a `PublishError`, an injected fault, an encoding or generator error) until the edge words it.
/// Invariant: `description` is the one sentence printed to users, naming the path and what to
/// check, and it is made from the case's values only when asked for.
public enum OutputFailure: Error, Sendable, CustomStringConvertible {
    /// Writing, syncing or renaming a report file failed.
    case reportFile(path: String, PublishError)
    /// A report file's step failed with something other than the file system (an injected fault).
    case reportStep(path: String, any Error)
    /// Removing an earlier run's stale files or saving the bookkeeping failed.
    case bookkeeping(PublishError)
    /// Creating an output folder failed.
    case folder(PublishError)
    /// `summary.json` could not be encoded.
    case summaryEncoding(any Error)
    /// Writing the one canonical sample file failed.
    case canonicalSample(path: String, PublishError)
    /// The sample generator failed.
    case sampleGeneration(any Error)
    /// Writing one sample registry file failed.
    case sampleFile(path: String, PublishError)

    public var description: String {
        switch self {
        case .reportFile(let path, let error):
            "\(VisibleText.escaped(path)): cannot write it (\(error.reason)); check the output folder's permissions and free space"
        case .reportStep(let path, let error):
            "\(VisibleText.escaped(path)): cannot write it (\(error)); check the output folder"
        case .bookkeeping(let error):
            "\(VisibleText.escaped(error.path)): cannot \(error.operation) (\(error.reason)); check the output folder's permissions"
        case .folder(let error):
            "\(VisibleText.escaped(error.path)): cannot create the folder (\(error.reason)); check the parent folder's permissions"
        case .summaryEncoding(let error):
            "internal error: cannot encode summary.json (\(error)); please report it"
        case .canonicalSample(let path, let error):
            "\(path): cannot write it (\(error.reason)); check free space"
        case .sampleGeneration(let error):
            "internal error: cannot generate the sample (\(error)); please report it"
        case .sampleFile(let path, let error):
            "\(path): cannot write it (\(error.reason)); check permissions"
        }
    }

    /// The exit status (CONTRACT §2): an internal failure is `software`, every other one `cantCreate`.
    public var status: SysExit {
        switch self {
        case .summaryEncoding, .sampleGeneration: .software
        case .reportFile, .reportStep, .bookkeeping, .folder, .canonicalSample, .sampleFile: .cantCreate
        }
    }
}
