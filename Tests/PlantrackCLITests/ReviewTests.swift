import Foundation
import PlantrackCore
import PlantrackGit
import PlantrackTestSupport
import Testing

/// A county's 2026 plan: a long-term goal `g`, a short-term goal `s` serving it with an
/// indicator whose target is 80 %, and three activities `a1`–`a3` working towards `s`.
func reviewWorkspace() throws -> CycleWorkspace {
    let ws = try CycleWorkspace()
    var files = PlanFixture.countyFiles("stockholm", code: "01")
    files["Plans/stockholm/2026/goals/s.md"] = """
        ---
        kind: goal
        id: s
        title: S
        term: short
        area: a
        serves:
          - g
        assessment: not-assessed
        indicators:
          - id: i1
            title: Andel kommuner med rutin
            unit: percent
            direction: increase
            baseline:
              value: 40
              date: 2026-01-01
            target:
              value: 80
              date: 2026-12-31
        ---

        Kortsiktigt mål.

        """
    for id in ["a1", "a2", "a3"] {
        files["Plans/stockholm/2026/activities/\(id).md"] = PlanFixture.activity(
            id: id, title: "Aktivitet \(id)", progress: 10)
    }
    for (path, text) in files { try ws.write(path, text) }
    try ws.repository.commitWorkingFiles(
        try ws.files(under: "Plans"), message: "plan 2026\n",
        signature: Author(name: "Test", email: "t@example.se", time: 1_767_225_600))
    return ws
}

/// The `links.suspect` findings of `validate --format json` (path, line, column, message).
private func suspectFindings(_ ws: CycleWorkspace, _ extra: [String] = []) throws -> [[String: Any]] {
    let result = try ws.run(["validate", "--format", "json"] + extra)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let findings = object?["findings"] as? [[String: Any]] ?? []
    return findings.filter { $0["rule"] as? String == "links.suspect" }
}

