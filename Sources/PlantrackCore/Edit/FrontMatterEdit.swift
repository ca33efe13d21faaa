/// A value to write into front matter.
public indirect enum EditValue: Hashable, Sendable {
    /// Text; written plain when YAML would read it back as the same string, quoted otherwise.
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    /// `null`: the value is known to be absent (a Kolada value that is missing).
    case null
    /// Fields in the order given.
    case mapping([EditField])
    /// Items, written as a block list.
    case sequence([EditValue])

    /// The value as YAML on one line (plain where YAML reads it back the same, else quoted).
    public var yamlText: String { ScalarText.render(self, quote: 0) }

    /// Whether the value can be written in flow style on one line: scalars, and lists and
    /// mappings of scalars (text is quoted where flow style needs it).
    var isFlowable: Bool {
        switch self {
        case .mapping(let fields): return fields.allSatisfy { $0.value.isScalar }
        case .sequence(let items): return items.allSatisfy(\.isScalar)
        default: return true
        }
    }

    /// Whether the value is a single scalar (written on the key's line).
    var isScalar: Bool {
        switch self {
        case .mapping, .sequence: return false
        default: return true
        }
    }
}

extension EditValue {
    /// The value a parsed node holds (for writing a list anew with one item more or less).
    init(node: YAMLNode) {
        switch node.content {
        case .string(let s): self = .string(s)
        case .integer(let i): self = .integer(i)
        case .float(let d): self = .number(d)
        case .bool(let b): self = .bool(b)
        case .null: self = .string("")
        case .sequence(let items): self = .sequence(items.map(EditValue.init(node:)))
        case .mapping(let mapping): self = .mapping(mapping.entries.map { EditField($0.key, EditValue(node: $0.value)) })
        }
    }
}

/// One `key: value` of an ``EditValue/mapping(_:)``.
public struct EditField: Hashable, Sendable {
    public var key: String
    public var value: EditValue

    public init(_ key: String, _ value: EditValue) {
        self.key = key
        self.value = value
    }
}

/// Why an edit could not be made.
public struct FrontMatterEditError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}

/// Edits a document's front matter in place: only the characters of the values that change
/// are replaced, and new keys are inserted as whole lines with their siblings' indentation.
/// Comments, key order, quoting, blank lines, line ends, a byte-order mark and the body keep
/// every byte.
///
/// Each operation works on the current bytes and parses them again afterwards, so a series
/// of edits always sees the positions of the text as it now is.
public struct FrontMatterEditor: Sendable {
    /// The file's bytes as edited so far (with the byte-order mark, if the file had one).
    public var bytes: [UInt8] { (hasByteOrderMark ? TextChecks.byteOrderMark : []) + content }
    /// The front matter as it now reads.
    public private(set) var frontMatter: YAMLMapping

    private var content: [UInt8]
    private let hasByteOrderMark: Bool
    private let newline: [UInt8]
    private var spans: YAMLSpans
    private var lineStarts: [Int]
    private var yamlRange: Range<Int>
    private var yamlFirstLine: Int
    /// For a workspace.yaml-like file without fences.
    private let isBareYAML: Bool

    /// Reads `bytes`: a document with front matter, or (with `bareYAML`) a plain YAML file.
    public init(_ bytes: [UInt8], bareYAML: Bool = false) throws(FrontMatterEditError) {
        hasByteOrderMark = bytes.starts(with: TextChecks.byteOrderMark)
        content = hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes
        isBareYAML = bareYAML
        if let lf = content.firstIndex(of: 10), lf > 0, content[lf - 1] == 13 {
            newline = [13, 10]
        } else {
            newline = [10]
        }
        frontMatter = YAMLMapping()
        spans = YAMLSpans([], firstLine: 1)
        lineStarts = []
        yamlRange = 0..<0
        yamlFirstLine = 1
        try reload()
    }

