import Foundation
import Testing

@Suite("Diff CLI")
struct DiffCLITests {
    private func json(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return value as? [String: Any] ?? [:]
    }

    private func changes(_ object: [String: Any]) -> [String: [String: Any]] {
        let list = object["changes"] as? [[String: Any]] ?? []
        return Dictionary(list.map { (($0["item"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func jsonBetweenTwoRevisions() throws {
        let repo = try DiffHistory.make()
        let result = try CLI.run(["diff", "HEAD~1", "HEAD", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        let byItem = changes(object)
        #expect(byItem["sthlm/2021/bu-p1"]?["change"] as? String == "modified")
        #expect(byItem["sthlm/2022/bu-p2"]?["change"] as? String == "moved")
        #expect(byItem["sthlm/2022/bu-p2"]?["old_path"] as? String == "Plans/sthlm/2021/activities/bu-p2.md")
        #expect(byItem["sthlm/2021/bu-p3"]?["change"] as? String == "removed")
        #expect(byItem["sthlm/2021/bu-p4"]?["change"] as? String == "added")
        let fields = byItem["sthlm/2021/bu-p1"]?["fields"] as? [[String: Any]] ?? []
        let task = fields.first { $0["field"] as? String == "tasks[Ta fram stödmaterial].done" }
        #expect(task?["old"] as? Bool == false)
        #expect(task?["new"] as? Bool == true)
        #expect(fields.contains { $0["field"] as? String == "status" && $0["new"] as? String == "done" })
        #expect(byItem["sthlm/2021/bu-p1"]?["body"] as? String == "changed")
        let summary = object["summary"] as? [String: Any]
        #expect((summary?["plans"] as? [[String: Any]])?.isEmpty == false)
        // The range form gives the same answer.
        let range = try CLI.run(["diff", "HEAD~1..HEAD", "--format", "json"], in: repo.url)
        #expect(range.stdout == result.stdout)
    }

    @Test func textWithoutColourShowsFieldsWordsAndSummary() throws {
        let repo = try DiffHistory.make()
        let result = try CLI.run(["diff", "--lang", "en", "HEAD~1", "HEAD"], in: repo.url)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}["), "NO_COLOR: no escape codes")
        #expect(result.stdout.contains("modified activity sthlm/2021/bu-p1"))
        #expect(result.stdout.contains("~ status: planned → done"))
        #expect(result.stdout.contains("~ tasks[Ta fram stödmaterial].done: false → true"))
        #expect(result.stdout.contains("{+alla kommuner+}"))
        #expect(result.stdout.contains("moved activity sthlm/2022/bu-p2 ← sthlm/2021/bu-p2"))
        #expect(result.stdout.contains("1 activity planned → done"))
        #expect(result.stdout.contains("1 activity in-progress → delayed"))
    }

    @Test func statPrintsOnlyTheSummary() throws {
        let repo = try DiffHistory.make()
        let result = try CLI.run(["diff", "--lang", "en", "HEAD~1", "HEAD", "--stat"], in: repo.url)
        #expect(!result.stdout.contains("~ status"))
        #expect(result.stdout.contains("sthlm/2021: activities: 1 added, 1 removed, 1 modified"))
        #expect(result.stdout.contains("sthlm/2022: activities: 1 moved"))
        let json = try json(try CLI.run(["diff", "HEAD~1", "HEAD", "--stat", "--format", "json"], in: repo.url).stdout)
        #expect(json["changes"] == nil)
        #expect(json["summary"] != nil)
    }

    @Test func markdownForAReviewComment() throws {
        let repo = try DiffHistory.make()
        let result = try CLI.run(["diff", "--lang", "en", "HEAD~1", "HEAD", "--format", "markdown"], in: repo.url)
        #expect(result.stdout.hasPrefix("## plantrack diff:"))
        #expect(result.stdout.contains("| `status` | planned | done |"))
        #expect(result.stdout.contains("### moved activity `sthlm/2022/bu-p2`"))
        #expect(result.stdout.contains("```diff"))
    }

    @Test func workingTreeAndIndexAgainstHead() throws {
        let repo = try DiffHistory.make()
        let path = "Plans/sthlm/2021/activities/bu-p4.md"
        try repo.write(path, DiffHistory.activity("bu-p4", status: "cancelled", extra: "cancelled_reason: Ingen budget\n"))
        let work = try CLI.run(["diff", "--format", "json"], in: repo.url)
        #expect(changes(try json(work.stdout))["sthlm/2021/bu-p4"]?["change"] as? String == "modified")
        let staged = try CLI.run(["diff", "--staged", "--format", "json"], in: repo.url)
        #expect(changes(try json(staged.stdout)).isEmpty)
        try repo.stage(path, DiffHistory.activity("bu-p4", status: "in-progress"))
        let afterStage = try CLI.run(["diff", "--lang", "en", "--staged"], in: repo.url)
        #expect(afterStage.stdout.contains("~ status: planned → in-progress"))
        // A county outside any plan is summarised on its own line.
        try repo.write("Plans/sthlm/county.md", "---\nkind: county\nid: sthlm\nname: Stockholms län\ncode: \"01\"\n---\n")
        let county = try CLI.run(["diff", "--lang", "en", "--stat"], in: repo.url)
        #expect(county.stdout.contains("sthlm: county added"))
    }

    @Test func filtersByCountyKindAndItem() throws {
        let repo = try DiffHistory.make()
        let item = try CLI.run(["diff", "HEAD~1", "HEAD", "--item", "bu-p4", "--format", "json"], in: repo.url)
        #expect(Array(changes(try json(item.stdout)).keys) == ["sthlm/2021/bu-p4"])
        let county = try CLI.run(["diff", "HEAD~1", "HEAD", "--county", "other", "--format", "json"], in: repo.url)
        #expect(changes(try json(county.stdout)).isEmpty)
        let kind = try CLI.run(["diff", "--lang", "en", "HEAD~1", "HEAD", "--kind", "goal"], in: repo.url)
        #expect(kind.stdout.contains("no changes"))
    }

    @Test func anUnparseableSideIsShownAsTextWithAWarning() throws {
        let repo = try DiffHistory.make()
        let path = "Plans/sthlm/2021/activities/bu-p1.md"
        try repo.stage(path, "---\nkind: activity\nid: bu-p1\nstatus: [open\n---\nText\n")
        try repo.commit("broken")
        let result = try CLI.run(["diff", "--lang", "en", "HEAD~1", "HEAD"], in: repo.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("+ status: [open"))
        let json = try json(try CLI.run(["diff", "HEAD~1", "HEAD", "--format", "json"], in: repo.url).stdout)
        let warnings = changes(json)["sthlm/2021/bu-p1"]?["warnings"] as? [[String: Any]]
        #expect(warnings?.first?["path"] as? String == path)
        let line = try #require(warnings?.first?["line"] as? Int)
        let column = try #require(warnings?.first?["column"] as? Int)
        // file:line:column in the text and in the Markdown, whose Swedish has no English "line".
        #expect(result.stdout.contains("warning: \(path):\(line):\(column): "), "\(result.stdout)")
        let markdown = try CLI.run(["diff", "--lang", "sv", "HEAD~1", "HEAD", "--format", "markdown"], in: repo.url)
        #expect(markdown.stdout.contains("**Varning:** `\(path):\(line):\(column)`: "), "\(markdown.stdout)")
        #expect(!markdown.stdout.contains(" line "), "\(markdown.stdout)")
    }

    @Test func unknownRevisionIsAUsageError() throws {
        let repo = try DiffHistory.make()
        let result = try CLI.run(["diff", "--lang", "en", "nope", "HEAD"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope"))
    }

    @Test func bundledPlanYears() throws {
        let result = try CLI.run(["diff", "--plans", "stockholm/2020", "stockholm/2021", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let byItem = changes(try json(result.stdout))
        #expect(byItem["stockholm/2021/bu-l1"]?["change"] as? String == "moved")
        #expect(byItem["stockholm/2021/bu-l1"]?["match"] as? String == "carried_from")
        #expect(byItem["stockholm/2021/bu-l1"]?["old_item"] as? String == "stockholm/2020/bu-p3")
        #expect(byItem["stockholm/2021/kk-p1"]?["change"] as? String == "added")
        #expect(byItem["stockholm/2021"]?["kind"] as? String == "plan")
        let stat = try CLI.run(["diff", "--lang", "en", "--plans", "stockholm/2020", "stockholm/2021", "--stat"])
        #expect(stat.stdout.contains("stockholm/2021: plan modified;"))
        #expect(stat.stdout.contains("1 moved"))
        let text = try CLI.run(["diff", "--lang", "en", "--plans", "stockholm/2020", "stockholm/2021", "--item", "bu-l1"])
        #expect(text.stdout.contains("moved activity stockholm/2021/bu-l1 ← stockholm/2020/bu-p3 (carried_from)"))
    }

    @Test func planYearsAtARevision() throws {
        let repo = try DiffHistory.make()
        let result = try CLI.run(["diff", "--plans", "sthlm/2021", "sthlm/2022", "--rev", "HEAD", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["from"] as? String == "sthlm/2021 (HEAD (\(try repo.repository.head().shortID)))")
        let byItem = changes(object)
        // At HEAD bu-p2 lives only in 2022 (it was moved there), so between the years it is new.
        #expect(byItem["sthlm/2022/bu-p2"]?["change"] as? String == "added")
        #expect(byItem["sthlm/2021/bu-p1"]?["change"] as? String == "removed")
        #expect(byItem["sthlm/2021/bu-p4"]?["change"] as? String == "removed")
        let summary = (object["summary"] as? [String: Any])?["plans"] as? [[String: Any]]
        #expect(summary?.map { $0["plan"] as? String } == ["sthlm/2022"])
        // At the first commit there is no 2022 plan: an error naming the plans there are, not
        // everything of 2021 listed as removed.
        let first = try CLI.run(["diff", "--lang", "en", "--plans", "sthlm/2021", "sthlm/2022", "--rev", "HEAD~1", "--stat"], in: repo.url)
        #expect(first.status == 2)
        #expect(first.stdout.isEmpty)
        #expect(first.stderr.contains("there is no plan sthlm/2022 in HEAD~1"))
        #expect(first.stderr.contains("the plans there are: sthlm/2021"))
    }

    @Test func badPlansArgumentsAreRefused() throws {
        let result = try CLI.run(["diff", "--lang", "en", "--plans", "stockholm/2020"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--plans takes two plans"))
    }
}
