import Foundation
import PlantrackCore
import PlantrackGit
import Testing

/// A workspace made by an earlier plantrack keeps working: `validate` says its schemas are
/// outdated, once, and `plantrack schemas update` brings them up to date (issue 18, item 12).
@Suite("plantrack schemas update")
struct SchemasUpdateTests {
    /// The schemas as shipped at commit 2130ba6 (Tests/Fixtures/schemas-2130ba6).
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/schemas-2130ba6")

    /// A workspace as `init` made it, with `schemas` (file name → bytes) as its Schemas/,
    /// all committed.
    static func workspace(schemas: [String: Data]) throws -> CycleWorkspace {
        let ws = try CycleWorkspace()
        let made = try ws.run(["init", ".", "--county", "orebro", "--county-name", "Örebro län", "--code", "18", "--no-commit"])
        #expect(made.status == 0, "\(made.stderr)")
        for (name, data) in schemas { try ws.folder.write("Schemas/" + name, data) }
        let signature = Author(name: "Förra versionen", email: "tidigare@example.se", time: 1_767_225_600)
        let paths = try ws.files(under: "Plans") + ws.files(under: "Schemas") + [".vscode/settings.json", "README.md"]
        try ws.repository.commitWorkingFiles(paths, message: "init: workspace with orebro (Örebro län)\n", signature: signature)
        return ws
    }

