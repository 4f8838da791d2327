extension RejectedRow {
    /// `rejects` counted by reason code, most frequent first (ties by code), each with its reason's
    /// sentence: the one grouping the terminal's quality summary and the workbook's list both show.
    public static func countedByReason(_ rejects: [RejectedRow]) -> [(code: String, sentence: String, count: Int)] {
        var counts: [String: (String, Int)] = [:]
        for reject in rejects {
            let entry = counts[reject.reason.code] ?? (reject.reason.sentence, 0)
            counts[reject.reason.code] = (entry.0, entry.1 + 1)
        }
        return counts.map { ($0.key, $0.value.0, $0.value.1) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
    }
}
