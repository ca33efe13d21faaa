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

    @Test func rollupAndReportCountSuspectLinksPerPlanAtEveryVersion() throws {
        let ws = try reviewWorkspace()
        #expect(try ws.run(["review", "--all", "stockholm/2026"]).status == 0)
        let stampCommit = try ws.head()
        let update = try ws.run(["update", "stockholm/2026/s", "--indicator", "i1", "--target", "90@2026-12-31"])
        #expect(update.status == 0, "\(update.stderr)")
        let changeCommit = try ws.head()

        func suspect(_ extra: [String] = []) throws -> (plan: Int?, total: Int?) {
            let object = try json(try ws.run(["rollup", "--year", "2026", "--format", "json"] + extra))
            let plans = object["plans"] as? [[String: Any]] ?? []
            return (plans.first?["suspect_links"] as? Int, (object["total"] as? [String: Any])?["suspect_links"] as? Int)
        }
        #expect(try suspect() == (3, 3))
        let grouped = try json(try ws.run(["rollup", "--year", "2026", "--format", "json", "--by", "county"]))
        #expect((grouped["groups"] as? [[String: Any]])?.first?["suspect_links"] as? Int == 3)
        let byArea = try json(try ws.run(["rollup", "--year", "2026", "--format", "json", "--by", "area"]))
        #expect((byArea["groups"] as? [[String: Any]])?.first?["suspect_links"] == nil)

        let csv = try ws.run(["rollup", "--year", "2026", "--format", "csv", "--lang", "en"])
        let rows = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.last == "SUSPECT LINKS", "\(csv.stdout)")
        #expect(rows.first { $0.first == "stockholm/2026" }?.last == "3", "\(csv.stdout)")
        #expect(rows.first { $0.first == "total 2026" }?.last == "3", "\(csv.stdout)")
        let markdown = try ws.run(["rollup", "--year", "2026", "--format", "markdown"])
        #expect(markdown.stdout.contains("| LÄNKAR ATT GRANSKA |"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains(" | 0 | 3 |\n| totalt 2026 |"), "\(markdown.stdout)")
        let table = try ws.run(["rollup", "--year", "2026"])
        #expect(table.stdout.split(separator: "\n").first?.hasSuffix("MÅL EFTER PLAN  LÄNKAR ATT GRANSKA") == true, "\(table.stdout)")

        let report = try ws.run(["report", "--year", "2026", "--format", "markdown", "--lang", "en"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("## Suspect links\n"), "\(report.stdout)")
        #expect(
            report.stdout.contains(
                "3 links point to goals that changed since the link was reviewed: go through them with `plantrack review`."),
            "\(report.stdout)")
        #expect(report.stdout.contains("| stockholm län | 3 |"), "\(report.stdout)")
        let html = try ws.run(["report", "--year", "2026", "--format", "html"])
        #expect(html.stdout.contains("<h2 id=\"suspect-links\">Länkar att granska</h2>"), "\(html.stdout)")
        #expect(html.stdout.contains("gå igenom dem med <code>plantrack review</code>"), "\(html.stdout)")

        // Committed versions, through the memo: cold, then warm.
        for _ in 0..<2 {
            #expect(try suspect(["--rev", changeCommit.description]) == (3, 3))
            #expect(try suspect(["--rev", stampCommit.description]) == (0, 0))
        }
        // Accepted: none, and the report has no section.
        #expect(try ws.run(["review", "--all", "stockholm/2026"]).status == 0)
        #expect(try suspect() == (0, 0))
        #expect(try suspect(["--rev", "HEAD"]) == (0, 0))
        #expect(try suspect(["--rev", changeCommit.description]) == (3, 3))
        let clean = try ws.run(["report", "--year", "2026", "--format", "markdown", "--lang", "en"])
        #expect(!clean.stdout.contains("Suspect links"), "\(clean.stdout)")
        // Switched off, the rule counts nothing.
        try ws.write("Plans/workspace.yaml", "rules:\n  links.suspect: off\n")
        #expect(try suspect(["--rev", changeCommit.description]) == (3, 3))
        let s = try ws.text("Plans/stockholm/2026/goals/s.md")
        try ws.write("Plans/stockholm/2026/goals/s.md", s.replacingOccurrences(of: "value: 90", with: "value: 95"))
        #expect(try suspect() == (0, 0))
    }

    @Test func newAndUpdateStampTheLinksTheyAdd() throws {
        let ws = try reviewWorkspace()
        let made = try ws.run([
            "new", "activity", "stockholm/2026/a4", "--title", "Ny aktivitet", "--area", "a", "--goal", "s",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try ws.text("Plans/stockholm/2026/activities/a4.md")
        #expect(text.contains("goals:\n  - s\n"), "\(text)")
        #expect(text.contains("link_reviews:\n  s:\n    fingerprint: "), "\(text)")
        #expect(try review(ws)["suspect_links"] as? Int == 0)
        #expect(try review(ws)["stamped_links"] as? Int == 1)

        // A new goal's serves link is stamped; update --add-goal stamps only the link it adds.
        let goal = try ws.run(["new", "goal", "stockholm/2026/s2", "--title", "S2", "--term", "short", "--area", "a", "--serves", "g"])
        #expect(goal.status == 0, "\(goal.stderr)")
        #expect(try ws.text("Plans/stockholm/2026/goals/s2.md").contains("link_reviews:\n  g:\n    fingerprint: "))
        let added = try ws.run(["update", "stockholm/2026/a1", "--add-goal", "s2"])
        #expect(added.status == 0, "\(added.stderr)")
        let a1 = try ws.text("Plans/stockholm/2026/activities/a1.md")
        #expect(a1.contains("link_reviews:\n  s2:\n    fingerprint: "), "\(a1)")
        #expect(!a1.contains("  s:\n    fingerprint"), "only the link added is stamped: \(a1)")
        var listed = try review(ws)
        #expect(listed["stamped_links"] as? Int == 3)
        #expect(listed["suspect_links"] as? Int == 0)

        // The goals change: the links new and update made are suspect.
        let change = try ws.run(["update", "stockholm/2026/s", "--indicator", "i1", "--target", "90@2026-12-31"])
        #expect(change.status == 0, "\(change.stderr)")
        listed = try review(ws)
        #expect(listed["suspect_links"] as? Int == 1)
        let links = (listed["goals"] as? [[String: Any]])?.first?["links"] as? [[String: Any]]
        #expect(links?.map { $0["item"] as? String } == ["stockholm/2026/a4"])
        #expect(try ws.run(["update", "stockholm/2026/s2", "--set", "title=S2 ny"]).status == 0)
        #expect(try review(ws)["suspect_links"] as? Int == 2)
    }
}

/// The JSON of `review --format json`.
private func review(_ ws: CycleWorkspace) throws -> [String: Any] {
    let result = try ws.run(["review", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
}
