import Crypto
import Foundation

/// SHA-256 and size of a file, streamed in 1 MiB chunks. Invariant: the digest depends on the content only.
public enum FileDigest {
    public static func sha256(path: String) throws(PipelineError) -> (hex: String, size: Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PipelineError(.noInput, "\(path): cannot open it to compute its SHA-256; check its permissions")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw PipelineError(.noInput, "\(path): read failed (\(error)); check the file")
            }
            if chunk.isEmpty { break }
            size += Int64(chunk.count)
            hasher.update(data: chunk)
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), size)
    }
}
