#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// C memory (strings and option structs) handed to libxlsxwriter, kept alive until the workbook is closed.
/// Invariant: every pointer it returns stays valid until this store is released, then is freed exactly once.
///
/// libxlsxwriter 1.1.4 copies the strings it keeps (verified for sheet names, properties, table
/// names/headers/total labels, chart titles/series names/axis names/number formats, conditional
/// format values); the store is there so that no option struct or string can ever dangle even if
/// a later library version keeps a pointer until `workbook_close`.
final class CRetainedMemory {
    /// Blocks from `strdup` (released with `free`).
    private var cStrings: [UnsafeMutablePointer<CChar>] = []
    /// Blocks from `allocate` (released with `deallocate`).
    private var swiftBlocks: [UnsafeMutableRawPointer] = []

    /// A NUL-terminated copy of `text`, owned by this store.
    func string(_ text: String) -> UnsafeMutablePointer<CChar> {
        let copy = text.withCString { strdup($0) }
        guard let copy else {
            // strdup only fails when out of memory; an empty string keeps the call valid.
            return value(CChar(0))
        }
        cStrings.append(copy)
        return copy
    }

    /// A copy of `text`, or nil when `text` is nil.
    func optionalString(_ text: String?) -> UnsafeMutablePointer<CChar>? {
        text.map { string($0) }
    }

    /// A heap copy of a C struct value, owned by this store.
    func value<T>(_ initial: T) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: 1)
        pointer.initialize(to: initial)
        swiftBlocks.append(UnsafeMutableRawPointer(pointer))
        return pointer
    }

    /// A NULL-terminated array of pointers (as libxlsxwriter's `columns`/`points` options want).
    func nullTerminated<T>(_ items: [UnsafeMutablePointer<T>]) -> UnsafeMutablePointer<UnsafeMutablePointer<T>?> {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<T>?>.allocate(capacity: items.count + 1)
        for (i, item) in items.enumerated() { (array + i).initialize(to: item) }
        (array + items.count).initialize(to: nil)
        swiftBlocks.append(UnsafeMutableRawPointer(array))
        return array
    }

    /// A 0-terminated array of row numbers (as `worksheet_set_h_pagebreaks` wants).
    func nullTerminatedRows(_ rows: [UInt32]) -> UnsafeMutablePointer<UInt32> {
        let array = UnsafeMutablePointer<UInt32>.allocate(capacity: rows.count + 1)
        for (i, row) in rows.enumerated() { (array + i).initialize(to: row) }
        (array + rows.count).initialize(to: 0)
        swiftBlocks.append(UnsafeMutableRawPointer(array))
        return array
    }

    deinit {
        // All blocks hold trivial C data (chars, C structs, pointers): freeing the memory is enough.
        for block in cStrings { free(block) }
        for block in swiftBlocks { block.deallocate() }
    }
}
