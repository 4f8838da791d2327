import CoopDomain
import CoopTransform

extension ReportPage {
    /// Regions (or the scoped region's provinces) ranked by cooperatives created in the period.
    func placeRanking() -> [String] {
        let total = analysis.current
        var table = TextTable([
            TextTable.Column(labels.rank, .right),
            TextTable.Column(byProvince ? labels.province : labels.region, .left, shrink: .keepStart),
            TextTable.Column(labels.cooperatives, .right),
            TextTable.Column(labels.shareOfTotal, .right),
            TextTable.Column(labels.membersHeader, .right),
            TextTable.Column(labels.womenShareHeader, .right),
        ])
        let ranking = ranked(places.filter { !$0.isNotReported }, { $0.metrics.cooperatives }) + places.filter(\.isNotReported)
        for (rank, place) in ranking.enumerated() {
            table.add([
                place.isNotReported ? "" : String(rank + 1), place.name, style.integer(place.metrics.cooperatives),
                style.percent(Ratio(place.metrics.cooperatives, total.cooperatives)),
                style.integer(place.metrics.membersTotal), style.percent(place.metrics.womenShare),
            ])
        }
        table.footer = [
            [
                "", labels.total, style.integer(total.cooperatives),
                style.percent(Ratio(total.cooperatives, total.cooperatives)),
                style.integer(total.membersTotal), style.percent(total.womenShare),
            ]
        ]
        return heading(byProvince ? labels.provincesRanked : labels.regionsRanked) + table.render()
    }

    /// Sectors with cooperatives created in the period, ranked, then how many sectors had none, named.
    func sectorRanking() -> [String] {
        let total = analysis.current
        let active = analysis.sectors.filter { $0.metrics.cooperatives > 0 }
        var table = TextTable([
            TextTable.Column(labels.rank, .right),
            TextTable.Column(labels.sector, .left, shrink: .keepStart),
            TextTable.Column(labels.cooperatives, .right),
            TextTable.Column(labels.shareOfTotal, .right),
            TextTable.Column(labels.membersHeader, .right),
            TextTable.Column(labels.womenShareHeader, .right),
        ])
        for (rank, entry) in ranked(active, { $0.metrics.cooperatives }).enumerated() {
            table.add([
                String(rank + 1), entry.sector.name(in: language), style.integer(entry.metrics.cooperatives),
                style.percent(Ratio(entry.metrics.cooperatives, total.cooperatives)),
                style.integer(entry.metrics.membersTotal), style.percent(entry.metrics.womenShare),
            ])
        }
        let none = analysis.sectors.filter { $0.metrics.cooperatives == 0 }.map { $0.sector.name(in: language) }
        var line = ReportLabels.fill(labels.sectorsWithNone, ["count": style.integer(none.count)])
        if !none.isEmpty { line += " (" + none.joined(separator: labels.listSeparator) + ")" }
        return heading(labels.sectorsRanked) + table.render() + [""] + DisplayWidth.wrap(line, width: TextReport.maxWidth)
    }

    /// Women, men, gender not reported, women's share and women's cooperatives by region (or province).
    func womenSection() -> [String] {
        var table = TextTable([
            TextTable.Column(byProvince ? labels.province : labels.region, .left, shrink: .keepStart),
            TextTable.Column(labels.womenHeader, .right),
            TextTable.Column(labels.menHeader, .right),
            TextTable.Column(labels.notReported, .right),
            TextTable.Column(labels.womenShareHeader, .right),
            TextTable.Column(labels.womenCoopsHeader, .right),
        ])
        func row(_ name: String, _ m: Metrics) -> [String] {
            [
                name, style.integer(m.membersWomen), style.integer(m.membersMen), style.integer(m.membersGenderUnknown),
                style.percent(m.womenShare), style.integer(m.womenCooperatives),
            ]
        }
        for place in places { table.add(row(place.name, place.metrics)) }
        table.footer = [row(labels.total, analysis.current)]
        return heading(byProvince ? labels.womenByProvince : labels.womenByRegion) + table.render()
    }
}
