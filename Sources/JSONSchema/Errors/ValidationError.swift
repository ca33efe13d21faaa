/// One reason a document does not conform to a schema, written for people.
///
/// Errors are values: the validator never prints or throws them. Each is located twice:
/// in the document (``instanceLocation``, where an editor should point) and in the schema
/// (``keywordLocation`` along the evaluation path, ``schemaLocation`` as an absolute URI).
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// Where in the document the problem is. For an unknown field this includes the field's
    /// name; for a missing required field it is the object that lacks it.
    public var instanceLocation: [PathComponent]
    /// The schema keyword that failed, e.g. "enum", "required", "additionalProperties".
    public var keyword: String
    /// The keyword's path through the schema as evaluated, `$ref`s included, as a JSON
    /// pointer, e.g. "/properties/status/$ref/enum".
    public var keywordLocation: String
    /// The keyword's absolute location: the URI of its schema resource with a JSON pointer
    /// fragment, e.g. "https://example.org/plan.json#/$defs/status/enum".
    public var schemaLocation: String
    /// A plain English sentence, e.g. `must be one of planned, done; got "klar"`.
    public var message: String
    /// A likely intended value or field name, when one is close to what was written
    /// (edit distance, case or prefix), e.g. "done" for "Done" or "title" for "titel".
    public var suggestion: String?
    /// For "required" and "dependentRequired": the name of the absent field.
    public var missingProperty: String?
    /// For "type": the allowed type names, so that alternatives can be merged into one message.
    var expectedTypes: [String]?

    /// Creates an error; the validator fills these in, tests and callers may too.
    public init(
        instanceLocation: [PathComponent], keyword: String, keywordLocation: String,
        schemaLocation: String, message: String, suggestion: String? = nil, missingProperty: String? = nil
    ) {
        self.instanceLocation = instanceLocation
        self.keyword = keyword
        self.keywordLocation = keywordLocation
        self.schemaLocation = schemaLocation
        self.message = message
        self.suggestion = suggestion
        self.missingProperty = missingProperty
    }

    /// ``instanceLocation`` as a JSON pointer ("" for the document root).
    public var jsonPointer: String { instanceLocation.jsonPointer }

    /// `pointer: message (did you mean "x"?)`, with "(root)" for the whole document.
    public var description: String {
        let location = instanceLocation.isEmpty ? "(root)" : jsonPointer
        var out = "\(location): \(message)"
        if let suggestion {
            out += " (did you mean \"\(suggestion)\"?)"
        }
        return out
    }
}
