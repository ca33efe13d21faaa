/// Finds the allowed word a person most likely meant when they wrote something else.
public enum Suggestions {
    /// The closest candidate to `written`, or nil when none is close.
    ///
    /// Close means equal ignoring case, within a small edit distance (transpositions count
    /// once, so "titel" is one edit from "title"), or one a prefix of the other. Ties go to
    /// the earlier candidate, which keeps suggestions stable across runs.
    static func closest(to written: String, among candidates: [String]) -> String? {
        let lowered = written.lowercased()
        let w = Array(lowered.unicodeScalars)
        guard !w.isEmpty else { return nil }
        var best: (score: Int, value: String)? = nil
        for candidate in candidates where candidate != written {
            let c = candidate.lowercased()
            let count = c.unicodeScalars.count
            guard count > 0 else { continue }
            let score: Int
            let threshold = max(1, min(3, max(w.count, count) / 3))
            if c == lowered {
                score = 0
            } else if abs(w.count - count) <= threshold,
                case let d = distance(w, Array(c.unicodeScalars), limit: threshold), d <= threshold
            {
                score = d * 2
            } else if min(w.count, count) >= 2, c.hasPrefix(lowered) || lowered.hasPrefix(c) {
                score = 2 * threshold + 1
            } else {
                continue
            }
            if let current = best, current.score <= score { continue }
            best = (score, candidate)
        }
        return best?.value
    }

    /// Optimal string alignment distance, giving up (returning limit + 1) once every path
    /// exceeds `limit` so long unrelated words cost little. The one edit distance of the
    /// project: schema messages, rule messages and `show` all suggest with it.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let n = b.count
        var previous2 = [Int](repeating: 0, count: n + 1)
        var previous = Array(0...n)
        var current = [Int](repeating: 0, count: n + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...n {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, previous2[j - 2] + 1)
                }
                current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[n]
    }
}
