/// A scratch buffer the transcoder writes UTF-8 into byte by byte, appended to the output array at
/// once: no per-byte Array append. Invariant: it grows before any write that would not fit, so
/// the size it starts with is only an estimate; its memory is freed when it ends.
struct UTF8Writer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    /// A writer with room for `capacity` bytes to start with.
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        start = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Makes room for `more` bytes.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more <= capacity { return }
        let larger = max(2 * capacity, count + more)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Appends the UTF-8 form of a scalar value (< 0x110000, not a surrogate).
    @inline(__always)
    mutating func append(scalar: UInt32) {
        reserve(4)
        switch scalar {
        case 0..<0x80:
            start[count] = UInt8(truncatingIfNeeded: scalar)
            count += 1
        case 0x80..<0x800:
            start[count] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
            start[count + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            count += 2
        case 0x800..<0x10000:
            start[count] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
            start[count + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
            start[count + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            count += 3
        default:
            start[count] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
            start[count + 1] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F)
            start[count + 2] = UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F)
            start[count + 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            count += 4
        }
    }

    /// Appends U+FFFD.
    @inline(__always)
    mutating func appendReplacement() { append(scalar: 0xFFFD) }

    /// Appends what was written to `output`; the writer ends here.
    consuming func finish(into output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
    }
}
