import CoopDomain

/// The whole synthetic registry before it is written: every cooperative in its final version, the
/// earlier versions the offices wrote of the conflicting ones, and which cooperatives file 5 repeats.
/// Invariant: `cooperatives` are the accepted records exactly (one per registration id).
struct RegistryPlan: Sendable {
    var cooperatives: [PlannedCooperative]
    /// Earlier versions (as the home office wrote them) of cooperatives file 5 changes, by index in `cooperatives`.
    var earlierVersions: [Int: PlannedCooperative]
    /// Indices of cooperatives file 5 repeats unchanged.
    var exactRepeats: [Int]
    /// Indices of cooperatives file 5 repeats with changes (each has an earlier version).
    var conflictingRepeats: [Int]
    /// Indices of cooperatives their own office file lists twice, identically.
    var inFileRepeats: [Int]
}

/// Builds the plan from the reference and the options: exact yearly and regional counts by largest
/// remainder, everything else drawn from the seed. Invariant: same reference and options, same plan.
struct RegistryPlanner {
    let reference: ReferenceData
    let options: SampleOptions

    func plan() throws(SampleError) -> RegistryPlan {
        guard options.scale > 0, options.scale.isFinite, options.scale <= 1000 else {
            throw SampleError(reason: "--scale must be a number above 0 (at most 1000), not \(options.scale)")
        }
        guard let r07 = reference.regionIndex(CreationModel.marrakechSafi) else {
            throw SampleError(reason: "the reference has no region 07 (Marrakech-Safi); point --reference at the bundled tables")
        }
        var rng = SplitMix64(seed: options.seed, stream: 1)
        let years = CreationModel.creationsPerYear.map { $0.year }
        let yearCounts = CreationModel.creationsPerYear.map { Int((Double($0.count) * options.scale).rounded()) }
        let target07 = Int((Double(CreationModel.marrakechSafiTotal) * options.scale).rounded())
        let per07 = Apportionment.largestRemainder(total: target07, weights: yearCounts.map(Double.init))

        var cooperatives: [PlannedCooperative] = []
        var sectorTables: [Int: [Double]] = [:]
        for (yearIndex, year) in years.enumerated() {
            let monthWeights = (1...12).map { CreationModel.monthWeights[$0 - 1] * Double(Day.daysIn(month: $0, year: year)) }
            let count07 = min(per07[yearIndex], yearCounts[yearIndex])
            let weights = reference.regions.enumerated().map { index, region in
                index == r07 ? 0 : CreationModel.regionWeight(region.code, year: year)
            }
            var perRegion = Apportionment.largestRemainder(total: yearCounts[yearIndex] - count07, weights: weights)
            perRegion[r07] = count07
            var ofYear: [PlannedCooperative] = []
            for (regionIndex, count) in perRegion.enumerated() where count > 0 {
                let region = reference.regions[regionIndex].code
                let provinces = reference.provinces.indices.filter { reference.provinces[$0].regionCode == region }
                guard !provinces.isEmpty else {
                    throw SampleError(reason: "region \(region) has no province in the reference; point --reference at the bundled tables")
                }
                var provinceWeights = provinces.map { CreationModel.provinceWeight(reference.provinces[$0], year: year) }
                if provinceWeights.allSatisfy({ $0 <= 0 }) { provinceWeights = provinces.map { _ in 1 } }
                for _ in 0..<count {
                    let province = provinces[rng.weightedIndex(provinceWeights)]
                    let key = year * 10_000 + province
                    let sectorWeights =
                        sectorTables[key]
                        ?? {
                            let byCode = CreationModel.sectorWeights(year: year, region: region, province: reference.provinces[province])
                            return reference.sectors.map { byCode[$0.code] ?? 0 }
                        }()
                    sectorTables[key] = sectorWeights
                    ofYear.append(
                        cooperative(
                            year: year, region: region, provinceIndex: province, monthWeights: monthWeights,
                            sectorWeights: sectorWeights, rng: &rng))
                }
            }
            ensureLeapDay(in: &ofYear, year: year)
            let order = ofYear.indices.sorted { a, b in
                ofYear[a].creationDate != ofYear[b].creationDate ? ofYear[a].creationDate < ofYear[b].creationDate : a < b
            }
            for (position, index) in order.enumerated() {
                var cooperative = ofYear[index]
                cooperative.sequence = position + 1
                cooperatives.append(cooperative)
            }
        }
        moveLateRegistrations(&cooperatives, rng: &rng)
        var directRegions: [String: RegionCode] = [:]
        for legacy in reference.legacyRegions { directRegions[legacy.legacyCode] = legacy.directRegion }
        for index in cooperatives.indices { writeFreeText(&cooperatives[index], directRegions: directRegions, rng: &rng) }
        plantNameOddities(&cooperatives, rng: &rng)
        return chooseRepeats(cooperatives, rng: &rng)
    }

