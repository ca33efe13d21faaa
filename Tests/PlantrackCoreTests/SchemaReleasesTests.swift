import Foundation
import PlantrackCore
import Testing

@Suite("schema versions plantrack has shipped")
struct SchemaReleasesTests {
    @Test func blobIDsAreGits() {
        // `git hash-object` of an empty file and of "hello\n"; SHA-1 of "abc" through the blob header.
        #expect(GitBlobID.of([]) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        #expect(GitBlobID.of(Array("hello\n".utf8)) == "ce013625030ba8dba906f756967f9e9ca394464a")
        // Longer than one 64-byte block, with Å, ä, ö.
        let long = Array(String(repeating: "Åsa Öberg läser planen.\n", count: 40).utf8)
        #expect(GitBlobID.of(long).count == 40)
        #expect(GitBlobID.ofText(Array("hello\r\n".utf8)) == GitBlobID.of(Array("hello\n".utf8)))
        #expect(GitBlobID.ofText(Array("a\rb\n".utf8)) == GitBlobID.of(Array("a\rb\n".utf8)))
    }

    @Test func everyBuiltInSchemaIsRecorded() {
        let missing = SchemaReleases.unrecorded
        #expect(
            missing.isEmpty,
            """
            Schemas/ changed without recording the new version: append these ids to \
            SchemaReleases.shipped (keep the old ones): \(missing.map { "\($0.name): \($0.id)" }.joined(separator: ", "))
            """)
    }

    @Test func workspaceCopiesAreToldApart() throws {
        let fixtures = RulesFixtures.packageRoot + "/Tests/Fixtures/schemas-2130ba6"
        let old = Array(try Data(contentsOf: URL(fileURLWithPath: fixtures + "/workspace.schema.json")))
        #expect(SchemaReleases.standing(of: old, name: "workspace.schema.json") == .outdated)
        let current = Array((SchemaReleases.builtInText(of: "plan.schema.json") ?? "").utf8)
        #expect(!current.isEmpty)
        #expect(SchemaReleases.standing(of: current, name: "plan.schema.json") == .current)
        // A Windows checkout of the same text is the same version.
        let crlf = Array(String(decoding: current, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(SchemaReleases.standing(of: crlf, name: "plan.schema.json") == .current)
        // An edit (even of one character) is the county's own.
        var edited = current
        edited.insert(UInt8(ascii: " "), at: 1)
        #expect(SchemaReleases.standing(of: edited, name: "plan.schema.json") == .edited)
        #expect(SchemaReleases.standing(of: current, name: "indikator.schema.json") == .own)
    }

    @Test func oneFindingForAllOutdatedFiles() throws {
        let fixtures = RulesFixtures.packageRoot + "/Tests/Fixtures/schemas-2130ba6"
        let old = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/workspace.schema.json"))
        let snapshot = MemorySnapshot(
            label: "test",
            bytes: [
                "Schemas/workspace.schema.json": Array(old),
                "Plans/workspace.yaml": Array("name: Test\nlanguage: sv\n".utf8),
            ])
        let (schemas, problems) = try DocumentSchemas.load(from: snapshot)
        #expect(problems.isEmpty)
        #expect(schemas?.outdatedFiles == ["Schemas/workspace.schema.json"])
        guard let schemas else { return }
        let report = try WorkspaceValidator(schemas: schemas, asOf: CalendarDate(year: 2026, month: 3, day: 1)!).validate(snapshot)
        let outdated = report.findings.filter { $0.rule == "schemas.outdated" }
        #expect(outdated.count == 1)
        #expect(outdated.first?.path == "Schemas/workspace.schema.json")
        #expect(outdated.first?.severity == .warning)
        #expect(outdated.first?.message.contains("plantrack schemas update") == true)
        #expect(report.documentCount == 1)
    }
}
