import CoopDomain

/// Lays the plan out as the five office files: each cooperative in its home file (earlier versions
/// where file 5 changes it), repeats, planted defects and blank lines, then encodes each file.
/// Invariant: non-blank data rows = accepted + planned rejects + planned duplicates.
struct RegistryFiles {
    let reference: ReferenceData
    let plan: RegistryPlan
    let seed: UInt64

    /// A line of a file: fields to join, or a blank line (`nil`).
    private typealias Line = [String]?

    func build() throws(SampleError) -> (files: [SampleRegistry], rejects: Int, blankLines: Int) {
        var rng = SplitMix64(seed: seed, stream: 2)
        let writer = RowWriter(reference: reference)
        var files: [SampleRegistry] = []
        var rejects = 0
        var blanks = 0
        let homeIndices = Dictionary(grouping: plan.cooperatives.indices, by: { plan.cooperatives[$0].home })
        for file in OfficeFile.allCases {
            let format = file.format
            var lines: [Line] = []
            if file == .updates {
                var entries: [Line] = []
                for index in homeIndices[file] ?? [] {
                    entries.append(writer.fields(plan.cooperatives[index], in: file, rng: &rng))
                }
                for index in plan.exactRepeats {
                    var row = writer.fields(plan.cooperatives[index], in: file, rng: &rng)
                    if rng.chance(0.5) { row[0] = " " + row[0] + "  " }
                    entries.append(row)
                }
                for index in plan.conflictingRepeats {
                    var row = writer.fields(plan.cooperatives[index], in: file, rng: &rng)
                    row[0] = row[0].lowercased()
                    entries.append(row)
                }
                lines = shuffled(entries, rng: &rng)
            } else {
                for index in homeIndices[file] ?? [] {
                    let version = plan.earlierVersions[index] ?? plan.cooperatives[index]
                    lines.append(writer.fields(version, in: file, rng: &rng))
                    if plan.inFileRepeats.contains(index) {
                        lines.append(writer.fields(version, in: file, rng: &rng))
                    }
                }
                // Repeats go a little later than their original: re-place them after up to 40 rows.
                lines = spreadRepeats(lines, rng: &rng)
            }
            let templates = (homeIndices[file] ?? []).isEmpty ? Array(plan.cooperatives.indices.prefix(1)) : homeIndices[file] ?? []
            if let templateIndex = templates.first {
                for (number, defect) in PlantedDefect.defects(in: file).enumerated() {
                    var template = plan.cooperatives[number == 0 ? templateIndex : rng.pick(templates)]
                    template.registrationId = "MA-99-\(template.creationDate.year)-9\(file.rawValue)\(ValueWriting.twoDigits(number))"
                    let row = defect.apply(to: writer.fields(template, in: file, rng: &rng), in: file)
                    lines.insert(row, at: rng.int(in: 0...lines.count))
                    rejects += 1
                }
            }
            let planted = PlantedDefect.blankLines(in: file)
            if !lines.isEmpty {
                for blank in 0..<(planted.empty + planted.delimitersOnly) {
                    let line: Line = blank < planted.empty ? nil : Array(repeating: "", count: format.header.count)
                    lines.insert(line, at: rng.int(in: 1...lines.count))  // never after the last row
                    blanks += 1
                }
            }
            var text = ValueWriting.line(format.header.map { $0.title }, delimiter: format.delimiter) + format.lineEnd
            for line in lines {
                if let fields = line { text += ValueWriting.line(fields, delimiter: format.delimiter) }
                text += format.lineEnd
            }
            files.append(SampleRegistry(fileName: file.fileName, bytes: try format.encoding.encode(text)))
        }
        return (files, rejects, blanks)
    }

    /// Moves each row that repeats the previous one's id a few rows further down.
    private func spreadRepeats(_ lines: [Line], rng: inout SplitMix64) -> [Line] {
        var out = lines
        var index = 1
        while index < out.count {
            if let current = out[index], let previous = out[index - 1], current.first == previous.first {
                let row = out.remove(at: index)
                out.insert(row, at: min(out.count, index + rng.int(in: 1...40)))
                index += 1
            }
            index += 1
        }
        return out
    }

    private func shuffled(_ lines: [Line], rng: inout SplitMix64) -> [Line] {
        var out = lines
        guard out.count > 1 else { return out }
        for index in stride(from: out.count - 1, to: 0, by: -1) {
            out.swapAt(index, rng.int(in: 0...index))
        }
        return out
    }
}
