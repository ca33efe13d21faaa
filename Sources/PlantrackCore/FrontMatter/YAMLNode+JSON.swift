import JSONSchema

extension YAMLNode {
    /// The node as a JSON value, as JSON Schema sees front matter.
    ///
    /// Infinity and NaN have no JSON form; they become strings (`".inf"`), which the schemas
    /// then refuse where a number is expected.
    public var json: JSONValue {
        switch content {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let i): return .number(.integer(Int64(i)))
        case .float(let d):
            guard d.isFinite else { return .string(d.isNaN ? ".nan" : (d > 0 ? ".inf" : "-.inf")) }
            return .number(.double(d))
        case .string(let s): return .string(s)
        case .sequence(let items): return .array(items.map(\.json))
        case .mapping(let mapping): return mapping.json
        }
    }
}

extension YAMLMapping {
    /// The mapping as a JSON object, keys in file order.
    public var json: JSONValue {
        // The parser refused duplicate keys, so the object need not look any key up.
        .object(JSONObject(uniqueEntries: entries.map { (key: $0.key, value: $0.value.json) }))
    }
}
