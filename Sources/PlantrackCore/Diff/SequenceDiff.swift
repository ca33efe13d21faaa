/// One step of an edit script between two sequences.
public enum DiffOperation<Element: Hashable & Sendable>: Hashable, Sendable {
    /// The element is on both sides.
    case same(Element)
    /// The element is only on the old side.
    case removed(Element)
    /// The element is only on the new side.
    case added(Element)
}

/// A longest-common-subsequence diff written for plan bodies: small inputs (lines of a
/// document, words of a paragraph), so a quadratic table is fine once the common prefix
/// and suffix are trimmed.
public enum SequenceDiff {
    /// Above this many table cells the middle is reported as removed then added rather than
    /// aligned, so a pathological document cannot stall the command.
    public static let maxCells = 4_000_000

    /// The edit script turning `old` into `new`: removals come before additions at each
    /// change, and equal elements are kept in order.
    public static func diff<T: Hashable & Sendable>(_ old: [T], _ new: [T]) -> [DiffOperation<T>] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var result: [DiffOperation<T>] = old[0..<prefix].map { .same($0) }
        result += middle(a, b)
        result += old[(old.count - suffix)...].map { .same($0) }
        return result
    }

    private static func middle<T: Hashable & Sendable>(_ a: [T], _ b: [T]) -> [DiffOperation<T>] {
        if a.isEmpty { return b.map { .added($0) } }
        if b.isEmpty { return a.map { .removed($0) } }
        guard a.count * b.count <= maxCells else { return a.map { .removed($0) } + b.map { .added($0) } }
        let width = b.count + 1
        // lengths[i * width + j]: LCS length of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var result: [DiffOperation<T>] = []
        var removed: [DiffOperation<T>] = []
        var added: [DiffOperation<T>] = []
        func flush() {
            result += removed
            result += added
            removed.removeAll()
            added.removeAll()
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                flush()
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                removed.append(.removed(a[i]))
                i += 1
            } else {
                added.append(.added(b[j]))
                j += 1
            }
        }
        flush()
        return result
    }
}
