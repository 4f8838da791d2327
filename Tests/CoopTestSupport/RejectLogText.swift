import CoopDomain

extension RejectLog {
    /// The whole `rejects.csv` the log writes, as one String (tests only: a run streams it).
    public func csvText() throws -> String {
        var bytes: [UInt8] = []
        try writeCSV { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
