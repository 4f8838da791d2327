import CoopDomain
import CoopTransform
import Foundation
import XCTest

@testable import CoopExport

final class SummaryJSONTests: XCTestCase {
    let q4 = Period.quarter(Quarter(year: 2024, index: 4)!)

    func decode(_ bytes: [UInt8]) throws -> SummaryDocument {
        try JSONDecoder().decode(SummaryDocument.self, from: Data(bytes))
    }

    func dec(_ text: String) -> Foundation.Decimal { Foundation.Decimal(string: text)! }

    func testHeadlineAndCumulativeEqualHandCount() throws {
        let bytes = try SummaryJSON.render(try TextReportFixture.context(period: q4))
        let doc = try decode(bytes)
        XCTAssertEqual(
            doc.period, SummaryPeriod(label: "2024Q4", kind: "quarter", start: "2024-10-01", end: "2024-12-31", toDate: false, runsTo: nil))
        XCTAssertEqual(doc.range, SummaryRange(start: "2005-01-01", end: "2024-12-31"))
        XCTAssertEqual(doc.scope, SummaryScope(regionCode: nil, region: nil, onlySoulaliyate: false))
        XCTAssertEqual(doc.asOf, "2024-12-31")
        XCTAssertEqual(doc.language, "en")
        XCTAssertEqual(doc.coopstatVersion, "0.1.0-test")
        // 2024 Q4: A-001…A-006.
        let h = doc.headline
        XCTAssertEqual(
            [h.cooperatives, h.membersTotal, h.membersWomen, h.membersMen, h.membersGenderUnknown, h.womenCooperatives],
            [6, 61, 29, 16, 16, 2])
        XCTAssertEqual(h.womenShare, dec("0.6444"))  // 29 / 45 = 0.64444…
        XCTAssertEqual(h.capitalMad, dec("140500.85"))  // 12500.50 + 5000 + 20000.25 + 100000 + 3000.10
        XCTAssertEqual([h.youthReportingCooperatives, h.youthReportingMembers, h.membersYouth], [4, 40, 12])
        XCTAssertEqual(h.youthShare, dec("0.3"))
        // Everything up to 2024-12-31: the 16 cooperatives.
        let c = doc.cumulative
        XCTAssertEqual(
            [c.cooperatives, c.membersTotal, c.membersWomen, c.membersMen, c.membersGenderUnknown, c.womenCooperatives],
            [16, 181, 77, 84, 20, 5])
        XCTAssertEqual(c.womenShare, dec("0.4783"))  // 77 / 161 = 0.478260…
        XCTAssertEqual(c.capitalMad, dec("453601.84"))
        // The money is written exactly, as text.
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"capital_mad\" : 140500.85,"))
        XCTAssertTrue(text.contains("\"capital_mad\" : 453601.84,"))
        XCTAssertTrue(text.contains("\"women_share\" : 0.6444,"))
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    func testComparisonsAndDeltas() throws {
        let doc = try decode(try SummaryJSON.render(try TextReportFixture.context(period: q4)))
        XCTAssertEqual(doc.comparisons.map(\.relation), ["previous_quarter", "same_quarter_previous_year"])
        let previous = doc.comparisons[0]
        let yearEarlier = doc.comparisons[1]
        XCTAssertEqual(
            previous.period,
            SummaryPeriod(label: "2024Q3", kind: "quarter", start: "2024-07-01", end: "2024-09-30", toDate: false, runsTo: nil))
        XCTAssertEqual(yearEarlier.period.label, "2023Q4")
        // 2024 Q3: B-001, B-002, B-003: 3 cooperatives, 37 members, 19 women of 37, capital 8000 + 2500.
        XCTAssertEqual([previous.metrics.cooperatives, previous.metrics.membersTotal, previous.metrics.membersWomen], [3, 37, 19])
        XCTAssertEqual(previous.metrics.capitalMad, dec("10500"))
        XCTAssertEqual(
            previous.delta,
            SummaryDelta(
                cooperatives: 3, cooperativesPct: dec("100"), membersTotal: 24,
                membersTotalPct: dec("64.86"),  // 24 / 37 = 64.864…%
                membersWomen: 10,
                womenSharePoints: dec("13.09")))  // 29/45 − 19/37 = 218/1665 = 13.093…
        // 2023 Q4: C-001, C-002: 2 cooperatives, 35 members, 12 women of 35.
        XCTAssertEqual(
            yearEarlier.delta,
            SummaryDelta(
                cooperatives: 4, cooperativesPct: dec("200"), membersTotal: 26,
                membersTotalPct: dec("74.29"),  // 26 / 35 = 74.285…%
                membersWomen: 17,
                womenSharePoints: dec("30.16")))  // 29/45 − 12/35 = 475/1575 = 30.158…

        let year = try decode(try SummaryJSON.render(try TextReportFixture.context(period: .year(2024))))
        XCTAssertEqual(year.comparisons.map(\.relation), ["previous_year"])
        // 2024: 11 cooperatives vs 5 in 2023: +6, +120%.
        XCTAssertEqual(year.comparisons[0].delta.cooperatives, 6)
        XCTAssertEqual(year.comparisons[0].delta.cooperativesPct, dec("120"))
        XCTAssertEqual(
            year.period, SummaryPeriod(label: "2024", kind: "year", start: "2024-01-01", end: "2024-12-31", toDate: false, runsTo: nil))
        let all = try decode(try SummaryJSON.render(try TextReportFixture.context(period: .all)))
        XCTAssertEqual(all.comparisons, [])
        XCTAssertEqual(all.period.kind, "all")
        XCTAssertEqual(all.headline, all.cumulative)
    }

    func testTopRegionsSectorsAndDataQuality() throws {
        let doc = try decode(try SummaryJSON.render(try TextReportFixture.context(period: q4)))
        // Marrakesh-Safi 3 (12 women of 18 reported), then the three regions with 1, in code order.
        XCTAssertEqual(
            doc.topRegions,
            [
                SummaryRegion(regionCode: "07", region: "Marrakesh-Safi", cooperatives: 3, womenShare: dec("0.6667")),
                SummaryRegion(regionCode: "01", region: "Tanger-Tetouan-Al Hoceima", cooperatives: 1, womenShare: dec("0.3333")),
                SummaryRegion(regionCode: "06", region: "Casablanca-Settat", cooperatives: 1, womenShare: nil),
                SummaryRegion(regionCode: "09", region: "Souss-Massa", cooperatives: 1, womenShare: dec("1")),
            ])
        // Five provinces with one cooperative each, in region code order then reference order; A-004 (06, no
        // province) is never ranked. Women's shares: 5/15, 4/10, 8/8, none reported (Safi), 12/12.
        XCTAssertEqual(
            doc.topProvinces,
            [
                SummaryProvince(regionCode: "01", province: "Tanger-Assilah", cooperatives: 1, womenShare: dec("0.3333")),
                SummaryProvince(regionCode: "07", province: "Marrakech", cooperatives: 1, womenShare: dec("0.4")),
                SummaryProvince(regionCode: "07", province: "Al Haouz", cooperatives: 1, womenShare: dec("1")),
                SummaryProvince(regionCode: "07", province: "Safi", cooperatives: 1, womenShare: nil),
                SummaryProvince(regionCode: "09", province: "Taroudant", cooperatives: 1, womenShare: dec("1")),
            ])
        XCTAssertEqual(doc.topSectors.map(\.sectorCode), ["agriculture", "argane", "artisanat", "services"])
        XCTAssertEqual(doc.topSectors.map(\.cooperatives), [2, 2, 1, 1])
        XCTAssertEqual(
            doc.dataQuality,
            SummaryDataQuality(
                files: 3, rowsRead: 20, accepted: 16, acceptedInScope: 16, rejected: 3, duplicates: 1, duplicateConflicts: 1,
                unknownSector: 1,
                skippedBlank: 2,
                refusedFiles: [
                    SummaryRefusedFile(
                        file: "registries/old_office.csv",
                        reason: "registries/old_office.csv:1: file refused: missing required column 'creation_date'")
                ],
                rejectsByReason: ["unknown_region": 2, "invalid_date": 1]))
        XCTAssertEqual(doc.inputs.map(\.path), ["registries/2023.csv", "registries/2024.csv"])
        XCTAssertEqual(doc.inputs[1].delimiter, "\t")
        XCTAssertEqual(doc.options, ["period": "2024Q4", "lang": "en"])
    }

    func testZeroQuarterWritesNulls() throws {
        let bytes = try SummaryJSON.render(try TextReportFixture.context(period: .quarter(Quarter(year: 2022, index: 3)!)))
        let doc = try decode(bytes)
        XCTAssertEqual(doc.headline.cooperatives, 0)
        XCTAssertNil(doc.headline.womenShare)
        XCTAssertNil(doc.comparisons[0].delta.cooperativesPct)
        XCTAssertNil(doc.comparisons[0].delta.womenSharePoints)
        XCTAssertEqual(doc.topRegions, [])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"women_share\" : null"))
        XCTAssertTrue(text.contains("\"cooperatives_pct\" : null"))
        XCTAssertTrue(text.contains("\"region_code\" : null"))
    }

    func testScopeAndDeterminism() throws {
        let context = try TextReportFixture.context(
            period: q4, language: .fr,
            scope: AnalysisScope(region: RegionCode("07"), onlySoulaliyate: true))
        let first = try SummaryJSON.render(context)
        let second = try SummaryJSON.render(context)
        XCTAssertEqual(first, second)
        let doc = try decode(first)
        XCTAssertEqual(doc.scope, SummaryScope(regionCode: "07", region: "Marrakech-Safi", onlySoulaliyate: true))
        // Soulaliyate cooperatives of region 07 in 2024 Q4: A-001, A-002, A-006 (members 27, women 12 of 18).
        XCTAssertEqual(doc.headline.cooperatives, 3)
        XCTAssertEqual(doc.headline.womenShare, dec("0.6667"))
        XCTAssertEqual(doc.headline.capitalMad, dec("20500.6"))  // 12500.50 + 5000 + 3000.10
        XCTAssertEqual(doc.topSectors.first?.sector, "Agriculture")
        // Keys are sorted: "as_of" comes before "comparisons", which comes before "coopstat_version".
        let text = String(decoding: first, as: UTF8.self)
        let asOf = text.range(of: "\"as_of\"")!.lowerBound
        let comparisons = text.range(of: "\"comparisons\"")!.lowerBound
        let version = text.range(of: "\"coopstat_version\"")!.lowerBound
        XCTAssertTrue(asOf < comparisons && comparisons < version)
    }

    func testQuarterToDateAndCoverage() throws {
        // 2024Q4 on 15 November 2024: 1 October .. 15 November = 31 + 15 = 46 days; 2024Q3 over
        // 1 July .. 15 August (46 days), 2023Q4 over 1 October .. 15 November 2023.
        let doc = try decode(try SummaryJSON.render(try TextReportFixture.context(period: q4, today: Day(year: 2024, month: 11, day: 15))))
        XCTAssertEqual(
            doc.period,
            SummaryPeriod(label: "2024Q4", kind: "quarter", start: "2024-10-01", end: "2024-11-15", toDate: true, runsTo: "2024-11-15"))
        XCTAssertEqual(doc.asOf, "2024-11-15")
        XCTAssertEqual(doc.comparisons.map(\.sameSpan), [true, true])
        XCTAssertEqual(
            doc.comparisons.map { "\($0.period.start)..\($0.period.end)" }, ["2024-07-01..2024-08-15", "2023-10-01..2023-11-15"])
        XCTAssertEqual(doc.comparisons.map { $0.period.toDate }, [false, false])
        // Whole, the fixture's last creation is in December: a period to 15 November is covered whole.
        XCTAssertNotNil(doc.coverage.lastCreationDate)
        XCTAssertNil(doc.coverage.coveredTo)
    }

    func testExactDecimals() {
        XCTAssertEqual(ExactDecimal.fixed(1_250_050, places: 2), dec("12500.5"))
        XCTAssertEqual(ExactDecimal.fixed(-5, places: 2), dec("-0.05"))
        XCTAssertEqual("\(ExactDecimal.fixed(123_456_789_012_34, places: 2))", "123456789012.34")
    }

    // MARK: Schema

    /// Every summary (quarter, year, all; national and scoped; zero quarter) validates against
    /// datasets/summary.schema.json, checked by a small validator of the keywords the schema uses.
    func testOutputValidatesAgainstSchema() throws {
        let schemaURL = TextReportFixture.repoRoot.appendingPathComponent("datasets/summary.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let cases: [(Period, AnalysisScope)] = [
            (q4, AnalysisScope()), (.year(2024), AnalysisScope(region: RegionCode("09"))),
            (.all, AnalysisScope(onlySoulaliyate: true)),
            (.quarter(Quarter(year: 2022, index: 3)!), AnalysisScope()),
        ]
        for (period, scope) in cases {
            let bytes = try SummaryJSON.render(try TextReportFixture.context(period: period, scope: scope))
            let value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            let errors = SchemaCheck(root: schema).errors(value, schema, path: "$")
            XCTAssertEqual(errors, [], "\(period.label)")
        }
        // A quarter to date (2024Q4 on 15 November) validates too, with its null runs_to-less comparisons.
        let toDate = try SummaryJSON.render(try TextReportFixture.context(period: q4, today: Day(year: 2024, month: 11, day: 15)))
        let toDateValue = try JSONSerialization.jsonObject(with: Data(toDate), options: [.fragmentsAllowed])
        XCTAssertEqual(SchemaCheck(root: schema).errors(toDateValue, schema, path: "$"), [])
        // The validator does catch a missing key, an extra key and a wrong type.
        var broken = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try SummaryJSON.render(try TextReportFixture.context(period: q4)))) as? [String: Any])
        broken.removeValue(forKey: "as_of")
        broken["surprise"] = 1
        broken["language"] = 3
        XCTAssertEqual(
            Set(SchemaCheck(root: schema).errors(broken, schema, path: "$")),
            ["$: missing as_of", "$: unexpected surprise", "$.language: expected string"])
    }
}

