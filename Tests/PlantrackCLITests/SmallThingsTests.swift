import Foundation
import PlantrackCore
import PlantrackGit
import Testing

/// Small things of issue 18, item 11, through the binary: approve's refusal names the
/// command that helps, log marks adopted versions, commit subjects fit in 72 characters,
/// and init's README names only what the workspace has.
@Suite("Small things of the yearly cycle")
struct SmallThingsTests {
    /// Every commit's full message, newest first.
    static func fullMessages(_ ws: CycleWorkspace) throws -> [String] {
        let repo = try Repository.open(at: ws.path)
        return try repo.history(from: repo.head().id, firstParentOnly: true).map { try repo.commit($0).message }
    }

    @Test func approveOfAnApprovedVersionSuggestsRaisingTheVersion() throws {
        let ws = try CycleWorkspace(bundled: true)
        #expect(try ws.run(["approve", "uppsala/2026", "--date", "2026-02-01", "--by", "Styrgruppen"]).status == 0)
        let version = try #require(
            try ws.text("Plans/uppsala/2026/plan.md")
                .split(separator: "\n").first { $0.hasPrefix("version: ") }.flatMap { Int($0.dropFirst(9)) })
        let again = try ws.run(["approve", "uppsala/2026", "--date", "2026-03-01"])
        #expect(again.status == 2)
        let suggestion = "plantrack update uppsala/2026 --set version=\(version + 1)"
        #expect(again.stderr.contains(suggestion), "\(again.stderr)")
        #expect(!again.stderr.contains("revise"))
        // The suggestion works: after it, the changed plan is approved as the next version.
        let raise = try ws.run(Array(suggestion.split(separator: " ").dropFirst().map(String.init)))
        #expect(raise.status == 0, "\(raise.stderr)")
        let approve = try ws.run(["approve", "uppsala/2026", "--date", "2026-03-01"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("tagged uppsala/2026/v\(version + 1)"))
    }

    /// A mistyped `--county` is refused (exit 1, naming the nearest county) instead of
    /// showing empty figures that read like a county without plans; a real one still works.
    @Test func rollupAndReportRefuseACountyThatIsNotThere() throws {
        let ws = try CycleWorkspace(bundled: true)
        for command in [["rollup"], ["rollup", "--rev", "HEAD", "--format", "json"], ["report", "--format", "markdown"]] {
            let mistyped = try ws.run(command + ["--county", "stockholn"])
            #expect(mistyped.status == 1, "\(command): \(mistyped.stdout)")
            #expect(mistyped.stderr.contains("no stockholn in "), "\(mistyped.stderr)")
            #expect(mistyped.stderr.contains("stockholm"), "\(mistyped.stderr)")
            #expect(mistyped.stdout.isEmpty)
            let real = try ws.run(command + ["--county", "stockholm"])
            #expect(real.status == 0, "\(command): \(real.stderr)")
        }
    }

    @Test func logMarksTheAdoptedVersions() throws {
        let ws = try CycleWorkspace()
        func ok(_ arguments: [String]) throws -> String {
            let result = try ws.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }
        _ = try ok(["init", ".", "--county", "orebro", "--county-name", "Örebro län", "--code", "18"])
        _ = try ok(["new", "plan", "orebro/2026", "--title", "Länsgemensam handlingsplan 2026", "--area", "bu=Barn och unga"])
        _ = try ok(["new", "goal", "orebro/2026/bu-st-1", "--title", "Fler unga mår bra", "--term", "short", "--area", "bu"])
        _ = try ok([
            "new", "activity", "orebro/2026/bu-p1", "--title", "Föräldrastöd", "--area", "bu", "--goal", "bu-st-1",
            "--start", "2026-03-01", "--due", "2026-12-15",
        ])
        _ = try ok(["update", "orebro/2026/bu-p1", "--progress", "10"])
        _ = try ok(["approve", "orebro/2026", "--date", "2026-02-15", "--by", "Styrgruppen"])  // v1 holds progress 10
        _ = try ok(["update", "orebro/2026/bu-p1", "--progress", "40"])
        _ = try ok(["update", "orebro/2026", "--set", "version=2"])
        _ = try ok(["approve", "orebro/2026", "--date", "2026-09-01"])  // v2 holds progress 40
        _ = try ok(["update", "orebro/2026/bu-p1", "--progress", "60"])  // in no adopted version

        let log = try ok(["log", "orebro/2026/bu-p1"]).split(separator: "\n")
        let commits = log.filter { $0.hasPrefix("  ") && !$0.hasPrefix("      ") }
        try #require(commits.count == 4, "\(log)")
        #expect(commits[0].contains("progress 60") && !commits[0].contains("(tag:"))
        #expect(commits[1].contains("(tag: orebro/2026/v2)") && commits[1].contains("progress 40"), "\(commits[1])")
        #expect(commits[2].contains("(tag: orebro/2026/v1)") && commits[2].contains("progress 10"), "\(commits[2])")
        #expect(commits[3].contains("new activity") && !commits[3].contains("(tag:"))

        // The plan's own log: the approve commits carry the tags.
        let planLog = try ok(["log", "orebro/2026"]).split(separator: "\n")
        #expect(planLog.contains { $0.contains("(tag: orebro/2026/v1)") && $0.contains("approve orebro/2026 version 1") }, "\(planLog)")
        #expect(planLog.contains { $0.contains("(tag: orebro/2026/v2)") && $0.contains("approve orebro/2026 version 2") })

        let json = try ok(["log", "orebro/2026/bu-p1", "--format", "json"])
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let history = value?["history"] as? [[String: Any]] ?? []
        #expect(history.map { $0["tags"] as? [String] ?? ["missing"] } == [[], ["orebro/2026/v2"], ["orebro/2026/v1"], []])
    }

