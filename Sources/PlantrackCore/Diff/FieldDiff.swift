import JSONSchema

/// One front-matter value that differs between two versions of a document.
public struct FieldChange: Hashable, Sendable {
    /// Whether the value appeared, disappeared or changed.
    public enum Kind: String, Hashable, Sendable {
        case added, removed, changed
    }

    /// The field path: `status`, `tasks[Ta fram stödmaterial].done`,
    /// `indicators[bu-i1].measurements[2021-06-30].value`; `partners[]` for an element of a
    /// plain list.
    public var field: String
    /// The old value; nil when the field (or list element) is new.
    public var old: JSONValue?
    /// The new value; nil when the field (or list element) was removed.
    public var new: JSONValue?

    /// Creates a change.
    public init(field: String, old: JSONValue?, new: JSONValue?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// Whether the value appeared, disappeared or changed.
    public var kind: Kind {
        if old == nil { return .added }
        if new == nil { return .removed }
        return .changed
    }
}

/// Compares front matters field by field.
///
/// Lists of records are matched by their key, not by position, so reordering a plan's
/// areas is no change and a task's `done` flag is reported under the task's title.
public enum FieldDiff {
    /// The key fields of the record lists the plan format knows, by list name.
    public static let recordKeys: [String: [String]] = [
        "areas": ["id"],
        "indicators": ["id"],
        "measurements": ["date"],
        "tasks": ["title"],
        "funding": ["stream"],
        "followups": ["date", "note"],
        "contacts": ["name"],
        "steering_group": ["name"],
    ]

    /// The changes from `old` to `new`, in the new document's field order (removed fields
    /// where they stood in the old one).
    public static func compare(_ old: YAMLMapping, _ new: YAMLMapping) -> [FieldChange] {
        var result: [FieldChange] = []
        compareMappings(old, new, prefix: "", into: &result)
        return result
    }

    private static func compareMappings(_ old: YAMLMapping, _ new: YAMLMapping, prefix: String, into result: inout [FieldChange]) {
        var keys = new.keys
        for (index, key) in old.keys.enumerated() where new[key] == nil {
            // Keep a removed field near its old neighbours.
            let position = min(index, keys.count)
            keys.insert(key, at: position)
        }
        for key in keys {
            compare(old[key], new[key], path: prefix.isEmpty ? key : "\(prefix).\(key)", name: key, into: &result)
        }
    }

    private static func compare(_ old: YAMLNode?, _ new: YAMLNode?, path: String, name: String, into result: inout [FieldChange]) {
        switch (old, new) {
        case (nil, nil):
            return
        case (let a?, nil):
            result.append(FieldChange(field: path, old: a.json, new: nil))
        case (nil, let b?):
            result.append(FieldChange(field: path, old: nil, new: b.json))
        case (let a?, let b?):
            if sameValue(a, b) { return }
            switch (a.content, b.content) {
            case (.mapping(let x), .mapping(let y)):
                compareMappings(x, y, prefix: path, into: &result)
            case (.sequence(let x), .sequence(let y)):
                compareSequences(x, y, path: path, name: name, into: &result)
            default:
                result.append(FieldChange(field: path, old: a.json, new: b.json))
            }
        }
    }

