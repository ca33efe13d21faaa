import JSONSchema
import Testing

/// References: cycles, registries, meta-schemas and compile-time errors.
@Suite("References and compilation")
struct ReferenceTests {
    @Test func recursiveTreeSchemaValidatesDeepDocuments() throws {
        let schema = try SchemaRegistry().compile([
            "$ref": "#/$defs/node",
            "$defs": [
                "node": [
                    "type": "object",
                    "required": ["name"],
                    "properties": ["name": ["type": "string"], "children": ["type": "array", "items": ["$ref": "#/$defs/node"]]],
                ]
            ],
        ])
        var tree: JSONValue = ["name": "leaf"]
        for depth in 0..<50 {
            tree = ["name": .string("level \(depth)"), "children": [tree, ["name": "sibling"]]]
        }
        #expect(schema.isValid(tree))
        var broken: JSONValue = ["name": "leaf", "children": [["children": []]]]
        for _ in 0..<3 { broken = ["name": "n", "children": [broken]] }
        let errors = schema.validate(broken)
        #expect(errors.map(\.jsonPointer) == ["/children/0/children/0/children/0/children/0"])
        #expect(errors.first?.missingProperty == "name")
    }

    @Test func referenceCycleThatNeverDescendsCompilesAndTerminates() throws {
        let direct = try SchemaRegistry().compile(["$ref": "#"])
        #expect(!direct.isValid(1))
        #expect(direct.validate(1).first?.message.contains("$ref cycle") == true)

        let mutual = try SchemaRegistry().compile([
            "$defs": ["a": ["$ref": "#/$defs/b"], "b": ["allOf": [["$ref": "#/$defs/a"]]]],
            "$ref": "#/$defs/a",
        ])
        #expect(!mutual.isValid(["x": 1]))
    }

    @Test func referencesResolveAcrossRegisteredDocuments() throws {
        var registry = SchemaRegistry()
        try registry.add(["$defs": ["status": ["enum": ["open", "closed"]]]], uri: "https://plantrack.example/common.json")
        try registry.add(
            ["properties": ["status": ["$ref": "common.json#/$defs/status"]]], uri: "https://plantrack.example/plan.json")
        let schema = try registry.compile(uri: "https://plantrack.example/plan.json")
        #expect(schema.isValid(["status": "open"]))
        let errors = schema.validate(["status": "shut"])
        #expect(errors.first?.schemaLocation == "https://plantrack.example/common.json#/$defs/status/enum")
    }

    @Test func documentsAnswerToTheirDeclaredId() throws {
        var registry = SchemaRegistry()
        try registry.add(["$id": "https://plantrack.example/schemas/plan.json", "type": "object"], uri: "file:///plans/schema.json")
        #expect(registry.document(for: "https://plantrack.example/schemas/plan.json") != nil)
        let byId = try registry.compile(uri: "https://plantrack.example/schemas/plan.json")
        let byFile = try registry.compile(uri: "file:///plans/schema.json")
        #expect(!byId.isValid(1) && !byFile.isValid(1))
        #expect(byFile.validate(1).first?.schemaLocation == "https://plantrack.example/schemas/plan.json#/type")
    }

    @Test func nonECMARegexSyntaxIsRejected() {
        #expect(throws: SchemaError.self) { try SchemaRegistry().compile(["pattern": "(?i)abc"]) }
        #expect(throws: SchemaError.self) { try SchemaRegistry().compile(["pattern": "a(?#comment)b"]) }
        #expect(throws: Never.self) { try SchemaRegistry().compile(["pattern": "(?:a|b)(?=c)[(?i)]"]) }
    }

    @Test func compilingASubschemaByPointerOrAnchor() throws {
        var registry = SchemaRegistry()
        try registry.add(
            ["$defs": ["id": ["$anchor": "identifier", "type": "string", "pattern": "^x-"]]], uri: "https://plantrack.example/defs.json")
        let byPointer = try registry.compile(uri: "https://plantrack.example/defs.json#/$defs/id")
        let byAnchor = try registry.compile(uri: "https://plantrack.example/defs.json#identifier")
        #expect(byPointer.isValid("x-1") && byAnchor.isValid("x-1"))
        #expect(!byPointer.isValid("y") && !byAnchor.isValid("y"))
    }

    @Test func embeddedMetaSchemaValidatesSchemas() throws {
        let meta = try SchemaRegistry().compile(uri: SchemaRegistry.draft202012MetaSchemaURI)
        #expect(meta.isValid(["type": "string", "minLength": 1]))
        let errors = meta.validate(["type": "strin", "minLength": -1])
        #expect(!errors.isEmpty)
        #expect(errors.contains { $0.jsonPointer == "/minLength" })
        #expect(errors.contains { $0.jsonPointer == "/type" })
    }

    @Test func metaSchemasCanBeLeftOut() throws {
        let registry = SchemaRegistry(includingMetaSchemas: false)
        #expect(registry.uris.isEmpty)
        #expect(throws: SchemaError.self) {
            try registry.compile(["$ref": "https://json-schema.org/draft/2020-12/schema"])
        }
    }

    @Test func unresolvableReferenceIsASchemaError() throws {
        do {
            _ = try SchemaRegistry().compile(["properties": ["a": ["$ref": "#/$defs/missing"]]])
            Issue.record("expected a SchemaError")
        } catch {
            #expect(error.message.contains("#/$defs/missing"))
            #expect(error.location?.hasSuffix("#/properties/a/$ref") == true)
        }
    }

    @Test func malformedKeywordsAreSchemaErrors() throws {
        #expect(throws: SchemaError.self) { try SchemaRegistry().compile(["minLength": "three"]) }
        #expect(throws: SchemaError.self) { try SchemaRegistry().compile(["type": "text"]) }
        #expect(throws: SchemaError.self) { try SchemaRegistry().compile(["pattern": "(unclosed"]) }
        #expect(throws: SchemaError.self) { try SchemaRegistry().compile(["properties": ["a": 3]]) }
        #expect(throws: SchemaError.self) { try SchemaRegistry().compile(true, uri: "relative/uri.json") }
    }

    @Test func validatesFromSeveralThreadsAtOnce() async throws {
        let schema = try ErrorMessageTests.plan()
        let good: JSONValue = ["title": "x", "status": "done", "actions": [["id": "a"], ["id": "b"]]]
        let bad: JSONValue = ["titel": "x", "status": "Done", "actions": [["id": "A"]]]
        let expected = schema.validate(bad)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for _ in 0..<500 {
                        if worker % 2 == 0 {
                            guard schema.isValid(good) else { return false }
                        } else {
                            guard schema.validate(bad) == expected else { return false }
                        }
                    }
                    return true
                }
            }
            for try await ok in group {
                #expect(ok)
            }
        }
    }

    @Test func deeplyNestedDocumentsValidateOnPoolThreads() async throws {
        let schema = try SchemaRegistry().compile(["type": ["array", "integer"], "items": ["$ref": "#"]])
        var nested: JSONValue = 1
        for _ in 0..<200 { nested = [nested] }
        let document = nested
        let valid = await Task.detached { schema.isValid(document) && schema.validate(document).isEmpty }.value
        #expect(valid)
        var broken: JSONValue = "leaf"
        for _ in 0..<200 { broken = [broken] }
        let brokenDocument = broken
        let errors = await Task.detached { schema.validate(brokenDocument) }.value
        #expect(errors.count == 1)
        #expect(errors.first?.instanceLocation.count == 200)
    }
}
