import CoopDomain
import XCTest

@testable import CoopSample

final class SampleGeneratorTests: XCTestCase {
    let expectedPerYear: [Int: Int] = [
        2005: 303, 2006: 364, 2007: 487, 2008: 547, 2009: 610, 2010: 909, 2011: 1248, 2012: 1572, 2013: 1406,
        2014: 2600, 2015: 2900, 2016: 3600, 2017: 4900, 2018: 6100, 2019: 7300, 2020: 4782, 2021: 5127,
        2022: 6200, 2023: 5000, 2024: 4100,
    ]

    func testSameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws {
        let other = try SampleGenerator(reference: TestReference.data, options: SampleOptions(seed: 7, scale: 0.2)).registries()
        let otherAgain = try SampleGenerator(reference: TestReference.data, options: SampleOptions(seed: 7, scale: 0.2)).registries()
        let sameScale = try SampleGenerator(reference: TestReference.data, options: SampleOptions(seed: 8, scale: 0.2)).registries()
        XCTAssertEqual(other.files, otherAgain.files)
        XCTAssertEqual(other.files.map(\.fileName), DefaultSample.result.files.map(\.fileName))
        for (a, b) in zip(other.files, sameScale.files) { XCTAssertNotEqual(a.bytes, b.bytes, a.fileName) }
        XCTAssertEqual(other.calibration.acceptedPerYear, sameScale.calibration.acceptedPerYear)
        XCTAssertEqual(other.calibration.acceptedPerRegion["07"], 1246)  // 6228 × 0.2 = 1245.6
    }

    func testFileNamesAreTheFiveRegistriesInReadingOrder() {
        let names = DefaultSample.result.files.map(\.fileName)
        XCTAssertEqual(
            names,
            [
                "01_bureau_fr_2005_2009.csv", "02_bureau_ar_2010_2014.csv", "03_bureau_ar_2015_2019.csv",
                "04_export_en_2020_2024.csv", "05_mises_a_jour.csv",
            ])
        XCTAssertEqual(names, names.sorted())
    }

    func testCalibrationIsExact() {
        let calibration = DefaultSample.result.calibration
        XCTAssertEqual(calibration.acceptedPerYear, expectedPerYear)
        XCTAssertEqual(calibration.total, 60_055)
        XCTAssertEqual(calibration.acceptedPerRegion["07"], 6228)
        XCTAssertEqual(calibration.acceptedPerRegion.values.reduce(0, +), 60_055)
        XCTAssertEqual(calibration.acceptedPerRegion.count, 12)
        // Recount from the plan itself.
        var perYear: [Int: Int] = [:]
        for c in DefaultSample.planned { perYear[c.creationDate.year, default: 0] += 1 }
        XCTAssertEqual(perYear, expectedPerYear)
        XCTAssertEqual(DefaultSample.planned.filter { $0.regionCode.rawValue == "07" }.count, 6228)
        XCTAssertEqual(Set(DefaultSample.planned.map { $0.registrationId.lowercased() }).count, 60_055)
        XCTAssertGreaterThanOrEqual(calibration.plannedRejects, 24)
        XCTAssertLessThanOrEqual(calibration.plannedRejects, 60)
        XCTAssertEqual(calibration.plannedDuplicates, 4 * 6 + 4 * 3 + 2 * 2)
        XCTAssertEqual(calibration.plannedConflicts, 12)
        XCTAssertEqual(calibration.plannedBlankLines, 8)
    }

    func testRegionalSharesArePlausible() {
        let perRegion = DefaultSample.result.calibration.acceptedPerRegion
        let total = 60_055.0
        for code in ["01", "02", "03", "04", "05", "06", "08", "09"] {
            XCTAssertGreaterThan(Double(perRegion[code] ?? 0) / total, 0.06, code)
        }
        XCTAssertLessThan(Double(perRegion["11"] ?? 0) / total, 0.05)
        XCTAssertLessThan(Double(perRegion["12"] ?? 0) / total, 0.025)
        XCTAssertGreaterThan(perRegion["09"] ?? 0, perRegion["06"] ?? 0)
    }

