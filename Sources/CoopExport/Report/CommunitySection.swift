import CoopDomain
import CoopTransform

extension ReportPage {
    /// Soulaliyate vs other vs not reported, then the youth share overall and by region (or province).
    func communitySection() -> [String] {
        var communities = TextTable([
            TextTable.Column(labels.community, .left),
            TextTable.Column(labels.cooperatives, .right),
            TextTable.Column(labels.shareOfTotal, .right),
            TextTable.Column(labels.membersHeader, .right),
            TextTable.Column(labels.womenShareHeader, .right),
            TextTable.Column(labels.youngMembers, .right),
        ])
        let total = analysis.current
        func name(_ community: Community) -> String {
            switch community {
            case .soulaliyate: labels.soulaliyate
            case .other: labels.otherCommunity
            case .notReported: labels.notReported
            }
        }
        func communityRow(_ label: String, _ m: Metrics) -> [String] {
            [
                label, style.integer(m.cooperatives), style.percent(Ratio(m.cooperatives, total.cooperatives)),
                style.integer(m.membersTotal), style.percent(m.womenShare), m.reportedYouth.map(style.integer) ?? labels.undefined,
            ]
        }
        for (community, metrics) in analysis.communities { communities.add(communityRow(name(community), metrics)) }
        communities.footer = [communityRow(labels.total, total)]

        let note = ReportLabels.fill(
            labels.youthNote,
            [
                "share": style.percent(total.youthShare),
                "cooperatives": style.integer(total.youthReportingCooperatives),
                "members": style.integer(total.youthReportingMembers),
            ])

        var youth = TextTable([
            TextTable.Column(byProvince ? labels.province : labels.region, .left, shrink: .keepStart),
            TextTable.Column(labels.reportingCooperatives, .right),
            TextTable.Column(labels.reportingMembers, .right),
            TextTable.Column(labels.youngMembers, .right),
            TextTable.Column(labels.youthShare, .right),
        ])
        func youthRow(_ label: String, _ m: Metrics) -> [String] {
            [
                label, style.integer(m.youthReportingCooperatives), style.integer(m.youthReportingMembers),
                m.reportedYouth.map(style.integer) ?? labels.undefined, style.percent(m.youthShare),
            ]
        }
        for place in places { youth.add(youthRow(place.name, place.metrics)) }
        youth.footer = [youthRow(labels.total, total)]

        return heading(labels.communitiesAndYouth) + communities.render()
            + [""] + DisplayWidth.wrap(note, width: TextReport.maxWidth)
            + CoverageText(analysis: analysis).reportingLines.flatMap { DisplayWidth.wrap($0, width: TextReport.maxWidth) }
            + [""] + [byProvince ? labels.youthByProvince : labels.youthByRegion] + youth.render()
    }
}
