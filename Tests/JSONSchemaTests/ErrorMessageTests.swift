import JSONSchema
import Testing

/// The errors people read: their wording, where they point, and their suggestions.
@Suite("Error messages and locations")
struct ErrorMessageTests {
    static let planSchema: JSONValue = [
        "$id": "https://plantrack.example/schemas/plan.json",
        "type": "object",
        "required": ["title", "status"],
        "additionalProperties": false,
        "properties": [
            "title": ["type": "string", "minLength": 1],
            "status": ["enum": ["planned", "in-progress", "done", "delayed", "cancelled"]],
            "owner": ["type": "string"],
            "due": ["type": "string", "format": "date"],
            "budget": ["type": "integer", "minimum": 0, "maximum": 1_000_000],
            "actions": ["type": "array", "items": ["$ref": "#/$defs/action"]],
        ],
        "$defs": [
            "action": [
                "type": "object",
                "required": ["id"],
                "additionalProperties": false,
                "properties": [
                    "id": ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"],
                    "status": ["$ref": "#/properties/status"],
                ],
            ]
        ],
    ]

    static func plan(options: ValidationOptions = ValidationOptions()) throws -> CompiledSchema {
        var registry = SchemaRegistry()
        try registry.add(planSchema, uri: "https://plantrack.example/schemas/plan.json")
        return try registry.compile(uri: "https://plantrack.example/schemas/plan.json", options: options)
    }

    @Test func validDocumentHasNoErrors() throws {
        let schema = try Self.plan()
        let document: JSONValue = ["title": "Suicide prevention", "status": "done", "actions": [["id": "a-1"]]]
        #expect(schema.isValid(document))
        #expect(schema.validate(document).isEmpty)
    }

