import CoopDomain
import CoopTestSupport
import CoopTransform
import Foundation
import XCTest

@testable import CoopIngest

/// Settling the offered rows partition by partition gives what one pass gives, blocks beyond the
/// memory budget go to a nameless file and read back exactly, and a file of repeated ids keeps
/// the memory of the offered rows flat.
final class LedgerSettlementTests: XCTestCase {
    var reference: ReferenceData?

    override func setUpWithError() throws { reference = try ReferenceFixture.load() }

    /// The state and key of a row of cooperative `id` with `members` members, created on day `day` of January 2020.
    func offered(_ id: String, members: Int, day: Int = 1, file: Int, line: Int) throws -> CooperativeShard.Slot {
        let record = CooperativeRecord(
            registrationId: id, name: "n", creationDate: Day(year: 2020, month: 1, day: day)!, regionCode: RegionCode("07"),
            provinceIndex: nil, commune: "", sectorIndex: 0, membersTotal: members, membersWomen: nil, membersMen: nil,
            membersYouth: nil, capitalCents: nil, status: "", soulaliyate: nil)
        let state = try CooperativeState(record, file: file, line: line, reference: XCTUnwrap(reference))
        return CooperativeShard.Slot(key: RegistryKey(registrationId: id), state: state)
    }

    /// Names in the temporary directory that a ledger spill would make.
    func ledgerSpillNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: NamelessFile.folder)
            .filter { $0.hasPrefix("coopstat-ledger-") }
    }

    func testPartitionsSettledOnAnyNumberOfCoresEqualOnePass() throws {
        // File 0: 3,000 rows of 1,000 ids, cut in three parts; file 1: 500 rows updating ids 0…499.
        // Members vary with the row so that some replacements conflict and some do not; each id keeps its day.
        let file0 = try (0..<3_000).map {
            try offered("C\($0 % 1_000)", members: $0 % 5 + 1, day: $0 % 1_000 % 28 + 1, file: 0, line: $0 + 2)
        }
        let file1 = try (0..<500).map { try offered("c\($0)", members: $0 % 3 + 1, day: $0 % 28 + 1, file: 1, line: $0 + 2) }
        var single = DuplicateLedger()
        for slot in file0 + file1 { single.offer(slot.state, key: slot.key) }
        let beforeSpill = try ledgerSpillNames()
        for budget in [0, LedgerSpill.defaultMemoryBudget] {
            let spill = LedgerSpill(memoryBudget: budget)
            var jobs: [(rows: OfferedRows, lineShift: Int)] = []
            for cut in [0..<1_100, 1_100..<2_000, 2_000..<3_000] {
                var rows = OfferedRows(spill: spill)
                // A part's lines count from its own start; the job's shift puts them back.
                for slot in file0[cut] { rows.append(slot.state.shifted(by: -cut.lowerBound), key: slot.key) }
                rows.finish()
                jobs.append((rows, cut.lowerBound))
            }
            var update = OfferedRows(spill: spill)
            for slot in file1 { update.append(slot.state, key: slot.key) }
            update.finish()
            jobs.append((update, 0))
            let onDisk = jobs.flatMap { $0.rows.blocks.joined() }.filter { if case .file = $0 { true } else { false } }.count
            XCTAssertEqual(onDisk > 0, budget == 0, "budget \(budget)")
            for workers in [1, 2, 3, 64, 100] {
                let settled = LedgerSettlement.settle(jobs, workers: workers)
                XCTAssertEqual(settled.cube, single.cube, "workers \(workers)")
                XCTAssertEqual(settled.acceptedByFile, single.acceptedByFile)
                XCTAssertEqual(settled.duplicatesByFile, single.duplicatesByFile)
                XCTAssertEqual(settled.conflictsByFile, single.conflictsByFile)
                XCTAssertEqual(settled.conflictsInReadOrder, single.conflictsInReadOrder)
                XCTAssertEqual(settled.latestCreation, single.latestCreation)
                XCTAssertEqual(settled.liveCount, 0, "the states are forgotten once settled")
            }
        }
        // Counted by hand: 2,000 rows of file 0 replaced within it, and 500 of its last versions by file 1.
        XCTAssertEqual(single.duplicatesByFile, [0: 2_500])
        XCTAssertEqual(single.acceptedByFile, [0: 500, 1: 500])
        // Row r and r+1000 of one id have (r+1000)%5 = r%5 members: no conflict within file 0. Ids 0…499
        // last read at rows 2000…2499 with (2000+i)%5+1 = i%5+1 members against i%3+1: equal when i%15 < 3.
        let conflicting = (0..<500).filter { $0 % 5 != $0 % 3 }.count
        XCTAssertEqual(single.conflictsByFile, [0: conflicting])
        XCTAssertEqual(single.latestCreation, Day(year: 2020, month: 1, day: 28))
        XCTAssertEqual(try ledgerSpillNames(), beforeSpill, "the spill leaves no name on disk")
    }

    func testBlocksBeyondTheBudgetGoToTheFileAndReadBackInOrder() throws {
        let slotSize = MemoryLayout<CooperativeShard.Slot>.stride
        let spill = LedgerSpill(memoryBudget: 2 * OfferedRows.blockSlots * slotSize)
        var rows = OfferedRows(spill: spill)
        // 6,000 rows of one id: every row in one partition, 11 full blocks and one of 368.
        let slots = try (0..<6_000).map { try offered("SAME", members: $0 % 9 + 1, file: 0, line: $0 + 2) }
        for slot in slots { rows.append(slot.state, key: slot.key) }
        rows.finish()
        let partition = LedgerSettlement.partition(of: RegistryKey(registrationId: "SAME"))
        XCTAssertEqual(rows.counts[partition], 6_000)
        XCTAssertEqual(rows.count, 6_000)
        XCTAssertEqual(rows.blocks[partition].map(\.count), Array(repeating: 512, count: 11) + [368])
        let kinds = rows.blocks[partition].map { if case .memory = $0 { "memory" } else { "file" } }
        XCTAssertEqual(kinds, ["memory", "memory"] + Array(repeating: "file", count: 10))
        var read: [CooperativeShard.Slot] = []
        var buffer: [CooperativeShard.Slot] = []
        XCTAssertTrue(rows.forEach(in: partition, buffer: &buffer) { read.append($0) })
        XCTAssertEqual(read, slots)
    }

    func testRepeatedIdsKeepTheOfferedRowsInMemoryFlat() throws {
        // 7 ids repeated: what stays in memory is the budget and the open blocks, however many rows.
        let budget = 64 * 1024
        var inMemory: [Int] = []
        for rowCount in [20_000, 60_000] {
            var rows = OfferedRows(spill: LedgerSpill(memoryBudget: budget))
            for row in 0..<rowCount {
                let slot = try offered("MA-\(row % 7)", members: 3, file: 0, line: row + 2)
                rows.append(slot.state, key: slot.key)
            }
            rows.finish()
            let held = rows.blocks.joined().reduce(0) { total, block in
                if case .memory(let slots) = block { return total + slots.count }
                return total
            }
            inMemory.append(held)
            XCTAssertEqual(rows.count, rowCount)
            let settled = LedgerSettlement.settle([(rows, 0)], workers: 2)
            XCTAssertEqual(settled.cube.total { _ in true }.cooperatives, 7)
            XCTAssertEqual(settled.duplicatesByFile, [0: rowCount - 7])
        }
        let slotSize = MemoryLayout<CooperativeShard.Slot>.stride
        // At most the budget plus the last (partial) block of each of the 7 ids' partitions.
        XCTAssertLessThanOrEqual(inMemory[1], budget / slotSize + 7 * OfferedRows.blockSlots)
        XCTAssertLessThanOrEqual(inMemory[1], inMemory[0] + 7 * OfferedRows.blockSlots)
    }

    func testForgettingStatesKeepsTheCubeCountsAndLatestDay() throws {
        var ledger = DuplicateLedger()
        for slot in try [offered("A", members: 2, day: 9, file: 0, line: 2), offered("A", members: 3, day: 3, file: 0, line: 3)] {
            ledger.offer(slot.state, key: slot.key)
        }
        ledger.forgetStates(expecting: 10)
        XCTAssertEqual(ledger.liveCount, 0)
        XCTAssertEqual(ledger.latestCreation, Day(year: 2020, month: 1, day: 3))
        XCTAssertEqual(ledger.cube.total { _ in true }.membersTotal, 3)
        XCTAssertEqual(ledger.duplicatesByFile, [0: 1])
        XCTAssertEqual(ledger.conflictsByFile, [0: 1])
    }
}
