/// One compiled keyword of a schema. Subschemas are indices into the compiled node table,
/// so reference cycles are just cycles of integers. Payloads are plain values or unretained
/// references (see SharedStorage.swift), so copying a keyword never touches a reference count.
enum Keyword: Sendable {
    // Any instance type.
    case type(JSONTypeSet)
    case enumeration(SharedList<JSONValue>)
    case const(SharedList<JSONValue>)

    // Numbers.
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case multipleOf(JSONNumber)

    // Strings.
    case minLength(Int)
    case maxLength(Int)
    case pattern(SharedPattern)
    case format(FormatKind)

    // Arrays.
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case items(prefix: SharedList<Int>, rest: Int?)
    case contains(Int, min: Int, max: Int?)

    // Objects.
    case minProperties(Int)
    case maxProperties(Int)
    case required(SharedList<String>)
    case dependentRequired(SharedList<(String, [String])>)
    case properties(Unretained<PropertyApplicator>)
    case propertyNames(Int)

    // In place: applied to the same instance location.
    case ref(Int)
    case dynamicRef(Int, anchor: SharedList<String>)
    case allOf(SharedList<Int>)
    case anyOf(SharedList<Int>)
    case oneOf(SharedList<Int>)
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas(SharedList<(String, Int)>)
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema, applied in a
/// single pass over the instance's members because the last depends on the first two.
final class PropertyApplicator: Sendable {
    /// Name → (subschema node, position in `names`).
    let properties: [String: (node: Int, order: Int)]
    /// Declared names in schema order, for "did you mean" suggestions.
    let names: [String]
    /// Subschema nodes parallel to `names`.
    let nodes: [Int]
    let patterns: [(SharedPattern, Int)]
    let additional: Int?

    init(names: [String], nodes: [Int], patterns: [(SharedPattern, Int)], additional: Int?) {
        var properties: [String: (node: Int, order: Int)] = [:]
        for (order, name) in names.enumerated() {
            properties[name] = (nodes[order], order)
        }
        self.properties = properties
        self.names = names
        self.nodes = nodes
        self.patterns = patterns
        self.additional = additional
    }
}

/// The set of JSON Schema type names a `type` keyword allows.
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = JSONTypeSet(rawValue: 1)
    static let boolean = JSONTypeSet(rawValue: 2)
    static let integer = JSONTypeSet(rawValue: 4)
    static let number = JSONTypeSet(rawValue: 8)
    static let string = JSONTypeSet(rawValue: 16)
    static let array = JSONTypeSet(rawValue: 32)
    static let object = JSONTypeSet(rawValue: 64)

    static let all: [(String, JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let entry = Self.all.first(where: { $0.0 == name }) else { return nil }
        self = entry.1
    }

    /// Names in a fixed order; "integer" is dropped when "number" already covers it.
    var names: [String] {
        Self.all.compactMap { name, type in
            guard contains(type) else { return nil }
            if type == .integer && contains(.number) { return nil }
            return name
        }
    }

    func matches(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .number(let n): return contains(.number) || (contains(.integer) && n.isInteger)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        }
    }
}