/// The JSON of `review --format json`.
private func review(_ ws: CycleWorkspace, _ extra: [String] = []) throws -> [String: Any] {
    let result = try ws.run(["review", "--format", "json"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
}

@Suite("review: suspect links after a goal changes")
struct ReviewTests {
    @Test func targetChangeMakesTheThreeLinksSuspectUntilReviewed() throws {
        let ws = try reviewWorkspace()
        // Links without a stamp are not judged: the plan validates clean.
        #expect(try suspectFindings(ws).isEmpty)
        let stamp = try ws.run(["review", "--all", "stockholm/2026"])
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(stamp.stdout.contains("4 links confirmed"), "\(stamp.stdout)")
        let stamped = try ws.text("Plans/stockholm/2026/activities/a1.md")
        #expect(stamped.contains("goals:\n  - s\nlink_reviews:\n  s:\n    fingerprint: "), "\(stamped)")
        let stampCommit = try ws.head()

        // The target changes 80 → 90: each activity's link is suspect at its own line.
        let update = try ws.run(["update", "stockholm/2026/s", "--indicator", "i1", "--target", "90@2026-12-31"])
        #expect(update.status == 0, "\(update.stderr)")
        let changeCommit = try ws.head()
        let findings = try suspectFindings(ws)
        #expect(findings.map { $0["path"] as? String } == ["a1", "a2", "a3"].map { "Plans/stockholm/2026/activities/\($0).md" })
        for (finding, id) in zip(findings, ["a1", "a2", "a3"]) {
            // The line of `  - s` under goals: (kind, id, title, area, priority, goals:, - s).
            #expect(finding["line"] as? Int == 8)
            #expect(finding["column"] as? Int == 5)
            #expect(finding["severity"] as? String == "warning")
            let message = finding["message"] as? String ?? ""
            #expect(message.hasPrefix("activity \(id) works towards goal s, which changed since the link was reviewed on "), "\(message)")
            #expect(message.hasSuffix("(indicators[i1].target.value 80 → 90)"), "\(message)")
        }
        let text = try ws.run(["validate"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Plans/stockholm/2026/activities/a2.md:8:5: warning: [links.suspect] activity a2"))

        var listed = try review(ws)
        #expect(listed["suspect_links"] as? Int == 3)
        let goals = listed["goals"] as? [[String: Any]] ?? []
        #expect(goals.map { $0["goal"] as? String } == ["stockholm/2026/s"])
        let changes = goals.first?["changes"] as? [[String: Any]] ?? []
        #expect(changes.map { $0["field"] as? String } == ["indicators[i1].target.value"])
        #expect(changes.first?["old"] as? Int == 80 && changes.first?["new"] as? Int == 90)
        #expect((goals.first?["links"] as? [[String: Any]])?.map { $0["line"] as? Int } == [8, 8, 8])
        let markdown = try ws.run(["review", "--format", "markdown"])
        #expect(markdown.stdout.contains("## Goal stockholm/2026/s — S"), "\(markdown.stdout)")
        let plain = try ws.run(["review"])
        #expect(plain.stdout.contains("indicators[i1].target.value: 80 → 90"), "\(plain.stdout)")

        // Accept one: two remain.
        let accept = try ws.run(["review", "--accept", "stockholm/2026/a1", "--goal", "s"])
        #expect(accept.status == 0, "\(accept.stderr)")
        #expect(accept.stdout.contains("1 link confirmed in "), "\(accept.stdout)")
        #expect(try suspectFindings(ws).map { $0["path"] as? String } == ["a2", "a3"].map { "Plans/stockholm/2026/activities/\($0).md" })
        // Only the stamp's lines changed.
        let accepted = try ws.text("Plans/stockholm/2026/activities/a1.md")
        let lines = lineChanges(stamped, accepted)
        // (the date is today's both times: only the fingerprint's line).
        #expect(lines.removed.count == 1 && lines.added.count == 1, "\(lines)")
        #expect(lines.added.first?.hasPrefix("    fingerprint: ") == true, "\(lines)")
        listed = try review(ws)
        #expect(listed["suspect_links"] as? Int == 2)

        // An older commit gives that commit's answer.
        #expect(try review(ws, ["--rev", changeCommit.description])["suspect_links"] as? Int == 3)
        #expect(try review(ws, ["--rev", stampCommit.description])["suspect_links"] as? Int == 0)
        #expect(try suspectFindings(ws, ["--rev", changeCommit.description]).count == 3)

        // --all clears them.
        let all = try ws.run(["review", "--all", "stockholm/2026"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("2 links confirmed"), "\(all.stdout)")
        #expect(try suspectFindings(ws).isEmpty)
        let again = try ws.run(["review", "--all", "stockholm/2026"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to change"), "\(again.stdout)")

        // Revise to next year: the stamps are carried, nothing is newly suspect.
        let revise = try ws.run(["revise", "stockholm", "--to", "2027"])
        #expect(revise.status == 0, "\(revise.stderr)")
        let carried = try ws.text("Plans/stockholm/2027/activities/a2.md")
        #expect(carried.contains("link_reviews:\n  s:\n    fingerprint: "), "\(carried)")
        #expect(try suspectFindings(ws).isEmpty)
        listed = try review(ws, ["stockholm/2027"])
        #expect(listed["suspect_links"] as? Int == 0)
        #expect(listed["stamped_links"] as? Int == 4)
    }

    @Test func aChangeOutsideTheMeaningListMakesNothingSuspect() throws {
        let ws = try reviewWorkspace()
        #expect(try ws.run(["review", "--all", "stockholm/2026"]).status == 0)
        for arguments in [
            ["--assessment", "at-risk"], ["--measure", "i1=55@2026-06-30"],
            ["--set", "x-anteckning=granskad"],
        ] {
            let update = try ws.run(["update", "stockholm/2026/s"] + arguments)
            #expect(update.status == 0, "\(arguments): \(update.stderr)")
        }
        #expect(try suspectFindings(ws).isEmpty)
        #expect(try review(ws)["suspect_links"] as? Int == 0)
        // The title counts.
        #expect(try ws.run(["update", "stockholm/2026/s", "--set", "title=S, omformulerat"]).status == 0)
        #expect(try suspectFindings(ws).count == 3)
    }

    @Test func goalMeaningInWorkspaceSettingsDecidesWhatCounts() throws {
        let ws = try reviewWorkspace()
        try ws.write("Plans/workspace.yaml", "goal_meaning: [title]\nrules:\n  links.suspect: error\n")
        try ws.repository.commitWorkingFiles(
            ["Plans/workspace.yaml"], message: "settings\n",
            signature: Author(name: "Test", email: "t@example.se", time: 1_767_225_700))
        #expect(try ws.run(["review", "--all", "stockholm/2026"]).status == 0)
        #expect(try ws.run(["update", "stockholm/2026/s", "--indicator", "i1", "--target", "90@2026-12-31"]).status == 0)
        #expect(try suspectFindings(ws).isEmpty)
        // A title change is an error here, as the settings say: update refuses to make it,
        // and an edit by hand fails validate.
        let refused = try ws.run(["update", "stockholm/2026/s", "--set", "title=Nytt"])
        #expect(refused.status == 1, "\(refused.stderr)")
        let goal = try ws.text("Plans/stockholm/2026/goals/s.md")
        try ws.write("Plans/stockholm/2026/goals/s.md", goal.replacingOccurrences(of: "title: S\n", with: "title: Nytt\n"))
        let result = try ws.run(["validate"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: [links.suspect] activity a1 works towards goal s"), "\(result.stdout)")
    }

    @Test func allOverTheWorkspaceStampsEachPlansOwnGoals() throws {
        let ws = try reviewWorkspace()
        // Uppsala's plan has goals with the same ids as Stockholm's, meaning other things.
        var files = PlanFixture.countyFiles("uppsala", code: "03")
        files["Plans/uppsala/2026/activities/a1.md"] = PlanFixture.activity(id: "a1", progress: 10)
        for (path, text) in files { try ws.write(path, text) }
        try ws.repository.commitWorkingFiles(
            files.keys.sorted(), message: "uppsala\n",
            signature: Author(name: "Test", email: "t@example.se", time: 1_767_225_800))
        let all = try ws.run(["review", "--all"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("6 links confirmed"), "\(all.stdout)")
        #expect(try suspectFindings(ws).isEmpty)
        let listed = try review(ws)
        #expect(listed["suspect_links"] as? Int == 0)
        #expect(listed["stamped_links"] as? Int == 6)
        #expect(try review(ws, ["uppsala"])["stamped_links"] as? Int == 2)
    }

    @Test func acceptRefusesWhatDoesNotExist() throws {
        let ws = try reviewWorkspace()
        let missing = try ws.run(["review", "--accept", "stockholm/2026/a9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no activity or goal stockholm/2026/a9"), "\(missing.stderr)")
        let noLink = try ws.run(["review", "--accept", "stockholm/2026/a1", "--goal", "g"])
        #expect(noLink.status == 1)
        #expect(noLink.stderr.contains("activity stockholm/2026/a1 has no link to goal g (its goals: s)"), "\(noLink.stderr)")
        let usage = try ws.run(["review", "--goal", "s"])
        #expect(usage.status == 2)
        let badPlan = try ws.run(["review", "--all", "stockholm/x"])
        #expect(badPlan.status == 2)
        #expect(badPlan.stderr.contains("name a plan as county/year"), "\(badPlan.stderr)")
    }
}
