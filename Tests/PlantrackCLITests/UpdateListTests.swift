import Foundation
import PlantrackCore
import PlantrackGit
import Testing

/// `update` on list fields (issue #18 item 6), through the binary: each change is committed
/// alone and the commit changes only the lines of the entries concerned.
@Suite("update: entries of list fields")
struct UpdateListTests {
    /// Runs `update` and returns the lines the commit removed and added in `path`,
    /// checking it succeeded and that the commit holds that one file.
    private func change(
        _ ws: CycleWorkspace, _ path: String, _ arguments: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (removed: [Substring], added: [Substring]) {
        let before = try ws.text(path)
        let head = try ws.head()
        let result = try ws.run(["update"] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        let repo = try Repository.open(at: ws.path)
        let commit = try repo.head()
        #expect(commit.parentIDs == [head], sourceLocation: sourceLocation)
        let changed = try repo.changes(from: repo.commit(head).tree(), to: commit.tree())
        #expect(changed.map(\.path) == [path], sourceLocation: sourceLocation)
        return lineChanges(before, try ws.text(path))
    }

    /// `lines` without the review stamps `update` writes for the links it adds
    /// (docs/review.md): `link_reviews:`, the goal's key, `fingerprint:` and `date:`.
    private func withoutStamps(
        _ lines: (removed: [Substring], added: [Substring])
    ) -> (removed: [Substring], added: [Substring]) {
        func keep(_ line: Substring) -> Bool {
            !(line == "link_reviews:" || line.hasPrefix("    fingerprint: ") || line.hasPrefix("    date: ")
                || (line.hasPrefix("  ") && !line.hasPrefix("   ") && line.hasSuffix(":") && !line.contains(" - ")))
        }
        return (lines.removed.filter(keep), lines.added.filter(keep))
    }

    @Test func activityGoals() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        var lines = try change(ws, path, ["stockholm/2021/bu-p2", "--add-goal", "bu-ft-st-1"])
        // The link added is stamped (docs/review.md).
        #expect(lines.added.contains("link_reviews:") && lines.added.contains("  bu-ft-st-1:"), "\(lines)")
        lines = withoutStamps(lines)
        #expect(lines.removed.isEmpty && lines.added == ["  - bu-ft-st-1"])
        lines = try change(ws, path, ["stockholm/2021/bu-p2", "--remove-goal", "bu-ft-st-2"])
        #expect(lines.removed == ["  - bu-ft-st-2"] && lines.added.isEmpty)
        // Additions come before removals, so replacing the only entry keeps the key.
        lines = withoutStamps(
            try change(ws, path, ["stockholm/2021/bu-p2", "--add-goal", "bu-ft-st-2", "--remove-goal", "bu-ft-st-1"]))
        #expect(lines.removed == ["  - bu-ft-st-1"] && lines.added == ["  - bu-ft-st-2"], "\(lines)")
        let head = try ws.head()
        let missing = try ws.run(["update", "stockholm/2021/bu-p2", "--add-goal", "bu-ft-st-9"])
        #expect(missing.status == 1)
        #expect(
            missing.stderr.contains(
                "\(path):9:5: error: [ref.goal-missing] the plan stockholm/2021 has no goal bu-ft-st-9 (did you mean \"bu-ft-st-1\"?)"),
            "\(missing.stderr)")
        #expect(missing.stderr.contains("    9 |   - bu-ft-st-9\n"), "\(missing.stderr)")
        let longTerm = try ws.run(["update", "stockholm/2021/bu-p2", "--add-goal", "bu-ft-lt-1"])
        #expect(longTerm.status == 1 && longTerm.stderr.contains("[goal.activity-long-term-goal]"), "\(longTerm.stderr)")
        let absent = try ws.run(["update", "stockholm/2021/bu-p2", "--remove-goal", "bu-ft-st-3"])
        #expect(absent.status == 2)
        #expect(
            absent.stderr.contains("there is no goal 'bu-ft-st-3' to remove (did you mean \"bu-ft-st-2\"?); there are: bu-ft-st-2"),
            "\(absent.stderr)")
        #expect(try ws.head() == head)
    }

    @Test func activityPartnersTasksAndFollowups() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        var lines = try change(
            ws, path,
            [
                "stockholm/2021/bu-p2", "--add-partner", "Länsstyrelsen i Stockholms län",
                "--remove-partner", "Storsthlm",
            ])
        #expect(lines.removed == ["  - Storsthlm"] && lines.added == ["  - Länsstyrelsen i Stockholms län"], "\(lines)")
        lines = try change(
            ws, path,
            [
                "stockholm/2021/bu-p2", "--remove-partner", "Samverkanskansliet",
                "--remove-partner", "Länsstyrelsen i Stockholms län",
            ])
        #expect(lines.removed == ["partners:", "  - Samverkanskansliet", "  - Länsstyrelsen i Stockholms län"] && lines.added.isEmpty)
        lines = try change(ws, path, ["stockholm/2021/bu-p2", "--add-partner", "Storsthlm"])
        #expect(lines.removed.isEmpty && lines.added == ["partners:", "  - Storsthlm"])
        #expect(try ws.text(path).contains("owner: Region Stockholm HSF\npartners:\n  - Storsthlm\nstart: "))

        lines = try change(ws, path, ["stockholm/2021/bu-p2", "--add-task", "Utvärdera: hur gick det?"])
        #expect(lines.removed.isEmpty && lines.added == ["  - title: \"Utvärdera: hur gick det?\"", "    done: false"], "\(lines)")
        lines = try change(ws, path, ["stockholm/2021/bu-p2", "--task-done", "2"])
        #expect(lines.removed == ["    done: false"] && lines.added == ["    done: true"], "\(lines)")
        lines = try change(ws, path, ["stockholm/2021/bu-p2", "--task-done", "Utvärdera: hur gick det?"])
        #expect(lines.removed == ["    done: false"] && lines.added == ["    done: true"], "\(lines)")
        lines = try change(ws, path, ["stockholm/2021/bu-p2", "--remove-task", "1"])
        #expect(lines.removed.count == 2 && lines.removed.first?.hasPrefix("  - title: Undersöka behov") == true && lines.added.isEmpty)
        let noTask = try ws.run(["update", "stockholm/2021/bu-p2", "--task-done", "9"])
        #expect(noTask.status == 2 && noTask.stderr.contains("its tasks are: 1. Sprida information"), "\(noTask.stderr)")

        lines = try change(ws, path, ["stockholm/2021/bu-p2", "--remove-followup", "2021-06-10"])
        #expect(
            lines.removed == [
                "  - date: 2021-06-10",
                "    note: Behovet av stöd för samverkan kring det geografiska samordningsansvaret är undersökt.",
                "    by: Samverkanskansliet",
            ] && lines.added.isEmpty, "\(lines)")
        let noFollowup = try ws.run(["update", "stockholm/2021/bu-p2", "--remove-followup", "2021-06-11"])
        #expect(noFollowup.status == 2 && noFollowup.stderr.contains("its follow-ups are: 1. 2021-10-14"), "\(noFollowup.stderr)")
        let wrongKind = try ws.run(["update", "stockholm/2021/bu-ft-st-1", "--add-partner", "X"])
        #expect(wrongKind.status == 2 && wrongKind.stderr.contains("--add-partner applies to an activity, not to a goal"))
    }

    /// A list written in brackets on one line stays so: only that line changes.
    @Test func flowListsKeepTheirStyle() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p9.md"
        try ws.write(
            path,
            """
            ---
            kind: activity
            id: bu-p9
            title: Aktivitet med listor inom hakparentes
            area: bu-ft
            priority: ongoing
            goals: [bu-ft-st-1]
            status: in-progress
            partners: [Storsthlm, "Region Stockholm, HSF"]  # båda bidrar
            start: 2021-02-01
            due: 2021-11-30
            progress: 20
            ---

            Text.

            """)
        let signature = Author(name: "Test", email: "test@example.se", time: 1_609_459_200)
        try ws.repository.commitWorkingFiles([path], message: "bu-p9\n", signature: signature)
        var lines = withoutStamps(try change(ws, path, ["stockholm/2021/bu-p9", "--add-goal", "bu-ft-st-2"]))
        #expect(lines.removed == ["goals: [bu-ft-st-1]"] && lines.added == ["goals: [bu-ft-st-1, bu-ft-st-2]"], "\(lines)")
        lines = try change(ws, path, ["stockholm/2021/bu-p9", "--remove-partner", "Storsthlm", "--add-partner", "Länsstyrelsen"])
        #expect(
            lines.removed == ["partners: [Storsthlm, \"Region Stockholm, HSF\"]  # båda bidrar"]
                && lines.added == ["partners: [\"Region Stockholm, HSF\", Länsstyrelsen]  # båda bidrar"], "\(lines)")
    }

    /// An empty `[]` with a comment after it becomes a block list; the comment stays on the
    /// key's line instead of being dropped with the brackets.
    @Test func emptyFlowListKeepsItsComment() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p9.md"
        try ws.write(
            path,
            """
            ---
            kind: activity
            id: bu-p9
            title: Aktivitet med tom lista
            area: bu-ft
            priority: ongoing
            goals: [bu-ft-st-1]
            status: in-progress
            partners: []  # fylls i när avtalen är klara
            start: 2021-02-01
            due: 2021-11-30
            progress: 20
            ---

            Text.

            """)
        let signature = Author(name: "Test", email: "test@example.se", time: 1_609_459_200)
        try ws.repository.commitWorkingFiles([path], message: "bu-p9\n", signature: signature)
        let lines = try change(ws, path, ["stockholm/2021/bu-p9", "--add-partner", "Röda Korset, Luleå 🎗"])
        #expect(
            lines.removed == ["partners: []  # fylls i när avtalen är klara"]
                && lines.added == ["partners: # fylls i när avtalen är klara", "  - Röda Korset, Luleå 🎗"], "\(lines)")
        let shown = try ws.run(["show", "stockholm/2021/bu-p9", "--format", "json"])
        #expect(shown.status == 0 && shown.stdout.contains("Röda Korset, Luleå 🎗"), "\(shown.stderr)")
    }

    /// A task or follow-up named by a number that is no position (0, negative, the smallest
    /// integer, too large) is an unknown name: a usage error, not a crash.
    @Test func taskAndFollowupNumbersOutOfRange() throws {
        let ws = try CycleWorkspace(bundled: true)
        let head = try ws.head()
        for number in ["0", "-1", "-9223372036854775808", "99999999999999999999"] {
            let task = try ws.run(["update", "stockholm/2021/bu-p2", "--remove-task=\(number)"])
            #expect(task.status == 2 && task.stderr.contains("the activity has no task '\(number)'"), "\(number): \(task.stderr)")
            let done = try ws.run(["update", "stockholm/2021/bu-p2", "--task-done=\(number)"])
            #expect(done.status == 2 && done.stderr.contains("the activity has no task '\(number)'"), "\(number): \(done.stderr)")
            let followup = try ws.run(["update", "stockholm/2021/bu-p2", "--remove-followup=\(number)"])
            #expect(
                followup.status == 2 && followup.stderr.contains("the activity has no follow-up '\(number)'"),
                "\(number): \(followup.stderr)")
        }
        #expect(try ws.head() == head)
    }

    @Test func goalServesAndIndicators() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/goals/bu-ft-st-2.md"
        var lines = withoutStamps(try change(ws, path, ["stockholm/2021/bu-ft-st-2", "--add-serves", "bu-ft-lt-2"]))
        #expect(lines.removed.isEmpty && lines.added == ["  - bu-ft-lt-2"])
        lines = try change(ws, path, ["stockholm/2021/bu-ft-st-2", "--remove-serves", "bu-ft-lt-1"])
        #expect(lines.removed == ["  - bu-ft-lt-1"] && lines.added.isEmpty)
        let shortTerm = try ws.run(["update", "stockholm/2021/bu-ft-st-2", "--add-serves", "bu-ft-st-1"])
        #expect(shortTerm.status == 1 && shortTerm.stderr.contains("[ref.serves-not-long-term]"))

        // ls-st-7 has no indicators (bu-ft-st-2 names an illustrative Kolada one): the list is
        // created after assessment.
        let unmeasured = "Plans/stockholm/2021/goals/ls-st-7.md"
        lines = try change(
            ws, unmeasured,
            [
                "stockholm/2021/ls-st-7", "--indicator", "andel-kommuner", "--title", "Andel kommuner",
                "--unit", "percent", "--direction", "increase", "--baseline", "20@2021-01-01",
                "--target", "60@2021-12-31",
            ])
        #expect(lines.removed.isEmpty)
        #expect(
            lines.added == [
                "indicators:", "  - id: andel-kommuner", "    title: Andel kommuner", "    unit: percent",
                "    direction: increase", "    baseline:", "      value: 20", "      date: 2021-01-01",
                "    target:", "      value: 60", "      date: 2021-12-31",
            ], "\(lines)")
        #expect(try ws.text(unmeasured).contains("assessment: at-risk\nindicators:\n"))
        lines = try change(ws, unmeasured, ["stockholm/2021/ls-st-7", "--indicator", "andel-kommuner", "--target", "75.5@2021-12-31"])
        #expect(lines.removed == ["      value: 60"] && lines.added == ["      value: 75.5"], "\(lines)")
        #expect(try ws.run(["update", "stockholm/2021/ls-st-7", "--measure", "andel-kommuner=40@2021-06-30"]).status == 0)
        let newWithoutUnit = try ws.run(["update", "stockholm/2021/ls-st-7", "--indicator", "nytt", "--title", "Nytt"])
        #expect(newWithoutUnit.status == 2 && newWithoutUnit.stderr.contains("a new indicator needs --title and --unit"))
        let badTarget = try ws.run(["update", "stockholm/2021/ls-st-7", "--indicator", "andel-kommuner", "--target", "60"])
        #expect(badTarget.status != 0 && badTarget.stderr.contains("write VALUE@DATE"))
        lines = try change(ws, unmeasured, ["stockholm/2021/ls-st-7", "--remove-indicator", "andel-kommuner"])
        #expect(lines.added.isEmpty && lines.removed.count == 14 && lines.removed.first == "indicators:", "\(lines)")
    }

    @Test func planFundingAndAreas() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/plan.md"
        var lines = try change(ws, path, ["stockholm/2021", "--funding", "Länsgemensamma stimulansmedel=6500000"])
        #expect(lines.removed == ["    amount_sek: 6400000"] && lines.added == ["    amount_sek: 6500000"])
        lines = try change(ws, path, ["stockholm/2021", "--funding", "Ungdomsmottagningar=300000"])
        #expect(lines.removed.isEmpty && lines.added == ["  - stream: Ungdomsmottagningar", "    amount_sek: 300000"], "\(lines)")
        lines = try change(ws, path, ["stockholm/2021", "--remove-funding", "Ungdomsmottagningar"])
        #expect(lines.removed == ["  - stream: Ungdomsmottagningar", "    amount_sek: 300000"] && lines.added.isEmpty)
        let spaced = try ws.run(["update", "stockholm/2021", "--funding", "Ungdomsmottagningar=300 000"])
        #expect(spaced.status != 0 && spaced.stderr.contains("digits only"))
        let absent = try ws.run(["update", "stockholm/2021", "--remove-funding", "Länsgemensama stimulansmedel"])
        #expect(absent.status == 2 && absent.stderr.contains("did you mean \"Länsgemensamma stimulansmedel\"?"), "\(absent.stderr)")

        lines = try change(ws, path, ["stockholm/2021", "--add-area", "ps=Psykiatrisk vård@ls"])
        #expect(lines.removed.isEmpty && lines.added == ["  - id: ps", "    title: Psykiatrisk vård", "    parent: ls"], "\(lines)")
        lines = try change(ws, path, ["stockholm/2021", "--remove-area", "ps"])
        #expect(lines.removed == ["  - id: ps", "    title: Psykiatrisk vård", "    parent: ls"] && lines.added.isEmpty)
        // An area in use cannot go: the validation names each document that uses it.
        let inUse = try ws.run(["update", "stockholm/2021", "--remove-area", "kk"])
        #expect(inUse.status == 1 && inUse.stderr.contains("Plans/stockholm/2021/goals/kk-st-1.md:6:7: error: [ref.area-missing]"))
    }

    /// `--set` that would make the document invalid: the finding's place is in the file as
    /// it would have been written, and the line is shown.
    @Test func setErrorsPointAtTheLineThatWouldHaveBeenWritten() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        let result = try ws.run(["update", "stockholm/2021/bu-p2", "--set", "x-kontakt=Åsa", "--set", "due=2021-13-01"])
        #expect(result.status == 1)
        // x-kontakt is inserted at the end of the front matter; due keeps its line 15.
        #expect(result.stderr.contains("\(path):15:6: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("    15 | due: 2021-13-01\n"), "\(result.stderr)")
        let inserted = try ws.run(["update", "stockholm/2021/bu-p2", "--set", "budget_sek=-5"])
        #expect(inserted.status == 1)
        #expect(inserted.stderr.contains("\(path):18:13: error:"), "\(inserted.stderr)")
        #expect(inserted.stderr.contains("    18 | budget_sek: -5\n"), "\(inserted.stderr)")
    }

    @Test func newTakesADescriptionPartnersAndTasks() throws {
        let ws = try CycleWorkspace(bundled: true)
        let result = try ws.run([
            "new", "activity", "stockholm/2021/bu-p9", "--title", "Föräldraskapsstöd", "--area", "bu-ft",
            "--goal", "bu-ft-st-1", "--owner", "Storsthlm", "--partner", "Region Stockholm HSF",
            "--partner", "Länsstyrelsen, Stockholm", "--task", "Kartlägga utbudet", "--task", "Sprida: goda exempel",
            "--description", "## Syfte\n\nStärka föräldrar i länet.",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The link made is stamped (docs/review.md); the rest as written.
        let written = try ws.text("Plans/stockholm/2021/activities/bu-p9.md")
        let stamp = try #require(
            written.range(
                of: "link_reviews:\n  bu-ft-st-1:\n    fingerprint: [0-9a-f]{8}\n    date: [0-9]{4}-[0-9]{2}-[0-9]{2}\n",
                options: .regularExpression))
        #expect(
            written.replacingCharacters(in: stamp, with: "") == """
                ---
                kind: activity
                id: bu-p9
                title: Föräldraskapsstöd
                area: bu-ft
                priority: prioritized
                goals:
                  - bu-ft-st-1
                status: planned
                owner: Storsthlm
                partners:
                  - Region Stockholm HSF
                  - Länsstyrelsen, Stockholm
                progress: 0
                tasks:
                  - title: Kartlägga utbudet
                    done: false
                  - title: "Sprida: goda exempel"
                    done: false
                ---

                ## Syfte

                Stärka föräldrar i länet.

                """)
        try ws.write("beskrivning.md", "Målet beskrivs här.\n")
        let goal = try ws.run([
            "new", "goal", "stockholm/2021/bu-ft-st-9", "--title", "Nytt mål", "--term", "short",
            "--area", "bu-ft", "--serves", "bu-ft-lt-1", "--body-file", "beskrivning.md",
        ])
        #expect(goal.status == 0, "\(goal.stderr)")
        #expect(try ws.text("Plans/stockholm/2021/goals/bu-ft-st-9.md").hasSuffix("---\n\nMålet beskrivs här.\n"))
        let wrong = try ws.run([
            "new", "goal", "stockholm/2021/bu-ft-st-8", "--title", "X", "--term", "short",
            "--area", "bu-ft", "--task", "Y",
        ])
        #expect(wrong.status != 0 && wrong.stderr.contains("--partner and --task are for an activity"))
    }
}
