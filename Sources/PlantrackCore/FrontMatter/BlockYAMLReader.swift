/// Reads the plain block style that front matter is written in straight into a
/// ``YAMLNode`` tree, and declines everything else, which ``YAMLParser`` then hands to
/// libyaml.
///
/// Why by hand: libyaml's scanner, event layer and per-token allocations took half of the
/// instructions of `plantrack validate` (about 270 allocations per 25-field document), and
/// no library here reads YAML without them. What this reader accepts is a strict subset:
///
/// - block mappings with plain keys (`status: done`) and block sequences (`- bu-kt-1`),
///   including the compact `- title: x` and the indentless sequence under a key;
/// - one-line plain, single-quoted and double-quoted scalars (common escapes only);
/// - comments, blank lines, CRLF line ends.
///
/// Anything outside it (flow collections, block scalars, multi-line scalars, anchors,
/// tags, tabs, directives, unusual escapes or characters, duplicate keys, and every error)
/// makes it decline, so that libyaml reads the text and writes the error messages. A
/// differential test holds it to libyaml's tree, locations included, on every document it
/// accepts.
struct BlockYAMLReader {
    /// Why the reader gave the text to libyaml; never shown to anyone.
    struct Declined: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private let lineOffset: Int
    private let maxDepth: Int

    /// An open mapping or sequence.
    private struct Frame {
        var isMapping: Bool
        /// The column (0-based) its keys or dashes stand at.
        var indent: Int
        /// A sequence whose dashes stand at its parent key's column.
        var indentless = false
        var location: SourceLocation
        var entries: [YAMLMapping.Entry] = []
        var items: [YAMLNode] = []
        /// A key written as `key:` whose value has not been read yet, and where libyaml
        /// places the null it gets when no value follows (just after the colon).
        var pending: (key: String, location: SourceLocation, nullLocation: SourceLocation)?
    }

    private var stack: [Frame] = []
    private var root: YAMLNode?
    /// The line being read: its first byte, its end (before `\r\n` or `\n`), its 0-based
    /// number, and the first non-ASCII byte in it (columns before it are byte offsets).
    private var lineStart = 0
    private var lineEnd = 0
    private var lineNumber = 0
    private var firstNonASCII = 0

