import CoopDomain

/// The clean canonical registry of `--canonical`, streamed row by row so millions of rows never sit
/// in memory. Invariant: every row is valid (accepted by the ingest), ids are unique, and chunks
/// passed to the sink are about 1 MiB (the last one smaller).
struct CanonicalRegistry {
    static let header =
        "registration_id,name,creation_date,region_code,province,sector,members_total,members_women,members_men,capital_mad\n"
    static let chunkSize = 1 << 20

    let reference: ReferenceData
    let seed: UInt64

    /// Per year: cumulative region weights, per region the provinces and their cumulative weights.
    private struct YearTables {
        let year: Int
        var regionCumulative: [Double] = []
        var provinces: [[Int]] = []
        var provinceCumulative: [[Double]] = []
        /// Per province index: cumulative sector weights in taxonomy order.
        var sectorCumulative: [Int: [Double]] = [:]
    }

    func write(rows: Int, sink: ([UInt8]) throws -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.chunkSize + 4096)
        buffer.append(contentsOf: Array(Self.header.utf8))
        var rng = SplitMix64(seed: seed, stream: 3)
        let years = CreationModel.creationsPerYear
        let yearCumulative = cumulative(years.map { Double($0.count) })
        let tables = years.map { tablesFor(year: $0.year) }
        let names = nameFields()
        let provinceFields = reference.provinces.map { Array(csvField($0.nameFR).utf8) }
        let sectorFields = reference.sectors.map { Array(csvField($0.code).utf8) }
        let regionFields = reference.regions.map { Array($0.code.rawValue.utf8) }

        for row in 0..<max(0, rows) {
            let table = tables[draw(yearCumulative, &rng)]
            let regionIndex = draw(table.regionCumulative, &rng)
            let provinces = table.provinces[regionIndex]
            let provinceIndex = provinces.isEmpty ? nil : provinces[draw(table.provinceCumulative[regionIndex], &rng)]
            let sectorIndex = provinceIndex.flatMap { table.sectorCumulative[$0] }.map { draw($0, &rng) } ?? reference.sectors.count - 1
            let month = rng.int(in: 1...12)
            let drawn = Day(year: table.year, month: month, day: rng.int(in: 1...Day.daysIn(month: month, year: table.year)))
            let day = drawn ?? DateRange.standard.start  // the tables' years are 2005…2024: the day always exists
            let minimum = CreationModel.minimumMembers(day)
            let total = min(900, minimum + Int(rng.exponential(mean: CreationModel.meanMembers(table.year) - Double(minimum) + 0.5)))

            append("MA-", to: &buffer)
            buffer.append(contentsOf: regionFields[regionIndex])
            buffer.append(UInt8(ascii: "-"))
            appendNumber(table.year, width: 4, to: &buffer)
            buffer.append(UInt8(ascii: "-"))
            appendNumber(row + 1, width: 8, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: names[rng.int(in: 0...(names.count - 1))])
            buffer.append(UInt8(ascii: ","))
            appendNumber(day.year, width: 4, to: &buffer)
            buffer.append(UInt8(ascii: "-"))
            appendNumber(day.month, width: 2, to: &buffer)
            buffer.append(UInt8(ascii: "-"))
            appendNumber(day.day, width: 2, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: regionFields[regionIndex])
            buffer.append(UInt8(ascii: ","))
            if let provinceIndex { buffer.append(contentsOf: provinceFields[provinceIndex]) }
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: sectorFields[sectorIndex])
            buffer.append(UInt8(ascii: ","))
            appendNumber(total, width: 1, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            let u = rng.unit()
            if u >= 0.06 {
                let women = u < 0.20 ? total : u < 0.55 ? 0 : min(total - 1, max(1, Int(Double(total) * (0.08 + 0.52 * rng.unit()))))
                appendNumber(women, width: 1, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                appendNumber(total - women, width: 1, to: &buffer)
            } else {
                buffer.append(UInt8(ascii: ","))
            }
            buffer.append(UInt8(ascii: ","))
            if !rng.chance(0.1) {
                let mad = min(500_000, max(1_000, rng.pick([100, 200, 500, 1000, 2000]) * total))
                appendNumber(mad, width: 1, to: &buffer)
                if rng.chance(0.1) { append(".50", to: &buffer) }
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= Self.chunkSize {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink(buffer) }
    }

    private func tablesFor(year: Int) -> YearTables {
        var table = YearTables(year: year)
        let share07 = Double(CreationModel.marrakechSafiTotal) / Double(CreationModel.creationsPerYear.reduce(0) { $0 + $1.count })
        let others = reference.regions.filter { $0.code != CreationModel.marrakechSafi }
            .reduce(0) { $0 + CreationModel.regionWeight($1.code, year: year) }
        table.regionCumulative = cumulative(
            reference.regions.map { region in
                region.code == CreationModel.marrakechSafi
                    ? share07 : (1 - share07) * CreationModel.regionWeight(region.code, year: year) / max(others, 1e-9)
            })
        for region in reference.regions {
            let provinces = reference.provinces.indices.filter { reference.provinces[$0].regionCode == region.code }
            var weights = provinces.map { CreationModel.provinceWeight(reference.provinces[$0], year: year) }
            if weights.allSatisfy({ $0 <= 0 }) { weights = provinces.map { _ in 1 } }
            table.provinces.append(provinces)
            table.provinceCumulative.append(cumulative(weights))
            for index in provinces {
                let byCode = CreationModel.sectorWeights(year: year, region: region.code, province: reference.provinces[index])
                table.sectorCumulative[index] = cumulative(reference.sectors.map { byCode[$0.code] ?? 0 })
            }
        }
        return table
    }

    /// Name fields, already quoted for CSV: French, Arabic and English names, some with commas and quotes.
    private func nameFields() -> [[UInt8]] {
        var names: [String] = []
        for stem in CooperativeNames.stems.indices {
            for (number, sector) in ["agriculture", "artisanat", "argane", "other"].enumerated() {
                let variant = (stem + number) % 9
                names.append(CooperativeNames.french(stem: stem, sector: sector, variant: variant))
                names.append(CooperativeNames.arabic(stem: stem, sector: sector, variant: variant))
                names.append(CooperativeNames.english(stem: stem, sector: sector, variant: variant))
            }
        }
        return names.map { Array(csvField($0).utf8) }
    }

    private func csvField(_ text: String) -> String {
        ValueWriting.line([text], delimiter: ",")
    }

    private func cumulative(_ weights: [Double]) -> [Double] {
        var sum = 0.0
        return weights.map {
            sum += max(0, $0)
            return sum
        }
    }

    /// An index drawn from cumulative weights (binary search).
    private func draw(_ cumulative: [Double], _ rng: inout SplitMix64) -> Int {
        guard let last = cumulative.last, last > 0 else { return 0 }
        let target = rng.unit() * last
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func append(_ text: StaticString, to buffer: inout [UInt8]) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// Appends a non-negative number in ASCII, zero-padded to `width`.
    private func appendNumber(_ value: Int, width: Int, to buffer: inout [UInt8]) {
        let value = max(0, value)
        var digits = 1
        var divisor = 1
        while value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        if digits < width { for _ in digits..<width { buffer.append(UInt8(ascii: "0")) } }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
