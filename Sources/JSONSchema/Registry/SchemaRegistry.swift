/// The schema documents a validator may use, by URI. References resolve only against it:
/// nothing is ever fetched from the network.
///
/// A registry is a value: add documents, then compile any of them (or any subschema, by a
/// URI with a fragment) into a ``CompiledSchema``. The draft 2020-12 meta-schemas are
/// included unless you opt out, so `$schema` and `$ref`s to them resolve.
///
/// ```swift
/// var registry = SchemaRegistry()
/// try registry.add(json: Array(schemaText.utf8), uri: "https://plantrack.example/plan.json")
/// let schema = try registry.compile(uri: "https://plantrack.example/plan.json")
/// let errors = schema.validate(document)
/// ```
public struct SchemaRegistry: Sendable {
    private var documents: [String: JSONValue] = [:]
    // A document registered under one URI and declaring another as its root `$id` answers to both.
    private var aliases: [String: String] = [:]

    /// The URI of the draft 2020-12 meta-schema, which registries include by default.
    public static let draft202012MetaSchemaURI = MetaSchemas.draft202012

    /// A registry holding the draft 2020-12 meta-schema and its vocabulary meta-schemas
    /// (`https://json-schema.org/draft/2020-12/schema`, `.../meta/core`, ...) unless
    /// `includingMetaSchemas` is false.
    public init(includingMetaSchemas: Bool = true) {
        guard includingMetaSchemas else { return }
        for (uri, value) in MetaSchemas.parsed {
            documents[uri] = value
        }
    }

    /// Adds a schema document under `uri`, which must be absolute and have no fragment.
    ///
    /// If the document's root declares a different absolute `$id`, it is also found under
    /// that. Adding a URI again replaces the earlier document.
    /// - Throws: ``SchemaError`` when the URI is relative or has a fragment.
    public mutating func add(_ document: JSONValue, uri: String) throws(SchemaError) {
        let reference = URIReference(uri)
        guard reference.isAbsolute, (reference.fragment ?? "").isEmpty else {
            throw SchemaError("a schema document needs an absolute URI without a fragment, not \"\(uri)\"")
        }
        let key = reference.withoutFragment.description
        documents[key] = document
        if case .string(let id)? = document["$id"] {
            let declared = reference.resolving(URIReference(id)).withoutFragment.description
            if declared != key { aliases[declared] = key }
        }
    }

    /// Parses JSON text and adds it under `uri` (see ``add(_:uri:)``).
    /// - Throws: ``JSONParseError`` for malformed JSON, ``SchemaError`` for a bad URI.
    public mutating func add(json: [UInt8], uri: String) throws {
        try add(JSONValue(parsing: json), uri: uri)
    }

    /// The URIs of all registered documents, sorted.
    public var uris: [String] { documents.keys.sorted() }

    /// The document registered under `uri` (or declaring it as its root `$id`), if any.
    public func document(for uri: String) -> JSONValue? {
        guard let key = documentKey(for: URIReference(uri).withoutFragment.description) else { return nil }
        return documents[key]
    }

    /// Compiles the schema at `uri` — a registered document, or a subschema of one addressed
    /// by a JSON pointer (`...#/$defs/action`) or anchor fragment — with everything it
    /// references.
    ///
    /// Compile once and reuse the result: it is immutable and safe to share across threads.
    /// - Throws: ``SchemaError`` when a document is not a schema, a keyword is malformed, a
    ///   regular expression is invalid, or a reference cannot be resolved in this registry.
    public func compile(uri: String, options: ValidationOptions = ValidationOptions()) throws(SchemaError) -> CompiledSchema {
        try SchemaCompiler(registry: self, options: options).compile(uri: uri)
    }

    /// Compiles a standalone schema value, registered for the occasion under `uri`.
    /// - Throws: ``SchemaError`` as ``compile(uri:options:)`` does.
    public func compile(
        _ schema: JSONValue, uri: String = "urn:plantrack:jsonschema:anonymous",
        options: ValidationOptions = ValidationOptions()
    ) throws(SchemaError) -> CompiledSchema {
        var registry = self
        try registry.add(schema, uri: uri)
        return try registry.compile(uri: uri, options: options)
    }

    // MARK: - For the compiler

    func documentKey(for uri: String) -> String? {
        if documents[uri] != nil { return uri }
        if let key = aliases[uri], documents[key] != nil { return key }
        return nil
    }

    func document(forKey key: String) -> JSONValue? {
        documents[key]
    }

    var documentKeys: [String] { documents.keys.sorted() }
}