    /// One cooperative created in `year` in `region`: date, sector, members, capital, flags.
    private func cooperative(
        year: Int, region: RegionCode, provinceIndex: Int, monthWeights: [Double], sectorWeights weights: [Double],
        rng: inout SplitMix64
    ) -> PlannedCooperative {
        let province = reference.provinces[provinceIndex]
        let month = rng.weightedIndex(monthWeights) + 1
        // The plan's years are the published ones (2005…2024): the day always exists.
        let date = Day(year: year, month: month, day: rng.int(in: 1...Day.daysIn(month: month, year: year))) ?? DateRange.standard.start

        let sectorIndex = weights.contains(where: { $0 > 0 }) ? rng.weightedIndex(weights) : reference.sectors.count - 1
        let sectorCode = reference.sectors[sectorIndex].code

        var soulaliyate: Bool? = nil
        if year >= 2015, !rng.chance(0.08) {
            let rural = province.kind != "prefecture" && CreationModel.soulaliyateRegions.contains(region.rawValue)
            soulaliyate = rng.chance(rural ? 0.19 : 0.012)
        }

        let minimum = CreationModel.minimumMembers(date)
        let extraMean = CreationModel.meanMembers(year) - Double(minimum) + 0.5
        let total = min(900, minimum + Int(rng.exponential(mean: extraMean)))
        let womensShare = min(0.95, CreationModel.womensShare(sector: sectorCode) * (soulaliyate == true ? 1.6 : 1))
        let womens = rng.chance(womensShare)
        let form: GenderForm
        if womens {
            form =
                [
                    GenderForm.full, .full, .full, .full, .full, .totalAndWomen, .totalAndWomen, .totalAndWomen, .totalAndWomen,
                    .menAndWomen,
                ][rng.int(in: 0...9)]
        } else {
            let u = rng.unit()
            form = u < 0.06 ? .totalOnly : u < 0.60 ? .full : u < 0.88 ? .totalAndWomen : .menAndWomen
        }
        var women: Int? = nil
        var men: Int? = nil
        if form != .totalOnly {
            if womens {
                women = total
            } else if rng.chance(0.38) {
                women = 0
            } else {
                women = min(total - 1, max(1, Int((Double(total) * (0.08 + 0.52 * rng.unit())).rounded())))
            }
            men = total - (women ?? 0)
        }
        var youth: Int? = nil
        if year >= 2015, rng.chance(0.40) { youth = Int(Double(total) * 0.6 * rng.unit()) }

        var capital: Int64? = nil
        if !rng.chance(0.10) {
            let share = rng.pick([100, 200, 500, 1000, 1000, 2000, 5000])
            var mad = share * total
            let style = rng.unit()
            if style < 0.6 { mad = max(1, mad / 1000) * 1000 }
            mad = min(500_000, max(1_000, mad))
            let cents = style > 0.85 ? rng.pick([50, 25, 75, 10]) : 0
            capital = Int64(mad) * 100 + Int64(cents)
        }
        return PlannedCooperative(
            sequence: 0, registrationId: "", name: "", creationDate: date, regionCode: region, provinceIndex: provinceIndex,
            provinceWritten: true, commune: "", sectorIndex: sectorIndex, membersTotal: total, membersWomen: women,
            membersMen: men, membersYouth: youth, capitalCents: capital, status: "", soulaliyate: soulaliyate,
            genderForm: form, home: OfficeFile.office(forYear: year))
    }

