import CoopDomain
import CoopTestSupport
import XCTest

@testable import CoopIngest

/// The ledger's open-addressing table: inserts, replaces, iterates in a fixed order, grows by
/// doubling within its load, is sized once from a hint, probes past keys that share a home slot
/// (and past the end of the slots), stores the all-zero key, and merges shard by shard.
final class CooperativeTableTests: XCTestCase {
    var reference: ReferenceData?

    override func setUpWithError() throws {
        reference = try ReferenceFixture.load()
    }

    /// A state whose line tells which offer it was.
    func state(line: Int, members: Int = 3) throws -> CooperativeState {
        let record = CooperativeRecord(
            registrationId: "x", name: "n", creationDate: Day(year: 2020, month: 1, day: 1)!, regionCode: RegionCode("07"),
            provinceIndex: nil, commune: "", sectorIndex: 0, membersTotal: members, membersWomen: nil, membersMen: nil,
            membersYouth: nil, capitalCents: nil, status: "", soulaliyate: nil)
        return try CooperativeState(record, file: 0, line: line, reference: XCTUnwrap(reference))
    }

    func testInsertReplaceAndIterateEveryState() throws {
        var table = CooperativeTable()
        var expected: [RegistryKey: Int] = [:]
        for index in 0..<1_000 {
            let key = RegistryKey(registrationId: "K\(index)")
            XCTAssertNil(table.updateValue(try state(line: index + 2), forKey: key))
            expected[key] = index + 2
        }
        XCTAssertEqual(table.count, 1_000)
        // Every 10th key replaced: the old state comes back, the count stays.
        for index in stride(from: 0, to: 1_000, by: 10) {
            let key = RegistryKey(registrationId: "K\(index)")
            XCTAssertEqual(table.updateValue(try state(line: 50_000 + index), forKey: key)?.line, index + 2)
            expected[key] = 50_000 + index
        }
        XCTAssertEqual(table.count, 1_000)
        var seen: [RegistryKey: Int] = [:]
        for (key, state) in table {
            XCTAssertNil(seen[key], "a key iterated twice")
            seen[key] = state.line
        }
        XCTAssertEqual(seen, expected)
        XCTAssertEqual(table.value(forKey: RegistryKey(registrationId: "K10"))?.line, 50_010)
        XCTAssertNil(table.value(forKey: RegistryKey(registrationId: "K1000")))
    }

    func testIterationOrderIsTheSameForTheSameOffers() throws {
        func build() throws -> [RegistryKey] {
            var table = CooperativeTable()
            for index in 0..<500 { table.updateValue(try state(line: index + 2), forKey: RegistryKey(registrationId: "O\(index % 400)")) }
            return table.map(\.key)
        }
        let first = try build()
        XCTAssertEqual(first.count, 400)
        XCTAssertEqual(try build(), first)
        // Shard by shard: the shards' top bits never decrease along the walk.
        let shards = first.map { Int($0.high >> 58) }
        XCTAssertEqual(shards, shards.sorted())
    }

