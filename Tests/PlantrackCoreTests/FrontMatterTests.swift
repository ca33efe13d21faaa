import Foundation
import Testing

@testable import PlantrackCore

/// Reads `text` as the activity document at a fixed path.
private func read(_ text: String) -> Result<Document, Finding> {
    read(Array(text.utf8))
}

private func read(_ bytes: [UInt8]) -> Result<Document, Finding> {
    DocumentReader().read(
        bytes, path: "Plans/x/2021/activities/a.md", kind: .activity,
        reference: ItemReference("x/2021/a"))
}

private func failure(_ text: String) -> Finding? {
    if case .failure(let finding) = read(text) { return finding }
    return nil
}

private func document(_ text: String) throws -> Document {
    try read(text).get()
}

@Suite("Front matter")
struct FrontMatterTests {
    @Test func plainDocument() throws {
        let doc = try document("---\nid: a\ntitle: Stöd åt förskolan\n---\n# Body\nText\n")
        #expect(doc.frontMatter["title"]?.string == "Stöd åt förskolan")
        #expect(doc.body == "# Body\nText\n")
        #expect(doc.bodyFirstLine == 5)
        #expect(doc.frontMatter.entry("title")?.keyLocation == SourceLocation(line: 3, column: 1))
        #expect(doc.frontMatter["title"]?.location == SourceLocation(line: 3, column: 8))
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let doc = try read([0xEF, 0xBB, 0xBF] + Array("---\nid: a\n---\nbody\n".utf8)).get()
        #expect(doc.frontMatter["id"]?.string == "a")
        #expect(doc.body == "body\n")
    }

    @Test func crlfLineEnds() throws {
        let doc = try document("---\r\nid: a\r\ntitle: x\r\n---\r\nbody\r\n")
        #expect(doc.frontMatter["title"]?.string == "x")
        #expect(doc.frontMatter["title"]?.location == SourceLocation(line: 3, column: 8))
        #expect(doc.body == "body\r\n")
    }

    @Test func missingClosingFenceNamesTheOpeningLine() {
        let finding = failure("---\nid: a\ntitle: x\n# no fence\n")
        #expect(finding?.rule == "frontmatter.unclosed")
        #expect(finding?.location == SourceLocation(line: 1, column: 1))
        #expect(finding?.message.contains("never closed") == true)
    }

    @Test func missingOpeningFence() {
        let finding = failure("id: a\n")
        #expect(finding?.rule == "frontmatter.missing")
    }

    @Test func emptyFrontMatterIsAnEmptyMapping() throws {
        let doc = try document("---\n---\nbody\n")
        #expect(doc.frontMatter.entries.isEmpty)
        #expect(doc.body == "body\n")
    }

    @Test func frontMatterMustBeAMapping() {
        let finding = failure("---\n- a\n- b\n---\n")
        #expect(finding?.rule == "frontmatter.not-mapping")
        #expect(finding?.location == SourceLocation(line: 2, column: 1))
    }

    @Test func tabIndentationIsASyntaxErrorWithItsPlace() {
        let finding = failure("---\nid: a\ntasks:\n\t- title: x\n---\n")
        #expect(finding?.rule == "yaml.syntax")
        #expect(finding?.location?.line == 4)
        #expect(finding?.path == "Plans/x/2021/activities/a.md")
    }

    @Test func duplicateKeysAreAnErrorAtTheSecondKey() {
        let finding = failure("---\nid: a\nstatus: done\ntitle: x\nstatus: planned\n---\n")
        #expect(finding?.rule == "yaml.duplicate-key")
        #expect(finding?.location == SourceLocation(line: 5, column: 1))
        #expect(finding?.message == "duplicate key \"status\" (first at line 3)")
    }

