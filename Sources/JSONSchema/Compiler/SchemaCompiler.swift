/// Turns registered schema documents into a ``CompiledSchema``: finds every schema resource
/// (`$id`), anchor and dynamic anchor, resolves references to node indices, and builds the
/// keyword nodes. It runs once per `compile` call and is thrown away afterwards.
///
/// Nodes are compiled from a work queue rather than by recursion, so a `$ref` cycle is just
/// a node that is already queued, and deep schemas cannot overflow the stack.
final class SchemaCompiler {
    struct Document {
        let key: String
        let root: JSONValue
    }

    struct Resource {
        var uri: String
        let document: Int
        let pointer: [String]
        var anchors: [String: [String]] = [:]
        var dynamicAnchors: Set<String> = []
        var vocabularies: Vocabularies
    }

    private struct Job {
        let index: Int
        let document: Int
        let tokens: [String]
        let resource: Int
        let value: JSONValue
    }

    /// A node under construction; frozen into a `SchemaNode` once everything is compiled.
    private struct Draft {
        var kind: SchemaNode.Kind = .keywords
        var generic: [Keyword] = []
        var forObject: [Keyword] = []
        var forArray: [Keyword] = []
        var forString: [Keyword] = []
        var forNumber: [Keyword] = []
        var inPlace: [Keyword] = []
        var unevaluatedProperties: Int?
        var unevaluatedItems: Int?
        var resource: Int
        var location: String
        var declaredNames: [String] = []
    }

    private let registry: SchemaRegistry
    private let options: ValidationOptions

    private(set) var documents: [Document] = []
    private var documentByKey: [String: Int] = [:]
    private(set) var resources: [Resource] = []
    private var resourceByURI: [String: Int] = [:]
    private var resourceAtLocation: [String: Int] = [:]
    private var scannedEverything = false

    private var drafts: [Draft?] = []
    private var nodeByLocation: [String: Int] = [:]
    private var queue: [Job] = []
    private var dynamicAnchorNames: Set<String> = []
    /// Owner of everything keywords reference without retaining.
    private let keeper = KeepAlive()
    /// Compiled regular expressions by source: schemas often repeat a pattern.
    private var patterns: [String: Pattern] = [:]

    init(registry: SchemaRegistry, options: ValidationOptions) {
        self.registry = registry
        self.options = options
    }

    // MARK: - Entry point

    func compile(uri: String) throws(SchemaError) -> CompiledSchema {
        let reference = URIReference(uri)
        guard reference.isAbsolute else {
            throw SchemaError("\"\(uri)\" is not an absolute URI; schemas are compiled by their full URI")
        }
        let resourceURI = reference.withoutFragment.description
        guard let resource = try findResource(resourceURI) else {
            throw SchemaError("no schema is registered as \(resourceURI)")
        }
        let target = try locate(resource: resource, fragment: reference.fragment ?? "", reference: uri)
        let root = enqueue(document: target.document, tokens: target.tokens, value: target.value)
        try drain()
        let dynamicTables = try compileDynamicAnchors()
        let nodes = freeze()
        return CompiledSchema(
            nodes: nodes, keptAlive: keeper.objects, root: root, dynamicAnchors: dynamicTables,
            tracksDynamicScope: !dynamicAnchorNames.isEmpty, uri: uri, options: options)
    }

    private func drain() throws(SchemaError) {
        while let job = queue.popLast() {
            try compileNode(job)
        }
    }

    // `$dynamicRef` may land on a `$dynamicAnchor` of any resource in the dynamic scope, so
    // every matching anchor of every resource that has compiled nodes is compiled too, until
    // no new resources appear.
    private func compileDynamicAnchors() throws(SchemaError) -> [[String: Int]] {
        var tables: [[String: Int]] = []
        guard !dynamicAnchorNames.isEmpty else { return tables }
        var changed = true
        while changed {
            changed = false
            tables += Array(repeating: [:], count: resources.count - tables.count)
            var used = Set<Int>()
            for draft in drafts {
                if let draft { used.insert(draft.resource) }
            }
            for r in used.sorted() {
                for name in resources[r].dynamicAnchors.intersection(dynamicAnchorNames).sorted()
                where tables[r][name] == nil {
                    guard let tokens = resources[r].anchors[name] else { continue }
                    let document = resources[r].document
                    guard let value = Self.navigate(documents[document].root, tokens) else { continue }
                    tables[r][name] = enqueue(document: document, tokens: tokens, value: value)
                    changed = true
                }
            }
            try drain()
        }
        tables += Array(repeating: [:], count: resources.count - tables.count)
        return tables
    }