    func testAShardGrowsByDoublingPastTheMaximumLoad() throws {
        var shard = CooperativeShard()
        XCTAssertEqual(shard.capacity, 0)
        // 16 slots hold 13 states at 0.85 (13.6); the 14th doubles them to 32, which hold 27.
        var capacities: [Int] = []
        for index in 0..<28 {
            shard.updateValue(try state(line: index + 2), forKey: RegistryKey(high: 0, low: UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
            capacities.append(shard.capacity)
        }
        XCTAssertEqual(capacities[0..<13], ArraySlice(repeating: 16, count: 13))
        XCTAssertEqual(capacities[13..<27], ArraySlice(repeating: 32, count: 14))
        XCTAssertEqual(capacities[27], 64)
        XCTAssertEqual(shard.count, 28)
        for index in 0..<28 {
            XCTAssertEqual(shard.value(forKey: RegistryKey(high: 0, low: UInt64(index) &* 0x9E37_79B9_7F4A_7C15))?.line, index + 2)
        }
    }

    func testAHintSizesTheTableOnce() throws {
        var table = CooperativeTable(expected: 100_000)
        let capacity = table.capacity
        // Each shard: 1,562 + 4·√1,562 (39) + 8 = 1,726 states, 1,726 / 0.85 → 2,031 slots.
        XCTAssertEqual(capacity, 64 * 2_031)
        for index in 0..<100_000 { table.updateValue(try state(line: index + 2), forKey: RegistryKey(registrationId: "H\(index)")) }
        XCTAssertEqual(table.count, 100_000)
        XCTAssertEqual(table.capacity, capacity)
    }

    func testKeysCollidingInTheLowBitsAreProbedPast() throws {
        var shard = CooperativeShard()
        // 40 keys with one low half (one home slot) and 40 whose home is the last slot, so that
        // their probes wrap around to the first: every one is found, a replace finds its own.
        let sameHome = (0..<40).map { RegistryKey(high: UInt64($0), low: 12_345) }
        let lastHome = (0..<40).map { RegistryKey(high: UInt64($0), low: UInt64.max) }
        for (index, key) in (sameHome + lastHome).enumerated() { XCTAssertNil(shard.updateValue(try state(line: index + 2), forKey: key)) }
        XCTAssertEqual(shard.count, 80)
        for (index, key) in (sameHome + lastHome).enumerated() { XCTAssertEqual(shard.value(forKey: key)?.line, index + 2) }
        XCTAssertEqual(shard.updateValue(try state(line: 999), forKey: sameHome[20])?.line, 22)
        XCTAssertEqual(shard.value(forKey: sameHome[20])?.line, 999)
        XCTAssertEqual(shard.value(forKey: sameHome[21])?.line, 23)
        XCTAssertNil(shard.value(forKey: RegistryKey(high: 40, low: 12_345)))
        XCTAssertEqual(shard.count, 80)
    }

    func testTheAllZeroKeyIsAKeyLikeAnyOther() throws {
        // Emptiness is in the state (no cooperative has 0 members), so the all-zero key is storable.
        var table = CooperativeTable()
        let zero = RegistryKey(high: 0, low: 0)
        XCTAssertNil(table.value(forKey: zero))
        XCTAssertNil(table.updateValue(try state(line: 7), forKey: zero))
        XCTAssertNil(table.updateValue(try state(line: 8), forKey: RegistryKey(high: 0, low: 1)))
        XCTAssertEqual(table.value(forKey: zero)?.line, 7)
        XCTAssertEqual(table.updateValue(try state(line: 9), forKey: zero)?.line, 7)
        XCTAssertEqual(table.map(\.key).filter { $0 == zero }.count, 1)
        XCTAssertEqual(table.count, 2)
        XCTAssertTrue(CooperativeState.empty.isEmpty)
        XCTAssertFalse(try state(line: 0, members: 1).isEmpty)
    }

    func testEmptyingKeepsTheSlotsAndLeavesACopyIntact() throws {
        var table = CooperativeTable()
        for id in 0..<5_000 { table.updateValue(try state(line: id + 2), forKey: RegistryKey(registrationId: "E\(id)")) }
        let copy = table
        let capacity = table.capacity
        table.removeAll(reservingFor: 100)
        XCTAssertEqual(table.count, 0)
        XCTAssertEqual(table.capacity, capacity, "the slots are kept (100 states need fewer)")
        XCTAssertNil(table.value(forKey: RegistryKey(registrationId: "E7")))
        XCTAssertEqual(Array(table).count, 0)
        // The copy still holds its 5,000 states; the emptied table takes new ones.
        XCTAssertEqual(copy.count, 5_000)
        XCTAssertEqual(copy.value(forKey: RegistryKey(registrationId: "E7"))?.line, 9)
        table.updateValue(try state(line: 4), forKey: RegistryKey(registrationId: "E7"))
        XCTAssertEqual(table.value(forKey: RegistryKey(registrationId: "E7"))?.line, 4)
        XCTAssertEqual(table.count, 1)
        // Room for more than it has: each shard grows to hold its share.
        table.removeAll(reservingFor: 64 * 1_000)
        XCTAssertGreaterThanOrEqual(table.capacity, 64 * 1_000 * 20 / 17)
    }

    func testACopyIsNotChangedByWritesToTheOriginal() throws {
        var table = CooperativeTable()
        table.updateValue(try state(line: 2), forKey: RegistryKey(registrationId: "A"))
        let copy = table
        table.updateValue(try state(line: 3), forKey: RegistryKey(registrationId: "A"))
        table.updateValue(try state(line: 4), forKey: RegistryKey(registrationId: "B"))
        XCTAssertEqual(copy.value(forKey: RegistryKey(registrationId: "A"))?.line, 2)
        XCTAssertNil(copy.value(forKey: RegistryKey(registrationId: "B")))
        XCTAssertEqual(table.value(forKey: RegistryKey(registrationId: "A"))?.line, 3)
    }

    func testAMergeEmptiesTheLaterLedgerAndGrowsEachShardToBoth() throws {
        // 2,000 ids in the earlier ledger, 2,000 in the later, 1,000 of them shared: 3,000 live.
        var earlier = DuplicateLedger()
        var later = DuplicateLedger()
        func offer(_ ledger: inout DuplicateLedger, _ ids: Range<Int>) throws {
            for id in ids {
                let record = CooperativeRecord(
                    registrationId: "M\(id)", name: "n", creationDate: Day(year: 2020, month: 1, day: 1)!, regionCode: RegionCode("07"),
                    provinceIndex: nil, commune: "", sectorIndex: 0, membersTotal: 2, membersWomen: nil, membersMen: nil,
                    membersYouth: nil, capitalCents: nil, status: "", soulaliyate: nil)
                try ledger.offer(record, file: 0, line: id + 2, reference: XCTUnwrap(reference))
            }
        }
        try offer(&earlier, 0..<2_000)
        try offer(&later, 1_000..<3_000)
        let counts = (0..<CooperativeTable.shardCount).map { earlier.live.shards[$0].count + later.live.shards[$0].count }
        let capacities = earlier.live.shards.map(\.capacity)
        earlier.absorb(emptying: &later, lineShift: 10_000)
        XCTAssertEqual(later.liveCount, 0)
        XCTAssertEqual(later.live.capacity, 0)
        XCTAssertEqual(earlier.liveCount, 3_000)
        XCTAssertEqual(earlier.duplicatesByFile, [0: 1_000])
        XCTAssertEqual(earlier.cube.total { _ in true }.membersTotal, 6_000)
        // Each shard holds both within the load, and did not grow past what both need.
        for (index, shard) in earlier.live.shards.enumerated() {
            XCTAssertLessThanOrEqual(shard.count * 20, shard.capacity * 17)
            XCTAssertLessThanOrEqual(shard.capacity, max(capacities[index], counts[index] * 20 / 17 + 1))
        }
        // The shared ids now carry the later ledger's lines, shifted.
        XCTAssertEqual(earlier.live.value(forKey: RegistryKey(registrationId: "M1500"))?.line, 1_502 + 10_000)
        XCTAssertEqual(earlier.live.value(forKey: RegistryKey(registrationId: "M500"))?.line, 502)
    }
}
