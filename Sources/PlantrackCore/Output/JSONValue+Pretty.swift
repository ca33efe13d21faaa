import JSONSchema

extension JSONValue {
    /// The value as indented JSON text (two spaces), keys in their order, ending without a
    /// newline. Non-ASCII text is written as is (UTF-8), so `å` stays `å`.
    public var prettyText: String {
        var out = ""
        writePretty(to: &out, indent: 0)
        return out
    }

    private func writePretty(to out: inout String, indent: Int) {
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.writePretty(to: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let object) where !object.isEmpty:
            out += "{\n"
            for (i, entry) in object.entries.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                JSONValue.string(entry.key).write(to: &out)
                out += ": "
                entry.value.writePretty(to: &out, indent: indent + 1)
                out += i == object.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        default:
            write(to: &out)
        }
    }
}
