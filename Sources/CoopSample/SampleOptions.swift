/// Options of `coopstat sample`: the seed of the generator and the volume multiplier.
/// Invariant: `scale > 0` (the generator refuses anything else with a `SampleError`).
public struct SampleOptions: Sendable, Equatable {
    public var seed: UInt64 = 20240101
    public var scale: Double = 1

    public init(seed: UInt64 = 20240101, scale: Double = 1) {
        self.seed = seed
        self.scale = scale
    }
}

/// One generated registry file, ready to be written as is.
/// Invariant: `fileName` is a plain relative name ending in `.csv`.
public struct SampleRegistry: Sendable, Equatable {
    public let fileName: String
    public let bytes: [UInt8]

    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
    }
}

/// What the generator planned, so the ingest can be checked end to end: the accepted counts per
/// creation year and per 2015 region code (`"07"`), the total, and the defects it planted.
/// Invariant: the per-year and per-region counts each add up to `total`.
public struct SampleCalibration: Sendable, Equatable {
    public let acceptedPerYear: [Int: Int]
    public let acceptedPerRegion: [String: Int]
    public let total: Int
    public let plannedRejects: Int
    public let plannedDuplicates: Int
    public let plannedConflicts: Int
    public let plannedBlankLines: Int

    public init(
        acceptedPerYear: [Int: Int], acceptedPerRegion: [String: Int], total: Int, plannedRejects: Int,
        plannedDuplicates: Int, plannedConflicts: Int, plannedBlankLines: Int
    ) {
        self.acceptedPerYear = acceptedPerYear
        self.acceptedPerRegion = acceptedPerRegion
        self.total = total
        self.plannedRejects = plannedRejects
        self.plannedDuplicates = plannedDuplicates
        self.plannedConflicts = plannedConflicts
        self.plannedBlankLines = plannedBlankLines
    }
}

/// Why the sample could not be generated (bad options, a reference without what the model needs,
/// text an 8-bit code page cannot hold). Invariant: `description` is one line saying what to do.
public struct SampleError: Error, CustomStringConvertible, Sendable, Equatable {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { "coopstat sample: \(reason)" }
}
