/// Wording shared by error messages: type names with articles and short value previews.
enum Describe {
    /// "a string", "an integer", "null"...
    static func typeName(_ name: String) -> String {
        switch name {
        case "null": return "null"
        case "integer", "object", "array": return "an \(name)"
        default: return "a \(name)"
        }
    }

    /// "a string or null", "a string, a number or null".
    static func typeList(_ names: [String]) -> String {
        let described = names.map(typeName)
        guard described.count > 1 else { return described.first ?? "nothing" }
        return described.dropLast().joined(separator: ", ") + " or " + described[described.count - 1]
    }

    /// What was found, e.g. `a number (42)`, `a string ("abc")`, `an object`, `null`.
    static func found(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .number(let n): return "a number (\(n))"
        case .string: return "a string (\(preview(value)))"
        case .array(let a): return a.isEmpty ? "an empty array" : "an array"
        case .object(let o): return o.isEmpty ? "an empty object" : "an object"
        }
    }

    /// Compact JSON, cut to a readable length.
    static func preview(_ value: JSONValue, limit: Int = 60) -> String {
        let text = value.description
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    /// An allowed value as listed in a message: strings bare, everything else as JSON.
    static func listed(_ value: JSONValue) -> String {
        if case .string(let s) = value, !s.isEmpty, !s.utf8.contains(UInt8(ascii: ",")), s.trimmingSpaces == s {
            return s
        }
        return preview(value)
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? "\(count) \(singular)" : "\(count) \(plural ?? singular + "s")"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