    func testPlannedModelMatchesTheMembersSectorsAndWomenTargets() {
        let planned = DefaultSample.planned
        let sectors = TestReference.data.sectors
        let reported = planned.filter { $0.membersWomen != nil }
        let women = reported.reduce(0) { $0 + ($1.membersWomen ?? 0) }
        let men = reported.reduce(0) { $0 + ($1.membersMen ?? 0) }
        let womenShare = Double(women) / Double(women + men)
        XCTAssertTrue((0.30...0.34).contains(womenShare), "women share \(womenShare)")
        let womensCoops = Double(planned.filter { $0.membersWomen == $0.membersTotal }.count) / Double(planned.count)
        XCTAssertTrue((0.13...0.15).contains(womensCoops), "women's cooperatives \(womensCoops)")
        let agriculture = Double(planned.filter { sectors[$0.sectorIndex].code == "agriculture" }.count) / Double(planned.count)
        XCTAssertTrue((0.62...0.70).contains(agriculture), "agriculture \(agriculture)")
        XCTAssertLessThan(reported.count, planned.count)  // some gender not reported

        func share(_ code: String, year: Int) -> Double {
            let ofYear = planned.filter { $0.creationDate.year == year }
            return Double(ofYear.filter { sectors[$0.sectorIndex].code == code }.count) / Double(ofYear.count)
        }
        XCTAssertTrue((0.09...0.15).contains(share("artisanat", year: 2005)))
        XCTAssertTrue((0.16...0.22).contains(share("artisanat", year: 2024)))
        XCTAssertTrue((0.05...0.11).contains(share("habitat", year: 2005)))
        XCTAssertLessThan(share("habitat", year: 2024), 0.02)
        let argan = planned.filter { sectors[$0.sectorIndex].code == "argane" }
        let arganHome = argan.filter {
            $0.regionCode.rawValue == "09" || TestReference.data.provinces[$0.provinceIndex].nameFR == "Essaouira"
        }
        XCTAssertGreaterThan(Double(arganHome.count) / Double(argan.count), 0.8)

        func meanMembers(_ year: Int) -> Double {
            let ofYear = planned.filter { $0.creationDate.year == year }
            return Double(ofYear.reduce(0) { $0 + $1.membersTotal }) / Double(ofYear.count)
        }
        XCTAssertEqual(meanMembers(2005), 22, accuracy: 2.5)
        XCTAssertEqual(meanMembers(2024), 12, accuracy: 1.5)
        let law = Day(year: 2016, month: 7, day: 1)!
        for c in planned {
            XCTAssertGreaterThanOrEqual(c.membersTotal, c.creationDate < law ? 7 : 5)
            if let w = c.membersWomen, let m = c.membersMen { XCTAssertEqual(w + m, c.membersTotal) }
            if let y = c.membersYouth { XCTAssertTrue((0...c.membersTotal).contains(y)) }
            if let capital = c.capitalCents { XCTAssertTrue((100_000...51_000_000).contains(capital)) }
            if c.creationDate.year < 2015 {
                XCTAssertNil(c.soulaliyate)
                XCTAssertNil(c.membersYouth)
            }
        }
        let recent = planned.filter { $0.creationDate.year >= 2015 }
        let soulaliyate = Double(recent.filter { $0.soulaliyate == true }.count) / Double(recent.count)
        XCTAssertTrue((0.05...0.11).contains(soulaliyate), "soulaliyate \(soulaliyate)")
        let youth = Double(recent.filter { $0.membersYouth != nil }.count) / Double(recent.count)
        XCTAssertEqual(youth, 0.40, accuracy: 0.03)
        for year in [2008, 2012, 2016, 2020, 2024] {
            XCTAssertTrue(planned.contains { $0.creationDate == Day(year: year, month: 2, day: 29) }, "29 Feb \(year)")
        }
        let months = Set(planned.filter { $0.creationDate.year == 2005 }.map { $0.creationDate.month })
        XCTAssertEqual(months.count, 12)
    }

    func testScaleTwoDoublesAndInvalidScaleIsRefused() throws {
        let doubled = try RegistryPlanner(reference: TestReference.data, options: SampleOptions(scale: 2)).plan().cooperatives
        XCTAssertEqual(doubled.count, 120_110)
        XCTAssertEqual(doubled.filter { $0.regionCode.rawValue == "07" }.count, 12_456)
        XCTAssertEqual(doubled.filter { $0.creationDate.year == 2019 }.count, 14_600)
        let half = try SampleGenerator(reference: TestReference.data, options: SampleOptions(scale: 0.5)).registries()
        let quarter = try SampleGenerator(reference: TestReference.data, options: SampleOptions(scale: 0.25)).registries()
        let ratio = Double(half.files.reduce(0) { $0 + $1.bytes.count }) / Double(quarter.files.reduce(0) { $0 + $1.bytes.count })
        XCTAssertEqual(ratio, 2, accuracy: 0.1)
        XCTAssertEqual(half.calibration.total, 30_030)  // the yearly counts rounded one by one (half away from zero)
        let small = try SampleGenerator(reference: TestReference.data, options: SampleOptions(scale: 0.01)).registries()
        XCTAssertEqual(small.calibration.acceptedPerYear[2005], 3)  // 3.03 rounds to 3
        XCTAssertEqual(small.calibration.acceptedPerRegion["07"], 62)
        XCTAssertThrowsError(try SampleGenerator(reference: TestReference.data, options: SampleOptions(scale: 0)).registries())
        XCTAssertThrowsError(try SampleGenerator(reference: TestReference.data, options: SampleOptions(scale: -1)).registries())
    }
}