    private mutating func reload() throws(FrontMatterEditError) {
        do {
            if isBareYAML {
                yamlRange = 0..<content.count
                yamlFirstLine = 1
            } else {
                let split = try FrontMatterSplit.split(content[...])
                yamlRange = split.yaml.startIndex..<split.yaml.endIndex
                yamlFirstLine = split.yamlFirstLine
            }
            let root = try YAMLParser().parse(content[yamlRange], firstLine: yamlFirstLine)
            switch root?.content {
            case .mapping(let m)?: frontMatter = m
            case .null?, nil: frontMatter = YAMLMapping()
            default: throw FrontMatterEditError("the front matter is not a mapping of fields")
            }
        } catch let error as YAMLError {
            throw FrontMatterEditError(error.message, at: error.location)
        } catch let error as FrontMatterEditError {
            throw error
        } catch {
            throw FrontMatterEditError("\(error)")
        }
        spans = YAMLSpans(content[yamlRange], firstLine: yamlFirstLine)
        lineStarts = [0]
        for (i, byte) in content.enumerated() where byte == 10 { lineStarts.append(i + 1) }
    }

    // MARK: Operations

    /// Sets the value at `path` (keys, or list positions as numbers): replaces an existing
    /// scalar's characters, or inserts the missing key after the sibling that precedes it in
    /// `order` (the kind's field order), with the siblings' indentation.
    public mutating func set(_ path: [String], to value: EditValue, order: [String] = []) throws(FrontMatterEditError) {
        guard let key = path.last else { throw FrontMatterEditError("no field named") }
        let parentPath = Array(path.dropLast())
        guard let parentNode = node(at: parentPath) else {
            // Create the missing parent with the value inside it.
            try set(parentPath, to: .mapping([EditField(key, value)]), order: order)
            return
        }
        guard case .mapping(let parent) = parentNode.content else {
            throw FrontMatterEditError("\(parentPath.joined(separator: ".")) is not a mapping of fields", at: parentNode.location)
        }
        guard let entry = parent.entry(key) else {
            try insert(EditField(key, value), into: parent, at: parentNode, order: order)
            return
        }
        switch (entry.value.content, value) {
        case (.mapping, .mapping(let fields)):
            for field in fields {
                try set(path + [field.key], to: field.value, order: fields.map(\.key))
            }
        case (.string, _) where value.isScalar, (.integer, _) where value.isScalar, (.float, _) where value.isScalar,
            (.bool, _) where value.isScalar:
            try replaceScalar(entry.value, with: value)
        case (.null, _) where value.isScalar && scalarLength(entry.value) > 0:
            try replaceScalar(entry.value, with: value)
        default:
            try replaceEntry(entry, in: parent, at: parentNode, with: value)
        }
    }

    /// Removes the key at `path` and its value (whole lines).
    public mutating func remove(_ path: [String]) throws(FrontMatterEditError) {
        guard let key = path.last, let parentNode = node(at: Array(path.dropLast())),
            case .mapping(let parent) = parentNode.content, let entry = parent.entry(key)
        else { return }
        guard !isSequenceItem(parentNode) || parent.entries.first?.key != key else {
            throw FrontMatterEditError("cannot remove the first field of a list item", at: entry.keyLocation)
        }
        let first = lineStarts[entry.keyLocation.line - 1]
        let last = lineEndIncludingBreak(lastLine(entry))
        content.replaceSubrange(first..<last, with: [])
        try reload()
    }

    /// Appends `item` to the list at `path` (creating the key when it is missing), with the
    /// indentation of the list's items. A list written in flow style on one line (`[a, b]`)
    /// stays so, with the item added inside the brackets; an item of a list whose items are
    /// flow mappings (`- {id: bu, title: …}`) is written the same way.
    public mutating func append(_ item: EditValue, to path: [String], order: [String] = []) throws(FrontMatterEditError) {
        try append(contentsOf: [item], to: path, order: order)
    }