/// A tiny JSON Schema checker for the keywords summary.schema.json uses: type, properties, required,
/// additionalProperties, items, maxItems, enum, minimum, maximum, pattern and local $ref.
struct SchemaCheck {
    let root: [String: Any]

    func errors(_ value: Any, _ schema: [String: Any], path: String) -> [String] {
        var schema = schema
        if let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
            let defs = root["$defs"] as? [String: Any], let target = defs[String(ref.dropFirst(8))] as? [String: Any]
        {
            schema = target.merging(schema.filter { $0.key != "$ref" }) { a, _ in a }
        }
        var errors: [String] = []
        let types: [String] = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty && !types.contains(where: { matches(value, $0) }) {
            return ["\(path): expected \(types.joined(separator: "|"))"]
        }
        if value is NSNull { return [] }
        if let options = schema["enum"] as? [String], let text = value as? String, !options.contains(text) {
            errors.append("\(path): \(text) not in enum")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            errors.append("\(path): \(text) does not match \(pattern)")
        }
        if let number = value as? NSNumber, !isBoolean(number) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { errors.append("\(path): below minimum") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { errors.append("\(path): above maximum") }
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                errors.append("\(path): missing \(key)")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, item) in object {
                if let sub = properties[key] as? [String: Any] {
                    errors += self.errors(item, sub, path: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    errors += self.errors(item, extra, path: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let maxItems = schema["maxItems"] as? Int, array.count > maxItems { errors.append("\(path): too many items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { errors += self.errors(item, items, path: "\(path)[\(index)]") }
            }
        }
        return errors
    }

    func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean":
            guard let number = value as? NSNumber else { return false }
            return isBoolean(number)
        case "integer", "number":
            guard let number = value as? NSNumber, !(value is String) else { return false }
            if isBoolean(number) { return false }
            return type == "number" || number.doubleValue == number.doubleValue.rounded()
        default: return false
        }
    }

    /// JSONSerialization gives `true`/`false` as boolean NSNumbers, whose type code is `c`.
    func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
}