    /// Reads `bytes`, whose first line is line `lineOffset + 1` of the file; throws
    /// ``Declined`` for text outside the subset (and for text with no value at all).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int, maxDepth: Int) throws(Declined) -> YAMLNode {
        var reader = BlockYAMLReader(bytes: bytes, lineOffset: lineOffset, maxDepth: maxDepth)
        try reader.readLines()
        guard let root = reader.root else { throw Declined() }
        return root
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int, maxDepth: Int) {
        self.bytes = bytes
        self.lineOffset = lineOffset
        self.maxDepth = maxDepth
    }

    private mutating func readLines() throws(Declined) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lineStart = start
            lineEnd = end
            try readLine()
            lineNumber += 1
            start = next
        }
        while !stack.isEmpty { try close() }
    }

    /// Checks the line's characters, skips it when blank or a comment, and files its entry.
    private mutating func readLine() throws(Declined) {
        try checkCharacters()
        var indent = lineStart
        while indent < lineEnd, bytes[indent] == UInt8(ascii: " ") { indent += 1 }
        if indent == lineEnd || bytes[indent] == UInt8(ascii: "#") { return }
        let column = indent - lineStart
        if column == 0 {
            // Directives and document markers (`%YAML`, `---`, `...`) are libyaml's.
            let first = bytes[indent]
            if first == UInt8(ascii: "%") { throw Declined() }
            if lineEnd - indent >= 3, first == UInt8(ascii: "-") || first == UInt8(ascii: "."),
                bytes[indent + 1] == first, bytes[indent + 2] == first
            {
                throw Declined()
            }
        }
        let dash = isDash(at: indent)
        guard !stack.isEmpty else {
            // The root: a mapping whose keys start at the first column.
            guard column == 0, !dash else { throw Declined() }
            try open(mapping: true, at: indent)
            try readKey(at: indent)
            return
        }
        if let top = stack.last, top.isMapping, top.pending != nil {
            if column > top.indent {
                try open(mapping: !dash, at: indent)
                if dash { try readItem(at: indent) } else { try readKey(at: indent) }
                return
            }
            if column == top.indent, dash {
                try open(mapping: false, at: indent)
                stack[stack.count - 1].indentless = true
                try readItem(at: indent)
                return
            }
            // No value followed the key: it holds null.
            fileNull()
        }
        while let top = stack.last, top.indent > column || (top.indentless && top.indent == column && !dash) {
            try close()
        }
        guard let top = stack.last, top.indent == column, top.isMapping != dash else { throw Declined() }
        if dash { try readItem(at: indent) } else { try readKey(at: indent) }
    }

    /// Declines control characters, tabs and lone CRs, and any character libyaml treats
    /// in its own way (line separators, NEL, byte-order marks), or refuses (invalid UTF-8,
    /// non-printable characters); notes where the first non-ASCII byte stands.
    private mutating func checkCharacters() throws(Declined) {
        firstNonASCII = lineEnd
        var i = lineStart
        while i < lineEnd {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { throw Declined() }
                i += 1
                continue
            }
            if firstNonASCII == lineEnd { firstNonASCII = i }
            i = try checkScalar(at: i)
        }
    }

    /// Validates the UTF-8 sequence at `i` strictly and returns the index after it.
    private func checkScalar(at i: Int) throws(Declined) -> Int {
        func continuation(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) throws(Declined) -> UInt32 {
            guard j < lineEnd, bytes[j] >= low, bytes[j] <= high else { throw Declined() }
            return UInt32(bytes[j] & 0x3F)
        }
        let b = bytes[i]
        let scalar: UInt32
        let length: Int
        switch b {
        case 0xC2...0xDF:
            scalar = UInt32(b & 0x1F) << 6 | (try continuation(i + 1))
            length = 2
        case 0xE0...0xEF:
            let low: UInt8 = b == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b == 0xED ? 0x9F : 0xBF
            scalar = UInt32(b & 0x0F) << 12 | (try continuation(i + 1, low, high)) << 6 | (try continuation(i + 2))
            length = 3
        case 0xF0...0xF4:
            let low: UInt8 = b == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b == 0xF4 ? 0x8F : 0xBF
            scalar =
                UInt32(b & 0x07) << 18 | (try continuation(i + 1, low, high)) << 12
                | (try continuation(i + 2)) << 6 | (try continuation(i + 3))
            length = 4
        default:
            throw Declined()
        }
        // C1 controls (NEL among them), line and paragraph separators, the byte-order mark
        // and the non-characters at the end of the BMP.
        if scalar < 0xA0 || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF || scalar >= 0xFFFE && scalar <= 0xFFFF {
            throw Declined()
        }
        return i + length
    }

    /// `-` followed by a space or the end of the line: a sequence entry.
    private func isDash(at i: Int) -> Bool {
        bytes[i] == UInt8(ascii: "-") && (i + 1 == lineEnd || bytes[i + 1] == UInt8(ascii: " "))
    }

    /// Where byte `i` of the current line stands, as libyaml counts (characters, 1-based).
    private func location(_ i: Int) -> SourceLocation {
        var column = i - lineStart + 1
        if i > firstNonASCII {
            column = firstNonASCII - lineStart + 1
            for b in bytes[firstNonASCII..<i] where b & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(line: lineNumber + 1 + lineOffset, column: column)
    }

    private mutating func open(mapping: Bool, at i: Int) throws(Declined) {
        if stack.count >= maxDepth { throw Declined() }
        stack.append(Frame(isMapping: mapping, indent: i - lineStart, location: location(i)))
    }

    /// Gives the key on top written as `key:`, with no value below it, its null.
    private mutating func fileNull() {
        guard let pending = stack.last?.pending else { return }
        stack[stack.count - 1].entries.append(
            YAMLMapping.Entry(
                key: pending.key, keyLocation: pending.location, value: YAMLNode(.null, at: pending.nullLocation)))
        stack[stack.count - 1].pending = nil
    }

    /// Closes the innermost collection and files it under its parent's key or as an item.
    private mutating func close() throws(Declined) {
        fileNull()
        guard let frame = stack.popLast() else { return }
        let node: YAMLNode
        if frame.isMapping {
            node = YAMLNode(.mapping(YAMLMapping(frame.entries)), at: frame.location)
        } else {
            node = YAMLNode(.sequence(frame.items), at: frame.location)
        }
        try add(node)
    }

    private mutating func add(_ node: YAMLNode) throws(Declined) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        if stack[top].isMapping {
            guard let pending = stack[top].pending else { throw Declined() }
            stack[top].entries.append(YAMLMapping.Entry(key: pending.key, keyLocation: pending.location, value: node))
            stack[top].pending = nil
        } else {
            stack[top].items.append(node)
        }
    }

    /// `key: value` or `key:` at `i`, into the mapping on top of the stack.
    private mutating func readKey(at i: Int) throws(Declined) {
        guard let colon = keyColon(from: i) else { throw Declined() }
        let top = stack.count - 1
        // Long mappings are libyaml's, so the duplicate check below stays short.
        if stack[top].entries.count >= 64 { throw Declined() }
        let key = text(i, colon)
        if stack[top].entries.contains(where: { YAMLMapping.same($0.key, key) }) { throw Declined() }
        var v = colon + 1
        while v < lineEnd, bytes[v] == UInt8(ascii: " ") { v += 1 }
        if v == lineEnd || bytes[v] == UInt8(ascii: "#") {
            stack[top].pending = (key, location(i), location(colon + 1))
            return
        }
        let value = try scalar(at: v)
        stack[top].entries.append(YAMLMapping.Entry(key: key, keyLocation: location(i), value: value))
    }

    /// The colon that ends a plain key starting at `i` (`:` followed by a space or the end
    /// of the line), or nil when the line holds no such key.
    private func keyColon(from i: Int) -> Int? {
        guard canStartPlain(at: i), bytes[i] != UInt8(ascii: "-"), bytes[i] != UInt8(ascii: "?"),
            bytes[i] != UInt8(ascii: ":")
        else { return nil }
        var j = i + 1
        while j < lineEnd {
            switch bytes[j] {
            case UInt8(ascii: "#"):
                return nil
            case UInt8(ascii: ":") where j + 1 == lineEnd || bytes[j + 1] == UInt8(ascii: " "):
                // libyaml's simple keys are at most 1024 characters; a space before the
                // colon is trimmed by libyaml and kept out of the subset here.
                if bytes[j - 1] == UInt8(ascii: " ") || j - i > 1000 { return nil }
                return j
            default:
                j += 1
            }
        }
        return nil
    }

    /// `- value` or `- key: value` at `i`, into the sequence on top of the stack.
    private mutating func readItem(at i: Int) throws(Declined) {
        var v = i + 1
        while v < lineEnd, bytes[v] == UInt8(ascii: " ") { v += 1 }
        // An empty entry or one that opens another sequence is libyaml's.
        guard v < lineEnd, bytes[v] != UInt8(ascii: "#"), !isDash(at: v) else { throw Declined() }
        if keyColon(from: v) != nil {
            try open(mapping: true, at: v)
            try readKey(at: v)
            return
        }
        let item = try scalar(at: v)
        stack[stack.count - 1].items.append(item)
    }

    /// Whether a plain scalar may start at `i` in block context: not with an indicator,
    /// and not with `-`, `?` or `:` followed by a space or the end of the line.
    private func canStartPlain(at i: Int) -> Bool {
        switch bytes[i] {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"):
            return false
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            return i + 1 < lineEnd && bytes[i + 1] != UInt8(ascii: " ")
        default:
            return true
        }
    }

    /// The one-line scalar at `i`, which must be all that is left of the line but for a
    /// comment.
    private func scalar(at i: Int) throws(Declined) -> YAMLNode {
        let at = location(i)
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return YAMLNode(.string(try doubleQuoted(from: i)), at: at)
        case UInt8(ascii: "'"):
            return YAMLNode(.string(try singleQuoted(from: i)), at: at)
        default:
            guard canStartPlain(at: i) else { throw Declined() }
            var end = i + 1
            while end < lineEnd {
                let b = bytes[end]
                if b == UInt8(ascii: ":"), end + 1 == lineEnd || bytes[end + 1] == UInt8(ascii: " ") { throw Declined() }
                if b == UInt8(ascii: "#"), bytes[end - 1] == UInt8(ascii: " ") { break }
                end += 1
            }
            while bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return YAMLNode(CoreSchema.resolvePlain(text(i, end)), at: at)
        }
    }

    /// After a closing quote at `q - 1`: nothing, or spaces and perhaps a comment.
    private func checkRest(from q: Int) throws(Declined) {
        guard q < lineEnd else { return }
        guard bytes[q] == UInt8(ascii: " ") else { throw Declined() }
        var j = q
        while j < lineEnd, bytes[j] == UInt8(ascii: " ") { j += 1 }
        if j < lineEnd, bytes[j] != UInt8(ascii: "#") { throw Declined() }
    }

    private func singleQuoted(from i: Int) throws(Declined) -> String {
        var j = i + 1
        var unescaped: [UInt8]?
        while j < lineEnd {
            if bytes[j] == UInt8(ascii: "'") {
                guard j + 1 < lineEnd, bytes[j + 1] == UInt8(ascii: "'") else {
                    try checkRest(from: j + 1)
                    return unescaped.map { String(decoding: $0, as: UTF8.self) } ?? text(i + 1, j)
                }
                if unescaped == nil { unescaped = Array(bytes[(i + 1)..<j]) }
                unescaped?.append(UInt8(ascii: "'"))
                j += 2
                continue
            }
            unescaped?.append(bytes[j])
            j += 1
        }
        throw Declined()
    }

    private func doubleQuoted(from i: Int) throws(Declined) -> String {
        var j = i + 1
        var unescaped: [UInt8]?
        while j < lineEnd {
            let b = bytes[j]
            if b == UInt8(ascii: "\"") {
                try checkRest(from: j + 1)
                return unescaped.map { String(decoding: $0, as: UTF8.self) } ?? text(i + 1, j)
            }
            guard b == UInt8(ascii: "\\") else {
                unescaped?.append(b)
                j += 1
                continue
            }
            guard j + 1 < lineEnd else { throw Declined() }
            let replacement: UInt8
            switch bytes[j + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): replacement = bytes[j + 1]
            case UInt8(ascii: "n"): replacement = 0x0A
            case UInt8(ascii: "t"): replacement = 0x09
            case UInt8(ascii: "r"): replacement = 0x0D
            case UInt8(ascii: "0"): replacement = 0x00
            default: throw Declined()
            }
            if unescaped == nil { unescaped = Array(bytes[(i + 1)..<j]) }
            unescaped?.append(replacement)
            j += 2
        }
        throw Declined()
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
