import Foundation
import Testing

/// An activity of the bundled Stockholm 2021 plan with the given lines between `goals` and
/// the closing fence (the line after the last goal is file line 8 + goals.count).
private func activity(_ id: String, goals: [String], _ lines: [String]) -> String {
    (["---", "kind: activity", "id: \(id)", "title: Prövad aktivitet", "area: bu-ft", "priority: prioritized", "goals:"]
        + goals.map { "  - \($0)" } + lines + ["---", "", "Text.", ""]).joined(separator: "\n")
}

/// The rules of issue #18 item 7, through `plantrack validate`: each finding stands at the
/// offending value's file:line:column.
@Suite("validate: inconsistent states are findings")
struct StateRulesCLITests {
    private func validate(_ path: String, _ text: String) throws -> CLIResult {
        let ws = try CycleWorkspace(bundled: true)
        try ws.write(path, text)
        return try ws.run(["validate", "--as-of", "2021-12-31"])
    }

    @Test func doneWithProgressBelowAHundred() throws {
        let path = "Plans/stockholm/2021/activities/bu-p9.md"
        let result = try validate(
            path,
            activity(
                "bu-p9", goals: ["bu-ft-st-1"],
                [
                    "status: done", "completed: 2021-10-01", "start: 2021-02-01", "due: 2021-11-30", "progress: 30",
                ]))
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "\(path):13:11: error: [status.done-progress] the activity is done but its progress is 30; set progress: 100"),
            "\(result.stdout)")
    }

    @Test("a progress with decimals (the schema allows 99.5) is judged too")
    func fractionalProgressIsJudged() throws {
        let path = "Plans/stockholm/2021/activities/bu-p9.md"
        let done = try validate(
            path,
            activity(
                "bu-p9", goals: ["bu-ft-st-1"],
                [
                    "status: done", "completed: 2021-10-01", "start: 2021-02-01", "due: 2021-11-30", "progress: 99.5",
                ]))
        #expect(done.status == 1)
        #expect(
            done.stdout.contains(
                "\(path):13:11: error: [status.done-progress] the activity is done but its progress is 99.5; set progress: 100"),
            "\(done.stdout)")
        let planned = try validate(
            path,
            activity(
                "bu-p9", goals: ["bu-ft-st-1"],
                [
                    "status: planned", "start: 2021-02-01", "due: 2021-11-30", "progress: 0.5",
                ]))
        #expect(planned.status == 1)
        #expect(
            planned.stdout.contains(
                "\(path):12:11: error: [status.planned-with-progress] the activity is planned (not started) but its progress is 0.5"),
            "\(planned.stdout)")
        // Whole floats read as the whole numbers they are: 30.0 is "30".
        let thirty = try validate(
            path,
            activity(
                "bu-p9", goals: ["bu-ft-st-1"],
                [
                    "status: done", "completed: 2021-10-01", "start: 2021-02-01", "due: 2021-11-30", "progress: 30.0",
                ]))
        #expect(thirty.stdout.contains("[status.done-progress] the activity is done but its progress is 30; "), "\(thirty.stdout)")
    }

    @Test func plannedWithProgressAndMoneySpent() throws {
        let path = "Plans/stockholm/2021/activities/bu-p9.md"
        let result = try validate(
            path,
            activity(
                "bu-p9", goals: ["bu-ft-st-1"],
                [
                    "status: planned", "start: 2021-02-01", "due: 2021-11-30", "progress: 20", "budget_sek: 10000",
                    "spent_sek: 5000",
                ]))
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "\(path):12:11: error: [status.planned-with-progress] the activity is planned (not started) but its progress is 20"),
            "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "\(path):14:12: error: [status.planned-with-progress] the activity is planned (not started) but 5 000 kr is spent"),
            "\(result.stdout)")
    }

    @Test func plannedAtZeroIsClean() throws {
        let result = try validate(
            "Plans/stockholm/2021/activities/bu-p9.md",
            activity(
                "bu-p9", goals: ["bu-ft-st-1"],
                [
                    "status: planned", "start: 2021-02-01", "due: 2021-11-30", "progress: 0", "spent_sek: 0",
                ]))
        #expect(!result.stdout.contains("bu-p9.md"), "\(result.stdout)")
    }

    @Test func activityNamingALongTermGoal() throws {
        let path = "Plans/stockholm/2021/activities/bu-p9.md"
        let result = try validate(
            path,
            activity(
                "bu-p9", goals: ["bu-ft-st-1", "bu-ft-lt-1"],
                [
                    "status: in-progress", "start: 2021-02-01", "due: 2021-11-30", "progress: 40",
                ]))
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "\(path):9:5: error: [goal.activity-long-term-goal] bu-ft-lt-1 is a long-term goal; an activity contributes "
                    + "to short-term goals: name a short-term goal that serves it instead (bu-ft-st-1 or bu-ft-st-2)"),
            "\(result.stdout)")
    }

    /// `update` keeps states consistent: done sets progress 100, progress on a planned
    /// activity starts it, and going back to planned with progress is refused at the line.
    @Test func updateKeepsStatusAndProgressTogether() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        let done = try ws.run(["update", "stockholm/2021/bu-p2", "--status", "done", "--date", "2021-12-01"])
        #expect(done.status == 0, "\(done.stderr)")
        var text = try ws.text(path)
        #expect(text.contains("status: done\n") && text.contains("progress: 100\n"))
        let lower = try ws.run(["update", "stockholm/2021/bu-p2", "--status", "in-progress", "--progress", "60"])
        #expect(lower.status == 0, "\(lower.stderr)")
        let refused = try ws.run(["update", "stockholm/2021/bu-p2", "--status", "done", "--progress", "80"])
        #expect(refused.status == 2 && refused.stderr.contains("a done activity is at 100"), "\(refused.stderr)")
        let head = try ws.head()
        let planned = try ws.run(["update", "stockholm/2021/bu-p2", "--status", "planned"])
        #expect(planned.status == 1)
        #expect(planned.stderr.contains("\(path):16:11: error: [status.planned-with-progress]"), "\(planned.stderr)")
        #expect(planned.stderr.contains("    16 | progress: 60\n"), "\(planned.stderr)")
        #expect(try ws.head() == head)
        // A new activity is planned at 0; recording progress starts it.
        #expect(
            try ws.run([
                "new", "activity", "stockholm/2021/bu-p9", "--title", "Ny", "--area", "bu-ft",
                "--goal", "bu-ft-st-1", "--start", "2021-03-01", "--due", "2021-11-30",
            ]).status == 0)
        let started = try ws.run(["update", "stockholm/2021/bu-p9", "--progress", "10"])
        #expect(started.status == 0, "\(started.stderr)")
        text = try ws.text("Plans/stockholm/2021/activities/bu-p9.md")
        #expect(text.contains("status: in-progress\n") && text.contains("progress: 10\n"))
    }
}
