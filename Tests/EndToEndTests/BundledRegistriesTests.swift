import CoopTestSupport
import Foundation
import XCTest

/// The bundled registries are exactly `coopstat sample` with the default seed, and reproduce the
/// published calibration when run through the whole pipeline.
final class BundledRegistriesTests: XCTestCase {
    /// Cooperatives created per year (published figures and the chosen ones; CONTRACT-independent, from issue 2).
    static let perYear: [String: String] = [
        "2005": "303", "2006": "364", "2007": "487", "2008": "547", "2009": "610", "2010": "909", "2011": "1248",
        "2012": "1572", "2013": "1406", "2014": "2600", "2015": "2900", "2016": "3600", "2017": "4900", "2018": "6100",
        "2019": "7300", "2020": "4782", "2021": "5127", "2022": "6200", "2023": "5000", "2024": "4100",
    ]

    func testCommittedRegistriesEqualTheDefaultSample() throws {
        let scratch = try ScratchFolder("sample")
        let result = try CoopstatBinary.run(["sample", "--output", scratch.path("gen"), "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let committed = RepositoryPaths.registries
        let names = try FileManager.default.contentsOfDirectory(atPath: committed.path).filter { $0.hasSuffix(".csv") }.sorted()
        let generated = try FileManager.default.contentsOfDirectory(atPath: scratch.path("gen")).sorted()
        XCTAssertEqual(names, generated)
        for name in names {
            let a = try Data(contentsOf: committed.appendingPathComponent(name))
            let b = try Data(contentsOf: URL(fileURLWithPath: scratch.path("gen/\(name)")))
            XCTAssertTrue(a == b, "\(name) differs from `coopstat sample`; run `make sample` and commit")
        }
    }

    func testBundledRegistriesReproduceTheCalibration() throws {
        let scratch = try ScratchFolder("calibration")
        let result = try CoopstatBinary.run([
            "run", "--input", RepositoryPaths.registries.path, "--output", scratch.path("out"),
            // A fixed today (not the real date): the registries' whole span, 2005..2024.
            "--today", "2025-01-15", "--period", "2005..2024", "--format", "csv", "--quiet",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let yearly = ReferenceFixture.simpleCSV(try scratch.read("out/tables/yearly.csv"))
        var counts: [String: String] = [:]
        for row in yearly.dropFirst() { counts[row[0]] = row[1] }
        XCTAssertEqual(counts, Self.perYear)
        XCTAssertEqual(yearly.last?.last, "60055")
        let byRegion = ReferenceFixture.simpleCSV(try scratch.read("out/tables/by_region.csv"))
        XCTAssertEqual(byRegion.first { $0[0] == "07" }?[2], "6228")
        XCTAssertEqual(byRegion.dropFirst().reduce(0) { $0 + Int($1[2])! }, 60_055)

        // Every row is accounted for, and the offices' dialects were all exercised.
        let quality = ReferenceFixture.simpleCSV(try scratch.read("out/tables/data_quality.csv"))
        let total = try XCTUnwrap(quality.last)
        XCTAssertEqual(total[0], "TOTAL")
        let (read, accepted, rejected, duplicates) = (Int(total[3])!, Int(total[4])!, Int(total[5])!, Int(total[6])!)
        XCTAssertEqual(read, accepted + rejected + duplicates)
        XCTAssertEqual(accepted, 60_055)
        XCTAssertGreaterThan(rejected, 10)
        XCTAssertGreaterThan(duplicates, 5)
        XCTAssertEqual(
            Set(quality.dropFirst().dropLast().map { $0[1] }), ["windows-1252", "windows-1256", "utf-8-bom", "utf-16le", "utf-8"])
    }
}
