import CoopDomain
import CoopIngest
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One input file's identity for the manifest and fingerprint: path, size and SHA-256 of content.
/// Invariant: `sha256` is 64 lowercase hex digits of exactly the `size` bytes read.
public struct FileDigest: Sendable, Equatable, Codable {
    public var path: String
    public var size: Int64
    public var sha256: String

    public init(path: String, size: Int64, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }

    /// Streams the file in 1 MiB chunks through SHA-256. Unreadable file: `InputError` (exit 66).
    public static func of(file url: URL) throws(InputError) -> FileDigest {
        let path = url.path
        let fd: Int32
        switch RegularFile.open(path) {
        case .success(let descriptor): fd = descriptor
        case .failure(let error): throw InputError(path: VisibleText.escaped(path), reason: "cannot read: \(error.reason)")
        }
        defer { close(fd) }
        var hasher = SHA256()
        var size: Int64 = 0
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            size += Int64(n)
        }
        return FileDigest(path: path, size: size, sha256: hasher.finalize().hexString)
    }
}

extension Sequence where Element == UInt8 {
    /// Lowercase hex, two digits per byte.
    var hexString: String {
        var s = ""
        for b in self {
            s += String(b, radix: 16).count == 1 ? "0" + String(b, radix: 16) : String(b, radix: 16)
        }
        return s
    }
}
