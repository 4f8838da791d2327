import Foundation
import Glibc
import CoopDomain

/// The thin I/O shell around `RegistryParser`: reads a file in large chunks and feeds them.
/// Invariant: memory is bounded by the chunk size and the largest record, never the file size.
public enum RegistryFileReader {
    public static let chunkSize = 1 << 20

    /// Reads `path` (shown as `displayName`) and delivers every row outcome with its line.
    public static func read(path: String, displayName: String, reference: ReferenceData, range: DateRange,
                            format: RegistryFormat, deliver: (RowOutcome, Int) throws -> Void) throws -> (quality: FileQuality, refusal: RegistryRefusal?) {
        var parser = RegistryParser(file: displayName, reference: reference, range: range, format: format)
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FileReadError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { Glibc.close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            try parser.feed(count == chunkSize ? buffer : Array(buffer[0..<count]), deliver: deliver)
        }
        try parser.finish(deliver: deliver)
        return (parser.quality, parser.refusal)
    }
}
