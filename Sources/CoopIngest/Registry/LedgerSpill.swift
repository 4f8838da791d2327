import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the states offered to the duplicate ledger wait between parsing and settling
/// (`OfferedRows`): blocks are kept in memory until `memoryBudget` bytes are kept over the run,
/// and written after that to one nameless file (`NamelessFile`) that every parse job shares, so
/// that the memory of a run does not grow with its rows. A block the file cannot take (no
/// temporary directory, a full disk) stays in memory: nothing is lost, only memory grows.
/// Invariant: a block reads back exactly the slots it was made of, in order.
final class LedgerSpill: @unchecked Sendable {
    /// A run of slots of one partition of one job: in memory, or at a byte offset of the spill's file.
    enum Block: Sendable {
        case memory([CooperativeShard.Slot])
        case file(offset: Int, count: Int)

        /// Number of slots in the block.
        var count: Int {
            switch self {
            case .memory(let slots): return slots.count
            case .file(_, let count): return count
            }
        }
    }

    /// Bytes of blocks kept in memory before blocks go to the file: 16 MiB.
    static let defaultMemoryBudget = 16 << 20
    let memoryBudget: Int
    private let lock = NSLock()
    /// The nameless file once made (-1 before, or when it cannot be made); guarded by `lock`.
    private var descriptor: Int32 = -1
    private var fileUnusable = false
    /// Bytes reserved in the file so far; guarded by `lock`.
    private var end = 0
    /// Bytes of blocks kept in memory so far; guarded by `lock`.
    private var inMemory = 0

    init(memoryBudget: Int = LedgerSpill.defaultMemoryBudget) {
        self.memoryBudget = memoryBudget
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    private static let slotSize = MemoryLayout<CooperativeShard.Slot>.stride

    /// Keeps `slots` (from any thread) and returns the block that reads them back.
    func keep(_ slots: [CooperativeShard.Slot]) -> Block {
        let bytes = slots.count * Self.slotSize
        guard let (file, offset) = reserve(bytes) else { return .memory(slots) }
        let failed = slots.withUnsafeBytes { NamelessFile.write($0, to: file, at: offset) }
        if failed != nil {
            lock.lock()
            fileUnusable = true
            lock.unlock()
            return .memory(slots)
        }
        return .file(offset: offset, count: slots.count)
    }

    /// The descriptor and offset where `bytes` go, nil when they stay in memory (counted there).
    private func reserve(_ bytes: Int) -> (Int32, Int)? {
        lock.lock()
        defer { lock.unlock() }
        if inMemory + bytes <= memoryBudget || fileUnusable {
            inMemory += bytes
            return nil
        }
        if descriptor < 0 {
            guard let made = try? NamelessFile.open(folderPrefix: "coopstat-ledger", name: "states.bin") else {
                fileUnusable = true
                inMemory += bytes
                return nil
            }
            descriptor = made.descriptor
        }
        defer { end += bytes }
        return (descriptor, end)
    }

    /// Calls `body` with each slot of `block` in order, reading a file block through `buffer`;
    /// false when the file could not be read back (the slots not given are then missing, which the
    /// run's accounting check reports).
    func forEachSlot(
        of block: Block, buffer: inout [CooperativeShard.Slot], _ body: (CooperativeShard.Slot) -> Void
    ) -> Bool {
        switch block {
        case .memory(let slots):
            for slot in slots { body(slot) }
            return true
        case .file(let offset, let count):
            if buffer.count < count { buffer = Array(repeating: .empty, count: count) }
            let wanted = count * Self.slotSize
            var got = 0
            let file = descriptor
            while got < wanted {
                let read = buffer.withUnsafeMutableBytes {
                    NamelessFile.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[got..<wanted]), from: file, at: offset + got)
                }
                guard case .success(let bytes) = read, bytes > 0 else { return false }
                got += bytes
            }
            for index in 0..<count { body(buffer[index]) }
            return true
        }
    }
}
