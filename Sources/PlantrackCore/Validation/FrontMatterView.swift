/// Where a rule's finding points: the location in the file and the JSON pointer.
///
/// The pointer is kept as the pointer of the mapping or list holding the value plus the
/// value's key or index, and joined only when a finding asks for it: the rules read
/// thousands of values per workspace and report on few of them.
struct RulePlace: Hashable, Sendable {
    var location: SourceLocation
    private var base: String
    private var last: Last?

    private enum Last: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// A place with its whole pointer.
    init(location: SourceLocation, pointer: String) {
        self.location = location
        base = pointer
    }

    /// The place of `key`'s value in the mapping at `base`.
    init(location: SourceLocation, in base: String, key: String) {
        self.location = location
        self.base = base
        last = .key(key)
    }

    /// The place of element `index` of the list at `base`.
    init(location: SourceLocation, in base: String, index: Int) {
        self.location = location
        self.base = base
        last = .index(index)
    }

    /// The JSON pointer (RFC 6901).
    var pointer: String {
        switch last {
        case nil: base
        case .key(let key): base + "/" + JSONPointer.escape(key)
        case .index(let index): base + "/" + String(index)
        }
    }

    static func == (a: RulePlace, b: RulePlace) -> Bool { a.location == b.location && a.pointer == b.pointer }

    func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(pointer)
    }
}

/// A value read from the front matter together with where it stands.
struct Located<Value: Sendable>: Sendable {
    var value: Value
    var place: RulePlace
}

/// Lenient, located access to a front-matter mapping (or to a mapping nested in it).
///
/// Rules run on documents the schemas may reject, so every accessor answers nil for a value
/// of the wrong type: a wrong type is the schema's finding, and a rule that cannot judge a
/// value stays silent. Unlike the typed model, nothing here throws when another field is
/// missing, so one broken field never hides the rest of a document from the rules.
struct FrontMatterView {
    let mapping: YAMLMapping
    /// The JSON pointer of this mapping ("" for the front matter itself).
    let pointer: String

    init(_ mapping: YAMLMapping, pointer: String = "") {
        self.mapping = mapping
        self.pointer = pointer
    }

    /// The pointer of `key` inside this mapping.
    func pointer(_ key: String) -> String { pointer + "/" + JSONPointer.escape(key) }

    /// The value of `key`, treating an explicit null (`key:` with nothing after it) as
    /// absent: that is how people leave a field empty in YAML.
    func node(_ key: String) -> YAMLNode? {
        guard let node = mapping[key] else { return nil }
        if case .null = node.content { return nil }
        return node
    }

    /// Whether `key` is present with a value other than null.
    func has(_ key: String) -> Bool { node(key) != nil }

    /// Where the key itself stands: findings about a field that should not be there point here.
    func keyPlace(_ key: String) -> RulePlace? {
        mapping.entry(key).map { RulePlace(location: $0.keyLocation, in: pointer, key: $0.key) }
    }

    /// Where the value of `key` stands.
    func valuePlace(_ key: String) -> RulePlace? {
        mapping[key].map { RulePlace(location: $0.location, in: pointer, key: key) }
    }

    func string(_ key: String) -> Located<String>? {
        guard let node = mapping[key], let value = node.string else { return nil }
        return Located(value: value, place: RulePlace(location: node.location, in: pointer, key: key))
    }

    func int(_ key: String) -> Located<Int>? {
        guard let node = mapping[key], let value = node.integer else { return nil }
        return Located(value: value, place: RulePlace(location: node.location, in: pointer, key: key))
    }

    func number(_ key: String) -> Located<Double>? {
        guard let node = mapping[key], let value = node.number, value.isFinite else { return nil }
        return Located(value: value, place: RulePlace(location: node.location, in: pointer, key: key))
    }

    /// A `YYYY-MM-DD` date; nil for anything else, including dates that do not exist (the
    /// schemas' `format: date` reports those).
    func date(_ key: String) -> Located<CalendarDate>? {
        guard let text = string(key), let date = CalendarDate(text.value) else { return nil }
        return Located(value: date, place: text.place)
    }

    func bool(_ key: String) -> Bool? { mapping[key]?.bool }

    /// A value of one of the model's string enums (`status`, `term`).
    func enumValue<E: RawRepresentable<String>>(_ key: String, _: E.Type = E.self) -> Located<E>? {
        guard let text = string(key), let value = E(rawValue: text.value) else { return nil }
        return Located(value: value, place: text.place)
    }

    /// The elements of a list; nil when the field is absent, null or not a list.
    func list(_ key: String) -> [YAMLNode]? { node(key)?.sequence }

    /// The text elements of a list, each with its place (`/goals/2`). Elements of another
    /// type are skipped; an absent field or one that is not a list gives no elements.
    func strings(_ key: String) -> [Located<String>] {
        guard let elements = list(key) else { return [] }
        let base = pointer(key)
        return elements.enumerated().compactMap { index, node in
            node.string.map { Located(value: $0, place: RulePlace(location: node.location, in: base, index: index)) }
        }
    }

    /// The mapping elements of a list (`areas`, `funding`), each viewed with its own pointer
    /// and located where the element starts. Elements that are not mappings are skipped.
    func records(_ key: String) -> [Located<FrontMatterView>] {
        guard let elements = list(key) else { return [] }
        let base = pointer(key)
        return elements.enumerated().compactMap { index, node in
            guard let mapping = node.mapping else { return nil }
            let at = "\(base)/\(index)"
            return Located(value: FrontMatterView(mapping, pointer: at), place: RulePlace(location: node.location, pointer: at))
        }
    }

    /// A nested mapping (`period`, `adopted`).
    func record(_ key: String) -> FrontMatterView? {
        node(key)?.mapping.map { FrontMatterView($0, pointer: pointer(key)) }
    }
}

/// JSON pointers (RFC 6901) into the front matter.
enum JSONPointer {
    /// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1`.
    static func escape(_ token: String) -> String {
        // Byte search: Foundation's String.contains(_:) goes through NSString and showed up
        // as a tenth of the rules' time on a national workspace.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var result = ""
        for character in token {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}
