// libFuzzer harness for the value parsers of CoopIngest (Sources/CoopIngest/Values): dates,
// member counts, capital, yes/no, digit normalisation, white-space cleaning.
// Build and run with `Tests/Fuzz/run.sh values` (compiled as one module with CoopDomain, CoopIngest,
// CoopTransform and the checks of Tests/CoopFuzzing). `ValueFuzzing.violations` lists the parsers'
// broken invariants; any one traps here, so libFuzzer saves the input.
//
// The bytes are read three ways, so that one input reaches Arabic text without needing valid UTF-8:
// as UTF-8 (invalid sequences become U+FFFD), as Windows-1256 and as UTF-16LE.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    exercise(String(decoding: bytes, as: UTF8.self))
    for encoding in [TextEncoding.windows1256, .utf16LE] {
        guard var transcoder = try? UTF8Transcoder(encoding: encoding) else { continue }
        var utf8: [UInt8] = []
        transcoder.convert(bytes, into: &utf8)
        transcoder.finish(into: &utf8)
        exercise(String(decoding: utf8, as: UTF8.self))
    }
    return 0
}

private func exercise(_ text: String) {
    let broken = ValueFuzzing.violations(text)
    if let first = broken.first { fatalError("INVARIANT BROKEN: \(first)") }
}
