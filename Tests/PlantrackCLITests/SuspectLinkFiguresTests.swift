import Foundation
import PlantrackCore
import PlantrackGit
import PlantrackTestSupport
import Testing

/// Issue 22's figures: `diff` says what links to a changed goal, `rollup` and the status
/// report count suspect links per plan, and `new`/`update` stamp the links they add.
/// The workspace is ``reviewWorkspace()``: goal `s` serves `g`, activities a1–a3 work
/// towards `s`.
@Suite("suspect links in diff, rollup, report, new and update")
struct SuspectLinkFiguresTests {
    private func json(_ result: CLIResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func diffSaysHowManyItemsLinkToAChangedGoal() throws {
        let ws = try reviewWorkspace()
        let s = try ws.text("Plans/stockholm/2026/goals/s.md")
        try ws.write("Plans/stockholm/2026/goals/s.md", s.replacingOccurrences(of: "value: 80", with: "value: 90"))
        let g = try ws.text("Plans/stockholm/2026/goals/g.md")
        try ws.write("Plans/stockholm/2026/goals/g.md", g.replacingOccurrences(of: "title: G\n", with: "title: G omformulerat\n"))
        // A new goal serving g: it links to g in the new version; added, it affects nothing itself.
        try ws.write(
            "Plans/stockholm/2026/goals/n.md",
            "---\nkind: goal\nid: n\ntitle: N\nterm: short\narea: a\nserves:\n  - g\nassessment: not-assessed\n---\n")

        let english = try ws.run(["diff", "--lang", "en"])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("Plans/stockholm/2026/goals/s.md\n  affects 3 activities\n"), "\(english.stdout)")
        #expect(english.stdout.contains("Plans/stockholm/2026/goals/g.md\n  affects 2 goals\n"), "\(english.stdout)")
        #expect(!english.stdout.contains("goals/n.md\n  affects"), "\(english.stdout)")
        let swedish = try ws.run(["diff"])
        #expect(swedish.stdout.contains("  påverkar 3 aktiviteter\n"), "\(swedish.stdout)")
        #expect(swedish.stdout.contains("  påverkar 2 mål\n"), "\(swedish.stdout)")
        let markdown = try ws.run(["diff", "--format", "markdown", "--lang", "en"])
        #expect(markdown.stdout.contains("`Plans/stockholm/2026/goals/s.md`\n\nAffects 3 activities.\n"), "\(markdown.stdout)")

        let object = try json(try ws.run(["diff", "--format", "json"]))
        let changes = try #require(object["changes"] as? [[String: Any]])
        func affects(_ item: String) -> [String: Int]? {
            changes.first { $0["item"] as? String == item }?["affects"] as? [String: Int]
        }
        #expect(affects("stockholm/2026/s") == ["activities": 3, "goals": 0])
        #expect(affects("stockholm/2026/g") == ["activities": 0, "goals": 2])
        let added = try #require(changes.first { $0["item"] as? String == "stockholm/2026/n" })
        #expect(added["affects"] is NSNull)

        // Between two commits the same; an activity's change has no count.
        try ws.repository.commitWorkingFiles(
            try ws.files(under: "Plans"), message: "goals\n",
            signature: Author(name: "Test", email: "t@example.se", time: 1_767_225_900))
        let committed = try json(try ws.run(["diff", "HEAD~1", "HEAD", "--format", "json"]))
        let items = try #require(committed["changes"] as? [[String: Any]])
        #expect(items.first { $0["item"] as? String == "stockholm/2026/s" }?["affects"] as? [String: Int] == ["activities": 3, "goals": 0])
    }
}

