import Testing

@testable import JSONSchema

/// Regular expressions (ECMA-262 meanings) and the asserted formats.
@Suite("Patterns and formats")
struct PatternAndFormatTests {
    @Test func commonPatternsUseTheSmallMatcher() throws {
        let slug = try Pattern("^[a-z0-9][a-z0-9-]*$")
        #expect(slug.usesSimpleMatcher)
        #expect(slug.matches("plan-2026"))
        #expect(!slug.matches("-plan"))
        #expect(!slug.matches("Plan"))
        #expect(!slug.matches("plan\n"))
        let prefix = try Pattern("^x-")
        #expect(prefix.usesSimpleMatcher)
        #expect(prefix.matches("x-custom") && !prefix.matches("y-x-"))
        #expect(try Pattern("\\d{4}-\\d{2}").matches("on 2026-11"))
        #expect(try !Pattern("^\\d+$").matches("১২"))
        #expect(try Pattern("^.{2}$").matches("å😀"))
    }

    @Test func richerPatternsFallBackWithECMAMeanings() throws {
        let alternation = try Pattern("^(foo|bar)-\\d+$")
        #expect(!alternation.usesSimpleMatcher)
        #expect(alternation.matches("bar-12"))
        #expect(!alternation.matches("bar-১২"))
        #expect(!alternation.matches("foo-1\n"))
        #expect(try Pattern("^[^]$").matches("\n"))
    }

    @Test func smallMatcherAgreesWithTheFullEngine() throws {
        let patterns = ["^[a-z]+$", "a+b*c?", "^x-", "[0-9]{2,3}$", "^\\w+@\\w+\\.se$", "^[^\\s]{1,5}$", "é+", "^a*a*a*b$"]
        let subjects = ["", "abc", "x-1", "aab", "12", "1234", "namn@kommun.se", "a b", "ééé", "aaaab", "aaaa", "ABC"]
        for source in patterns {
            let simple = try #require(SimpleRegex(source))
            let full = try FoundationRegex(ecmaPattern: source)
            for subject in subjects {
                #expect(simple.matches(subject) == full.matches(subject), "\(source) on \(subject)")
            }
        }
    }

    @Test func dates() {
        #expect(DateFormats.isDate("2024-02-29"))
        #expect(!DateFormats.isDate("2023-02-29"))
        #expect(!DateFormats.isDate("2021-02-30"))
        #expect(DateFormats.isDate("2000-02-29"))
        #expect(!DateFormats.isDate("1900-02-29"))
        #expect(!DateFormats.isDate("2021-2-03"))
        #expect(DateFormats.isDateTime("2026-11-23T09:30:00+01:00"))
        #expect(!DateFormats.isDateTime("2026-11-23 09:30:00Z"))
    }

    @Test func emailsAndURIs() {
        #expect(NetworkFormats.isEmail("handlaggare@region.se"))
        #expect(!NetworkFormats.isEmail("handlaggare@@region.se"))
        #expect(!NetworkFormats.isEmail("a..b@region.se"))
        #expect(URIFormats.isURI("https://www.regionuppsala.se/plan?x=1#del-2", requireScheme: true))
        #expect(!URIFormats.isURI("www.regionuppsala.se", requireScheme: true))
        #expect(!URIFormats.isURI("https://exa mple.se", requireScheme: true))
    }

    @Test func uriResolution() {
        let base = URIReference("http://a/b/c/d;p?q")
        let cases = [
            ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("/g", "http://a/g"), ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"), ("#s", "http://a/b/c/d;p?q#s"), ("../g", "http://a/b/g"),
            ("../../../g", "http://a/g"), ("g;x=1/../y", "http://a/b/c/y"), ("", "http://a/b/c/d;p?q"),
        ]
        for (reference, expected) in cases {
            #expect(base.resolving(URIReference(reference)).description == expected, "\(reference)")
        }
        #expect(URIReference("urn:uuid:1234").resolving(URIReference("#/a")).description == "urn:uuid:1234#/a")
    }

    @Test func pointerFragments() {
        #expect(JSONPointer.tokens(fromFragment: "/a~1b/c~0d/%25") == ["a/b", "c~d", "%"])
        #expect(JSONPointer.tokens(fromFragment: "anchor") == nil)
        #expect(JSONPointer.tokens(fromFragment: "") == [])
    }

    @Test func suggestions() {
        #expect(Suggestions.closest(to: "titel", among: ["status", "title"]) == "title")
        #expect(Suggestions.closest(to: "STATUS", among: ["status"]) == "status")
        #expect(Suggestions.closest(to: "klar", among: ["planned", "done"]) == nil)
    }
}