    /// Every writing command's commit has a subject of at most 72 characters, with the
    /// whole text in the body.
    @Test func commitSubjectsFitInSeventyTwoCharacters() throws {
        let ws = try CycleWorkspace()
        func ok(_ arguments: [String]) throws {
            let result = try ws.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        }
        let longCounty = "Region Örebro läns gemensamma samordning för psykisk hälsa, suicidprevention och beroendevård"
        let longTitle = String(repeating: "Utbildning i första hjälpen till psykisk hälsa för skolpersonal ", count: 3)
            .trimmingCharacters(in: .whitespaces)
        #expect(longTitle.count >= 150)
        try ok(["init", ".", "--county", "orebro", "--county-name", longCounty, "--code", "18"])
        try ok(["new", "plan", "orebro/2026", "--title", "Länsgemensam handlingsplan 2026 — " + longTitle, "--area", "bu=Barn och unga"])
        try ok(["new", "goal", "orebro/2026/bu-st-1", "--title", longTitle, "--term", "short", "--area", "bu"])
        try ok([
            "new", "activity", "orebro/2026/bu-p1", "--title", longTitle, "--area", "bu", "--goal", "bu-st-1",
            "--start", "2026-03-01", "--due", "2026-12-15",
        ])
        try ok([
            "update", "orebro/2026/bu-p1", "--set", "title=" + longTitle + " och förskola",
            "--set", "owner=" + longCounty, "--progress", "20",
        ])
        try ok(["update", "orebro/2026/bu-p1", "--note", longTitle])
        try ok(["update", "orebro/2026/bu-p1", "--status", "delayed", "--progress", "40", "--note", "Halvtid"])
        try ok(["approve", "orebro/2026", "--date", "2026-02-15", "--by", longCounty])
        try ok(["revise", "orebro", "--to", "2027"])
        try FileManager.default.removeItem(atPath: ws.path + "/Schemas/workspace.schema.json")
        try FileManager.default.copyItem(
            atPath: SchemasUpdateTests.fixtures.appendingPathComponent("workspace.schema.json").path,
            toPath: ws.path + "/Schemas/workspace.schema.json")
        let signature = Author(name: "Test", email: "test@example.se", time: 1_767_225_600)
        try ws.repository.commitWorkingFiles(["Schemas/workspace.schema.json"], message: "old schema\n", signature: signature)
        try ok(["schemas", "update"])

        let messages = try Self.fullMessages(ws)
        #expect(messages.count == 11)
        for message in messages {
            let subject = message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            #expect(subject.count <= 72, "\(subject.count) characters: \(subject)")
            #expect(!subject.isEmpty)
        }
        // A cut subject ends in "…" and the body holds the whole line.
        let new = try #require(messages.first { $0.hasPrefix("new activity orebro/2026/bu-p1: ") })
        #expect(new.split(separator: "\n").first?.hasSuffix("…") == true)
        #expect(new.contains("\n\nnew activity orebro/2026/bu-p1: \(longTitle)\n"))
        let initMessage = try #require(messages.last)
        #expect(initMessage.contains(longCounty))
        let update = try #require(messages.first { $0.hasPrefix("update orebro/2026/bu-p1: title") })
        #expect(update.contains("~ progress: 0 → 20"), "details stay in the body: \(update)")
        // update names the changes that fit, whole, and "…" for the rest.
        #expect(
            messages.contains { $0.hasPrefix("update orebro/2026/bu-p1: status delayed, progress 40, …\n\n") },
            "\(messages)")
    }

    /// init's README names files the workspace has, and the help it points at works.
    @Test func initsReadmeNamesWhatTheWorkspaceHas() throws {
        let ws = try CycleWorkspace()
        #expect(try ws.run(["init", ".", "--county", "orebro", "--county-name", "Örebro län", "--code", "18"]).status == 0)
        let readme = try ws.text("README.md")
        let paths = try NSRegularExpression(pattern: #"(?:docs|Schemas|Plans|\.vscode)/[A-Za-z0-9._/-]*"#)
        let text = readme as NSString
        let named = paths.matches(in: readme, range: NSRange(location: 0, length: text.length)).map { text.substring(with: $0.range) }
        #expect(!named.isEmpty)
        for path in named {
            #expect(FileManager.default.fileExists(atPath: ws.path + "/" + path), "README.md names \(path), which the workspace lacks")
        }
        #expect(!readme.contains("docs/"))
        for command in [["help"], ["help", "update"], ["schemas", "update", "--help"]] where readme.contains("plantrack " + command[0]) {
            let result = try ws.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(readme.contains("plantrack schemas update"))
    }
}
