/// A value read from a document's YAML front matter, with where it stands in the file.
///
/// Scalars carry their YAML 1.2 core-schema meaning: `2021-03-15`, `no` and `on` are
/// strings; only `true`/`false` are booleans.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        case null
        case bool(Bool)
        case integer(Int)
        case float(Double)
        case string(String)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
    }

    /// The value.
    public var content: Content
    /// Where the value starts in the file (for a collection, its first character).
    public var location: SourceLocation

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The string, when the node is a string.
    public var string: String? {
        if case .string(let s) = content { return s }
        return nil
    }

    /// The whole number, when the node is an integer or a float with no fractional part
    /// (`1e6`, `50.0`): JSON Schema's `"integer"` accepts those, so the figures must read
    /// them too rather than count a validated budget as nothing.
    public var integer: Int? {
        switch content {
        case .integer(let i): return i
        case .float(let d): return Int(exactly: d)
        default: return nil
        }
    }

    /// The number, when the node is an integer or a float.
    public var number: Double? {
        switch content {
        case .integer(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    /// The boolean, when the node is `true` or `false`.
    public var bool: Bool? {
        if case .bool(let b) = content { return b }
        return nil
    }

    /// The elements, when the node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let s) = content { return s }
        return nil
    }

    /// The entries, when the node is a mapping.
    public var mapping: YAMLMapping? {
        if case .mapping(let m) = content { return m }
        return nil
    }

    /// A short name of the value's type for messages: "a string", "a list".
    public var typeDescription: String {
        switch content {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "a whole number"
        case .float: return "a number"
        case .string: return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// Finds the node at a JSON pointer's tokens (`["areas", "2", "title"]`).
    public func node(at tokens: some Sequence<String>) -> YAMLNode? {
        var current = self
        for token in tokens {
            switch current.content {
            case .mapping(let m):
                guard let next = m[token] else { return nil }
                current = next
            case .sequence(let s):
                guard let i = Int(token), s.indices.contains(i) else { return nil }
                current = s[i]
            default:
                return nil
            }
        }
        return current
    }
}

/// A YAML mapping with its keys in file order and the location of every key.
public struct YAMLMapping: Sendable, Hashable {
    /// One `key: value` pair.
    public struct Entry: Sendable, Hashable {
        /// The key's text.
        public var key: String
        /// Where the key stands.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: YAMLNode

        /// Creates an entry.
        public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// The entries, in file order. Keys are unique (the parser refuses duplicates).
    public var entries: [Entry]

    /// Creates a mapping from entries with unique keys.
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// The value for `key`, if present. Front matters are small, so a linear scan is
    /// faster than hashing.
    public subscript(key: String) -> YAMLNode? {
        for entry in entries where Self.same(entry.key, key) { return entry.value }
        return nil
    }

    /// The entry for `key`, if present.
    public func entry(_ key: String) -> Entry? {
        entries.first { Self.same($0.key, key) }
    }

    /// Whether two keys are equal, lengths first: most keys a scan passes differ in length,
    /// and the length is at hand where a full comparison of two different strings is a call
    /// into the runtime (it showed in profiles of `validate`).
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }
}
