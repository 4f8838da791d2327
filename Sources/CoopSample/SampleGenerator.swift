import CoopDomain

/// `coopstat sample`: the synthetic registries bundled in datasets/registries/ (real per-cooperative
/// registries are not public). Pure: it returns file names and bytes; the CLI writes them.
/// Invariant: the same reference and options give byte-identical files.
public struct SampleGenerator: Sendable {
    public let reference: ReferenceData
    public let options: SampleOptions

    public init(reference: ReferenceData, options: SampleOptions) {
        self.reference = reference
        self.options = options
    }

    /// The offices' registries (messy dialects), deterministic for a seed, with what was planned.
    public func registries() throws -> (files: [SampleRegistry], calibration: SampleCalibration) {
        let generated = try generate()
        return (generated.files, generated.calibration)
    }

    /// The registries with the plan behind them (tests compare the plan with the targets).
    func generate() throws -> (files: [SampleRegistry], calibration: SampleCalibration, planned: [PlannedCooperative]) {
        let plan = try RegistryPlanner(reference: reference, options: options).plan()
        let built = try RegistryFiles(reference: reference, plan: plan, seed: options.seed).build()
        var perYear: [Int: Int] = [:]
        var perRegion: [String: Int] = [:]
        for year in CreationModel.creationsPerYear.map({ $0.year }) { perYear[year] = 0 }
        for region in reference.regions { perRegion[region.code.rawValue] = 0 }
        for cooperative in plan.cooperatives {
            perYear[cooperative.creationDate.year, default: 0] += 1
            perRegion[cooperative.regionCode.rawValue, default: 0] += 1
        }
        let calibration = SampleCalibration(
            acceptedPerYear: perYear, acceptedPerRegion: perRegion, total: plan.cooperatives.count,
            plannedRejects: built.rejects,
            plannedDuplicates: plan.exactRepeats.count + plan.conflictingRepeats.count + plan.inFileRepeats.count,
            plannedConflicts: plan.conflictingRepeats.count, plannedBlankLines: built.blankLines)
        return (built.files, calibration, plan.cooperatives)
    }

    /// `--canonical`: one clean UTF-8 comma registry (headers registration_id, name, creation_date,
    /// region_code, province, sector, members_total, members_women, members_men, capital_mad) with names
    /// holding commas, quotes and Arabic, written through `sink` in chunks of about 1 MiB.
    public func writeCanonical(rows: Int, sink: ([UInt8]) throws -> Void) rethrows {
        try CanonicalRegistry(reference: reference, seed: options.seed).write(rows: rows, sink: sink)
    }
}
