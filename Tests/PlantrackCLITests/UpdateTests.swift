import Foundation
import PlantrackCore
import PlantrackGit
import Testing

@Suite("update: in-place edits, refusals, concurrency")
struct UpdateTests {
    /// `update` on every bundled document changes only the intended line; every other byte
    /// is equal, and the commit holds just that file.
    @Test func roundTripOnEveryBundledDocument() throws {
        let ws = try CycleWorkspace(bundled: true)
        let workspace = try Workspace.read(from: DirectorySnapshot(root: ws.path))
        var checked = 0
        for document in workspace.documents {
            guard let reference = document.reference else { continue }
            let arguments: [String]
            let changedKey: String
            switch document.kind {
            case .activity where ["in-progress", "delayed"].contains(document.frontMatter["status"]?.string):
                let progress = document.frontMatter["progress"]?.integer ?? -1
                arguments = ["--progress", String(progress == 37 ? 38 : 37)]
                changedKey = "progress"
            case .activity:
                // Done is at 100 and planned at 0 (status.done-progress, status.planned-with-progress).
                arguments = ["--set", "title=\(document.title ?? "") (reviderad)"]
                changedKey = "title"
            case .goal:
                let assessment = document.frontMatter["assessment"]?.string
                arguments = ["--assessment", assessment == "at-risk" ? "on-track" : "at-risk"]
                changedKey = "assessment"
            case .plan:
                arguments = ["--set", "title=\(document.title ?? "") (reviderad)"]
                changedKey = "title"
            case .county:
                arguments = ["--set", "region=Region i \(document.title ?? "")"]
                changedKey = "region"
            case .workspace, .followup:
                // A follow-up shares its plan's name; `update county/year` edits the plan.
                continue
            }
            let before = try ws.text(document.path)
            let head = try ws.head()
            let result = try ws.run(["update", reference.description] + arguments)
            #expect(result.status == 0, "\(reference): \(result.stderr)")
            let after = try ws.text(document.path)
            let changes = lineChanges(before, after)
            #expect(changes.removed.count <= 1, "\(reference)")
            #expect(changes.added.count == 1, "\(reference)")
            #expect(changes.added.first?.hasPrefix("\(changedKey): ") == true, "\(reference): \(changes.added)")
            if let removed = changes.removed.first {
                #expect(removed.hasPrefix("\(changedKey): "), "\(reference): \(removed)")
            }
            // The commit holds this file and nothing else.
            let repo = try Repository.open(at: ws.path)
            let commit = try repo.head()
            #expect(commit.parentIDs == [head])
            let changed = try repo.changes(from: repo.commit(head).tree(), to: commit.tree())
            #expect(changed.map(\.path) == [document.path], "\(reference)")
            #expect(commit.summary.hasPrefix("update \(reference): \(changedKey)"), "\(commit.summary)")
            checked += 1
        }
        #expect(checked == workspace.documents.filter { $0.kind != .workspace && $0.kind != .followup }.count)
        #expect(try ws.dirtyPaths(ws.files(under: "Plans")).isEmpty)
    }

