#if canImport(Glibc)
    import Glibc
#endif

/// The allocator setting that lets the memory of a merged ledger shard go back to the system.
/// glibc raises its mmap threshold to the size of each large block freed (up to 32 MiB), so after
/// the first freed shard every later shard is carved from the heap and its memory, once freed,
/// stays resident. Fixing the threshold at 1 MiB keeps large blocks in their own mappings.
/// Invariant: applied at most once per process; no effect where glibc is absent.
enum ReleasedMemory {
    /// Fixes the mmap threshold (`M_MMAP_THRESHOLD`, which also stops its dynamic adjustment).
    static let pinned: Bool = {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module does not import: look it up.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return false }
            return unsafeBitCast(symbol, to: Mallopt.self)(-3, 1 << 20) == 1  // -3 is M_MMAP_THRESHOLD
        #else
            return false
        #endif
    }()
}
