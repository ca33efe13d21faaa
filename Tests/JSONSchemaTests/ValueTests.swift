import JSONSchema
import Testing

/// JSON values and the parser.
@Suite("JSON values and parsing")
struct ValueTests {
    @Test func parserKeepsKeyOrderAndNumberKinds() throws {
        let value = try JSONValue(parsing: #"{"z": 1, "a": 1.0, "m": [true, null, "x"], "big": 12345678901234567890}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m", "big"])
        #expect(value["z"] == .number(.integer(1)))
        #expect(value["a"] == .number(.double(1.0)))
        if case .number(.double) = value["big"] {} else { Issue.record("integers beyond Int64 become doubles") }
        #expect(value.description == #"{"z":1,"a":1.0,"m":[true,null,"x"],"big":1.2345678901234567e+19}"#)
    }

    @Test func parserDecodesEscapes() throws {
        let value = try JSONValue(parsing: #"["a\"b\\c\/d\n", "\u00e5\ud83d\ude00"]"#)
        #expect(value[0] == "a\"b\\c/d\n")
        #expect(value[1] == "å😀")
    }

    @Test func parseErrorsCarryLineAndColumn() throws {
        do {
            _ = try JSONValue(parsing: "{\n  \"å\": 1,\n  \"b\" 2\n}")
            Issue.record("expected a parse error")
        } catch let error as JSONParseError {
            #expect(error.line == 3)
            #expect(error.column == 7)
            #expect(error.message == "expected ':' after the member name")
            #expect(error.description.hasPrefix("3:7: "))
        }
    }

    @Test func parserRejectsMalformedInput() {
        for text in [
            "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "tru", "\"abc", "{\"a\":1 \"b\":2}", "[1] 2", "{\"a\":1,\"a\":2}", "\"\u{1}\"",
        ] {
            #expect(throws: JSONParseError.self, "\(text)") { try JSONValue(parsing: text) }
        }
    }

    @Test func schemaEqualitySemantics() {
        #expect(JSONValue.number(.integer(1)) == .number(.double(1.0)))
        #expect(Set<JSONValue>([1, 1.0]).count == 1)
        let a: JSONValue = ["x": 1, "y": [1, 2]]
        let b: JSONValue = ["y": [1.0, 2], "x": 1.0]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(JSONValue.bool(true) != .number(.integer(1)))
        #expect(JSONValue.string("\u{e9}") != .string("e\u{301}"))
        #expect(JSONNumber.integer(9_007_199_254_740_993) != .double(9_007_199_254_740_992))
    }

    @Test func integerTypeAcceptsIntegralDoubles() throws {
        let schema = try SchemaRegistry().compile(["type": "integer"])
        #expect(schema.isValid(1.0))
        #expect(!schema.isValid(1.5))
    }

    @Test func objectEditingKeepsOrder() {
        var object: JSONObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = 4
        object["a"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object["b"] == 4)
        var large = JSONObject()
        for i in 0..<40 { large["k\(i)"] = .number(.integer(Int64(i))) }
        #expect(large["k33"] == 33)
        #expect(large.keys.first == "k0")
    }
}
