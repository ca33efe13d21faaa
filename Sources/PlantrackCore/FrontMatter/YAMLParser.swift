import CYAML

/// Why front matter YAML could not be read.
public struct YAMLError: Error, Hashable, Sendable {
    /// What kind of problem: a stable rule id (`yaml.syntax`, `yaml.duplicate-key`, ...).
    public var rule: String
    /// A plain sentence.
    public var message: String
    /// Where in the file.
    public var location: SourceLocation

    /// Creates an error.
    public init(rule: String, message: String, location: SourceLocation) {
        self.rule = rule
        self.message = message
        self.location = location
    }
}

/// Reads YAML text into a ``YAMLNode`` tree: plain block-style text directly
/// (``BlockYAMLReader``), everything else through libyaml's event API.
///
/// Why not a YAML library: the front matter is read on the hot path of every command, and
/// libyaml's event parser is several times faster than building Yams' node tree (measured:
/// 13 µs against 93–250 µs per small document). Resolution follows the YAML 1.2 core schema,
/// not libyaml's YAML 1.1 habits.
///
/// The builder is iterative, with bounded nesting and a budget for alias expansion, so a
/// hostile document is refused quickly instead of exhausting the stack or memory.
public struct YAMLParser: Sendable {
    /// How deep collections may nest. Real front matter nests three or four levels.
    public var maxDepth: Int = 64
    /// How many nodes aliases may add in total by expansion (the "billion laughs" guard).
    public var maxAliasExpansion: Int = 10_000

    /// Whether plain block-style text is read by ``BlockYAMLReader`` before libyaml. Off, all
    /// text goes through libyaml: the tests and the fuzzers (Fuzz/) turn it off to hold the
    /// two readers to the same trees.
    public var readsBlockStyleDirectly = true

    /// Creates a parser with the default limits.
    public init() {}

    /// Parses `text` (one YAML document) whose first line is line `firstLine` of the file.
    ///
    /// Returns `nil` for an empty document (no content at all).
    public func parse(_ text: ArraySlice<UInt8>, firstLine: Int = 1) throws(YAMLError) -> YAMLNode? {
        if readsBlockStyleDirectly,
            let node = text.withUnsafeBufferPointer({ buffer in
                try? BlockYAMLReader.read(buffer, lineOffset: firstLine - 1, maxDepth: maxDepth)
            })
        {
            return node
        }
        // libyaml drops a block scalar's last line of spaces when no line break follows it
        // (yaml-test-suite L24T); front matter always has one (the closing fence follows), a
        // bare YAML file may not.
        if let last = text.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") {
            return try parse(Array(text) + [UInt8(ascii: "\n")], firstLine: firstLine)
        }
        var builder = TreeBuilder(limits: self, lineOffset: firstLine - 1)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw YAMLError(
                rule: "yaml.syntax", message: "the YAML parser could not start (out of memory)",
                location: SourceLocation(line: firstLine, column: 1))
        }
        defer { yaml_parser_delete(parser) }

        let result: Result<YAMLNode?, YAMLError> = text.withUnsafeBufferPointer { buffer in
            // libyaml reads from this pointer until parsing ends; the closure keeps it valid.
            let empty: [UInt8] = [0]
            return empty.withUnsafeBufferPointer { fallback in
                let base = buffer.baseAddress ?? fallback.baseAddress
                guard let base else {
                    return .failure(YAMLError(rule: "yaml.syntax", message: "no input", location: .init(line: firstLine, column: 1)))
                }
                yaml_parser_set_input_string(parser, base, buffer.count)
                yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(parser, &event) != 0 else {
                        return .failure(Self.parserError(parser, text: buffer, lineOffset: firstLine - 1))
                    }
                    defer { yaml_event_delete(&event) }
                    do throws(YAMLError) {
                        if try builder.consume(&event, text: buffer) { return .success(builder.root) }
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        return try result.get()
    }

    /// Turns libyaml's parser state into a located error.
    private static func parserError(
        _ parser: UnsafeMutablePointer<yaml_parser_t>, text: UnsafeBufferPointer<UInt8>, lineOffset: Int
    ) -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        var location: SourceLocation
        if p.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a mark.
            location = Self.location(ofByte: p.problem_offset, in: text, lineOffset: lineOffset)
        } else {
            location = SourceLocation(
                line: Int(p.problem_mark.line) + 1 + lineOffset,
                column: Int(p.problem_mark.column) + 1)
        }
        var message = problem
        let context = p.context.map { String(cString: $0) }
        let contextLine = Int(p.context_mark.line) + 1 + lineOffset
        if let context {
            message = "\(problem) \(context) (line \(contextLine))"
        }
        let before =
            p.error == YAML_READER_ERROR
            ? nil
            : Self.lineText(line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1, in: text)
        if let context, context.contains("quoted scalar"), p.error == YAML_SCANNER_ERROR {
            // libyaml notices an unclosed quote at the end of the text; point at the quote.
            location = SourceLocation(line: contextLine, column: Int(p.context_mark.column) + 1)
        }
        if let hint = YAMLSyntaxHint.hint(
            problem: problem, context: context, contextLine: contextLine,
            character: before?.character, lineBefore: before?.prefix ?? "")
        {
            message += ": " + hint
        }
        return YAMLError(rule: "yaml.syntax", message: message, location: location)
    }

    /// The character at a 1-based line and column (columns count characters) of `text`,
    /// and the line's text before it.
    private static func lineText(line: Int, column: Int, in text: UnsafeBufferPointer<UInt8>)
        -> (character: Character?, prefix: String)?
    {
        var currentLine = 1
        var start = 0
        var index = 0
        while currentLine < line, index < text.count {
            if text[index] == UInt8(ascii: "\n") {
                currentLine += 1
                start = index + 1
            }
            index += 1
        }
        guard currentLine == line, start <= text.count else { return nil }
        var end = start
        while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
        let lineText = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
        let scalars = Array(lineText.unicodeScalars)
        guard column >= 1 else { return nil }
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars.prefix(column - 1))
        return (column <= scalars.count ? Character(scalars[column - 1]) : nil, String(prefix))
    }

    private static func location(ofByte offset: Int, in text: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in text.prefix(min(offset, text.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // count scalars: skip UTF-8 continuation bytes
                column += 1
            }
        }
        return SourceLocation(line: line + lineOffset, column: column)
    }
}