    @Test func enumSuggestsTheClosestValue() throws {
        let errors = try Self.plan().validate(["title": "x", "status": "Done"])
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.keyword == "enum")
        #expect(error.jsonPointer == "/status")
        #expect(error.instanceLocation == [.key("status")])
        #expect(error.message == "must be one of planned, in-progress, done, delayed, cancelled; got \"Done\"")
        #expect(error.suggestion == "done")
        #expect(error.schemaLocation == "https://plantrack.example/schemas/plan.json#/properties/status/enum")
        #expect(error.keywordLocation == "/properties/status/enum")
    }

    @Test func enumSuggestsTyposAndPrefixes() throws {
        let schema = try Self.plan()
        #expect(schema.validate(["title": "x", "status": "delayd"]).first?.suggestion == "delayed")
        #expect(schema.validate(["title": "x", "status": "in-prog"]).first?.suggestion == "in-progress")
    }

    @Test func enumWithoutACloseValueHasNoSuggestion() throws {
        let errors = try Self.plan().validate(["title": "x", "status": "klar"])
        #expect(errors.count == 1)
        #expect(errors.first?.suggestion == nil)
        #expect(errors.first?.message.hasSuffix("got \"klar\"") == true)
    }

    @Test func unknownFieldIsReportedAtTheFieldWithASuggestion() throws {
        let errors = try Self.plan().validate(["titel": "Plan", "status": "done"])
        #expect(errors.count == 2)
        let unknown = try #require(errors.first { $0.keyword == "additionalProperties" })
        #expect(unknown.instanceLocation == [.key("titel")])
        #expect(unknown.jsonPointer == "/titel")
        #expect(unknown.message == "unknown field \"titel\"")
        #expect(unknown.suggestion == "title")
        let missing = try #require(errors.first { $0.keyword == "required" })
        #expect(missing.instanceLocation.isEmpty)
        #expect(missing.message == "missing required field \"title\"")
        #expect(missing.missingProperty == "title")
    }

    @Test func unknownFieldFarFromAnyDeclaredOneHasNoSuggestion() throws {
        let errors = try Self.plan().validate(["title": "x", "status": "done", "colour": "red"])
        #expect(errors.count == 1)
        #expect(errors.first?.message == "unknown field \"colour\"")
        #expect(errors.first?.suggestion == nil)
    }

    @Test func eachMissingRequiredFieldIsOneError() throws {
        let errors = try Self.plan().validate([:])
        #expect(errors.map(\.missingProperty) == ["title", "status"])
        #expect(errors.allSatisfy { $0.jsonPointer == "" && $0.keyword == "required" })
    }

    @Test func nestedErrorsCarryFullPointersThroughReferences() throws {
        let document: JSONValue = [
            "title": "x", "status": "done",
            "actions": [["id": "ok"], ["id": "Bad ID", "status": "klar", "note": 1]],
        ]
        let errors = try Self.plan().validate(document)
        #expect(errors.map(\.jsonPointer) == ["/actions/1/id", "/actions/1/status", "/actions/1/note"])
        let pattern = try #require(errors.first)
        #expect(pattern.keyword == "pattern")
        #expect(pattern.message == "\"Bad ID\" does not match the pattern ^[a-z0-9][a-z0-9-]*$")
        #expect(pattern.keywordLocation == "/properties/actions/items/$ref/properties/id/pattern")
        #expect(pattern.schemaLocation == "https://plantrack.example/schemas/plan.json#/$defs/action/properties/id/pattern")
        #expect(pattern.instanceLocation == [.key("actions"), .index(1), .key("id")])
        #expect(errors[1].keywordLocation == "/properties/actions/items/$ref/properties/status/$ref/enum")
    }

    @Test func typeMessageNamesBothTypesAndTheValue() throws {
        let errors = try Self.plan().validate(["title": 42, "status": "done"])
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "type")
        #expect(errors.first?.message == "must be a string; got a number (42)")
        #expect(errors.first?.jsonPointer == "/title")
    }

    @Test func numericLimitsAppearInMessages() throws {
        let schema = try Self.plan()
        #expect(schema.validate(["title": "x", "status": "done", "budget": -5]).first?.message == "must be at least 0; got -5")
        #expect(
            schema.validate(["title": "x", "status": "done", "budget": 2_000_000]).first?.message
                == "must be at most 1000000; got 2000000")
        #expect(schema.validate(["title": "", "status": "done"]).first?.message == "must be at least 1 character long; got 0")
    }

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        let document: JSONValue = ["title": "x", "status": "done", "due": "2021-02-30"]
        #expect(try Self.plan().isValid(document))
        let errors = try Self.plan(options: ValidationOptions(assertFormat: true)).validate(document)
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "format")
        #expect(errors.first?.message == "\"2021-02-30\" is not a valid date")
        #expect(
            try Self.plan(options: ValidationOptions(assertFormat: true)).isValid(["title": "x", "status": "done", "due": "2024-02-29"]))
    }

    @Test func constMessage() throws {
        let schema = try SchemaRegistry().compile(["const": "yes"])
        #expect(schema.validate("no").first?.message == "must be \"yes\"; got \"no\"")
    }

    @Test func anyOfOfTypesBecomesOneTypeError() throws {
        let schema = try SchemaRegistry().compile(["anyOf": [["type": "string"], ["type": "integer"]]])
        let errors = schema.validate(true)
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "anyOf")
        #expect(errors.first?.message == "must be an integer or a string; got a boolean (true)")
    }

    @Test func oneOfReportsTheAlternativeThatFits() throws {
        let schema = try SchemaRegistry().compile([
            "oneOf": [
                ["required": ["kind"], "properties": ["kind": ["const": "a"], "x": ["type": "string"]]],
                ["required": ["kind"], "properties": ["kind": ["const": "b"], "y": ["type": "integer"]]],
            ]
        ])
        let errors = schema.validate(["kind": "b", "y": "seven"])
        #expect(errors.count == 1)
        #expect(errors.first?.jsonPointer == "/y")
        #expect(errors.first?.message == "must be an integer; got a string (\"seven\")")
    }

    @Test func oneOfWithNoCloseAlternativeSummarises() throws {
        let schema = try SchemaRegistry().compile([
            "oneOf": [
                ["properties": ["kind": ["const": "a"]]],
                ["properties": ["kind": ["const": "b"]]],
            ]
        ])
        let errors = schema.validate(["kind": "c"])
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "oneOf")
        #expect(errors.first?.message.hasPrefix("must match exactly one of 2 alternatives, but matches none") == true)
    }

    @Test func oneOfMatchingTwiceSaysWhich() throws {
        let schema = try SchemaRegistry().compile(["oneOf": [["type": "integer"], ["minimum": 0]]])
        #expect(schema.validate(3).first?.message == "must match exactly one of 2 alternatives, but matches alternatives 1 and 2")
    }

    @Test func theSameProblemIsReportedOnce() throws {
        let schema = try SchemaRegistry().compile([
            "$defs": ["named": ["required": ["name"]]],
            "allOf": [["$ref": "#/$defs/named"], ["$ref": "#/$defs/named"]],
            "required": ["name"],
        ])
        let errors = schema.validate([:])
        #expect(errors.count == 1)
        #expect(errors.first?.message == "missing required field \"name\"")
    }

    @Test func unevaluatedPropertiesSuggestsFromInPlaceSubschemas() throws {
        let schema = try SchemaRegistry().compile([
            "allOf": [["properties": ["title": ["type": "string"]]]],
            "properties": ["status": ["type": "string"]],
            "unevaluatedProperties": false,
        ])
        let errors = schema.validate(["titel": "x", "status": "done"])
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "unevaluatedProperties")
        #expect(errors.first?.jsonPointer == "/titel")
        #expect(errors.first?.suggestion == "title")
    }

    @Test func failingSubschemaDoesNotAlsoMakeItsFieldsUnknown() throws {
        let schema = try SchemaRegistry().compile([
            "allOf": [["properties": ["title": ["type": "string"]]]],
            "unevaluatedProperties": false,
        ])
        let errors = schema.validate(["title": 1])
        #expect(errors.map(\.keyword) == ["type"])
    }

    @Test func itemsFalseAfterPrefixItemsPointsAtTheExtraItem() throws {
        let schema = try SchemaRegistry().compile(["prefixItems": [["type": "string"]], "items": false])
        let errors = schema.validate(["a", "b"])
        #expect(errors.count == 1)
        #expect(errors.first?.instanceLocation == [.index(1)])
        #expect(errors.first?.keyword == "items")
    }

    @Test func descriptionReadsWell() throws {
        let error = try #require(try Self.plan().validate(["title": "x", "status": "Done"]).first)
        #expect(
            error.description
                == "/status: must be one of planned, in-progress, done, delayed, cancelled; got \"Done\" (did you mean \"done\"?)")
    }

    @Test func lengthsCountCodePoints() throws {
        let schema = try SchemaRegistry().compile(["maxLength": 2, "minLength": 2])
        #expect(schema.isValid("😀å"))
        #expect(!schema.isValid("😀"))
        #expect(schema.validate("😀").first?.message == "must be at least 2 characters long; got 1")
    }

    @Test func forbiddenFieldSaysSo() throws {
        let schema = try SchemaRegistry().compile(["properties": ["legacy": false]])
        let errors = schema.validate(["legacy": 1])
        #expect(errors.count == 1)
        #expect(errors.first?.message == "field \"legacy\" is not allowed")
        #expect(errors.first?.jsonPointer == "/legacy")
    }
}
