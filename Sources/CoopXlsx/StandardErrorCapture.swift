#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a C call with file descriptor 2 pointed at a scratch file, so that what libxlsxwriter
/// prints (`[ERROR] workbook_close(): …`) is kept for our own error instead of reaching the
/// terminal, the cron mail or a JSON log.
/// Invariant: descriptor 2 is restored before `run` returns; the captured text is one line
/// (newlines and control characters replaced by spaces, at most 300 characters).
enum StandardErrorCapture {
    static func run<T>(_ body: () -> T) -> (T, String) {
        fflush(nil)
        guard let scratch = tmpfile() else { return (body(), "") }
        defer { fclose(scratch) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0 else { return (body(), "") }
        dup2(fileno(scratch), STDERR_FILENO)
        let result = body()
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        rewind(scratch)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65_536 {
            let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 4096, scratch) }
            if got == 0 { break }
            bytes += chunk[0..<got]
        }
        let text = String(decoding: bytes, as: UTF8.self).unicodeScalars.map { scalar -> String in
            scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) ? " " : String(scalar)
        }.joined()
        let line = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return (result, String(line.prefix(300)))
    }
}
