/// Integer apportionment by largest remainder: splits a total over weighted shares so the parts
/// add up exactly. Invariant: the result sums to `total` (when some weight is positive) and ties go to the lower index.
enum Apportionment {
    static func largestRemainder(total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        let quotas = weights.map { Double(total) * max(0, $0) / sum }
        var parts = quotas.map { Int($0.rounded(.down)) }
        var left = total - parts.reduce(0, +)
        let order = quotas.indices.sorted { a, b in
            let ra = quotas[a] - Double(parts[a])
            let rb = quotas[b] - Double(parts[b])
            return ra != rb ? ra > rb : a < b
        }
        var cursor = 0
        while left > 0, !order.isEmpty {
            let index = order[cursor % order.count]
            if weights[index] > 0 {
                parts[index] += 1
                left -= 1
            }
            cursor += 1
        }
        return parts
    }
}
