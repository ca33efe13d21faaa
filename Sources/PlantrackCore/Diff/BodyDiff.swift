/// How the Markdown body of a document changed: a line diff in which a changed prose line
/// is shown word by word, while list items, table rows and headings stay whole lines.
public struct BodyDiff: Hashable, Sendable {
    /// A piece of a changed prose line.
    public enum Word: Hashable, Sendable {
        /// Text on both sides.
        case same(String)
        /// Text only on the old side.
        case removed(String)
        /// Text only on the new side.
        case added(String)
    }

    /// One line of the comparison.
    public enum Line: Hashable, Sendable {
        /// An unchanged line, with its line number in the new body (1-based).
        case same(String, line: Int)
        /// A line only in the old body.
        case removed(String)
        /// A line only in the new body.
        case added(String)
        /// A prose line edited in place, word by word.
        case changed([Word])
    }

    /// Every line of the comparison, unchanged ones included.
    public var lines: [Line]

    /// Whether anything changed.
    public var isChanged: Bool {
        lines.contains { if case .same = $0 { return false } else { return true } }
    }

    /// Creates a comparison from its lines.
    public init(lines: [Line]) {
        self.lines = lines
    }

    /// Compares two bodies. CRLF and LF line ends compare equal.
    public static func compare(_ old: String, _ new: String) -> BodyDiff {
        let operations = SequenceDiff.diff(splitLines(old), splitLines(new))
        var lines: [Line] = []
        var removed: [String] = []
        var added: [String] = []
        var newLine = 0
        func flush() {
            // Pair edited prose lines one to one; the rest stay whole removals and additions.
            var pairedRemoved: [String] = []
            var pairedAdded: [String] = []
            var r = removed[...]
            var a = added[...]
            while let x = r.first, let y = a.first, isProse(x), isProse(y), similar(x, y) {
                lines.append(.changed(words(x, y)))
                r = r.dropFirst()
                a = a.dropFirst()
            }
            pairedRemoved = Array(r)
            pairedAdded = Array(a)
            lines += pairedRemoved.map { .removed($0) }
            lines += pairedAdded.map { .added($0) }
            removed.removeAll()
            added.removeAll()
        }
        for operation in operations {
            switch operation {
            case .same(let text):
                flush()
                newLine += 1
                lines.append(.same(text, line: newLine))
            case .removed(let text):
                removed.append(text)
            case .added(let text):
                newLine += 1
                added.append(text)
            }
        }
        flush()
        return BodyDiff(lines: lines)
    }

    /// The lines of a text without their line ends; a final line end adds no empty line.
    public static func splitLines(_ text: String) -> [String] {
        // By UTF-8 bytes: "\n" ends a line and a "\r" before it (or at the very end) is
        // dropped. Splitting by Characters was a seventh of `diff --format json` at scale.
        let utf8 = text.utf8
        var lines: [String] = []
        func line(_ start: String.Index, _ end: String.Index) -> String {
            var end = end
            if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
            return String(text[start..<end])
        }
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                lines.append(line(start, i))
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        let last = line(start, utf8.endIndex)
        if !last.isEmpty { lines.append(last) }
        return lines
    }

    /// Prose is a non-empty line that is not a list item, table row, heading, quote or fence.
    static func isProse(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let first = trimmed.first else { return false }
        if "|#>`".contains(first) { return false }
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") { return false }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, trimmed.dropFirst(digits.count).hasPrefix(". ") { return false }
        return true
    }

    /// A word diff of two prose lines: words and the spaces between them are tokens, so
    /// joining the tokens gives back the line.
    static func words(_ old: String, _ new: String) -> [Word] {
        var result: [Word] = []
        for operation in SequenceDiff.diff(tokens(old), tokens(new)) {
            // Merge neighbours of the same kind, so output reads as phrases.
            switch (operation, result.last) {
            case (.same(let t), .same(let p)?): result[result.count - 1] = .same(p + t)
            case (.removed(let t), .removed(let p)?): result[result.count - 1] = .removed(p + t)
            case (.added(let t), .added(let p)?): result[result.count - 1] = .added(p + t)
            case (.same(let t), _): result.append(.same(t))
            case (.removed(let t), _): result.append(.removed(t))
            case (.added(let t), _): result.append(.added(t))
            }
        }
        return result
    }

    /// Whether two lines share at least half their words: only then is a word diff easier
    /// to read than the two whole lines.
    static func similar(_ old: String, _ new: String) -> Bool {
        let a = tokens(old).filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }
        let b = tokens(new).filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }
        guard !a.isEmpty, !b.isEmpty else { return false }
        let common = SequenceDiff.diff(a, b).filter { if case .same = $0 { return true } else { return false } }.count
        return common * 2 >= max(a.count, b.count)
    }

    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var currentIsSpace = false
        for character in text {
            let isSpace = character == " " || character == "\t"
            if !current.isEmpty && isSpace != currentIsSpace {
                result.append(current)
                current = ""
            }
            current.append(character)
            currentIsSpace = isSpace
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
