/// A JSON object that keeps its members in document order.
///
/// Order matters to people reading error reports and to round-tripping files; lookup stays
/// fast because larger objects carry a key index. Equality and hashing ignore order, as JSON
/// Schema's `const`, `enum` and `uniqueItems` require.
public struct JSONObject: Sendable {
    /// One member of an object.
    public typealias Entry = (key: String, value: JSONValue)

    private var storage: [Entry]
    // Only objects beyond a handful of keys get an index: a linear scan of short keys beats hashing.
    private var index: [String: Int]?

    static let indexThreshold = 12

    /// An empty object.
    public init() {
        storage = []
        index = nil
    }

    /// An object with these members in this order; a repeated key keeps its first position
    /// and its last value.
    public init<S: Sequence>(_ entries: S) where S.Element == (String, JSONValue) {
        storage = []
        index = nil
        for (key, value) in entries {
            self[key] = value
        }
    }

    /// An object with these members in this order, whose keys the caller knows to be
    /// distinct (say, a YAML mapping whose parser refuses duplicate keys): building it looks
    /// no key up, where ``init(_:)`` searches the members so far for each new one.
    public init(uniqueEntries: [Entry]) {
        self.init(uniqueEntries: uniqueEntries, index: nil)
    }

    /// Builds an object from members already known to have distinct keys (the parser
    /// checks), with the key index when the parser already built one.
    init(uniqueEntries: [Entry], index: [String: Int]?) {
        storage = uniqueEntries
        self.index = nil
        if storage.count > Self.indexThreshold {
            if let index, index.count == storage.count {
                self.index = index
            } else {
                rebuildIndex()
            }
        }
    }

    private mutating func rebuildIndex() {
        var map = [String: Int](minimumCapacity: storage.count)
        for (i, entry) in storage.enumerated() {
            map[entry.key] = i
        }
        index = map
    }

    /// The number of members.
    public var count: Int { storage.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { storage.isEmpty }

    /// The members in document order.
    public var entries: [Entry] { storage }

    /// The keys in document order.
    public var keys: [String] { storage.map(\.key) }

    /// The position of `key` among the members, or nil when absent.
    public func position(of key: String) -> Int? {
        if let index {
            return index[key]
        }
        for i in storage.indices where storage[i].key == key {
            return i
        }
        return nil
    }

    /// The value stored under `key`; setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return storage[i].value
        }
        set {
            if let i = position(of: key) {
                if let newValue {
                    storage[i].value = newValue
                } else {
                    storage.remove(at: i)
                    if index != nil { rebuildIndex() }
                }
            } else if let newValue {
                storage.append((key, newValue))
                if index != nil {
                    index?[key] = storage.count - 1
                } else if storage.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// Whether the object has a member named `key`.
    public func contains(key: String) -> Bool {
        position(of: key) != nil
    }
}

/// Members are visited in document order, as `(key, value)` pairs.
extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(position: Int) -> Entry { storage[position] }
}

/// Equal when both have the same keys with equal values, in any order.
extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for entry in lhs.storage {
            guard let other = rhs[entry.key], other == entry.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Combine member hashes commutatively so that key order does not matter.
        var combined = 0
        for entry in storage {
            var h = Hasher()
            h.combine(entry.key)
            h.combine(entry.value)
            combined ^= h.finalize()
        }
        hasher.combine(storage.count)
        hasher.combine(combined)
    }
}

/// A literal keeps the order it is written in.
extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
