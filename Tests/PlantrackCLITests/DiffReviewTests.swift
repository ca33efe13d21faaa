import Foundation
import PlantrackGit
import Testing

/// Issue #18 item 9: a diff that reads right to a reviewer.
@Suite("Diff for a reviewer")
struct DiffReviewTests {
    /// Two plan years of `lan`: 2021 with an activity done, one cancelled, one carried over
    /// (with partners and tasks that change) and a goal; 2022 carries one activity and adds one.
    static func twoYears(language: String? = nil) throws -> TestRepository {
        let repo = try TestRepository()
        if let language { try repo.stage("Plans/workspace.yaml", "language: \(language)\n") }
        func plan(_ year: Int) -> String {
            "---\nkind: plan\ncounty: lan\nyear: \(year)\ntitle: Plan \(year)\nversion: 1\nstatus: draft\n"
                + "period: {start: \(year)-01-01, end: \(year)-12-31}\nareas: [{id: bu, title: Barn och unga}]\n---\n"
        }
        func activity(_ id: String, _ title: String, _ rest: String) -> String {
            "---\nkind: activity\nid: \(id)\ntitle: \(title)\narea: bu\npriority: prioritized\n\(rest)---\n\nText.\n"
        }
        let old = "Plans/lan/2021/activities/"
        let new = "Plans/lan/2022/activities/"
        try repo.stage("Plans/lan/2021/plan.md", plan(2021))
        try repo.stage("Plans/lan/2022/plan.md", plan(2022))
        try repo.stage(
            old + "bu-p1.md",
            activity(
                "bu-p1", "Föräldrastöd i alla kommuner",
                "status: done\ncompleted: 2021-11-25\n"))
        try repo.stage(
            old + "bu-p2.md",
            activity(
                "bu-p2", "Kampanj om psykisk hälsa",
                "status: cancelled\ncancelled_reason: Ingen budget\n"))
        try repo.stage(
            old + "bu-p3.md",
            activity(
                "bu-p3", "Nätverk för elevhälsan",
                "status: in-progress\npartners:\n  - Region\ntasks:\n  - title: Starta nätverket\n    done: true\n"))
        try repo.stage(
            new + "bu-p3.md",
            activity(
                "bu-p3", "Nätverk för elevhälsan",
                "status: planned\npartners:\n  - Region\n  - Skolverket\n"
                    + "tasks:\n  - title: Starta nätverket\n    done: true\n  - title: Bjuda in friskolorna\n    done: false\n"
                    + "followups:\n  - date: 2022-03-01\n    note: Första mötet hållet\n    by: Kansliet\n"))
        try repo.stage(new + "bu-p4.md", activity("bu-p4", "Ungdomsråd", "status: planned\n"))
        try repo.commit("två planår")
        return repo
    }

    private func run(_ repo: TestRepository, _ arguments: [String]) throws -> CLIResult {
        try CLI.run(["diff", "--plans", "lan/2021", "lan/2022"] + arguments, in: repo.url)
    }

