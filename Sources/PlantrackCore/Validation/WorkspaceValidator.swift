import Dispatch
import JSONSchema

/// What `validate` found in a workspace.
public struct ValidationReport: Sendable {
    /// How many documents were looked at (read or not).
    public var documentCount: Int
    /// The paths of the documents that were read, in path order.
    public var documentPaths: [String]
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

    /// Of ``invalidPaths``, those that could not be read (an error reading the file, its
    /// front matter or its YAML).
    public var unreadablePaths: Set<String> {
        Set(findings.lazy.filter { $0.severity == .error && WorkspaceValidator.isReadingRule($0.rule) }.map(\.path))
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
        "layout.misplaced", "schema.unreadable", SchemaReleases.outdatedRule, ConflictMarkers.rule,
    ]).union(SchemaFinding.keywords.map { "schema.\($0)" })

    /// Whether a rule id is one of the reader's (`file.*`, `frontmatter.*`, `yaml.*`,
    /// `merge.conflict`): a document with such an error could not be read.
    public static func isReadingRule(_ rule: String) -> Bool {
        rule.hasPrefix("file.") || rule.hasPrefix("frontmatter.") || rule.hasPrefix("yaml.") || rule == ConflictMarkers.rule
    }

    /// Validates the documents of `workspace` (already read, with its reading findings).
    public func validate(_ workspace: Workspace) -> ValidationReport {
        report(ParallelMap.map(workspace.documents, check), readingFindings: workspace.findings)
    }

    /// Reads the documents of `snapshot` and validates them. Each document is checked on
    /// the thread that parsed it, right after parsing, and only its findings and the facts
    /// the rules read are kept: the workspace's trees are never all held at once. A
    /// corrupted object is thrown, not reported (see ``Workspace``).
    public func validate(_ snapshot: some Snapshot, reader: DocumentReader = DocumentReader()) throws -> ValidationReport {
        let read = try Workspace.read(from: snapshot, reader: reader, keeping: check)
        return report(read.kept, readingFindings: read.findings)
    }

    /// What the validator keeps of one document. A class: the generic reading code copies
    /// each of tens of thousands of these, and copying a reference is one retain.
    private final class Checked: Sendable {
        let path: String
        /// Its schema findings.
        let findings: [Finding]
        /// What the rules read from it.
        let facts: KindFacts
        /// The document itself, for the settings document (the rule options read it).
        let settings: Document?

        init(path: String, findings: [Finding], facts: KindFacts, settings: Document?) {
            self.path = path
            self.findings = findings
            self.facts = facts
            self.settings = settings
        }
    }

    /// Checks one document against its schema and reads its facts, in one pass while its
    /// front matter is at hand.
    @Sendable private func check(_ document: Document) -> Checked {
        let check = DocumentCheck(document, schemas: schemas)
        return Checked(
            path: document.path, findings: check.schemaFindings(in: document), facts: check.facts,
            settings: document.kind == .workspace ? document : nil)
    }

    /// The cross-document rules over what was checked, and every finding in file order.
    private func report(_ checked: [Checked], readingFindings: [Finding]) -> ValidationReport {
        // One walk over what was checked (a national workspace has tens of thousands).
        var settings: Document?
        var facts: [KindFacts] = []
        var paths: [String] = []
        var findings = readingFindings
        // Once per workspace, not per document: the schemas are older than the binary's.
        if let outdated = SchemaReleases.outdatedFinding(schemas.outdatedFiles) { findings.append(outdated) }
        facts.reserveCapacity(checked.count)
        paths.reserveCapacity(checked.count)
        for item in checked {
            facts.append(item.facts)
            paths.append(item.path)
            findings += item.findings
            if settings == nil { settings = item.settings }
        }
        findings = SchemaHints.withWorkspaceLabels(findings, settings: settings)
        let options = RuleOptions(asOf: asOf, settings: settings, otherRuleIDs: Self.readerAndSchemaRules)
        findings = options.applyingOverrides(to: findings)
        let index = RuleIndex(facts: facts, asOf: asOf)
        findings += PlanRules.check(index, options: options)
        findings.sort(by: Finding.fileOrder)
        Self.releaseElsewhere(consume index)
        let unread = Set(readingFindings.map(\.path)).subtracting(paths)
        return ValidationReport(documentCount: paths.count + unread.count, documentPaths: paths, findings: findings)
    }

    /// Lets go of what the rules ran on (every document's facts, arranged by plan) on another
    /// thread: freeing a national workspace's facts one by one took 60 ms on one core, after
    /// everything else was done, and nothing needs to wait for it.
    private static func releaseElsewhere(_ index: consuming RuleIndex) {
        let held = Held(index)
        DispatchQueue.global().async { held.value = nil }
    }

    /// What ``releaseElsewhere(_:)`` hands to the other thread; only that thread touches it.
    private final class Held: @unchecked Sendable {
        var value: RuleIndex?
        init(_ value: consuming RuleIndex) { self.value = value }
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
        return Finding(
            .error, rule: "schema.\(error.keyword)", path: document.path,
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
