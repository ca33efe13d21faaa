import JSONSchema

/// The compiled JSON Schemas that documents are validated against, one per kind.
///
/// The schemas shipped in `Schemas/` are built into the binary (see the EmbedSchemas
/// plugin), so plantrack validates anywhere. A workspace may carry its own `Schemas/`
/// (to define `x-` fields, say): a file there replaces the built-in file of the same name.
/// Format assertion is on, so `2021-02-30` fails `format: date`.
public struct DocumentSchemas: Sendable {
    /// Schemas by document kind.
    private let schemas: [DocumentKind: CompiledSchema]
    /// Which schema files came from the workspace, for messages.
    public let workspaceFiles: [String]
    /// Names the schemas' texts (built-in and the workspace's own), for cache keys.
    public let fingerprint: String
    /// The workspace's copies of built-in schemas that an earlier plantrack wrote
    /// (`Schemas/NAME`, in path order): `plantrack schemas update` replaces them.
    public let outdatedFiles: [String]

    /// The built-in schemas only.
    public static func builtIn() throws -> DocumentSchemas {
        try DocumentSchemas(overrides: [:], overrideBytes: [:])
    }

    /// The built-in schemas with the workspace's own `Schemas/*.json` from `snapshot` in
    /// their place; unreadable or malformed workspace schemas are reported as findings. A
    /// corrupted object is thrown instead (``HistoryError/corrupted(object:path:detail:)``).
    public static func load(from snapshot: some Snapshot) throws -> (schemas: DocumentSchemas?, findings: [Finding]) {
        var overrides: [String: JSONValue] = [:]
        var overrideBytes: [String: [UInt8]] = [:]
        var findings: [Finding] = []
        do {
            for entry in try snapshot.entries(under: DocumentLayout.schemasFolder)
            where entry.path.hasSuffix(".json") && !entry.path.dropFirst(DocumentLayout.schemasFolder.count + 1).contains("/") {
                do {
                    let bytes = try snapshot.contents(of: entry)
                    let name = String(entry.path.split(separator: "/").last ?? "")
                    overrides[name] = try JSONValue(parsing: bytes)
                    overrideBytes[name] = bytes
                } catch let error as JSONParseError {
                    findings.append(
                        Finding(
                            .error, rule: "schema.unreadable", path: entry.path,
                            location: SourceLocation(line: error.line, column: error.column),
                            message: "the schema is not valid JSON: \(error.message)"))
                } catch {
                    if let corrupted = HistoryError.corruption(in: error) { throw corrupted }
                    findings.append(Finding(.error, rule: "schema.unreadable", path: entry.path, message: "\(error)"))
                }
            }
        } catch {
            if let corrupted = HistoryError.corruption(in: error) { throw corrupted }
            findings.append(Finding(.error, rule: "schema.unreadable", path: DocumentLayout.schemasFolder, message: "\(error)"))
        }
        do {
            return (try DocumentSchemas(overrides: overrides, overrideBytes: overrideBytes), findings)
        } catch let error as SchemaError {
            findings.append(
                Finding(
                    .error, rule: "schema.unreadable", path: DocumentLayout.schemasFolder,
                    message: "the schemas do not compile: \(error.message)"))
        } catch {
            findings.append(Finding(.error, rule: "schema.unreadable", path: DocumentLayout.schemasFolder, message: "\(error)"))
        }
        return (nil, findings)
    }

    /// The base URI schemas are registered under when they declare no `$id`.
    static let baseURI = "https://plantrack.example/schemas/"

    private init(overrides: [String: JSONValue], overrideBytes: [String: [UInt8]]) throws {
        var files: [String: JSONValue] = [:]
        for (name, text) in EmbeddedSchemas.files {
            files[name] = try JSONValue(parsing: text)
        }
        for (name, value) in overrides { files[name] = value }
        var registry = SchemaRegistry()
        var uris: [String: String] = [:]
        for (name, document) in files.sorted(by: { $0.key < $1.key }) {
            let uri = Self.baseURI + name
            try registry.add(document, uri: uri)
            uris[name] = document["$id"]?.stringValue ?? uri
        }
        var compiled: [DocumentKind: CompiledSchema] = [:]
        let options = ValidationOptions(assertFormat: true)
        for kind in DocumentKind.allCases {
            let name = "\(kind.rawValue).schema.json"
            guard files[name] != nil else { continue }
            compiled[kind] = try registry.compile(uri: Self.baseURI + name, options: options)
        }
        schemas = compiled
        workspaceFiles = overrides.keys.sorted()
        outdatedFiles = overrideBytes.keys.sorted()
            .filter { SchemaReleases.standing(of: overrideBytes[$0] ?? [], name: $0) == .outdated }
            .map { "\(DocumentLayout.schemasFolder)/\($0)" }
        var digest = ContentDigest()
        for (name, text) in EmbeddedSchemas.files.sorted(by: { $0.0 < $1.0 }) where overrideBytes[name] == nil {
            digest.add(name)
            digest.add(text)
        }
        for (name, bytes) in overrideBytes.sorted(by: { $0.key < $1.key }) {
            digest.add("workspace " + name)
            digest.add(String(decoding: bytes, as: UTF8.self))
        }
        fingerprint = "s" + digest.hex
    }

    /// The schema for documents of `kind`, if there is one.
    public func schema(for kind: DocumentKind) -> CompiledSchema? {
        schemas[kind]
    }
}

extension DocumentSchemas {
    /// The built-in schema files (`plan.schema.json`, …) as shipped in `Schemas/`, by name,
    /// so a new workspace can carry them for editors.
    public static var builtInFiles: [(name: String, text: String)] {
        EmbeddedSchemas.files.map { ($0.name, $0.text) }
    }
}