    static func fixtureSchemas() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".json") {
            files[name] = try Data(contentsOf: fixtures.appendingPathComponent(name))
        }
        return files
    }

    @Test func aWorkspaceOfThePreviousReleaseIsUpdated() throws {
        let ws = try Self.workspace(schemas: Self.fixtureSchemas())
        let before = try ws.run(["validate"])
        #expect(before.status == 0, "\(before.stdout)\(before.stderr)")
        // The files that changed since that release: one warning, at the first, names them all.
        let changed = try Self.fixtureSchemas().filter { name, data in
            try data != Data(contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/" + name))
        }.keys.sorted()
        #expect(changed.contains("workspace.schema.json"))
        let outdated = before.stdout.split(separator: "\n").filter { $0.contains("[schemas.outdated]") }
        #expect(outdated.count == 1, "\(before.stdout)")
        #expect(outdated.first?.hasPrefix("Schemas/\(changed[0]):1:1: warning: [schemas.outdated] ") == true)
        for name in changed { #expect(outdated.first?.contains("Schemas/\(name)") == true, "\(name)") }
        #expect(outdated.first?.contains("plantrack schemas update") == true)
        #expect(before.stdout.contains("2 documents checked (working tree): 0 errors, 1 warning"), "\(before.stdout)")

        let update = try ws.run(["schemas", "update"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("updated Schemas/workspace.schema.json (from an earlier plantrack → plantrack "))
        // The diff of workspace.schema.json: the lines that changed between 2130ba6 and now,
        // old then new (its section of the output: up to the next file's line).
        let lines = update.stdout.split(separator: "\n").drop { !$0.contains("updated Schemas/workspace.schema.json") }
            .dropFirst().prefix { !$0.hasPrefix("updated ") }
        let removed = Set(lines.filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) })
        let added = Set(lines.filter { $0.hasPrefix("  + ") }.map { String($0.dropFirst(4)) })
        let oldLines = Set(
            String(decoding: try #require(Self.fixtureSchemas()["workspace.schema.json"]), as: UTF8.self)
                .split(separator: "\n").map(String.init))
        let newLines = Set(
            try String(
                contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/workspace.schema.json"),
                encoding: .utf8
            ).split(separator: "\n").map(String.init))
        // Every line only one side has is shown, and nothing that neither side has.
        #expect(removed.isSuperset(of: oldLines.subtracting(newLines)) && removed.isSubset(of: oldLines), "\(update.stdout)")
        #expect(added.isSuperset(of: newLines.subtracting(oldLines)) && added.isSubset(of: newLines), "\(update.stdout)")
        #expect(removed.contains { $0.hasSuffix("t.ex. `activity.overdue`.\",") })
        #expect(added.contains { $0.hasSuffix("t.ex. `dates.overdue`.\",") })
        #expect(update.stdout.contains("@@ line "), "\(update.stdout)")
        // #23 changed plan.schema.json (analysis, funding kind and principal): outdated too.
        #expect(update.stdout.contains("updated Schemas/plan.schema.json (from an earlier plantrack → plantrack "))
        #expect(update.stdout.contains("committed "))

        let messages = try ws.messages()
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("schemas: update ") == true, "\(messages)")
        let repo = try Repository.open(at: ws.path)
        let message = try repo.commit(repo.head().id).message
        #expect(message.contains("\n\n"), "a body below the subject")
        #expect(message.contains("- Schemas/workspace.schema.json\n"))
        for name in try Self.fixtureSchemas().keys {
            let shipped = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/" + name))
            #expect(try Data(contentsOf: ws.folder.url.appendingPathComponent("Schemas/" + name)) == shipped, "\(name)")
        }
        #expect(try ws.dirtyPaths(ws.files(under: "Schemas")).isEmpty)

        let after = try ws.run(["validate"])
        #expect(after.status == 0)
        #expect(!after.stdout.contains("schemas.outdated"), "\(after.stdout)")
        #expect(after.stdout.contains("0 errors, 0 warnings"))

        let again = try ws.run(["schemas", "update"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to do"), "\(again.stdout)")
        #expect(try ws.messages().count == 2)
    }

    @Test func noCommitOnlyWrites() throws {
        let ws = try Self.workspace(schemas: Self.fixtureSchemas())
        let update = try ws.run(["schemas", "update", "--no-commit"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("written, not committed (--no-commit)"))
        #expect(try ws.messages().count == 1)
        #expect(try ws.dirtyPaths(["Schemas/workspace.schema.json"]) == ["Schemas/workspace.schema.json"])
        #expect(!(try ws.run(["validate"])).stdout.contains("schemas.outdated"))
    }

    @Test func aWorkspaceWithoutSchemasHasNothingToUpdate() throws {
        let ws = try CycleWorkspace(bundled: true)
        let update = try ws.run(["schemas", "update"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("Schemas/ holds no copy of plantrack's schemas"), "\(update.stdout)")
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/Schemas"))
        #expect(try ws.messages().count == 1)
    }

    @Test func theRuleCanBeSwitchedOff() throws {
        let ws = try Self.workspace(schemas: Self.fixtureSchemas())
        try ws.write("Plans/workspace.yaml", try ws.text("Plans/workspace.yaml") + "rules:\n  schemas.outdated: off\n")
        let validate = try ws.run(["validate"])
        #expect(validate.status == 0)
        #expect(!validate.stdout.contains("schemas.outdated"), "\(validate.stdout)")
        #expect(!validate.stdout.contains("settings.unknown-rule"), "\(validate.stdout)")
    }

    /// A schema the county edited is theirs: not reported as outdated, not overwritten
    /// unless asked.
    @Test func anEditedSchemaIsKept() throws {
        var schemas = try Self.fixtureSchemas()
        let current = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/activity.schema.json"))
        let text = String(decoding: current, as: UTF8.self)
        let edited = text.replacingOccurrences(
            of: "\"properties\": {\n", with: "\"properties\": {\n    \"x-diarienummer\": { \"type\": \"string\" },\n")
        #expect(edited != text)
        schemas["activity.schema.json"] = Data(edited.utf8)
        let ws = try Self.workspace(schemas: schemas)
        let validate = try ws.run(["validate"])
        let outdated = validate.stdout.split(separator: "\n").filter { $0.contains("[schemas.outdated]") }
        #expect(outdated.count == 1)
        #expect(outdated.first?.contains("activity.schema.json") == false)

        let update = try ws.run(["schemas", "update"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("kept Schemas/activity.schema.json: edited in this workspace"), "\(update.stdout)")
        #expect(update.stdout.contains("updated Schemas/workspace.schema.json"))
        #expect(try ws.text("Schemas/activity.schema.json") == edited)

        let replace = try ws.run(["schemas", "update", "--replace-edited"])
        #expect(replace.status == 0, "\(replace.stderr)")
        #expect(replace.stdout.contains("updated Schemas/activity.schema.json (edited in this workspace → plantrack "))
        #expect(replace.stdout.contains("  -     \"x-diarienummer\": { \"type\": \"string\" },"), "\(replace.stdout)")
        #expect(try ws.bytes("Schemas/activity.schema.json") == Array(current))
        #expect(try ws.messages().count == 3)
    }

    /// The update is checked against the schemas it writes: when they would refuse a
    /// document, nothing is written and the finding names the place.
    @Test func anUpdateTheDocumentsWouldFailIsRefused() throws {
        var schemas = try Self.fixtureSchemas()
        let current = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/activity.schema.json"))
        let text = String(decoding: current, as: UTF8.self)
        // The county allowed a field of its own without the x- prefix.
        let edited = text.replacingOccurrences(
            of: "\"properties\": {\n", with: "\"properties\": {\n    \"diarienummer\": { \"type\": \"string\" },\n")
        schemas["activity.schema.json"] = Data(edited.utf8)
        let ws = try Self.workspace(schemas: schemas)
        for arguments in [
            ["new", "plan", "orebro/2026", "--title", "Länsgemensam handlingsplan 2026", "--area", "bu=Barn och unga"],
            ["new", "goal", "orebro/2026/bu-st-1", "--title", "Fler unga mår bra", "--term", "short", "--area", "bu"],
            ["new", "activity", "orebro/2026/bu-p1", "--title", "Föräldrastöd", "--area", "bu", "--goal", "bu-st-1"],
            ["update", "orebro/2026/bu-p1", "--set", "diarienummer=RS 2026/118"],
        ] {
            let result = try ws.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let activity = try ws.text("Plans/orebro/2026/activities/bu-p1.md")
        let line =
            try #require(
                activity.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.hasPrefix("diarienummer:") }) + 1
        let commits = try ws.messages().count

        let refused = try ws.run(["schemas", "update", "--replace-edited"])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("Plans/orebro/2026/activities/bu-p1.md:\(line):1: error: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("diarienummer"))
        #expect(refused.stderr.contains("Nothing was written."))
        #expect(try ws.text("Schemas/activity.schema.json") == edited)
        #expect(
            try ws.text("Schemas/workspace.schema.json")
                != String(
                    decoding: try Data(
                        contentsOf:
                            CLI.packageRoot.appendingPathComponent("Schemas/workspace.schema.json")), as: UTF8.self))
        #expect(try ws.messages().count == commits)
    }
}
