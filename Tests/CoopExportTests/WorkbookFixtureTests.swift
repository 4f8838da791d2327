import CoopDomain
import CoopExport
import CoopTestSupport
import CoopTransform
import Foundation

/// A small hand-written run for the workbook tests: 15 cooperatives from 2019 to 2024, two files,
/// three rejects (two of them formula-looking) and one conflicting duplicate; period 2024Q4.
struct WorkbookFixture {
    static let range = DateRange(start: Day(year: 2019, month: 1, day: 1)!, end: Day(year: 2024, month: 12, day: 31)!)!
    static let period = Period.quarter(Quarter(year: 2024, index: 4)!)
    static let asOf = Day(year: 2024, month: 12, day: 31)!
    static let formulaValue = "=HYPERLINK(\"http://x\")"

    let reference: ReferenceData
    let records: [CooperativeRecord]

    init() throws {
        reference = try ReferenceFixture.load()
        let reference = self.reference
        func record(
            _ id: String, _ date: (Int, Int, Int), _ region: String, _ sector: String, _ total: Int,
            _ women: Int?, _ men: Int?, youth: Int? = nil, capital: Int64? = nil, soulaliyate: Bool? = nil
        ) -> CooperativeRecord {
            let code = RegionCode(region)
            return CooperativeRecord(
                registrationId: id, name: "Coop \(id)", creationDate: Day(year: date.0, month: date.1, day: date.2)!, regionCode: code,
                provinceIndex: reference.provinces.firstIndex { $0.regionCode == code }, commune: "Commune",
                sectorIndex: reference.sectorIndex(code: sector) ?? 0, membersTotal: total, membersWomen: women, membersMen: men,
                membersYouth: youth, capitalCents: capital, status: "active", soulaliyate: soulaliyate)
        }
        records = [
            record("A1", (2024, 10, 5), "01", "agriculture", 10, 4, 6, youth: 2, capital: 1_000_000, soulaliyate: true),
            record("A2", (2024, 11, 20), "01", "artisanat", 7, 7, 0, capital: 500_050, soulaliyate: false),
            record("A3", (2024, 12, 31), "06", "agriculture", 12, nil, nil),
            record("A4", (2024, 10, 1), "09", "argane", 25, 25, 0, youth: 5, capital: 2_500_000, soulaliyate: false),
            record("A5", (2024, 12, 15), "04", "services", 8, 3, 5, youth: 1, capital: 123_456),
            record("A6", (2024, 7, 10), "01", "agriculture", 9, 2, 7),
            record("A7", (2024, 8, 1), "07", "artisanat", 11, 11, 0),
            record("A8", (2023, 11, 11), "03", "peche", 15, 0, 15),
            record("A9", (2023, 10, 2), "06", "habitat", 20, 10, 10, capital: 4_000_000),
            record("B1", (2022, 5, 5), "02", "agriculture", 6, 3, 3),
            record("B2", (2021, 3, 3), "05", "transport", 9, 0, 9),
            record("B3", (2020, 1, 15), "08", "agriculture", 7, 7, 0),
            record("B4", (2019, 6, 30), "10", "argane", 30, 30, 0),
            record("B5", (2019, 12, 1), "11", "peche", 14, 2, 12),
            record("B6", (2024, 11, 2), "12", "other", 5, 1, 4, capital: 99),
        ]
    }

    var files: [FileQuality] {
        var a = FileQuality(file: "registries/a.csv", encoding: "utf-8", delimiter: ",")
        a.rowsRead = 12
        a.accepted = 9
        a.rejected = 2
        a.duplicates = 1
        a.duplicateConflicts = 1
        var b = FileQuality(file: "registries/b;1.csv", encoding: "windows-1256", delimiter: ";")
        b.rowsRead = 7
        b.accepted = 6
        b.rejected = 1
        b.skippedBlank = 2
        return [a, b]
    }

    func context(
        language: Language, scope: AnalysisScope = AnalysisScope(), rejects extraRejects: Int = 0, today: Day? = nil
    ) -> ReportContext {
        let analysis = Analysis(
            records: records, files: files, reference: reference, period: Self.period, range: Self.range,
            scope: scope, language: language, today: today)
        var rejects = [
            RejectedRow(
                file: "registries/a.csv", line: 4, registrationId: "=1+1", field: .name, value: Self.formulaValue,
                reason: .invalidDate),
            RejectedRow(
                file: "registries/a.csv", line: 9, registrationId: "X9", field: .membersTotal, value: "+SUM(1,2)",
                reason: .notANonNegativeInteger),
            RejectedRow(
                file: "registries/b;1.csv", line: 3, registrationId: "@cmd", field: .region, value: "Atlantis",
                reason: .unknownRegion),
        ]
        for index in 0..<extraRejects {
            rejects.append(
                RejectedRow(
                    file: "registries/b;1.csv", line: 100 + index, registrationId: "R\(index)", field: .capital,
                    value: "-\(index)", reason: .negativeCapital))
        }
        var kept = records[0]
        kept.membersTotal = 11
        kept.membersMen = 7
        let conflict = DuplicateConflict(
            replacedFile: "registries/a.csv", replacedLine: 2, keptFile: "registries/b;1.csv",
            keptLine: 5, replaced: records[0], kept: kept)
        let inputs = [
            InputDescription(
                path: "registries/a.csv", size: 1_234, sha256: String(repeating: "ab", count: 32), encoding: "utf-8",
                delimiter: ",", rowsRead: 12),
            InputDescription(
                path: "registries/b;1.csv", size: 567, sha256: String(repeating: "0f", count: 32),
                encoding: "windows-1256", delimiter: ";", rowsRead: 7),
        ]
        return ReportContext(
            analysis: analysis, reference: reference, files: files, rejects: RejectLog(rejects), conflicts: [conflict],
            inputs: inputs, options: [("period", "2024Q4"), ("lang", language.rawValue), ("range", "2019-01-01..2024-12-31")],
            version: "0.0-test", asOf: Self.asOf)
    }
}