    /// Leap years get at least one cooperative created on 29 February (when February has any).
    private func ensureLeapDay(in cooperatives: inout [PlannedCooperative], year: Int) {
        guard Day.isLeap(year), !cooperatives.contains(where: { $0.creationDate.month == 2 && $0.creationDate.day == 29 }),
            let index = cooperatives.firstIndex(where: { $0.creationDate.month == 2 }), let leapDay = Day(year: year, month: 2, day: 29)
        else { return }
        cooperatives[index].creationDate = leapDay
    }

    /// A few of the last 2024 creations reach the register only with the updates file.
    private func moveLateRegistrations(_ cooperatives: inout [PlannedCooperative], rng: inout SplitMix64) {
        let late = cooperatives.indices.filter { cooperatives[$0].creationDate.year == 2024 }.suffix(20)
        for index in late where rng.chance(0.75) { cooperatives[index].home = .updates }
    }

    /// The id, name, commune, status and whether the province is written, in the home office's ways.
    private func writeFreeText(_ cooperative: inout PlannedCooperative, directRegions: [String: RegionCode], rng: inout SplitMix64) {
        let year = cooperative.creationDate.year
        let region = cooperative.regionCode.rawValue
        let sequence = cooperative.sequence
        let padded = String(repeating: "0", count: max(0, 6 - String(sequence).count)) + String(sequence)
        let sectorCode = reference.sectors[cooperative.sectorIndex].code
        let stem = rng.int(in: 0...(CooperativeNames.stems.count - 1))
        let variant = rng.chance(0.08) ? rng.int(in: 0...3) : 9
        let commune = CooperativeNames.communes[rng.int(in: 0...(CooperativeNames.communes.count - 1))]
        let province = reference.provinces[cooperative.provinceIndex]
        switch cooperative.home {
        case .bureauFR, .bureauAR2010:
            let settledByRegion = directRegions[province.legacyCode] == cooperative.regionCode
            cooperative.provinceWritten = !settledByRegion || rng.chance(0.85)
        case .bureauAR2015, .exportEN:
            cooperative.provinceWritten = rng.chance(0.9)
        case .updates:
            cooperative.provinceWritten = true
        }
        switch cooperative.home {
        case .bureauFR:
            cooperative.registrationId = "MA-\(region)-\(year)-\(padded)"
            cooperative.name = CooperativeNames.french(stem: stem, sector: sectorCode, variant: variant)
            cooperative.commune = rng.chance(0.8) ? commune.latin : ""
            cooperative.status = rng.chance(0.9) ? "En activité" : "Active"
        case .bureauAR2010:
            cooperative.registrationId = "\(year)\(region)\(padded)"
            cooperative.name =
                rng.chance(0.85)
                ? CooperativeNames.arabic(stem: stem, sector: sectorCode, variant: variant)
                : CooperativeNames.french(stem: stem, sector: sectorCode, variant: variant)
            cooperative.status = "نشيطة"
        case .bureauAR2015:
            cooperative.registrationId = "MA-\(region)-\(year)-\(padded)"
            cooperative.name =
                rng.chance(0.8)
                ? CooperativeNames.arabic(stem: stem, sector: sectorCode, variant: variant)
                : CooperativeNames.french(stem: stem, sector: sectorCode, variant: variant)
            cooperative.commune = rng.chance(0.7) ? commune.arabic : ""
            cooperative.status = "نشيطة"
        case .exportEN:
            cooperative.registrationId = "MA-\(region)-\(year)-\(padded)"
            cooperative.name =
                rng.chance(0.7)
                ? CooperativeNames.english(stem: stem, sector: sectorCode, variant: variant)
                : CooperativeNames.french(stem: stem, sector: sectorCode, variant: variant)
            cooperative.status = "Active"
        case .updates:
            cooperative.registrationId = "MA-\(region)-\(year)-\(padded)"
            cooperative.name = CooperativeNames.french(stem: stem, sector: sectorCode, variant: variant)
            cooperative.commune = commune.latin
            cooperative.status = "active"
        }
    }