/// Builds the node tree from parser events with an explicit stack.
private struct TreeBuilder {
    /// An open sequence or mapping. A struct changed in place on the stack (not an enum
    /// rebuilt on every value), so its arrays grow without being copied.
    private struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLMapping.Entry] = []
        /// The keys so far, once a mapping is large enough for a set to beat a scan.
        var keys: Set<String>?
        var pendingKey: (String, SourceLocation)?
        var location: SourceLocation
        var anchor: String?
        var size = 1
        /// A block collection's column (0-based); nil for a flow collection.
        var blockColumn: Int?
        /// A flow collection's first line (0-based, in the text).
        var startLine = 0
    }

    let limits: YAMLParser
    let lineOffset: Int
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasExpansion = 0
    private(set) var root: YAMLNode?
    private var sawDocument = false
    private var layout = LayoutCheck(text: UnsafeBufferPointer(start: nil, count: 0), lineOffset: 0)

    init(limits: YAMLParser, lineOffset: Int) {
        self.limits = limits
        self.lineOffset = lineOffset
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    /// Handles one event of `text`; returns true at the end of the stream.
    mutating func consume(_ event: inout yaml_event_t, text: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> Bool {
        let at = location(event.start_mark)
        if layout.text.baseAddress != text.baseAddress { layout = LayoutCheck(text: text, lineOffset: lineOffset) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            if sawDocument {
                throw YAMLError(
                    rule: "yaml.syntax",
                    message: "front matter holds more than one YAML document ('---' inside it)", location: at)
            }
            sawDocument = true
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = Self.string(scalar.value, scalar.length)
            let tag = scalar.tag.map { String(cString: $0) }
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE:
                try layout.checkCommentSpace(after: event.end_mark)
                if !insideFlow {
                    try layout.checkContinuation(
                        from: Int(event.start_mark.line), to: Int(event.end_mark.line), beyond: blockIndent,
                        skippingComments: false, what: "a quoted value")
                }
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE:
                try layout.checkBlockScalar(at: event.start_mark, beyond: blockIndent)
            default:
                break
            }
            let content = try Self.resolve(text, plain: plain, tag: tag, at: at)
            let node = YAMLNode(content, at: at)
            if let anchor = scalar.anchor { anchors[String(cString: anchor)] = (node, 1) }
            try add(node, size: 1, rawKey: text)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let (node, size) = anchors[name] else {
                throw YAMLError(rule: "yaml.syntax", message: "unknown alias *\(name)", location: at)
            }
            aliasExpansion += size
            if aliasExpansion > limits.maxAliasExpansion {
                throw YAMLError(
                    rule: "yaml.alias-budget",
                    message: "aliases expand to more than \(limits.maxAliasExpansion) values; refusing (alias bomb?)",
                    location: at)
            }
            let keyText: String? = node.string
            try add(YAMLNode(node.content, at: at), size: size, rawKey: keyText)
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(at)
            try checkTag(event.data.sequence_start.tag, expected: "tag:yaml.org,2002:seq", at: at)
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            let block = event.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE
            stack.append(
                Frame(
                    isMapping: false, location: at, anchor: anchor, blockColumn: block ? Int(event.start_mark.column) : nil,
                    startLine: Int(event.start_mark.line)))
        case YAML_MAPPING_START_EVENT:
            try checkDepth(at)
            try checkTag(event.data.mapping_start.tag, expected: "tag:yaml.org,2002:map", at: at)
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            let block = event.data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE
            stack.append(
                Frame(
                    isMapping: true, location: at, anchor: anchor, blockColumn: block ? Int(event.start_mark.column) : nil,
                    startLine: Int(event.start_mark.line)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { break }
            if frame.blockColumn == nil, !insideFlow {
                try layout.checkContinuation(
                    from: frame.startLine, to: Int(event.end_mark.line), beyond: blockIndent, skippingComments: true,
                    what: "a [list] or {mapping}")
            }
            let node =
                frame.isMapping
                ? YAMLNode(.mapping(YAMLMapping(frame.entries)), at: frame.location)
                : YAMLNode(.sequence(frame.items), at: frame.location)
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
            try add(node, size: frame.size, rawKey: nil)
        default:
            break
        }
        return false
    }

    /// Whether the innermost open collection is a flow one.
    private var insideFlow: Bool { stack.last.map { $0.blockColumn == nil } ?? false }

    /// The column of the innermost block collection: the lines of a value in it must be
    /// indented further. -1 at the top level.
    private var blockIndent: Int { stack.last { $0.blockColumn != nil }?.blockColumn ?? -1 }

    private func checkDepth(_ at: SourceLocation) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw YAMLError(
                rule: "yaml.too-deep",
                message: "values nest deeper than \(limits.maxDepth) levels; refusing", location: at)
        }
    }

    private func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, expected: String, at: SourceLocation) throws(YAMLError) {
        guard let tag else { return }
        let name = String(cString: tag)
        if name != expected && name != "!" {
            throw YAMLError(rule: "yaml.tag", message: "unsupported tag \(name)", location: at)
        }
    }

    /// Adds a finished node to the collection being built (or makes it the root).
    private mutating func add(_ node: YAMLNode, size: Int, rawKey: String?) throws(YAMLError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
            stack[top].size += size
            return
        }
        if let (key, keyLocation) = stack[top].pendingKey {
            stack[top].entries.append(YAMLMapping.Entry(key: key, keyLocation: keyLocation, value: node))
            stack[top].pendingKey = nil
            stack[top].size += size
            return
        }
        // This node is a key. An empty one (`: a`) is null in YAML, not the text "", and no
        // field is named by nothing.
        if case .null = node.content, rawKey == "" {
            throw YAMLError(
                rule: "yaml.key", message: "a key is missing: write the field's name before the ':'",
                location: node.location)
        }
        guard let key = Self.keyText(node, raw: rawKey) else {
            throw YAMLError(
                rule: "yaml.key", message: "a key must be plain text, not \(node.typeDescription)",
                location: node.location)
        }
        let duplicate = stack[top].keys?.contains(key) ?? stack[top].entries.contains { YAMLMapping.same($0.key, key) }
        if duplicate {
            let first = stack[top].entries.first { $0.key == key }?.keyLocation
            let whereFirst = first.map { " (first at line \($0.line))" } ?? ""
            throw YAMLError(
                rule: "yaml.duplicate-key", message: "duplicate key \"\(key)\"\(whereFirst)",
                location: node.location)
        }
        // Small mappings scan linearly; large ones switch to a set so a hostile
        // document with many keys stays linear.
        if stack[top].keys != nil {
            stack[top].keys?.insert(key)
        } else if stack[top].entries.count >= 16 {
            stack[top].keys = Set(stack[top].entries.map(\.key) + [key])
        }
        stack[top].pendingKey = (key, node.location)
    }

    private static func keyText(_ node: YAMLNode, raw: String?) -> String? {
        switch node.content {
        case .sequence, .mapping: return nil
        case .string(let s): return s
        default: return raw
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// YAML 1.2 core schema resolution of a scalar.
    static func resolve(_ text: String, plain: Bool, tag: String?, at: SourceLocation) throws(YAMLError) -> YAMLNode.Content {
        if let tag {
            switch tag {
            case "!", "tag:yaml.org,2002:str": return .string(text)
            case "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
                let resolved = CoreSchema.resolvePlain(text)
                let matches: Bool
                switch (tag, resolved) {
                case ("tag:yaml.org,2002:null", .null), ("tag:yaml.org,2002:bool", .bool),
                    ("tag:yaml.org,2002:int", .integer), ("tag:yaml.org,2002:float", .float),
                    ("tag:yaml.org,2002:float", .integer):
                    matches = true
                default:
                    matches = false
                }
                guard matches else {
                    throw YAMLError(rule: "yaml.tag", message: "\"\(text)\" does not fit its tag \(tag)", location: at)
                }
                if tag == "tag:yaml.org,2002:float", case .integer(let i) = resolved { return .float(Double(i)) }
                return resolved
            default:
                throw YAMLError(rule: "yaml.tag", message: "unsupported tag \(tag)", location: at)
            }
        }
        return plain ? CoreSchema.resolvePlain(text) : .string(text)
    }
}

/// What libyaml lets through that YAML forbids, checked on the text around an event
/// (yaml-test-suite 9C9N, QB6E, DK95/01, S98Z, SU5Z, X4QW): the lines of a quoted value or
/// a flow collection less indented than the block they are in, a comment with no space
/// before its `#`, a block scalar whose leading blank lines are longer than its first line.
/// Only values that span lines, or are quoted or block scalars, are looked at.
private struct LayoutCheck {
    private(set) var text: UnsafeBufferPointer<UInt8>
    let lineOffset: Int
    /// Where each line starts, made on first use.
    private var lineStarts: [Int]?
    /// The last mark found, as (line, column, byte): marks come in order, so the next one
    /// is found from there, not from its line's start (a long line of quoted values).
    private var cursor = (line: -1, column: 0, byte: 0)

    init(text: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
        self.text = text
        self.lineOffset = lineOffset
    }

    private mutating func lineStart(_ line: Int) -> Int? {
        if lineStarts == nil {
            var starts = [0]
            for (i, byte) in text.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 0, line < starts.count else { return nil }
        return starts[line]
    }

    /// The byte at a mark's line and column (columns count characters).
    private mutating func offset(of mark: yaml_mark_t) -> Int? {
        let line = Int(mark.line)
        var column = 0
        var i: Int
        if cursor.line == line, cursor.column <= Int(mark.column) {
            (column, i) = (cursor.column, cursor.byte)
        } else {
            guard let start = lineStart(line) else { return nil }
            i = start
        }
        while column < Int(mark.column), i < text.count, text[i] != UInt8(ascii: "\n") {
            i += 1
            while i < text.count, text[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        cursor = (line, column, i)
        return i
    }

    private func error(_ message: String, line: Int, column: Int) -> YAMLError {
        YAMLError(rule: "yaml.syntax", message: message, location: SourceLocation(line: line + 1 + lineOffset, column: column + 1))
    }

    /// `"value"#comment`: a comment needs a space before its `#`.
    mutating func checkCommentSpace(after end: yaml_mark_t) throws(YAMLError) {
        guard let i = offset(of: end), i < text.count, text[i] == UInt8(ascii: "#") else { return }
        throw error(
            "a comment needs a space before its '#': write ' #'", line: Int(end.line), column: Int(end.column))
    }

    /// Lines `first + 1 ... last` of a value must be indented beyond `column` (blank lines,
    /// and with `skippingComments` comment lines, aside).
    mutating func checkContinuation(
        from first: Int, to last: Int, beyond column: Int, skippingComments: Bool, what: String
    ) throws(YAMLError) {
        guard last > first, column >= 0 else { return }
        for line in (first + 1)...last {
            guard var i = lineStart(line) else { return }
            let start = i
            while i < text.count, text[i] == UInt8(ascii: " ") { i += 1 }
            let spaces = i - start
            var j = i
            while j < text.count, text[j] == UInt8(ascii: " ") || text[j] == UInt8(ascii: "\t") { j += 1 }
            if j == text.count || text[j] == UInt8(ascii: "\n") || text[j] == UInt8(ascii: "\r") { continue }
            if skippingComments, text[j] == UInt8(ascii: "#") { continue }
            if spaces <= column {
                throw error(
                    "this line of \(what) must be indented further than its key (more than \(column) spaces, and no tabs)",
                    line: line, column: spaces)
            }
        }
    }

    /// `|` or `>` at `header`: a comment after it needs a space, and without an explicit
    /// indentation no leading blank line may be longer than the first line of text.
    mutating func checkBlockScalar(at header: yaml_mark_t, beyond column: Int) throws(YAMLError) {
        guard var i = offset(of: header), i < text.count else { return }
        i += 1  // the indicator
        var explicitIndent = false
        while i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") || (49...57).contains(text[i]) {
            if text[i] != UInt8(ascii: "+"), text[i] != UInt8(ascii: "-") { explicitIndent = true }
            i += 1
        }
        if i < text.count, text[i] == UInt8(ascii: "#") {
            throw error(
                "a comment needs a space before its '#': write ' #'", line: Int(header.line),
                column: Int(header.column) + 1)
        }
        guard !explicitIndent else { return }
        var longestBlank = 0
        var line = Int(header.line) + 1
        while var j = lineStart(line), j < text.count {
            let start = j
            while j < text.count, text[j] == UInt8(ascii: " ") { j += 1 }
            let spaces = j - start
            let blank = j == text.count || text[j] == UInt8(ascii: "\n") || (text[j] == UInt8(ascii: "\r"))
            if !blank {
                if spaces > column, spaces < longestBlank {
                    throw error(
                        "a blank line at the start of this block text has more spaces (\(longestBlank)) than its first line (\(spaces))",
                        line: line, column: spaces)
                }
                return
            }
            longestBlank = max(longestBlank, spaces)
            line += 1
        }
    }
}

/// The YAML 1.2 core schema's rules for plain scalars.
enum CoreSchema {
    static func resolvePlain(_ text: String) -> YAMLNode.Content {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if text == "null" || text == "Null" || text == "NULL" || text == "~" { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if text == "true" || text == "True" || text == "TRUE" { return .bool(true) }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if text == "false" || text == "False" || text == "FALSE" { return .bool(false) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(text) ?? .string(text)
        default:
            break
        }
        return .string(text)
    }

    private static func number(_ text: String) -> YAMLNode.Content? {
        // Reads the bytes in place: copying them into an array for every date-like value
        // showed in profiles.
        var contiguous = text
        return contiguous.withUTF8 { number(text, bytes: $0) }
    }

    private static func number(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode.Content? {
        // 0o17 and 0x1F
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o"), bytes.dropFirst(2).allSatisfy({ (48...55).contains($0) }) {
                return Int(text.dropFirst(2), radix: 8).map { .integer($0) } ?? .float(Double.infinity)
            }
            if bytes[1] == UInt8(ascii: "x"), bytes.dropFirst(2).allSatisfy({ $0.isHexDigit }) {
                return Int(text.dropFirst(2), radix: 16).map { .integer($0) } ?? .float(Double.infinity)
            }
        }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        // [-+]?[0-9]+  or  [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        let intStart = i
        while i < bytes.count, bytes[i].isDigit { i += 1 }
        let intDigits = i - intStart
        if i == bytes.count {
            guard intDigits > 0 else { return nil }
            if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .integer(value) }
            return Double(text).map { .float($0) }  // beyond Int: keep the magnitude
        }
        var fractionDigits = 0
        if bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < bytes.count, bytes[i].isDigit { i += 1 }
            fractionDigits = i - fractionStart
        }
        guard intDigits > 0 || fractionDigits > 0 else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            let expStart = i
            while i < bytes.count, bytes[i].isDigit { i += 1 }
            guard i > expStart else { return nil }
        }
        guard i == bytes.count else { return nil }
        return Double(text).map { .float($0) }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= 48 && self <= 57 }
    fileprivate var isHexDigit: Bool { isDigit || (self >= 65 && self <= 70) || (self >= 97 && self <= 102) }
}