    /// Appends `items`, in order, to the list at `path`, as ``append(_:to:order:)`` appends one
    /// each, with the same bytes; the document is read again once, not once per item (recording
    /// a year of Kolada values appends many measurements to one list).
    public mutating func append(contentsOf newItems: [EditValue], to path: [String], order: [String] = [])
        throws(FrontMatterEditError)
    {
        guard !newItems.isEmpty else { return }
        guard let list = node(at: path) else {
            try set(path, to: .sequence(newItems), order: order)
            return
        }
        guard case .sequence(let items) = list.content else {
            if case .null = list.content, let key = path.last, let parentNode = node(at: Array(path.dropLast())),
                case .mapping(let parent) = parentNode.content, let entry = parent.entry(key)
            {
                try replaceEntry(entry, in: parent, at: parentNode, with: .sequence(newItems))
                return
            }
            throw FrontMatterEditError("\(path.joined(separator: ".")) is not a list", at: list.location)
        }
        if spans.collections[list.location]?.isFlow == true {
            if items.isEmpty, let key = path.last, let parentNode = node(at: Array(path.dropLast())),
                case .mapping(let parent) = parentNode.content, let entry = parent.entry(key)
            {
                try replaceEmptyFlowList(list, of: entry, in: parent, at: parentNode, with: newItems[0])
                try append(contentsOf: Array(newItems.dropFirst()), to: path, order: order)
                return
            }
            try rewriteFlowList(list, path: path, items: items.map(EditValue.init(node:)) + newItems)
            return
        }
        guard let firstItem = items.first else { return }
        let dashIndent = leadingSpaces(ofLine: firstItem.location.line)
        let itemIndent = String(repeating: " ", count: max(firstItem.location.column - 1, dashIndent.count + 2))
        let flowItems = spans.collections[firstItem.location]?.isFlow == true
        var text: [UInt8] = []
        for item in newItems {
            if case .mapping = firstItem.content, flowItems, item.isFlowable {
                text += Array((dashIndent + "- " + item.yamlText).utf8) + newline
            } else {
                text += renderItem(item, dashIndent: dashIndent, itemIndent: itemIndent)
            }
        }
        let at = lineEndIncludingBreak(lastLine(list))
        content.insert(contentsOf: text, at: at)
        try reload()
    }

    /// Removes the item at `index` of the list at `path`: its whole lines in a block list, its
    /// text inside the brackets of a flow list. Removing the last item removes the key (an
    /// absent list and an empty one mean the same).
    public mutating func removeItem(at index: Int, of path: [String]) throws(FrontMatterEditError) {
        guard let list = node(at: path), case .sequence(let items) = list.content, items.indices.contains(index) else {
            throw FrontMatterEditError("\(path.joined(separator: ".")) has no item \(index + 1)")
        }
        if items.count == 1 {
            try remove(path)
            return
        }
        if spans.collections[list.location]?.isFlow == true {
            var values = items.map(EditValue.init(node:))
            values.remove(at: index)
            try rewriteFlowList(list, path: path, items: values)
            return
        }
        let item = items[index]
        var firstLine = item.location.line
        // An item whose value starts on the line after its dash (`-` alone on a line).
        if !content[lineStarts[firstLine - 1]..<offset(of: item.location)].contains(UInt8(ascii: "-")), firstLine > 1 {
            firstLine -= 1
        }
        content.replaceSubrange(lineStarts[firstLine - 1]..<lineEndIncludingBreak(lastLine(item)), with: [])
        try reload()
    }