    /// A name that looks like a formula in each office file, and one Arabic name with a line break.
    private func plantNameOddities(_ cooperatives: inout [PlannedCooperative], rng: inout SplitMix64) {
        for office in [OfficeFile.bureauFR, .bureauAR2010, .bureauAR2015, .exportEN, .updates] {
            let members = cooperatives.indices.filter { cooperatives[$0].home == office }
            guard !members.isEmpty else { continue }
            let latin = CooperativeNames.formulaLike.filter { $0.unicodeScalars.allSatisfy { $0.value < 0x100 } }
            let arabic = CooperativeNames.formulaLike.filter { $0.unicodeScalars.contains { $0.value >= 0x600 } }
            let pool = office == .bureauAR2010 || office == .bureauAR2015 ? arabic + latin.prefix(1) : latin
            for turn in 0..<(office == .updates ? 1 : 2) where !pool.isEmpty {
                cooperatives[rng.pick(members)].name = pool[((office == .exportEN ? 2 : office == .updates ? 4 : 0) + turn) % pool.count]
            }
            if office == .bureauAR2015 {
                let index = rng.pick(members)
                cooperatives[index].name = "تعاونية الأمل\nللنسيج والطرز"
                cooperatives[index].multilineName = true
            }
        }
    }

    /// Picks the cooperatives file 5 repeats (unchanged or changed) and those listed twice by their own office.
    private func chooseRepeats(_ cooperatives: [PlannedCooperative], rng: inout SplitMix64) -> RegistryPlan {
        var plan = RegistryPlan(
            cooperatives: cooperatives, earlierVersions: [:], exactRepeats: [], conflictingRepeats: [], inFileRepeats: [])
        var pools: [OfficeFile: [Int]] = [:]
        for index in cooperatives.indices where !cooperatives[index].multilineName {
            pools[cooperatives[index].home, default: []].append(index)
        }
        func draw(from office: OfficeFile, count: Int) -> [Int] {
            var chosen: [Int] = []
            var pool = pools[office] ?? []
            while chosen.count < count, !pool.isEmpty {
                chosen.append(pool.remove(at: rng.int(in: 0...(pool.count - 1))))
            }
            pools[office] = pool
            return chosen.sorted()
        }
        for office in [OfficeFile.bureauFR, .bureauAR2010, .bureauAR2015, .exportEN] {
            plan.exactRepeats += draw(from: office, count: 6)
            plan.conflictingRepeats += draw(from: office, count: 3)
            if office == .bureauAR2010 || office == .exportEN { plan.inFileRepeats += draw(from: office, count: 2) }
        }
        for (turn, index) in plan.conflictingRepeats.enumerated() {
            let earlier = plan.cooperatives[index]
            var final = earlier
            final.status = ["En liquidation", "Dissoute", "active", "En sommeil"][turn % 4]
            final.capitalCents = (earlier.capitalCents ?? 0) + 1_000_000
            if turn % 2 == 0, earlier.genderForm != .totalOnly, let women = earlier.membersWomen, let men = earlier.membersMen {
                final.membersTotal += 3
                if women == earlier.membersTotal { final.membersWomen = women + 3 } else { final.membersMen = men + 3 }
            }
            plan.earlierVersions[index] = earlier
            plan.cooperatives[index] = final
        }
        return plan
    }
}
