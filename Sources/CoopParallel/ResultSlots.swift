import Foundation

/// Fixed slots that parallel workers (`DispatchQueue.concurrentPerform`, a thread of its own) fill
/// by index, read once all are done: the results come out in job order whatever order they finish in.
/// Invariant: each slot is written at most once; reading happens after the workers finish, and an
/// empty slot reads as nil (the caller redoes that job) rather than trapping.
public final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    public func value(at index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