    private func freeze() -> [SchemaNode] {
        var nodes: [SchemaNode] = []
        nodes.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            guard let draft else {
                // Every queued job was compiled by drain(); keep indices aligned regardless.
                nodes.append(SchemaNode(kind: .alwaysValid, resource: 0, location: ""))
                continue
            }
            let known = draft.unevaluatedProperties != nil ? knownPropertyNames(from: index) : []
            let kind: SchemaNode.Kind
            if draft.kind == .keywords && draft.generic.isEmpty && draft.forObject.isEmpty && draft.forArray.isEmpty
                && draft.forString.isEmpty && draft.forNumber.isEmpty && draft.inPlace.isEmpty
                && draft.unevaluatedItems == nil && draft.unevaluatedProperties == nil
            {
                kind = .alwaysValid
            } else {
                kind = draft.kind
            }
            nodes.append(
                SchemaNode(
                    kind: kind, generic: draft.generic, forObject: draft.forObject, forArray: draft.forArray,
                    forString: draft.forString, forNumber: draft.forNumber, inPlace: draft.inPlace,
                    unevaluatedProperties: draft.unevaluatedProperties, unevaluatedItems: draft.unevaluatedItems,
                    resource: draft.resource, location: draft.location, knownPropertyNames: known))
        }
        return nodes
    }

    /// Property names declared by a node and the subschemas it applies in place, in order.
    private func knownPropertyNames(from start: Int) -> [String] {
        var names: [String] = []
        var seenNames = Set<String>()
        var visited = Set<Int>()
        var stack = [start]
        while let index = stack.popLast() {
            guard visited.insert(index).inserted, let draft = drafts[index] else { continue }
            for name in draft.declaredNames where seenNames.insert(name).inserted {
                names.append(name)
            }
            var children: [Int] = []
            for keyword in draft.inPlace {
                switch keyword {
                case .ref(let t), .dynamicRef(let t, _), .not(let t): children.append(t)
                case .allOf(let list), .anyOf(let list), .oneOf(let list): children += Array(list)
                case .conditional(let i, let t, let e): children += [i, t, e].compactMap { $0 }
                case .dependentSchemas(let pairs): children += pairs.map(\.1)
                default: break
                }
            }
            stack += children.reversed()
        }
        return names
    }

    // MARK: - Documents and resources

    private func findResource(_ uri: String) throws(SchemaError) -> Int? {
        if let r = resourceByURI[uri] { return r }
        if let key = registry.documentKey(for: uri), documentByKey[key] == nil {
            try load(key)
            if let r = resourceByURI[uri] { return r }
        }
        // The URI may be an `$id` embedded somewhere inside another registered document.
        if !scannedEverything {
            scannedEverything = true
            for key in registry.documentKeys where documentByKey[key] == nil {
                try load(key)
            }
            return resourceByURI[uri]
        }
        return nil
    }

    private func load(_ key: String) throws(SchemaError) {
        guard documentByKey[key] == nil, let root = registry.document(forKey: key) else { return }
        let index = documents.count
        documents.append(Document(key: key, root: root))
        documentByKey[key] = index
        try scan(root, document: index, tokens: [], resource: nil)
    }

    private static func locationKey(_ document: Int, _ tokens: some Collection<String>) -> String {
        var key = String(document) + "#"
        for token in tokens {
            key += "/"
            key += JSONPointer.escape(token)
        }
        return key
    }

    private static let singleSchemaKeywords: Set<String> = [
        "items", "contains", "additionalProperties", "propertyNames", "if", "then", "else", "not",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    private static let schemaArrayKeywords: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]
    private static let schemaMapKeywords: Set<String> = [
        "$defs", "definitions", "properties", "patternProperties", "dependentSchemas",
    ]

    /// Records resources, anchors and vocabularies. Only schema positions are visited, so an
    /// `$id` inside `const` or `enum` data is not mistaken for an identifier.
    private func scan(_ value: JSONValue, document: Int, tokens: [String], resource parent: Int?) throws(SchemaError) {
        var current = parent
        guard case .object(let object) = value else {
            if parent == nil {
                try addResource(uri: documents[document].key, document: document, tokens: tokens, object: nil, parent: nil)
            }
            return
        }
        let base = parent.map { resources[$0].uri } ?? documents[document].key
        var uri = base
        if case .string(let id)? = object["$id"] {
            let resolved = URIReference(base).resolving(URIReference(id))
            if (resolved.fragment ?? "").isEmpty {
                uri = resolved.withoutFragment.description
            }
        }
        if parent == nil || uri != base {
            current = try addResource(uri: uri, document: document, tokens: tokens, object: object, parent: parent)
        }
        guard let r = current else { return }
        if case .string(let anchor)? = object["$anchor"] {
            resources[r].anchors[anchor] = tokens
        }
        if case .string(let anchor)? = object["$dynamicAnchor"] {
            if resources[r].anchors[anchor] == nil { resources[r].anchors[anchor] = tokens }
            resources[r].dynamicAnchors.insert(anchor)
        }
        for (key, child) in object {
            if Self.singleSchemaKeywords.contains(key) {
                try scan(child, document: document, tokens: tokens + [key], resource: r)
            } else if Self.schemaArrayKeywords.contains(key), case .array(let list) = child {
                for (i, element) in list.enumerated() {
                    try scan(element, document: document, tokens: tokens + [key, String(i)], resource: r)
                }
            } else if Self.schemaMapKeywords.contains(key), case .object(let map) = child {
                for (name, element) in map {
                    try scan(element, document: document, tokens: tokens + [key, name], resource: r)
                }
            }
        }
    }

    @discardableResult
    private func addResource(uri: String, document: Int, tokens: [String], object: JSONObject?, parent: Int?) throws(SchemaError) -> Int {
        var vocabularies = parent.map { resources[$0].vocabularies } ?? .standard
        if case .string(let metaSchema)? = object?["$schema"] {
            vocabularies = try self.vocabularies(ofMetaSchema: metaSchema, declaredAt: uri)
        }
        let index = resources.count
        resources.append(Resource(uri: uri, document: document, pointer: tokens, vocabularies: vocabularies))
        if resourceByURI[uri] == nil { resourceByURI[uri] = index }
        if tokens.isEmpty, resourceByURI[documents[document].key] == nil {
            resourceByURI[documents[document].key] = index
        }
        resourceAtLocation[Self.locationKey(document, tokens)] = index
        return index
    }

    private func vocabularies(ofMetaSchema uri: String, declaredAt location: String) throws(SchemaError) -> Vocabularies {
        let key = URIReference(uri).withoutFragment.description
        guard key != MetaSchemas.draft202012,
            let registered = registry.documentKey(for: key),
            let metaSchema = registry.document(forKey: registered),
            case .object(let declared)? = metaSchema["$vocabulary"]
        else {
            // Unknown or standard meta-schema: assume the standard 2020-12 vocabularies.
            return .standard
        }
        var result: Vocabularies = [.core]
        for (vocabulary, required) in declared {
            if let known = Vocabularies(uri: vocabulary) {
                result.insert(known)
            } else if required == .bool(true) {
                throw SchemaError(
                    "the meta-schema \(uri) requires the vocabulary \(vocabulary), which this validator does not support",
                    location: location)
            }
        }
        return result
    }

    /// The resource a location belongs to: the nearest enclosing one.
    private func resource(containing document: Int, _ tokens: [String]) -> Int {
        var count = tokens.count
        while count >= 0 {
            if let r = resourceAtLocation[Self.locationKey(document, tokens.prefix(count))] { return r }
            count -= 1
        }
        return 0
    }

    static func navigate(_ root: JSONValue, _ tokens: [String]) -> JSONValue? {
        var current = root
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let i = Int(token), i >= 0, i < array.count, token == String(i) else { return nil }
                current = array[i]
            default:
                return nil
            }
        }
        return current
    }

    private func locate(resource r: Int, fragment: String, reference: String) throws(SchemaError) -> (
        document: Int, tokens: [String], value: JSONValue
    ) {
        let resource = resources[r]
        let tokens: [String]
        if let pointer = JSONPointer.tokens(fromFragment: fragment) {
            tokens = resource.pointer + pointer
        } else if let anchored = resource.anchors[fragment] ?? resource.anchors[JSONPointer.percentDecode(fragment)] {
            tokens = anchored
        } else {
            throw SchemaError("cannot resolve \"\(reference)\": \(resource.uri) has no anchor \"\(fragment)\"")
        }
        guard let value = Self.navigate(documents[resource.document].root, tokens) else {
            throw SchemaError("cannot resolve \"\(reference)\": nothing at #\(fragment) in \(resource.uri)")
        }
        return (resource.document, tokens, value)
    }

    private func resolve(_ reference: String, from r: Int, location: String) throws(SchemaError) -> (
        document: Int, tokens: [String], value: JSONValue, fragment: String
    ) {
        let target = URIReference(resources[r].uri).resolving(URIReference(reference))
        let resourceURI = target.withoutFragment.description
        guard let found = try findResource(resourceURI) else {
            throw SchemaError("cannot resolve \"\(reference)\": no schema is registered as \(resourceURI)", location: location)
        }
        let fragment = target.fragment ?? ""
        do {
            let located = try locate(resource: found, fragment: fragment, reference: reference)
            return (located.document, located.tokens, located.value, fragment)
        } catch {
            throw SchemaError(error.message, location: location)
        }
    }

    // MARK: - Nodes

    private func enqueue(document: Int, tokens: [String], value: JSONValue) -> Int {
        let key = Self.locationKey(document, tokens)
        if let existing = nodeByLocation[key] { return existing }
        let index = drafts.count
        drafts.append(nil)
        nodeByLocation[key] = index
        queue.append(Job(index: index, document: document, tokens: tokens, resource: resource(containing: document, tokens), value: value))
        return index
    }

    private func compileNode(_ job: Job) throws(SchemaError) {
        let resource = resources[job.resource]
        let location = resource.uri + "#" + JSONPointer.string(Array(job.tokens.dropFirst(resource.pointer.count)))
        var draft = Draft(resource: job.resource, location: location)
        switch job.value {
        case .bool(true):
            draft.kind = .alwaysValid
        case .bool(false):
            draft.kind = .alwaysInvalid
        case .object(let object):
            var builder = NodeBuilder(compiler: self, job: job, object: object, location: location, vocabularies: resource.vocabularies)
            try builder.build(into: &draft)
        default:
            throw SchemaError("a schema must be an object or a boolean, not \(Describe.found(job.value))", location: location)
        }
        drafts[job.index] = draft
    }

    /// Compiles one schema object's keywords into a draft.
    private struct NodeBuilder {
        let compiler: SchemaCompiler
        let job: Job
        let object: JSONObject
        let location: String
        let vocabularies: Vocabularies

        init(compiler: SchemaCompiler, job: Job, object: JSONObject, location: String, vocabularies: Vocabularies) {
            self.compiler = compiler
            self.job = job
            self.object = object
            self.location = location
            self.vocabularies = vocabularies
        }

        private func fail(_ keyword: String, _ message: String) -> SchemaError {
            SchemaError("\"\(keyword)\" \(message)", location: location + "/" + JSONPointer.escape(keyword))
        }

        private func subschema(_ path: [String], _ value: JSONValue) -> Int {
            compiler.enqueue(document: job.document, tokens: job.tokens + path, value: value)
        }

        private func single(_ keyword: String) -> Int? {
            guard let value = object[keyword] else { return nil }
            return subschema([keyword], value)
        }

        private func schemaList(_ keyword: String) throws(SchemaError) -> [Int]? {
            guard let value = object[keyword] else { return nil }
            guard case .array(let list) = value, !list.isEmpty else {
                throw fail(keyword, "must be a non-empty array of schemas")
            }
            return list.enumerated().map { subschema([keyword, String($0.offset)], $0.element) }
        }

        private func schemaMap(_ keyword: String) throws(SchemaError) -> [(String, Int)]? {
            guard let value = object[keyword] else { return nil }
            guard case .object(let map) = value else { throw fail(keyword, "must be an object of schemas") }
            return map.map { ($0.key, subschema([keyword, $0.key], $0.value)) }
        }

        private func count(_ keyword: String) throws(SchemaError) -> Int? {
            guard let value = object[keyword] else { return nil }
            guard case .number(let n) = value, let i = n.int64Value, i >= 0 else {
                throw fail(keyword, "must be a non-negative integer")
            }
            return Int(clamping: i)
        }

        private func number(_ keyword: String) throws(SchemaError) -> JSONNumber? {
            guard let value = object[keyword] else { return nil }
            guard case .number(let n) = value else { throw fail(keyword, "must be a number") }
            return n
        }

        private func stringList(_ value: JSONValue, _ keyword: String) throws(SchemaError) -> [String] {
            guard case .array(let list) = value else { throw fail(keyword, "must be an array of strings") }
            var strings: [String] = []
            for element in list {
                guard case .string(let s) = element else { throw fail(keyword, "must be an array of strings") }
                strings.append(s)
            }
            return strings
        }

        private func pattern(_ source: String, _ keyword: String) throws(SchemaError) -> Pattern {
            if let cached = compiler.patterns[source] { return cached }
            do {
                let compiled = try Pattern(source)
                compiler.patterns[source] = compiled
                return compiled
            } catch {
                throw SchemaError(error.message, location: location + "/" + keyword)
            }
        }

        mutating func build(into draft: inout Draft) throws(SchemaError) {
            if vocabularies.contains(.validation) {
                try buildValidation(into: &draft)
            }
            if let format = object["format"], vocabularies.contains(.formatAnnotation) || vocabularies.contains(.formatAssertion) {
                guard case .string(let name) = format else { throw fail("format", "must be a string") }
                if options.assertFormat || vocabularies.contains(.formatAssertion), let kind = FormatKind(name: name) {
                    draft.forString.append(.format(kind))
                }
            }
            try buildReferences(into: &draft)
            if vocabularies.contains(.applicator) {
                try buildApplicators(into: &draft)
            }
            if vocabularies.contains(.unevaluated) {
                draft.unevaluatedProperties = single("unevaluatedProperties")
                draft.unevaluatedItems = single("unevaluatedItems")
            }
        }

        private var options: ValidationOptions { compiler.options }

        private func buildValidation(into draft: inout Draft) throws(SchemaError) {
            if let type = object["type"] {
                var set = JSONTypeSet()
                let names: [JSONValue]
                switch type {
                case .string: names = [type]
                case .array(let list): names = list
                default: throw fail("type", "must be a type name or an array of type names")
                }
                for name in names {
                    guard case .string(let s) = name, let t = JSONTypeSet(name: s) else {
                        throw fail("type", "has an unknown type \(name); expected null, boolean, integer, number, string, array or object")
                    }
                    set.insert(t)
                }
                draft.generic.append(.type(set))
            }
            if let values = object["enum"] {
                guard case .array(let list) = values else { throw fail("enum", "must be an array") }
                draft.generic.append(.enumeration(SharedList(list, keptBy: compiler.keeper)))
            }
            if let value = object["const"] {
                draft.generic.append(.const(SharedList([value], keptBy: compiler.keeper)))
            }
            if let n = try number("minimum") { draft.forNumber.append(.minimum(n)) }
            if let n = try number("exclusiveMinimum") { draft.forNumber.append(.exclusiveMinimum(n)) }
            if let n = try number("maximum") { draft.forNumber.append(.maximum(n)) }
            if let n = try number("exclusiveMaximum") { draft.forNumber.append(.exclusiveMaximum(n)) }
            if let n = try number("multipleOf") {
                guard JSONNumber.compare(n, .integer(0)) > 0 else { throw fail("multipleOf", "must be greater than 0") }
                draft.forNumber.append(.multipleOf(n))
            }
            if let n = try count("minLength") { draft.forString.append(.minLength(n)) }
            if let n = try count("maxLength") { draft.forString.append(.maxLength(n)) }
            if let value = object["pattern"] {
                guard case .string(let source) = value else { throw fail("pattern", "must be a string") }
                draft.forString.append(.pattern(SharedPattern(try pattern(source, "pattern"), keptBy: compiler.keeper)))
            }
            if let n = try count("minItems") { draft.forArray.append(.minItems(n)) }
            if let n = try count("maxItems") { draft.forArray.append(.maxItems(n)) }
            if object["uniqueItems"] == .bool(true) { draft.forArray.append(.uniqueItems) }
            if let n = try count("minProperties") { draft.forObject.append(.minProperties(n)) }
            if let n = try count("maxProperties") { draft.forObject.append(.maxProperties(n)) }
            if let value = object["required"] {
                let names = try stringList(value, "required")
                if !names.isEmpty { draft.forObject.append(.required(SharedList(names, keptBy: compiler.keeper))) }
            }
            if let value = object["dependentRequired"] {
                guard case .object(let map) = value else { throw fail("dependentRequired", "must be an object") }
                var pairs: [(String, [String])] = []
                for (name, list) in map {
                    pairs.append((name, try stringList(list, "dependentRequired")))
                }
                draft.forObject.append(.dependentRequired(SharedList(pairs, keptBy: compiler.keeper)))
            }
        }

        private func buildReferences(into draft: inout Draft) throws(SchemaError) {
            if let value = object["$ref"] {
                guard case .string(let reference) = value else { throw fail("$ref", "must be a string") }
                let target = try compiler.resolve(reference, from: job.resource, location: location + "/$ref")
                draft.inPlace.append(.ref(compiler.enqueue(document: target.document, tokens: target.tokens, value: target.value)))
            }
            if let value = object["$dynamicRef"] {
                guard case .string(let reference) = value else { throw fail("$dynamicRef", "must be a string") }
                let target = try compiler.resolve(reference, from: job.resource, location: location + "/$dynamicRef")
                let index = compiler.enqueue(document: target.document, tokens: target.tokens, value: target.value)
                // Only a reference whose static target is itself a matching $dynamicAnchor is
                // dynamic ("bookending"); otherwise $dynamicRef behaves exactly like $ref.
                if JSONPointer.tokens(fromFragment: target.fragment) == nil,
                    case .string(let anchor)? = target.value["$dynamicAnchor"], anchor == target.fragment
                {
                    compiler.dynamicAnchorNames.insert(anchor)
                    draft.inPlace.append(.dynamicRef(index, anchor: SharedList([anchor], keptBy: compiler.keeper)))
                } else {
                    draft.inPlace.append(.ref(index))
                }
            }
        }

        private func buildApplicators(into draft: inout Draft) throws(SchemaError) {
            if let list = try schemaList("allOf") { draft.inPlace.append(.allOf(SharedList(list, keptBy: compiler.keeper))) }
            if let list = try schemaList("anyOf") { draft.inPlace.append(.anyOf(SharedList(list, keptBy: compiler.keeper))) }
            if let list = try schemaList("oneOf") { draft.inPlace.append(.oneOf(SharedList(list, keptBy: compiler.keeper))) }
            if let n = single("not") { draft.inPlace.append(.not(n)) }
            if let condition = single("if") {
                draft.inPlace.append(.conditional(if: condition, then: single("then"), else: single("else")))
            }
            if let pairs = try schemaMap("dependentSchemas") {
                draft.inPlace.append(.dependentSchemas(SharedList(pairs, keptBy: compiler.keeper)))
            }

            let properties = try schemaMap("properties")
            var patterns: [(SharedPattern, Int)] = []
            if let value = object["patternProperties"] {
                guard case .object(let map) = value else { throw fail("patternProperties", "must be an object of schemas") }
                for (source, schema) in map {
                    let compiled = try pattern(source, "patternProperties/" + JSONPointer.escape(source))
                    patterns.append((SharedPattern(compiled, keptBy: compiler.keeper), subschema(["patternProperties", source], schema)))
                }
            }
            let additional = single("additionalProperties")
            if properties != nil || !patterns.isEmpty || additional != nil {
                let names = properties?.map(\.0) ?? []
                draft.declaredNames = names
                let applicator = PropertyApplicator(
                    names: names, nodes: properties?.map(\.1) ?? [], patterns: patterns, additional: additional)
                draft.forObject.append(.properties(Unretained(applicator, keptBy: compiler.keeper)))
            }
            if let n = single("propertyNames") { draft.forObject.append(.propertyNames(n)) }

            let prefix = try schemaList("prefixItems")
            let rest = single("items")
            if prefix != nil || rest != nil {
                draft.forArray.append(.items(prefix: SharedList(prefix ?? [], keptBy: compiler.keeper), rest: rest))
            }
            if let contained = single("contains") {
                var minimum = 1
                var maximum: Int? = nil
                // minContains and maxContains belong to the validation vocabulary.
                if vocabularies.contains(.validation) {
                    minimum = try count("minContains") ?? 1
                    maximum = try count("maxContains")
                }
                draft.forArray.append(.contains(contained, min: minimum, max: maximum))
            }
        }
    }
}
