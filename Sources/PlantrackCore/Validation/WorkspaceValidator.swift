import JSONSchema

/// What `validate` found in a workspace.
public struct ValidationReport: Sendable {
    /// How many documents were looked at (read or not).
    public var documentCount: Int
    /// Every finding, in file order, with the workspace's severity overrides applied.
    public var findings: [Finding]

    /// The number of findings of a severity.
    public func count(_ severity: Finding.Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Paths of documents that have at least one error: the ones a roll-up must skip.
    public var invalidPaths: Set<String> {
        Set(findings.lazy.filter { $0.severity == .error }.map(\.path))
    }
}

/// Validates a workspace: every document against its JSON Schema, then the rules across
/// documents (``PlanRules``), with the severities `Plans/workspace.yaml` sets.
public struct WorkspaceValidator: Sendable {
    /// The schemas to validate against.
    public var schemas: DocumentSchemas
    /// The day "overdue" and "in the future" are judged against.
    public var asOf: CalendarDate

    /// Creates a validator.
    public init(schemas: DocumentSchemas, asOf: CalendarDate) {
        self.schemas = schemas
        self.asOf = asOf
    }

    /// Rule ids that do not come from ``PlanRules``: the reader's and the schemas'.
    public static let readerAndSchemaRules: Set<String> = Set([
        "file.too-large", "file.not-utf8", "file.symlink", "file.unreadable",
        "frontmatter.missing", "frontmatter.unclosed", "frontmatter.not-mapping",
        "yaml.syntax", "yaml.duplicate-key", "yaml.alias-budget", "yaml.too-deep", "yaml.tag", "yaml.key",
        "layout.misplaced", "schema.unreadable",
    ]).union(SchemaFinding.keywords.map { "schema.\($0)" })

    /// Validates the documents of `workspace` (already read, with its reading findings).
    public func validate(_ workspace: Workspace) -> ValidationReport {
        let documents = workspace.documents
        // One pass on all cores per document while its front matter is at hand: the schema
        // findings, and the facts the rules read (``KindFacts``).
        let checked = ParallelMap.map(documents) { document -> (findings: [Finding], facts: KindFacts) in
            var findings: [Finding] = []
            if let schema = schemas.schema(for: document.kind) {
                findings = schema.validate(document.frontMatter.json).map { SchemaFinding.finding(for: $0, in: document) }
            }
            return (findings, KindFacts(document))
        }
        let settings = documents.first { $0.kind == .workspace }
        let options = RuleOptions(asOf: asOf, settings: settings, otherRuleIDs: Self.readerAndSchemaRules)
        var findings = options.applyingOverrides(to: workspace.findings + checked.flatMap(\.findings))
        findings += PlanRules.check(facts: checked.map(\.facts), options: options)
        findings.sort(by: Finding.fileOrder)
        let unread = Set(workspace.findings.map(\.path)).subtracting(documents.map(\.path))
        return ValidationReport(documentCount: documents.count + unread.count, findings: findings)
    }
}

/// Turns a JSON Schema error into a finding that points into the document.
enum SchemaFinding {
    /// The keywords whose failures become `schema.<keyword>` findings.
    static let keywords = [
        "type", "enum", "const", "required", "additionalProperties", "unevaluatedProperties", "pattern",
        "patternProperties", "propertyNames", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "contains", "minContains",
        "maxContains", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "anyOf", "oneOf",
        "allOf", "not", "if", "then", "else", "false",
    ]

    /// Keywords whose errors are about a key itself (an unknown or forbidden field), so the
    /// finding points at the key rather than its value.
    static let keysAsSubject: Set<String> = ["additionalProperties", "unevaluatedProperties", "propertyNames", "false"]

    static func finding(for error: ValidationError, in document: Document) -> Finding {
        let tokens = error.instanceLocation.map { component -> String in
            switch component {
            case .key(let key): return key
            case .index(let index): return String(index)
            }
        }
        var message = error.message
        if let suggestion = error.suggestion { message += " (did you mean \"\(suggestion)\"?)" }
        // An unknown field's message names it already; other messages say which field.
        let aboutKey = keysAsSubject.contains(error.keyword)
        return Finding(.error, rule: "schema.\(error.keyword)", path: document.path,
                       location: location(of: tokens, keyword: error.keyword, in: document),
                       pointer: error.jsonPointer,
                       message: aboutKey ? message : "\(fieldName(tokens)) \(message)")
    }

    /// The field a message is about, as the coordinator writes it: `tasks[2].done`.
    static func fieldName(_ tokens: [String]) -> String {
        guard !tokens.isEmpty else { return "front matter:" }
        var name = ""
        for token in tokens {
            if let index = Int(token) {
                name += "[\(index)]"
            } else {
                name += name.isEmpty ? token : ".\(token)"
            }
        }
        return name + ":"
    }

    /// The place to point at: the key of an unknown or misplaced field, the value of a
    /// wrong value, the object (or the front matter's start) for a missing field.
    static func location(of tokens: [String], keyword: String, in document: Document) -> SourceLocation {
        let root = YAMLNode(.mapping(document.frontMatter), at: document.frontMatterLocation)
        guard let last = tokens.last else { return document.frontMatterLocation }
        let parentTokens = tokens.dropLast()
        guard let parent = root.node(at: parentTokens) else { return document.frontMatterLocation }
        if case .mapping(let mapping) = parent.content, let entry = mapping.entry(last) {
            let pointsAtKey = keysAsSubject.contains(keyword)
            return pointsAtKey ? entry.keyLocation : entry.value.location
        }
        if let node = root.node(at: tokens) { return node.location }
        return parent.location
    }
}
