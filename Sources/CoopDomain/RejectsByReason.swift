extension RejectedRow {
    /// `rejects` counted by reason code, most frequent first (ties by code), each with its first
    /// row's sentence (`RejectLog.byReason`).
    public static func countedByReason(_ rejects: [RejectedRow]) -> [(code: String, sentence: String, count: Int)] {
        RejectLog(rejects).byReason
    }
}
