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

    /// Every type with its name, in the order messages list them ("a string or null").
    static let all: [(String, JSONTypeSet)] = [
        ("boolean", .boolean), ("integer", .integer), ("number", .number), ("string", .string),
        ("array", .array), ("object", .object), ("null", .null),
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
