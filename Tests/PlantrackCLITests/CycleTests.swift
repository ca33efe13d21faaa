import Foundation
import PlantrackCore
import PlantrackGit
import Testing

@Suite("Yearly cycle through the CLI")
struct CycleTests {
    /// init → new → update → approve → (new version) approve → diff between the tags →
    /// revise → log across years.
    @Test func wholeCycle() throws {
        let ws = try CycleWorkspace()
        func ok(_ arguments: [String]) throws -> String {
            let result = try ws.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }
        var out = try ok(["init", ".", "--county", "orebro", "--county-name", "Örebro län", "--code", "18"])
        #expect(out.contains("Plans/orebro/county.md"))
        #expect(try ws.text("Plans/orebro/county.md").contains("name: Örebro län\ncode: \"18\"\n"))
        #expect(try ws.text(".vscode/settings.json").contains("./Schemas/activity.schema.json"))
        #expect(FileManager.default.fileExists(atPath: ws.path + "/Schemas/plan.schema.json"))
        #expect(FileManager.default.fileExists(atPath: ws.path + "/README.md"))
        #expect(try ws.messages() == ["init: workspace with orebro (Örebro län)"])

        _ = try ok([
            "new", "plan", "orebro/2026", "--title", "Länsgemensam handlingsplan 2026",
            "--area", "bu=Barn och unga", "--area", "bu-sk=Skolan som arena@bu",
        ])
        _ = try ok(["new", "goal", "orebro/2026/bu-lt-1", "--title", "Fler unga mår bra", "--term", "long", "--area", "bu"])
        _ = try ok([
            "new", "goal", "orebro/2026/bu-st-1", "--title", "Elevhälsan når fler", "--term", "short",
            "--area", "bu-sk", "--serves", "bu-lt-1",
        ])
        _ = try ok([
            "new", "activity", "orebro/2026/bu-p1", "--title", "Utbilda elevhälsan", "--area", "bu-sk",
            "--goal", "bu-st-1", "--start", "2026-02-01", "--due", "2026-06-30", "--budget", "200000",
        ])
        _ = try ok([
            "new", "activity", "orebro/2026/bu-p2", "--title", "Föräldrastöd", "--area", "bu",
            "--goal", "bu-st-1", "--start", "2026-03-01", "--due", "2026-12-15",
        ])
        #expect(try ok(["validate", "--as-of", "2026-01-15"]).contains("0 errors"))

        out = try ok([
            "update", "orebro/2026/bu-p1", "--status", "done", "--date", "2026-06-20", "--progress", "100",
            "--spent", "180000", "--note", "Alla skolor har deltagit",
        ])
        #expect(out.contains("~ status: planned → done"))
        #expect(out.contains("+ completed: 2026-06-20"))
        _ = try ok(["update", "orebro/2026/bu-p2", "--status", "in-progress", "--progress", "40"])
        _ = try ok(["update", "orebro/2026/bu-st-1", "--assessment", "on-track"])
        let activity = try ws.text("Plans/orebro/2026/activities/bu-p1.md")
        #expect(activity.contains("status: done\n"))
        #expect(activity.contains("completed: 2026-06-20\nprogress: 100\n"))
        #expect(activity.contains("followups:\n  - date: 2026-06-20\n    note: Alla skolor har deltagit\n    by: Åsa Öberg\n"))

        out = try ok(["approve", "orebro/2026", "--date", "2026-02-15", "--by", "Styrgruppen"])
        #expect(out.contains("tagged orebro/2026/v1"))
        _ = try ok(["update", "orebro/2026", "--set", "version=2", "--set", "status=draft"])
        #expect(try ws.run(["update", "orebro/2026", "--set", "objectives=x"]).status == 1)  // a list, not text
        _ = try ok(["update", "orebro/2026", "--set", "x-diarienummer=RS 2026/118"])
        out = try ok(["approve", "orebro/2026", "--date", "2026-09-01"])
        #expect(out.contains("tagged orebro/2026/v2"))
        let repo = try Repository.open(at: ws.path)
        #expect(try repo.tagNames() == ["orebro/2026/v1", "orebro/2026/v2"])
        // The second approval keeps the adopting body and moves the date.
        #expect(try ws.text("Plans/orebro/2026/plan.md").contains("adopted:\n  date: 2026-09-01\n  by: Styrgruppen\n"))

        out = try ok(["diff", "orebro/2026/v1", "orebro/2026/v2"])
        #expect(out.contains("~ version: 1 → 2"))
        #expect(out.contains("~ adopted.date: 2026-02-15 → 2026-09-01"))

        out = try ok(["revise", "orebro", "--to", "2027"])
        #expect(out.contains("revise orebro/2026 → orebro/2027: version 3, draft"))
        #expect(
            out.contains(
                "  bu-p2 carried (open, in-progress)\n"
                    + "    progress 40 → 0, start 2026-03-01 → 2027-01-01,\n    due 2026-12-15 → 2027-12-15\n"))
        #expect(out.contains("  bu-p1 left (done 2026-06-20)\n"))
        let plan = try ws.text("Plans/orebro/2027/plan.md")
        #expect(
            plan.contains(
                "year: 2027\ntitle: Länsgemensam handlingsplan 2027\nversion: 3\nstatus: draft\nperiod:\n  start: 2027-01-01\n  end: 2027-12-31\nrevises: orebro/2026\n"
            ))
        #expect(!plan.contains("adopted"))
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/Plans/orebro/2027/activities/bu-p1.md"))
        #expect(try ws.text("Plans/orebro/2027/activities/bu-p2.md").contains("carried_from: orebro/2026/bu-p2"))
        // The goal is copied with its assessment reset: 2027 has achieved nothing yet.
        #expect(
            try ws.text("Plans/orebro/2027/goals/bu-st-1.md")
                == ws.text("Plans/orebro/2026/goals/bu-st-1.md").replacingOccurrences(
                    of: "assessment: on-track", with: "assessment: not-assessed"))
        #expect(out.contains("assessments reset to not-assessed (1): bu-st-1 (was on-track)\n"))
        #expect(try ok(["validate", "--as-of", "2027-01-15"]).contains("0 errors"))
        #expect(try ws.dirtyPaths(ws.files(under: "Plans")).isEmpty)

        _ = try ok(["update", "orebro/2027/bu-p2", "--progress", "60"])
        out = try ok(["log", "orebro/2027/bu-p2"])
        #expect(out.contains("orebro/2027/bu-p2 — Plans/orebro/2027/activities/bu-p2.md"))
        #expect(out.contains("~ progress: 0 → 60"))
        #expect(out.contains("orebro/2026/bu-p2 (earlier year of orebro/2027/bu-p2)"))
        #expect(out.contains("~ status: planned → in-progress"))
        #expect(out.contains("Åsa Öberg: new activity orebro/2026/bu-p2: Föräldrastöd"))

        let json = try ok(["log", "orebro/2027/bu-p2", "--format", "json"])
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let history = value?["history"] as? [[String: Any]] ?? []
        #expect(value?["item"] as? String == "orebro/2027/bu-p2")
        #expect(
            history.map { $0["item"] as? String ?? "" } == [
                "orebro/2027/bu-p2", "orebro/2027/bu-p2",
                "orebro/2026/bu-p2", "orebro/2026/bu-p2",
            ])
        #expect(history.first?["change"] as? String == "modified")
        let fields = history.first?["fields"] as? [[String: Any]] ?? []
        #expect(fields.first?["field"] as? String == "progress")
        #expect(fields.first?["old"] as? Int == 0 && fields.first?["new"] as? Int == 60)
        #expect((history.first?["author"] as? [String: Any])?["name"] as? String == "Åsa Öberg")
        #expect((history.first?["commit"] as? String)?.count == 40)
    }

    @Test func newRefusesDuplicatesAndUnknownReferences() throws {
        let ws = try CycleWorkspace(bundled: true)
        for (arguments, message) in [
            (["new", "activity", "stockholm/2021/bu-p1", "--title", "x", "--area", "bu"], "already exists"),
            (["new", "goal", "stockholm/2021/bu-p1", "--title", "x", "--area", "bu", "--term", "long"], "already exists"),
            (["new", "activity", "stockholm/2021/ny", "--title", "x", "--area", "saknas"], "has no area 'saknas'"),
            (["new", "activity", "stockholm/2021/ny", "--title", "x", "--area", "bu", "--goal", "saknas"], "has no goal 'saknas'"),
            (
                ["new", "goal", "stockholm/2021/ny", "--title", "x", "--area", "bu", "--term", "short", "--serves", "bu-ft-st-1"],
                "is not a long-term goal"
            ),
            (["new", "activity", "stockholm/2030/ny", "--title", "x", "--area", "bu"], "there is no plan stockholm/2030"),
        ] {
            let result = try ws.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let bad = try ws.run(["new", "activity", "stockholm/2021/Ny_id", "--title", "x", "--area", "bu"])
        #expect(bad.status == 2 && bad.stderr.contains("lowercase slugs"))
        #expect(try ws.messages().count == 1)
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/Plans/stockholm/2021/activities/ny.md"))
    }

    /// The tag names the committed plan: an uncommitted edit of the plan or of one of its
    /// items is refused, also when approving changes nothing (the plan already adopted so),
    /// instead of tagging HEAD without it.
    @Test func approveRefusesUncommittedChangesOfThePlan() throws {
        let ws = try CycleWorkspace(bundled: true)
        let plan = "Plans/norrbotten/2026/plan.md"
        let committedPlan = try ws.text(plan)
        #expect(committedPlan.contains("status: adopted\nadopted:\n  date: 2026-03-05\n"))
        try ws.write(plan, committedPlan.replacingOccurrences(of: "title: Länsgemensam", with: "title: Ändrad länsgemensam"))
        let head = try ws.head()
        let dirtyPlan = try ws.run(["approve", "norrbotten/2026", "--date", "2026-03-05"])
        #expect(dirtyPlan.status == 2, "\(dirtyPlan.stdout)")
        #expect(dirtyPlan.stderr.contains("\(plan) has uncommitted changes: the tag would not hold it"), "\(dirtyPlan.stderr)")
        try ws.write(plan, committedPlan)
        let activity = "Plans/norrbotten/2026/activities/bu-l1.md"
        try ws.write(activity, try ws.text(activity).replacingOccurrences(of: "progress: 75", with: "progress: 80"))
        let dirtyItem = try ws.run(["approve", "norrbotten/2026", "--date", "2026-04-01"])
        #expect(dirtyItem.status == 2 && dirtyItem.stderr.contains("\(activity) has uncommitted changes"), "\(dirtyItem.stderr)")
        let repo = try Repository.open(at: ws.path)
        #expect(try repo.tagNames().isEmpty)
        #expect(try ws.head() == head)
        #expect(try ws.text(plan) == committedPlan)
        // Committed, the same approval goes through and the tag holds the edit.
        let signature = Author(name: "Test", email: "test@example.se", time: 1_609_459_200)
        try ws.repository.commitWorkingFiles([activity], message: "bu-l1 80\n", signature: signature)
        let done = try ws.run(["approve", "norrbotten/2026", "--date", "2026-03-05"])
        #expect(done.status == 0 && done.stdout.contains("tagged norrbotten/2026/v1"), "\(done.stderr)")
        // With --no-commit nothing is tagged, so an uncommitted edit is no reason to refuse.
        try ws.write(activity, try ws.text(activity).replacingOccurrences(of: "progress: 80", with: "progress: 85"))
        let noCommit = try ws.run(["approve", "norrbotten/2026", "--date", "2026-03-06", "--no-commit"])
        #expect(noCommit.status == 0, "\(noCommit.stderr)")
    }

    /// A version of the largest whole number cannot be raised: revise says so at the
    /// field and writes nothing, approve's refusal of an existing tag does not trap.
    @Test func hugeVersionIsAnErrorNotACrash() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/plan.md"
        let text = try ws.text(path)
        try ws.write(path, text.replacingOccurrences(of: "\nversion: 4\n", with: "\nversion: 9223372036854775807\n"))
        let signature = Author(name: "Test", email: "test@example.se", time: 1_609_459_200)
        try ws.repository.commitWorkingFiles([path], message: "huge version\n", signature: signature)
        let head = try ws.head()
        let revise = try ws.run(["revise", "stockholm", "--to", "2022"])
        #expect(revise.status == 2, "\(revise.stderr)")
        #expect(revise.stderr.contains("\(path):6:10: version 9223372036854775807 cannot be raised by one"), "\(revise.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/Plans/stockholm/2022"))
        #expect(try ws.head() == head)
        let uppsala = "Plans/uppsala/2026/plan.md"
        let plan = try ws.text(uppsala)
        let version = try #require(plan.split(separator: "\n").first { $0.hasPrefix("version: ") })
        try ws.write(uppsala, plan.replacingOccurrences(of: "\n" + version + "\n", with: "\nversion: 9223372036854775807\n"))
        try ws.repository.commitWorkingFiles([uppsala], message: "huge version\n", signature: signature)
        let repo = try Repository.open(at: ws.path)
        _ = try repo.createTag(
            named: "uppsala/2026/v9223372036854775807", target: repo.head(),
            tagger: signature, message: "taken\n")
        let approve = try ws.run(["approve", "uppsala/2026", "--date", "2026-02-01"])
        #expect(
            approve.status == 2 && approve.stderr.contains("the tag uppsala/2026/v9223372036854775807 already exists"),
            "\(approve.stderr)")
    }

    @Test func approveRefusesAnExistingTag() throws {
        let ws = try CycleWorkspace(bundled: true)
        #expect(try ws.run(["approve", "uppsala/2026", "--date", "2026-02-01", "--by", "Styrgruppen"]).status == 0)
        let before = try ws.bytes("Plans/uppsala/2026/plan.md")
        let again = try ws.run(["approve", "uppsala/2026", "--date", "2026-03-01"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("the tag uppsala/2026/v"))
        #expect(try ws.bytes("Plans/uppsala/2026/plan.md") == before)
        let closed = try ws.run(["approve", "stockholm/2021"])
        #expect(closed.status == 2 && closed.stderr.contains("stockholm/2021 is closed"))
    }

    /// `new --edit` in a terminal opens $EDITOR, then commits the file if it still validates.
    @Test func newOpensTheEditorInATerminal() throws {
        let ws = try CycleWorkspace(bundled: true)
        let binary = CLI.productsFolder.appendingPathComponent("plantrack").path
        func inTerminal(_ arguments: String, editor: String) throws -> CLIResult {
            var environment = ws.environment
            environment["EDITOR"] = editor
            // script(1) gives the command a pseudo-terminal, as a coordinator's shell would.
            return try CLI.run(
                ["-qec", "\(binary) \(arguments)", "/dev/null"], in: ws.folder.url,
                environment: environment, executable: "/usr/bin/script")
        }
        let path = "Plans/stockholm/2021/activities/ny.md"
        var result = try inTerminal(
            "new activity stockholm/2021/ny --title Ny --area bu --edit",
            editor: "sed -i s/Vad/Detta/")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try ws.text(path).contains("Detta aktiviteten är"))
        #expect(try ws.messages().first == "new activity stockholm/2021/ny")
        #expect(try ws.dirtyPaths([path]).isEmpty)
        // An edit that breaks the document leaves it written but not committed.
        result = try inTerminal(
            "new activity stockholm/2021/ny2 --title Ny --area bu --edit",
            editor: "sed -i 's/status: planned/status: klar/'")
        #expect(result.stdout.contains("written, not committed: fix the errors above"))
        #expect(try ws.text("Plans/stockholm/2021/activities/ny2.md").contains("status: klar"))
        #expect(try ws.messages().first == "new activity stockholm/2021/ny")
        // Without a terminal --edit does not wait for an editor.
        result = try ws.run(["new", "activity", "stockholm/2021/ny3", "--title", "Ny", "--area", "bu", "--edit"])
        #expect(result.status == 0 && result.stdout.contains("committed"))
    }

    @Test func reviseTheBundledStockholmPlan() throws {
        let ws = try CycleWorkspace(bundled: true)
        let result = try ws.run(["revise", "stockholm", "--to", "2022"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("revise stockholm/2021 → stockholm/2022: version 5, draft\n"))
        #expect(result.stdout.contains("  kk-p1 left (cancelled)\n"))
        let old = try ws.files(under: "Plans/stockholm/2021/goals").map { $0.replacingOccurrences(of: "2021", with: "2022") }
        #expect(try ws.files(under: "Plans/stockholm/2022/goals") == old)
        for path in try ws.files(under: "Plans/stockholm/2022/activities") {
            let text = try ws.text(path)
            #expect(!text.contains("status: done") && !text.contains("status: cancelled"), "\(path)")
            let id = path.split(separator: "/").last?.dropLast(3) ?? ""
            #expect(text.contains("carried_from: stockholm/2021/\(id)\n"), "\(path)")
        }
        #expect(try ws.messages().first == "revise stockholm/2021 → stockholm/2022: version 5, draft")
        #expect(try ws.dirtyPaths(ws.files(under: "Plans/stockholm/2022")).isEmpty)
        let validate = try ws.run(["validate", "--as-of", "2022-01-15"])
        #expect(validate.stdout.contains(" 0 errors"), "\(validate.stdout)")
        let again = try ws.run(["revise", "stockholm", "--to", "2022"])
        #expect(again.status == 2 && again.stderr.contains("stockholm/2022 already exists"))
        let none = try ws.run(["revise", "stockholm", "--to", "2019"])
        #expect(none.status == 2 && none.stderr.contains("no plan of stockholm before 2019"))
        // log follows carried_from back into 2021 (and 2020, where bu-l1 came from).
        let log = try ws.run(["log", "stockholm/2021/bu-l1"])
        #expect(log.stdout.contains("stockholm/2021/bu-l1 — Plans/stockholm/2021/activities/bu-l1.md"))
        #expect(log.stdout.contains("stockholm/2020/bu-p3 (earlier year of stockholm/2021/bu-l1)"))
    }

    /// Progress is a number (`common.schema.json` percent), so `37.5` starts the new year at
    /// 0 like a whole number does: a carried activity begins with nothing done.
    @Test func reviseResetsProgressWithDecimals() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-l1.md"
        let text = try ws.text(path)
            .replacingOccurrences(of: "status: done\n", with: "status: in-progress\n")
            .replacingOccurrences(of: "completed: 2021-11-25\n", with: "")
            .replacingOccurrences(of: "progress: 100\n", with: "progress: 37.5\n")
        #expect(text.contains("progress: 37.5\n"))
        try ws.write(path, text)
        let signature = Author(name: "Test", email: "test@example.se", time: 1_609_459_200)
        try ws.repository.commitWorkingFiles([path], message: "bu-l1 halfway\n", signature: signature)
        let result = try ws.run(["revise", "stockholm", "--to", "2022"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  bu-l1 carried (ongoing)\n    progress 37.5 → 0, spent_sek 270000 → 0"), "\(result.stdout)")
        let carried = try ws.text("Plans/stockholm/2022/activities/bu-l1.md")
        #expect(
            carried.contains("status: in-progress\n") && carried.contains("progress: 0\n") && !carried.contains("37.5"),
            "\(carried)")
    }

    /// `--carry` and `--leave` choose per activity; a mistyped or doubly named id stops the
    /// command before anything is written.
    @Test func reviseCarryAndLeave() throws {
        let ws = try CycleWorkspace(bundled: true)
        let unknown = try ws.run(["revise", "stockholm", "--to", "2022", "--carry", "bu-l7"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.contains(
                "--carry bu-l7: stockholm/2021 has no activity bu-l7; "
                    + "nearest: stockholm/2021/bu-l1, stockholm/2021/bu-l2, stockholm/2021/bu-l3"),
            "\(unknown.stderr)")
        let goal = try ws.run(["revise", "stockholm", "--to", "2022", "--leave", "kk-st-1"])
        #expect(goal.status == 2 && goal.stderr.contains("stockholm/2021/kk-st-1 is a goal"), "\(goal.stderr)")
        let both = try ws.run(["revise", "stockholm", "--to", "2022", "--carry", "bu-l2", "--leave", "stockholm/2021/bu-l2"])
        #expect(both.status == 2 && both.stderr.contains("bu-l2 is named by both --carry and --leave"), "\(both.stderr)")
        #expect(try ws.files(under: "Plans/stockholm/2022").isEmpty)
        #expect(try ws.messages().count == 1)

        // Several ids after one option, the county/year/id form, and a repeated option.
        let result = try ws.run([
            "revise", "stockholm", "--to", "2022", "--carry", "bu-p1", "stockholm/2021/kk-p1",
            "--leave", "bu-l2", "bu-l3", "--leave", "bu-p2",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  bu-p1 carried (--carry)\n"))
        #expect(result.stdout.contains("  kk-p1 carried (--carry)\n"))
        #expect(result.stdout.contains("  bu-l2 left (--leave, done)\n"))
        #expect(result.stdout.contains("  bu-p2 left (--leave, delayed)\n"))
        #expect(result.stdout.contains("  bu-l1 carried (ongoing)\n"))
        let ids = try ws.files(under: "Plans/stockholm/2022/activities").map { $0.split(separator: "/").last.map(String.init) ?? "" }
        #expect(ids.contains("bu-p1.md") && ids.contains("kk-p1.md") && ids.contains("bu-l1.md"))
        #expect(!ids.contains("bu-l2.md") && !ids.contains("bu-l3.md") && !ids.contains("bu-p2.md"))
        // The cancelled activity carried on request comes without its reason, as planned
        // (its x-illustrative list may still name the field).
        let cancelled = try ws.text("Plans/stockholm/2022/activities/kk-p1.md")
        #expect(cancelled.contains("status: planned\n") && !cancelled.contains("\ncancelled_reason:"))
        // Leaving an open activity behind is the coordinator's call, and validate says so.
        let validate = try ws.run(["validate", "--as-of", "2022-01-15"])
        #expect(validate.stdout.contains("[revise.open-not-carried]") && validate.stdout.contains("bu-p2"))
    }
}
