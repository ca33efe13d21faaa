/// Why a document could not be read as a county, plan, goal or activity.
///
/// `validate` reports such problems with their place through the schemas; the model only
/// needs to refuse documents it cannot represent.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document's path.
    public var path: String
    /// What is missing or wrong.
    public var message: String

    public var description: String { "\(path): \(message)" }
}

/// Typed access to a front-matter mapping, lenient by design: a field of the wrong type
/// reads as absent (the schemas report it), a missing required field throws.
struct Fields {
    let mapping: YAMLMapping
    let path: String

    init(_ mapping: YAMLMapping, path: String) {
        self.mapping = mapping
        self.path = path
    }

    func string(_ key: String) -> String? { mapping[key]?.string }

    func required(_ key: String) throws(ModelError) -> String {
        guard let value = mapping[key]?.string else {
            throw ModelError(path: path, message: "missing or non-text field \"\(key)\"")
        }
        return value
    }

    func requiredInt(_ key: String) throws(ModelError) -> Int {
        guard let value = mapping[key]?.integer else {
            throw ModelError(path: path, message: "missing or non-integer field \"\(key)\"")
        }
        return value
    }

    func requiredEnum<E: RawRepresentable<String>>(_ key: String, _: E.Type = E.self) throws(ModelError) -> E {
        guard let raw = mapping[key]?.string, let value = E(rawValue: raw) else {
            throw ModelError(path: path, message: "missing or unknown \"\(key)\"")
        }
        return value
    }

    func enumValue<E: RawRepresentable<String>>(_ key: String, _: E.Type = E.self) -> E? {
        mapping[key]?.string.flatMap(E.init(rawValue:))
    }

    func int(_ key: String) -> Int? { mapping[key]?.integer }
    func number(_ key: String) -> Double? { mapping[key]?.number }
    func bool(_ key: String) -> Bool? { mapping[key]?.bool }
    func date(_ key: String) -> CalendarDate? { mapping[key]?.string.flatMap(CalendarDate.init) }
    func reference(_ key: String) -> ItemReference? { mapping[key]?.string.flatMap(ItemReference.init) }

    func strings(_ key: String) -> [String] {
        mapping[key]?.sequence?.compactMap(\.string) ?? []
    }

    func records(_ key: String) -> [Fields] {
        mapping[key]?.sequence?.compactMap { $0.mapping.map { Fields($0, path: path) } } ?? []
    }

    func record(_ key: String) -> Fields? {
        mapping[key]?.mapping.map { Fields($0, path: path) }
    }

    /// The county's own extension fields (`x-…`), by key.
    var extensions: [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        for entry in mapping.entries where entry.key.hasPrefix("x-") { result[entry.key] = entry.value }
        return result
    }
}