    @Test func duplicateKeysInLargeMappings() {
        let keys = (0..<40).map { "k\($0): 1" }.joined(separator: "\n")
        let finding = failure("---\n\(keys)\nk7: 2\n---\n")
        #expect(finding?.rule == "yaml.duplicate-key")
        #expect(finding?.location?.line == 42)
    }

    @Test func yaml12CoreSchemaScalars() throws {
        let doc = try document(
            """
            ---
            title: no
            a: yes
            b: on
            c: off
            d: true
            e: False
            f: 2021-03-15
            g: 42
            h: -7
            i: 0x1F
            j: 0o17
            k: 3.5
            l: 1e3
            m: ~
            n:
            o: "true"
            p: '42'
            q: .inf
            r: 1_000
            s: 012
            ---

            """)
        let fm = doc.frontMatter
        #expect(fm["title"]?.content == .string("no"))
        #expect(fm["a"]?.content == .string("yes"))
        #expect(fm["b"]?.content == .string("on"))
        #expect(fm["c"]?.content == .string("off"))
        #expect(fm["d"]?.content == .bool(true))
        #expect(fm["e"]?.content == .bool(false))
        #expect(fm["f"]?.content == .string("2021-03-15"))
        #expect(fm["g"]?.content == .integer(42))
        #expect(fm["h"]?.content == .integer(-7))
        #expect(fm["i"]?.content == .integer(31))
        #expect(fm["j"]?.content == .integer(15))
        #expect(fm["k"]?.content == .float(3.5))
        #expect(fm["l"]?.content == .float(1000))
        #expect(fm["m"]?.content == .null)
        #expect(fm["n"]?.content == .null)
        #expect(fm["o"]?.content == .string("true"))
        #expect(fm["p"]?.content == .string("42"))
        #expect(fm["q"]?.content == .float(.infinity))
        #expect(fm["r"]?.content == .string("1_000"))
        #expect(fm["s"]?.content == .integer(12))
    }

    @Test func impossibleDateStaysAString() throws {
        let doc = try document("---\ndue: 2021-02-30\n---\n")
        #expect(doc.frontMatter["due"]?.content == .string("2021-02-30"))
        #expect(CalendarDate("2021-02-30") == nil)
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2100-02-29") == nil)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let doc = try document("---\nåäö: [x, y]\n---\n")
        let list = try #require(doc.frontMatter["åäö"]?.sequence)
        #expect(list[1].location == SourceLocation(line: 2, column: 10))
    }

    @Test func aliasesWithinBudgetExpand() throws {
        let doc = try document("---\nbase: &b {title: x}\ncopy: *b\n---\n")
        #expect(doc.frontMatter["copy"]?.mapping?["title"]?.string == "x")
    }

    @Test func aliasBombIsRefusedQuickly() {
        let bomb = """
            ---
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            ---

            """
        let finding = failure(bomb)
        #expect(finding?.rule == "yaml.alias-budget")
        #expect(finding?.location?.line == 6)
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let depth = 10_000
        let flow = "---\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n"
        let finding = failure(flow)
        #expect(finding?.rule == "yaml.too-deep")
        #expect(finding?.location?.line == 2)

        // Block nesting needs indentation, so 10,000 levels would pass the size limit first;
        // a few hundred is enough to cross the depth limit.
        let block = "---\n" + (0..<300).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + "\n---\n"
        #expect(failure(block)?.rule == "yaml.too-deep")
    }

    @Test func notUTF8IsRefusedWithItsPlace() {
        let bytes = Array("---\ntitle: ok\nowner: ".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8)
        guard case .failure(let finding) = read(bytes) else {
            Issue.record("expected a failure")
            return
        }
        #expect(finding.rule == "file.not-utf8")
        #expect(finding.location == SourceLocation(line: 3, column: 8))
    }

    @Test func oversizedDocumentIsRefusedUnparsed() {
        let big = "---\nid: a\n---\n" + String(repeating: "x", count: 1 << 20)
        #expect(failure(big)?.rule == "file.too-large")
    }

