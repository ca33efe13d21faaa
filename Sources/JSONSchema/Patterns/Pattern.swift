/// A compiled ECMA-262 regular expression as used by `pattern` and `patternProperties`.
///
/// Most schema patterns are a few character classes with quantifiers and anchors
/// (`^[a-z0-9][a-z0-9-]*$`, `^x-`). Those run on a small matcher over UTF-8 bytes with
/// ECMA-262 meanings (`\d` is ASCII only, `$` is the very end); anything richer falls back
/// to `NSRegularExpression` after translating the ECMA-specific escapes.
final class Pattern: Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let simple: SimpleRegex?
    private let foundation: FoundationRegex?

    init(_ source: String) throws(SchemaError) {
        self.source = source
        if let simple = SimpleRegex(source) {
            self.simple = simple
            self.foundation = nil
        } else {
            self.simple = nil
            do {
                self.foundation = try FoundationRegex(ecmaPattern: source)
            } catch {
                throw SchemaError("invalid regular expression \(JSONValue.quoted(source))")
            }
        }
    }

    /// Whether the pattern matches anywhere in `string` (ECMA-262 `RegExp.prototype.test`).
    func matches(_ string: String) -> Bool {
        if let simple { return simple.matches(string) }
        if let foundation { return foundation.matches(string) }
        return false
    }

    /// Whether the small matcher handles this pattern (for tests and measurements).
    var usesSimpleMatcher: Bool { simple != nil }
}