    @Test func aPlanYearThatDoesNotExistIsAnErrorNamingThePlansThatDo() throws {
        let result = try CLI.run(["diff", "--plans", "stockholm/2021", "stockholm/2099"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing listed as removed")
        #expect(result.stderr.contains("there is no plan stockholm/2099 in the working tree"), "\(result.stderr)")
        #expect(result.stderr.contains("the plans there are: stockholm/2020, stockholm/2021"))
        let old = try CLI.run(["diff", "--plans", "stockholm/1999", "stockholm/2021", "--format", "json"])
        #expect(old.status == 2)
        #expect(old.stderr.contains("there is no plan stockholm/1999"))
    }

    @Test func activitiesLeftBehindReadAsNotCarriedWithHowTheyEnded() throws {
        let repo = try Self.twoYears()
        let result = try run(repo, ["--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("not carried activity lan/2021/bu-p1 (done 2021-11-25) — Föräldrastöd i alla kommuner\n"))
        #expect(result.stdout.contains("not carried activity lan/2021/bu-p2 (cancelled: Ingen budget) — Kampanj om psykisk hälsa\n"))
        #expect(!result.stdout.contains("removed"), "between plan years nothing is 'removed'")
        #expect(result.stdout.contains("lan/2022: plan modified; activities: 1 added, 2 not carried, 1 modified"))
        // JSON keeps its shape: the change is "removed", with how it ended beside it.
        let json = try CLI.run(["diff", "--plans", "lan/2021", "lan/2022", "--format", "json"], in: repo.url)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let changes = object?["changes"] as? [[String: Any]] ?? []
        let done = changes.first { $0["item"] as? String == "lan/2021/bu-p1" }
        #expect(done?["change"] as? String == "removed")
        #expect(done?["title"] as? String == "Föräldrastöd i alla kommuner")
        let ended = done?["not_carried"] as? [String: Any]
        #expect(ended?["status"] as? String == "done")
        #expect(ended?["completed"] as? String == "2021-11-25")
        #expect(ended?["reason"] is NSNull)
        let added = changes.first { $0["item"] as? String == "lan/2022/bu-p4" }
        #expect(added?["not_carried"] is NSNull)
    }

    @Test func theBundledPlansSayWhichActivitiesWereNotCarriedAndWhen() throws {
        // The completed date is read from the 2020 file, not written into the test.
        let text = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Plans/stockholm/2020/activities/bu-p4.md"), encoding: .utf8)
        let completed = try #require(text.split(separator: "\n").first { $0.hasPrefix("completed: ") }).dropFirst("completed: ".count)
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") }).dropFirst("title: ".count)
        let result = try CLI.run(["diff", "--plans", "stockholm/2020", "stockholm/2021", "--lang", "en"])
        #expect(result.stdout.contains("not carried activity stockholm/2020/bu-p4 (done \(completed)) — \(title)\n"))
    }

    @Test func addedAndRemovedItemsShowTheirTitles() throws {
        let repo = try Self.twoYears()
        let years = try run(repo, ["--lang", "en"])
        #expect(years.stdout.contains("added activity lan/2022/bu-p4 — Ungdomsråd\n"))
        // Between revisions too.
        try repo.stage(
            "Plans/lan/2022/activities/bu-p5.md",
            "---\nkind: activity\nid: bu-p5\ntitle: Utbildning i SIP\narea: bu\npriority: prioritized\nstatus: planned\n---\n")
        try DiffHistory.unstage(repo, "Plans/lan/2022/activities/bu-p4.md")
        try repo.commit("byt aktivitet")
        let revisions = try CLI.run(["diff", "HEAD~1", "HEAD", "--lang", "en"], in: repo.url)
        #expect(revisions.stdout.contains("added activity lan/2022/bu-p5 — Utbildning i SIP\n"), "\(revisions.stdout)")
        #expect(revisions.stdout.contains("removed activity lan/2022/bu-p4 — Ungdomsråd\n"))
        let markdown = try CLI.run(["diff", "HEAD~1", "HEAD", "--lang", "en", "--format", "markdown"], in: repo.url)
        #expect(markdown.stdout.contains("### added activity `lan/2022/bu-p5` — Utbildning i SIP\n"))
    }

    @Test func listEntriesRenderAsRowsNotJSON() throws {
        let repo = try Self.twoYears()
        let result = try run(repo, ["--lang", "en", "--item", "bu-p3"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  partners:\n      + Skolverket\n"), "\(result.stdout)")
        #expect(result.stdout.contains("  tasks:\n      + title: Bjuda in friskolorna, done: false\n"))
        #expect(result.stdout.contains("  + followups:\n      + date: 2022-03-01, note: Första mötet hållet, by: Kansliet\n"))
        #expect(!result.stdout.contains("{\""), "no JSON objects")
        #expect(!result.stdout.contains("[{"), "no JSON lists")
        let markdown = try run(repo, ["--lang", "en", "--item", "bu-p3", "--format", "markdown"])
        #expect(markdown.stdout.contains("| `followups` |  | date: 2022-03-01, note: Första mötet hållet, by: Kansliet |"))
    }

    @Test func swedishLabelsByDefaultFromTheWorkspaceAndEnglishOnRequest() throws {
        let swedish = try Self.twoYears(language: "sv")
        let sv = try run(swedish, [])
        #expect(sv.status == 0)
        #expect(
            sv.stdout.contains("inte överförd aktivitet lan/2021/bu-p1 (Genomförd 2021-11-25) — Föräldrastöd i alla kommuner\n"),
            "\(sv.stdout)")
        #expect(sv.stdout.contains("inte överförd aktivitet lan/2021/bu-p2 (Avbruten: Ingen budget)"))
        #expect(sv.stdout.contains("tillagd aktivitet lan/2022/bu-p4 — Ungdomsråd\n"))
        #expect(sv.stdout.contains("ändrad aktivitet lan/2022/bu-p3 ← lan/2021/bu-p3\n"))
        #expect(sv.stdout.contains("lan/2022: planen ändrad; aktiviteter: 1 tillagd, 2 inte överförda, 1 ändrad\n"))
        #expect(sv.stdout.contains("  status: 1 aktivitet Pågående → Ej påbörjad\n"))
        // Field names and values stay as the file writes them.
        #expect(sv.stdout.contains("  ~ status: in-progress → planned\n"))
        let en = try run(swedish, ["--lang", "en"])
        #expect(en.stdout.contains("not carried activity lan/2021/bu-p1"))
        // A workspace in English reads in English without --lang.
        let english = try Self.twoYears(language: "en")
        #expect(try run(english, []).stdout.contains("lan/2022: plan modified; activities: 1 added, 2 not carried, 1 modified\n"))
        #expect(try run(english, ["--lang", "sv", "--stat"]).stdout.contains("aktiviteter: 1 tillagd, 2 inte överförda"))
        // JSON is the same whatever the language.
        #expect(try run(swedish, ["--format", "json"]).stdout == (try run(swedish, ["--format", "json", "--lang", "en"]).stdout))
        let markdown = try run(swedish, ["--format", "markdown"])
        #expect(markdown.stdout.contains("| plan | ändringar | status |"))
        #expect(markdown.stdout.contains("| fält | före | efter |"))
    }

    @Test func aGoalGetsTheNeuterSwedishForms() throws {
        let repo = try TestRepository()
        try repo.stage(
            "Plans/lan/2021/goals/bu-st-1.md",
            "---\nkind: goal\nid: bu-st-1\ntitle: Fler unga mår bra\nterm: short\narea: bu\nassessment: achieved\n---\n")
        try repo.commit("mål")
        try DiffHistory.unstage(repo, "Plans/lan/2021/goals/bu-st-1.md")
        try repo.commit("bort")
        let result = try CLI.run(["diff", "HEAD~1", "HEAD", "--lang", "sv"], in: repo.url)
        #expect(result.stdout.contains("borttaget mål lan/2021/bu-st-1 — Fler unga mår bra\n"), "\(result.stdout)")
        #expect(result.stdout.contains("lan/2021: mål: 1 borttaget\n"))
    }

    /// The README's `plantrack diff` examples are what the binary prints, line for line (a
    /// block may end in `  ...` where the rest is left out).
    @Test func theReadmeDiffExamplesMatchTheBinary() throws {
        let examples = try ReadmeExamples.singleCommandBlocks("diff")
        #expect(examples.count >= 3)
        for example in examples { try ReadmeExamples.expectBinaryPrints(example) }
    }

    @Test func anUnknownRevisionListsTheNearestTags() throws {
        let repo = try Self.twoYears()
        let head = try repo.repository.head()
        for tag in ["lan/2021/v1", "lan/2021/v2", "lan/2022/v1", "release"] {
            try repo.repository.createLightweightTag(named: tag, target: head)
        }
        let result = try CLI.run(["diff", "lan/2021/v3", "HEAD"], in: repo.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown revision 'lan/2021/v3'"), "\(result.stderr)")
        #expect(result.stderr.contains("the nearest tags: lan/2021/v1, lan/2021/v2, lan/2022/v1"), "\(result.stderr)")
        // The same for the plans of a revision and for the roll-up.
        let plans = try CLI.run(["diff", "--plans", "lan/2021", "lan/2022", "--rev", "lan/2022/v2"], in: repo.url)
        #expect(plans.status == 2)
        #expect(plans.stderr.contains("the nearest tags: lan/2021/v2, lan/2022/v1"), "\(plans.stderr)")
        let rollup = try CLI.run(["rollup", "--rev", "lan/2021/v9"], in: repo.url)
        #expect(rollup.status == 2)
        #expect(rollup.stderr.contains("the nearest tags: lan/2021/v1"))
        // Without tags it says so.
        let untagged = try DiffHistory.make()
        let none = try CLI.run(["diff", "v1", "HEAD"], in: untagged.url)
        #expect(none.status == 2)
        #expect(none.stderr.contains("there are no tags yet"))
    }
}
