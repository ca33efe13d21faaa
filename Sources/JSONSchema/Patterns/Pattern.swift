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
        if let foreign = Self.nonECMASyntax(in: source) {
            throw SchemaError("invalid regular expression \(JSONValue.quoted(source)): \(foreign) is not ECMA-262 syntax")
        }
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

    /// Syntax that ICU would accept but ECMA-262 does not: comment groups `(?#...)` and
    /// global inline flags such as `(?i)`. Accepting them would make schemas behave
    /// differently here than in every JavaScript-based validator.
    private static func nonECMASyntax(in source: String) -> String? {
        let scalars = Array(source.unicodeScalars)
        var i = 0
        var inClass = false
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\" {
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(", i + 2 < scalars.count, scalars[i + 1] == "?" {
                if scalars[i + 2] == "#" { return "a comment group (?#...)" }
                var j = i + 2
                while j < scalars.count, scalars[j].isASCIILetter { j += 1 }
                if j > i + 2, j < scalars.count, scalars[j] == ")" { return "an inline flag group" }
            }
            i += 1
        }
        return nil
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