    @Test func documentEndMarkerAndTrailingSpacesOnTheFence() throws {
        let doc = try document("---\nid: a\n...\n--- \nbody\n")
        #expect(doc.frontMatter["id"]?.string == "a")
        #expect(doc.body == "body\n")
    }

    @Test func secondYAMLDocumentInFrontMatterIsRefused() {
        let finding = failure("---\nid: a\n...\nid: b\n---\n")
        #expect(finding?.rule == "yaml.syntax")
        #expect(finding?.location?.line == 4)
    }

    /// An empty key is null in YAML; it used to be read as a field named "", a name no one
    /// wrote.
    @Test func anEmptyKeyIsRefused() {
        let finding = failure("---\nid: a\n? \n: b\n---\n")
        #expect(finding?.rule == "yaml.key")
        #expect(finding?.location?.line == 3)
        // A quoted empty key is text, and stays a field.
        #expect((try? document("---\n\"\": b\n---\n"))?.frontMatter[""]?.string == "b")
    }

    /// What libyaml accepts though YAML forbids it (yaml-test-suite cases named): refused
    /// with the place, never read as a value.
    @Test func layoutLibyamlLetsThroughIsRefused() {
        let cases: [(text: String, line: Int, column: Int)] = [
            ("---\nid: a\nnote: \"value\"# comment\n---\n", 3, 14),  // SU5Z
            ("---\nnote: ># comment\n  text\n---\n", 2, 8),  // X4QW
            ("---\nlist: [a,\nb]\n---\n", 3, 1),  // 9C9N
            ("---\nnote: \"a\nb\"\n---\n", 3, 1),  // QB6E
            ("---\nnote: \"a\n\tb\"\n---\n", 3, 1),  // DK95/01
            ("---\nitems:\n  - x: \"a\n     b\n  c\"\n---\n", 5, 3),  // deeper: beyond the inner key
            ("---\nnote: >\n   \n  text\n---\n", 4, 3),  // S98Z
        ]
        for (text, line, column) in cases {
            let finding = failure(text)
            #expect(finding?.rule == "yaml.syntax", "\(text)")
            #expect(finding?.location == SourceLocation(line: line, column: column), "\(text)")
        }
        // What YAML allows stays readable.
        let fine = try? document("---\nlist: [a,\n  b]\nnote: \"a\n  b\"\nx: \"y\" # c\nt: > # c\n  text\nu: |2\n   \n  t\n---\n")
        #expect(fine?.frontMatter["list"]?.sequence?.count == 2)
        #expect(fine?.frontMatter["note"]?.string == "a b")
        #expect(fine?.frontMatter["t"]?.string == "text\n")
    }

    /// A bare YAML file whose last line is part of a block text and has no line break: libyaml
    /// alone loses that line (yaml-test-suite L24T).
    @Test func aLastLineWithoutLineBreakKeepsItsText() throws {
        let result = DocumentReader().read(
            Array("note: |\n  x\n   ".utf8), path: "Plans/workspace.yaml", kind: .workspace, reference: nil)
        #expect(try result.get().frontMatter["note"]?.string == "x\n \n")
    }

    @Test func unknownTagsAreRefused() {
        #expect(failure("---\nx: !python/object foo\n---\n")?.rule == "yaml.tag")
        let doc = try? document("---\nx: !!str 42\n---\n")
        #expect(doc?.frontMatter["x"]?.content == .string("42"))
    }

    @Test func workspaceSettingsAreWholeYAMLFiles() throws {
        let result = DocumentReader().read(
            Array("name: Exempel\nlanguage: sv\n".utf8), path: "Plans/workspace.yaml",
            kind: .workspace, reference: nil)
        let doc = try result.get()
        #expect(doc.frontMatter["language"]?.string == "sv")
        #expect(doc.frontMatter["name"]?.location == SourceLocation(line: 1, column: 7))
    }
}
