import CoopParallel
import Foundation

/// Settles duplicates over every parse job's `OfferedRows` at once: the keys are cut into
/// `partitionCount` partitions, and each partition's states are offered to a ledger in job order
/// (files in read order, parts in file order), which is read order for the keys of that partition.
/// Partitions share no key, so they settle on every core, one at a time per core, and only the
/// states of the partitions being settled are in memory; their cubes, counts and conflicts add up.
/// Invariant: the ledger returned is the one a single pass offering every row in read order gives
/// (its states aside: it holds none).
enum LedgerSettlement {
    /// Number of key partitions (a power of two: `partition(of:)` takes six bits).
    static let partitionCount = 64

    /// The partition of `key`: bits 52–57 of its high half. The ledger's shards take the top six
    /// bits, so the keys of one partition still spread over all its shards.
    static func partition(of key: RegistryKey) -> Int { Int(truncatingIfNeeded: (key.high >> 52) & 63) }

    /// The ledger of `jobs` (in read order, each with the line shift of its part), settled on `workers` threads.
    static func settle(_ jobs: [(rows: OfferedRows, lineShift: Int)], workers: Int) -> DuplicateLedger {
        let workers = max(1, min(workers, partitionCount))
        let settleShare = { @Sendable (worker: Int) -> DuplicateLedger in
            var ledger = DuplicateLedger()
            var buffer: [CooperativeShard.Slot] = []
            var lastLive = 0
            for partition in stride(from: worker, to: partitionCount, by: workers) {
                // The slots of the partition before are reused (partitions are alike); grown by doubling when short.
                ledger.forgetStates(expecting: lastLive)
                for job in jobs {
                    let shift = job.lineShift
                    _ = job.rows.forEach(in: partition, buffer: &buffer) { slot in
                        ledger.offer(slot.state.shifted(by: shift), key: slot.key)
                    }
                }
                lastLive = ledger.liveCount
            }
            ledger.forgetStates(expecting: 0, releasing: true)
            return ledger
        }
        let shares = ResultSlots<DuplicateLedger>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { shares.store(settleShare($0), at: $0) }
        var settled = shares.value(at: 0) ?? settleShare(0)
        for worker in 1..<workers { settled.absorb(disjoint: shares.value(at: worker) ?? settleShare(worker)) }
        return settled
    }
}