    /// Writes `item` as the first item of a block list in place of an empty `[]`; a comment
    /// after the brackets stays on the key's line (`partners: # kommentar`).
    private mutating func replaceEmptyFlowList(
        _ list: YAMLNode, of entry: YAMLMapping.Entry, in parent: YAMLMapping, at parentNode: YAMLNode, with item: EditValue
    ) throws(FrontMatterEditError) {
        guard let span = spans.collections[list.location], span.end.line == list.location.line,
            list.location.line == entry.keyLocation.line, spans.collections[parentNode.location]?.isFlow != true
        else {
            try replaceEntry(entry, in: parent, at: parentNode, with: .sequence([item]))
            return
        }
        var start = offset(of: list.location)
        var stop = offset(of: span.end)
        var lineEnd = stop
        while lineEnd < content.count, content[lineEnd] != 10, content[lineEnd] != 13 { lineEnd += 1 }
        if content[stop..<lineEnd].allSatisfy({ $0 == 32 || $0 == 9 }) {
            // Nothing follows: `key: []` becomes `key:`.
            while start > 0, content[start - 1] == 32 || content[start - 1] == 9 { start -= 1 }
            stop = lineEnd
        } else {
            // A comment follows: `key: [] # c` becomes `key: # c`.
            while stop < lineEnd, content[stop] == 32 || content[stop] == 9 { stop += 1 }
        }
        let indent = String(repeating: " ", count: entry.keyLocation.column - 1)
        var text = renderItem(item, dashIndent: indent + "  ", itemIndent: indent + "    ")
        // Insert the items below the key's line first, then take out the brackets before them.
        let at = lineEndIncludingBreak(entry.keyLocation.line)
        if at == content.count, let last = content.last, last != 10 { text = newline + text }
        content.insert(contentsOf: text, at: at)
        content.replaceSubrange(start..<stop, with: [])
        try reload()
    }

    /// Writes a flow list (`[a, b]`) that stands on one line anew with `items`; a flow list
    /// spread over lines is refused rather than reflowed.
    private mutating func rewriteFlowList(_ list: YAMLNode, path: [String], items: [EditValue]) throws(FrontMatterEditError) {
        guard let span = spans.collections[list.location], span.end.line == list.location.line,
            items.allSatisfy(\.isFlowable)
        else {
            throw FrontMatterEditError(
                "\(path.joined(separator: ".")) is written as a [flow, list] over several lines; "
                    + "write it as a block list (one '- item' a line) to change it", at: list.location)
        }
        content.replaceSubrange(
            offset(of: list.location)..<offset(of: span.end),
            with: Array(ScalarText.render(.sequence(items), quote: 0).utf8))
        try reload()
    }

    // MARK: Positions

    /// The file lines (1-based, first and last) that the value at `path` stands on with its
    /// key: a field's key line to its value's last line, or a whole list item when `path` ends
    /// at a list position or at the first field of an item (`- key: value`). Nil when the
    /// path names nothing. The merge wraps these lines in conflict markers.
    func lineRange(of path: [String]) -> ClosedRange<Int>? {
        guard let last = path.last, let parentNode = node(at: Array(path.dropLast())) else { return nil }
        switch parentNode.content {
        case .sequence(let items):
            guard let index = Int(last), items.indices.contains(index) else { return nil }
            return itemLines(items[index])
        case .mapping(let parent):
            guard let entry = parent.entry(last) else { return nil }
            if parent.entries.first?.key == entry.key, isSequenceItem(parentNode) {
                return itemLines(parentNode)
            }
            return entry.keyLocation.line...lastLine(entry)
        default:
            return nil
        }
    }

    /// The lines of a block list's item, from its dash to its last value.
    private func itemLines(_ item: YAMLNode) -> ClosedRange<Int> {
        var firstLine = item.location.line
        if firstLine > 1, !content[lineStarts[firstLine - 1]..<offset(of: item.location)].contains(UInt8(ascii: "-")) {
            firstLine -= 1
        }
        return firstLine...max(firstLine, lastLine(item))
    }

    private func node(at path: [String]) -> YAMLNode? {
        YAMLNode(.mapping(frontMatter), at: SourceLocation(line: yamlFirstLine, column: 1)).node(at: path)
    }

