/// The line for a mistyped command (`coopstat rnu`): names the word and the command meant.
/// Invariant: a known command, an option (`-…`) or help/version never gets a suggestion.
enum CommandSuggestion {
    static let commands = ["run", "validate", "refresh", "sample"]

    /// `unknown command 'rnu'; did you mean 'run'? (see coopstat --help)`, or nil when `word` is fine.
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return nil }
        let closest = commands.map { (command: $0, distance: distance(word.lowercased(), $0)) }.min { $0.distance < $1.distance }
        if let closest, closest.distance <= max(2, closest.command.count / 2) {
            return "unknown command '\(word)'; did you mean '\(closest.command)'? (see coopstat --help)"
        }
        return "unknown command '\(word)'; the commands are \(commands.joined(separator: ", ")) (see coopstat --help)"
    }

    /// Edit distance counting an exchange of two neighbouring letters as one edit (`rnu` → `run` is 1).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