    private static func compareSequences(_ old: [YAMLNode], _ new: [YAMLNode], path: String, name: String, into result: inout [FieldChange])
    {
        if let keyFields = recordKeys[name], let oldKeyed = keyed(old, keyFields), let newKeyed = keyed(new, keyFields) {
            let newKeys = Set(newKeyed.map(\.key))
            let oldByKey = Dictionary(oldKeyed.map { ($0.key, $0.node) }, uniquingKeysWith: { first, _ in first })
            for (key, node) in oldKeyed where !newKeys.contains(key) {
                result.append(FieldChange(field: "\(path)[\(key)]", old: node.json, new: nil))
            }
            for (key, node) in newKeyed {
                if let before = oldByKey[key] {
                    compare(before, node, path: "\(path)[\(key)]", name: name, into: &result)
                } else {
                    result.append(FieldChange(field: "\(path)[\(key)]", old: nil, new: node.json))
                }
            }
            return
        }
        let scalars = (old + new).allSatisfy { node in
            switch node.content {
            case .mapping, .sequence: return false
            default: return true
            }
        }
        if scalars {
            // A plain list: elements added and removed, order ignored.
            for node in old where !new.contains(where: { sameValue($0, node) }) {
                result.append(FieldChange(field: "\(path)[]", old: node.json, new: nil))
            }
            for node in new where !old.contains(where: { sameValue($0, node) }) {
                result.append(FieldChange(field: "\(path)[]", old: nil, new: node.json))
            }
            return
        }
        // Records without a known key: by position.
        for index in 0..<max(old.count, new.count) {
            compare(
                index < old.count ? old[index] : nil, index < new.count ? new[index] : nil,
                path: "\(path)[\(index)]", name: name, into: &result)
        }
    }

    /// The elements with their key text (`title`, or `date note` for follow-ups); nil when an
    /// element is not a record with the key fields. Repeated keys get `#2`, `#3`. The merge
    /// (``DocumentMerge``) matches records by the same keys.
    static func keyed(_ nodes: [YAMLNode], _ fields: [String]) -> [(key: String, node: YAMLNode)]? {
        var result: [(key: String, node: YAMLNode)] = []
        var seen: [String: Int] = [:]
        for node in nodes {
            guard let mapping = node.mapping else { return nil }
            var parts: [String] = []
            for field in fields {
                guard let value = mapping[field], let text = scalarText(value) else { return nil }
                parts.append(text)
            }
            var key = parts.joined(separator: " ")
            let count = (seen[key] ?? 0) + 1
            seen[key] = count
            if count > 1 { key += "#\(count)" }
            result.append((key, node))
        }
        return result
    }

    /// The text of a scalar as it would be written; nil for collections and null.
    public static func scalarText(_ node: YAMLNode) -> String? {
        switch node.content {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .float(let d): return String(d)
        case .bool(let b): return String(b)
        case .null, .sequence, .mapping: return nil
        }
    }

    /// Whether two nodes hold the same value, wherever they stand in their files.
    public static func sameValue(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a.content, b.content) {
        case (.mapping(let x), .mapping(let y)):
            guard x.entries.count == y.entries.count else { return false }
            return x.entries.allSatisfy { entry in y[entry.key].map { sameValue(entry.value, $0) } ?? false }
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
        case (.integer(let i), .float(let d)), (.float(let d), .integer(let i)):
            return Double(i) == d
        default:
            return a.content == b.content
        }
    }

    /// The front matter as one `field: value` line per scalar, with the same field paths as
    /// ``compare(_:_:)``: the canonical text `plantrack diff --textconv` gives git.
    public static func flatten(_ mapping: YAMLMapping) -> [String] {
        var lines: [String] = []
        flatten(mapping, prefix: "", into: &lines)
        return lines
    }

    private static func flatten(_ mapping: YAMLMapping, prefix: String, into lines: inout [String]) {
        for entry in mapping.entries {
            flatten(entry.value, path: prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)", name: entry.key, into: &lines)
        }
    }

    private static func flatten(_ node: YAMLNode, path: String, name: String, into lines: inout [String]) {
        switch node.content {
        case .mapping(let m):
            if m.entries.isEmpty { lines.append("\(path): {}") }
            flatten(m, prefix: path, into: &lines)
        case .sequence(let items):
            if items.isEmpty { lines.append("\(path): []") }
            if let fields = recordKeys[name], let elements = keyed(items, fields) {
                for (key, element) in elements { flatten(element, path: "\(path)[\(key)]", name: name, into: &lines) }
            } else if items.allSatisfy({ scalarText($0) != nil || $0.content == .null }) {
                for item in items { lines.append("\(path)[]: \(item.json.description)") }
            } else {
                for (index, item) in items.enumerated() { flatten(item, path: "\(path)[\(index)]", name: name, into: &lines) }
            }
        default:
            lines.append("\(path): \(node.json.description)")
        }
    }
}