    /// The byte offset of a line and column (columns count characters, as libyaml does).
    private func offset(of location: SourceLocation) -> Int {
        guard location.line - 1 < lineStarts.count else { return content.count }
        var index = lineStarts[location.line - 1]
        var column = 1
        while column < location.column, index < content.count, content[index] != 10 {
            index += 1
            while index < content.count, content[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }

    /// The offset just past the line break ending `line`.
    private func lineEndIncludingBreak(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] : content.count
    }

    private func leadingSpaces(ofLine line: Int) -> String {
        var index = lineStarts[line - 1]
        var count = 0
        while index < content.count, content[index] == 32 {
            index += 1
            count += 1
        }
        return String(repeating: " ", count: count)
    }

    private func scalarLength(_ node: YAMLNode) -> Int {
        guard let end = spans.scalarEnds[node.location] else { return 0 }
        return offset(of: end) - offset(of: node.location)
    }

    /// The last file line a value occupies.
    private func lastLine(_ node: YAMLNode) -> Int {
        switch node.content {
        case .sequence(let items):
            if let span = spans.collections[node.location], span.isFlow { return span.end.line }
            return items.map(lastLine).max() ?? node.location.line
        case .mapping(let mapping):
            if let span = spans.collections[node.location], span.isFlow { return span.end.line }
            return mapping.entries.map(lastLine).max() ?? node.location.line
        default:
            guard let end = spans.scalarEnds[node.location] else { return node.location.line }
            // A block scalar ends at the start of the line after its text.
            return end.column == 1 && end.line > node.location.line ? end.line - 1 : end.line
        }
    }

    private func lastLine(_ entry: YAMLMapping.Entry) -> Int {
        max(entry.keyLocation.line, lastLine(entry.value))
    }

    /// Whether a mapping is an item of a block list (`- key: value`): its first key follows a dash.
    private func isSequenceItem(_ mappingNode: YAMLNode) -> Bool {
        let start = lineStarts[mappingNode.location.line - 1]
        let keyStart = offset(of: mappingNode.location)
        return content[start..<keyStart].contains(UInt8(ascii: "-"))
    }

    // MARK: Changes

    private mutating func replaceScalar(_ node: YAMLNode, with value: EditValue) throws(FrontMatterEditError) {
        guard let end = spans.scalarEnds[node.location] else {
            throw FrontMatterEditError("cannot find where the value ends", at: node.location)
        }
        let start = offset(of: node.location)
        let stop = offset(of: end)
        let style = start < content.count ? content[start] : 0
        var text: [UInt8]
        switch style {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            // A block scalar becomes a one-line value; keep the line break it ended with.
            text = Array(ScalarText.render(value, quote: UInt8(ascii: "\"")).utf8)
            if end.column == 1 { text += newline }
        default:
            text = Array(ScalarText.render(value, quote: style).utf8)
        }
        content.replaceSubrange(start..<stop, with: text)
        try reload()
    }

    /// Replaces a whole `key: value` (all its lines) with the key and a new value.
    private mutating func replaceEntry(
        _ entry: YAMLMapping.Entry, in parent: YAMLMapping, at parentNode: YAMLNode, with value: EditValue
    ) throws(FrontMatterEditError) {
        let keyStart = offset(of: entry.keyLocation)
        let end = lineEndIncludingBreak(lastLine(entry))
        let indent = String(repeating: " ", count: entry.keyLocation.column - 1)
        var text = renderEntry(EditField(entry.key, value), indent: indent)
        // The first line keeps what stood before the key (indentation, or a list dash).
        text.removeFirst(indent.utf8.count)
        content.replaceSubrange(keyStart..<end, with: text)
        try reload()
    }

    private mutating func insert(
        _ field: EditField, into parent: YAMLMapping, at parentNode: YAMLNode, order: [String]
    ) throws(FrontMatterEditError) {
        guard let first = parent.entries.first else {
            // An empty top level: the new key opens it.
            guard parentNode.location.line == yamlFirstLine || isBareYAML else {
                throw FrontMatterEditError("cannot add a field to an empty {} mapping", at: parentNode.location)
            }
            content.insert(contentsOf: renderEntry(field, indent: ""), at: yamlRange.lowerBound)
            try reload()
            return
        }
        let indent = String(repeating: " ", count: first.keyLocation.column - 1)
        let rank = order.firstIndex(of: field.key)
        var after: YAMLMapping.Entry?
        if let rank {
            var best = -1
            for entry in parent.entries {
                if let r = order.firstIndex(of: entry.key), r < rank, r >= best {
                    best = r
                    after = entry
                }
            }
        } else {
            after = parent.entries.last
        }
        let at: Int
        if let after {
            at = lineEndIncludingBreak(lastLine(after))
        } else if isSequenceItem(parentNode) {
            at = lineEndIncludingBreak(lastLine(parent.entries[parent.entries.count - 1]))
        } else {
            at = lineStarts[first.keyLocation.line - 1]
        }
        var text = renderEntry(field, indent: indent)
        // The last line may lack a break (a bare YAML file); give the new line one.
        if at == content.count, let last = content.last, last != 10 { text = newline + text }
        content.insert(contentsOf: text, at: at)
        try reload()
    }

    // MARK: Rendering

    private func renderEntry(_ field: EditField, indent: String) -> [UInt8] {
        var out = Array((indent + ScalarText.key(field.key) + ":").utf8)
        switch field.value {
        case .mapping(let fields):
            out += newline
            for inner in fields { out += renderEntry(inner, indent: indent + "  ") }
        case .sequence(let items):
            out += newline
            for item in items { out += renderItem(item, dashIndent: indent + "  ", itemIndent: indent + "    ") }
        default:
            out += Array((" " + ScalarText.render(field.value, quote: 0)).utf8) + newline
        }
        return out
    }

    private func renderItem(_ item: EditValue, dashIndent: String, itemIndent: String) -> [UInt8] {
        switch item {
        case .mapping(let fields) where !fields.isEmpty:
            var out: [UInt8] = []
            for (i, field) in fields.enumerated() {
                var lines = renderEntry(field, indent: itemIndent)
                if i == 0 {
                    lines.removeFirst(itemIndent.utf8.count)
                    out += Array((dashIndent + "- ").utf8)
                }
                out += lines
            }
            return out
        default:
            return Array((dashIndent + "- " + ScalarText.render(item, quote: 0)).utf8) + newline
        }
    }
}

/// How scalars are written: plain when YAML reads the text back as the same string.
enum ScalarText {
    /// Renders a scalar; `quote` is the first byte of the value it replaces, so a value
    /// written in double or single quotes stays so.
    static func render(_ value: EditValue, quote: UInt8) -> String {
        switch value {
        case .string(let s):
            if quote == UInt8(ascii: "'") { return "'" + s.replacingAll("'", with: "''") + "'" }
            if quote == UInt8(ascii: "\"") || !isPlainSafe(s) { return doubleQuoted(s) }
            return s
        case .integer(let i): return String(i)
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .mapping(let fields):
            return "{" + fields.map { key($0.key) + ": " + inFlow($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let items):
            return "[" + items.map(inFlow).joined(separator: ", ") + "]"
        }
    }

    /// A value inside `[…]` or `{…}`, where a comma or bracket in plain text would end it.
    private static func inFlow(_ value: EditValue) -> String {
        if case .string(let s) = value, s.contains(where: { ",[]{}".contains($0) }) { return doubleQuoted(s) }
        return render(value, quote: 0)
    }

    static func key(_ key: String) -> String {
        isPlainSafe(key) ? key : doubleQuoted(key)
    }

    /// Whether `s` can be written without quotes and read back as the same string.
    static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if case .string = CoreSchema.resolvePlain(s) {} else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) && !(first == "-" && s.count > 1 && !s.hasPrefix("- ")) {
            return false
        }
        if first == " " || last == " " || last == ":" { return false }
        if s.contains(": ") || s.contains(" #") { return false }
        return !s.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\u{FEFF}" }
    }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }

    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