    @Test func invalidValueWritesNothing() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        let before = try ws.bytes(path)
        let head = try ws.head()
        let invalid = try ws.run(["update", "stockholm/2021/bu-p2", "--set", "progress=150"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("\(path):"))
        #expect(invalid.stderr.contains("progress"))
        #expect(invalid.stderr.contains("Nothing was written"))
        let unknown = try ws.run(["update", "stockholm/2021/bu-p2", "--status", "finished"])
        #expect(unknown.status == 1 && unknown.stderr.contains("must be one of"))
        let noReason = try ws.run(["update", "stockholm/2021/bu-p2", "--status", "cancelled"])
        #expect(noReason.status == 2 && noReason.stderr.contains("needs a reason: add --reason"))
        let wrongKind = try ws.run(["update", "stockholm/2021/bu-p2", "--assessment", "on-track"])
        #expect(wrongKind.status == 2 && wrongKind.stderr.contains("--assessment applies to a goal"))
        let badMeasure = try ws.run(["update", "stockholm/2021/bu-ft-lt-1", "--measure", "nope=3@2021-01-01"])
        #expect(badMeasure.status == 2 && badMeasure.stderr.contains("has no indicator 'nope'"))
        #expect(try ws.bytes(path) == before)
        #expect(try ws.head() == head)
        #expect(
            !(try FileManager.default.contentsOfDirectory(atPath: ws.path + "/Plans/stockholm/2021/activities"))
                .contains { $0.contains(".tmp") })
    }

    @Test func cancellingNeedsAReasonAndDoneSetsCompleted() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        #expect(try ws.run(["update", "stockholm/2021/bu-p2", "--status", "cancelled", "--reason", "Medlen drogs in"]).status == 0)
        #expect(try ws.text(path).contains("status: cancelled\n"))
        #expect(try ws.text(path).contains("cancelled_reason: Medlen drogs in\n"))
        #expect(try ws.run(["update", "stockholm/2021/bu-p2", "--status", "done", "--date", "2021-12-01"]).status == 0)
        let text = try ws.text(path)
        #expect(!text.contains("cancelled_reason"))
        #expect(text.contains("completed: 2021-12-01\n"))
        #expect(text.contains("progress: 100\n"))
        // The third change does not fit in 72 characters: "…", and the body lists it.
        #expect(try ws.messages().first == "update stockholm/2021/bu-p2: status done, cancelled_reason removed, …")
    }

    /// Progress is a number: an activity at 37.5 that becomes done is at 100, like one at 37.
    @Test func doneSetsDecimalProgressTo100() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        let text = try ws.text(path)
        let progress = try #require(text.split(separator: "\n").first { $0.hasPrefix("progress: ") })
        try ws.write(path, text.replacingOccurrences(of: progress + "\n", with: "progress: 37.5\n"))
        let signature = Author(name: "Test", email: "test@example.se", time: 1_609_459_200)
        try ws.repository.commitWorkingFiles([path], message: "bu-p2 37.5\n", signature: signature)
        let result = try ws.run(["update", "stockholm/2021/bu-p2", "--status", "done", "--date", "2021-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("~ progress: 37.5 → 100"), "\(result.stdout)")
        let after = try ws.text(path)
        #expect(after.contains("progress: 100\n") && !after.contains("37.5"), "\(after)")
    }

    /// A value with a line break does not carry the subject onto a second line: git's
    /// subject (the first paragraph) stays one line of at most 72 characters.
    @Test func multiLineValueKeepsTheSubjectOneLine() throws {
        let ws = try CycleWorkspace(bundled: true)
        let title = "Sprida information om samverkan kring barn och unga i hela länet\noch följa upp hur den används i kommunerna"
        let result = try ws.run(["update", "stockholm/2021/bu-p2", "--set", "title=\(title)"])
        #expect(result.status == 0, "\(result.stderr)")
        let repo = try Repository.open(at: ws.path)
        let message = try repo.head().message
        let subject = try #require(message.split(separator: "\n", omittingEmptySubsequences: false).first)
        #expect(message.hasPrefix(subject + "\n\n"), "\(message)")
        #expect(
            subject.count <= 72 && subject.hasPrefix("update stockholm/2021/bu-p2: title Sprida") && subject.hasSuffix("…"),
            "\(subject)")
        #expect(try ws.messages().first == String(subject))
        #expect(message.contains("\n\nupdate stockholm/2021/bu-p2: title " + title + "\n\n~ title: "), "\(message)")
        // Short enough joined: the subject is the value on one line.
        #expect(try ws.run(["update", "stockholm/2021/bu-p2", "--set", "title=Rad ett\nrad två"]).status == 0)
        let short = try repo.head().message
        #expect(short.hasPrefix("update stockholm/2021/bu-p2: title Rad ett rad två\n\n"), "\(short)")
    }

    @Test func measurementGoesIntoTheIndicator() throws {
        let ws = try CycleWorkspace(bundled: true)
        let goal = try #require(
            try Workspace.read(from: DirectorySnapshot(root: ws.path)).documents.first {
                $0.kind == .goal && !($0.frontMatter["indicators"]?.sequence ?? []).isEmpty
            })
        let indicator = try #require(goal.frontMatter["indicators"]?.sequence?.first?.mapping?["id"]?.string)
        let before = try ws.text(goal.path)
        let result = try ws.run(["update", try #require(goal.reference?.description), "--measure", "\(indicator)=12.5@2021-06-30"])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try ws.text(goal.path)
        let changes = lineChanges(before, after)
        #expect(changes.removed.isEmpty)
        #expect(changes.added.contains { $0.hasSuffix("date: 2021-06-30") })
        #expect(changes.added.contains { $0.hasSuffix("value: 12.5") })
    }

    @Test func sameValueChangesNothing() throws {
        let ws = try CycleWorkspace(bundled: true)
        let head = try ws.head()
        let result = try ws.run(["update", "stockholm/2021/bu-p1", "--status", "done"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("nothing changed"))
        #expect(try ws.head() == head)
    }

    @Test func setKeepsTextFieldsTextAndReadsOthersAsYAML() throws {
        let ws = try CycleWorkspace(bundled: true)
        #expect(try ws.run(["update", "stockholm", "--set", "code=02"]).status == 0)
        #expect(try ws.text("Plans/stockholm/county.md").contains("code: \"02\"\n"))
        #expect(
            try ws.run([
                "update", "stockholm/2021/bu-p2", "--set", "budget_sek=999999", "--set", "x-granskad=true",
                "--set", "owner=no",
            ]).status == 0)
        let text = try ws.text("Plans/stockholm/2021/activities/bu-p2.md")
        #expect(text.contains("budget_sek: 999999\n"))
        #expect(text.contains("x-granskad: true\n"))
        #expect(text.contains("owner: no\n"))
    }

    @Test func initWithoutIdentityWritesNothing() throws {
        let ws = try CycleWorkspace(identity: false)
        let result = try ws.run(["init", ".", "--county", "gotland", "--county-name", "Gotlands län", "--code", "09"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no git identity is configured"))
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/Plans"))
        let again = try ws.run(["init", ".", "--county", "gotland", "--county-name", "Gotlands län", "--code", "09", "--no-commit"])
        #expect(again.status == 0)
        #expect(try ws.text("Plans/gotland/county.md").contains("code: \"09\""))
        let refused = try ws.run(["init", ".", "--county", "gotland", "--county-name", "Gotlands län", "--code", "09"])
        #expect(refused.status == 2 && refused.stderr.contains("already has Plans/"))
    }

    @Test func lockedIndexLosesNothing() throws {
        let ws = try CycleWorkspace(bundled: true)
        let target = "Plans/stockholm/2021/activities/bu-p2.md"
        let other = "Plans/stockholm/2021/activities/bu-p1.md"
        let before = try ws.bytes(target)
        let edited = try ws.text(other) + "\nEn osparad rad.\n"
        try ws.write(other, edited)
        try ws.write(".git/index.lock", "held by another git\n")
        let head = try ws.head()
        let result = try ws.run(["update", "stockholm/2021/bu-p2", "--progress", "70", "--wait", "0.3"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the git index is locked"))
        #expect(result.stderr.contains("Nothing was written"))
        #expect(try ws.bytes(target) == before)
        #expect(try ws.text(other) == edited)
        #expect(try ws.text(".git/index.lock") == "held by another git\n")
        #expect(try ws.head() == head)
        // Once the other program is done, the update goes through and the edit survives.
        try FileManager.default.removeItem(atPath: ws.path + "/.git/index.lock")
        #expect(try ws.run(["update", "stockholm/2021/bu-p2", "--progress", "70"]).status == 0)
        #expect(try ws.text(other) == edited)
        #expect(try ws.dirtyPaths([target, other]) == [other])
    }

    @Test func missingIdentityIsAClearError() throws {
        let ws = try CycleWorkspace(bundled: true, identity: false)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        let before = try ws.bytes(path)
        let result = try ws.run(["update", "stockholm/2021/bu-p2", "--progress", "70"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no git identity is configured"))
        #expect(result.stderr.contains("git config user.name"))
        #expect(try ws.bytes(path) == before)
        // --no-commit needs no identity: the file is written, nothing committed.
        let head = try ws.head()
        let written = try ws.run(["update", "stockholm/2021/bu-p2", "--progress", "70", "--no-commit"])
        #expect(written.status == 0 && written.stdout.contains("not committed"))
        #expect(try ws.text(path).contains("progress: 70\n"))
        #expect(try ws.head() == head)
    }

    @Test func dirtyFileIsRefusedAndNeverOverwritten() throws {
        let ws = try CycleWorkspace(bundled: true)
        let path = "Plans/stockholm/2021/activities/bu-p2.md"
        let edited = try ws.text(path).replacingOccurrences(of: "\n---\n", with: "\n---\nMin osparade ändring.\n")
        try ws.write(path, edited)
        let head = try ws.head()
        let refused = try ws.run(["update", "stockholm/2021/bu-p2", "--progress", "70"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(path) has uncommitted changes"))
        #expect(refused.stderr.contains("--no-commit"))
        #expect(try ws.text(path) == edited)
        #expect(try ws.head() == head)
        // --no-commit edits the file as it is: the user's change stays.
        #expect(try ws.run(["update", "stockholm/2021/bu-p2", "--progress", "70", "--no-commit"]).status == 0)
        let after = try ws.text(path)
        #expect(after.contains("Min osparade ändring."))
        #expect(after.contains("progress: 70\n"))
        #expect(try ws.head() == head)
    }

    @Test func stagedWorkOnOtherFilesIsNotCommitted() throws {
        let ws = try CycleWorkspace(bundled: true)
        let other = "Plans/stockholm/2021/activities/bu-p1.md"
        let staged = try ws.text(other) + "\nStagad rad.\n"
        try ws.write(other, staged)
        let repo = try Repository.open(at: ws.path)
        let index = try repo.index()
        try index.add(path: other, bytes: Array(staged.utf8))
        try index.write()
        #expect(try ws.run(["update", "stockholm/2021/bu-p2", "--progress", "70"]).status == 0)
        let commit = try Repository.open(at: ws.path).head()
        let changed = try repo.changes(
            from: repo.commit(try #require(commit.parentIDs.first)).tree(), to: commit.tree())
        #expect(changed.map(\.path) == ["Plans/stockholm/2021/activities/bu-p2.md"])
        // The other file is still staged as it was.
        let fresh = try Repository.open(at: ws.path)
        #expect(try fresh.status(ofPath: other).hasStagedChanges)
        #expect(try ws.text(other) == staged)
    }

    /// Two updates at once on different items both land; on the same item both apply, one
    /// on top of the other. Repeated to give races a chance.
    @Test func concurrentUpdatesLoseNothing() throws {
        let ws = try CycleWorkspace(bundled: true)
        let rounds = 10
        for round in 1...rounds {
            let runs: [[String]] = [
                ["update", "stockholm/2021/bu-p2", "--progress", String(round)],
                ["update", "uppsala/2026/bu-p1", "--note", "Runda \(round)", "--date", "2026-03-01"],
                ["update", "uppsala/2026/bu-p1", "--spent", String(1000 * round)],
            ]
            let results = ConcurrentRuns.run(runs, in: ws)
            for (arguments, result) in zip(runs, results) {
                #expect(result?.status == 0, "\(arguments): \(result?.stderr ?? "not run")")
            }
        }
        let messages = try ws.messages()
        #expect(messages.count == 1 + 3 * rounds)
        #expect(try ws.text("Plans/stockholm/2021/activities/bu-p2.md").contains("progress: \(rounds)\n"))
        let activity = try ws.text("Plans/uppsala/2026/activities/bu-p1.md")
        for round in 1...rounds { #expect(activity.contains("note: Runda \(round)\n")) }
        #expect(activity.contains("spent_sek: \(1000 * rounds)\n"))
        #expect(try ws.dirtyPaths(ws.files(under: "Plans")).isEmpty)
    }
}

/// Runs several plantrack commands at the same time.
enum ConcurrentRuns {
    static func run(_ runs: [[String]], in ws: CycleWorkspace) -> [CLIResult?] {
        let lock = NSLock()
        nonisolated(unsafe) var results = [CLIResult?](repeating: nil, count: runs.count)
        let folder = ws.folder.url
        let environment = ws.environment
        DispatchQueue.concurrentPerform(iterations: runs.count) { i in
            let result = try? CLI.run(runs[i], in: folder, environment: environment)
            lock.lock()
            results[i] = result
            lock.unlock()
        }
        return results
    }
}
