import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A shared bare repository and two clones of it, A (Anna) and B (Bo), with one county whose
/// plan is adopted as version 1 and two activities. Every git call is git's own command line,
/// the second client; syncing is plantrack's.
private struct SyncFixture {
    let folder: TemporaryFolder
    var bare: URL { folder.url.appendingPathComponent("shared.git") }
    var a: URL { folder.url.appendingPathComponent("a") }
    var b: URL { folder.url.appendingPathComponent("b") }

    static let activity1 = "Plans/stockholm/2026/activities/bu-p1.md"
    static let activity2 = "Plans/stockholm/2026/activities/bu-p2.md"
    static let plan = "Plans/stockholm/2026/plan.md"

    init(access: Bool = false) throws {
        folder = try TemporaryFolder()
        try git(["init", "-q", "--bare", "-b", "main", bare.path], in: folder.url)
        try git(["init", "-q", "-b", "main", a.path], in: folder.url)
        try identify(a, "Anna")
        try write(a, "Plans/workspace.yaml", access ? "name: Delat\naccess:\n  admins: [nationell]\n" : "name: Delat\n")
        for (path, text) in PlanFixture.countyFiles("stockholm", code: "01") { try write(a, path, text) }
        try write(a, Self.activity1, Self.activity(id: "bu-p1", status: "in-progress", progress: 10))
        try write(a, Self.activity2, Self.activity(id: "bu-p2", status: "in-progress", progress: 10))
        try git(["add", "."], in: a)
        try git(["commit", "-q", "-m", "start"], in: a)
        try git(["remote", "add", "origin", bare.path], in: a)
        try git(["push", "-q", "-u", "origin", "main"], in: a)
        try git(["clone", "-q", bare.path, b.path], in: folder.url)
        try identify(b, "Bo")
    }

    func identify(_ clone: URL, _ name: String) throws {
        try git(["config", "user.name", name], in: clone)
        try git(["config", "user.email", "\(name.lowercased())@example.se"], in: clone)
    }

    static func activity(id: String, status: String, progress: Int) -> String {
        PlanFixture.activity(id: id, title: "Utbildning \(id)", status: status, progress: progress, body: "Text som ingen rör.\n")
    }

    func write(_ clone: URL, _ relative: String, _ text: String) throws {
        let url = clone.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ clone: URL, _ relative: String) throws -> String {
        try String(contentsOf: clone.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Replaces `old` by `new` in a file of `clone` and commits it with git.
    func edit(_ clone: URL, _ relative: String, _ old: String, _ new: String, message: String = "edit") throws {
        let text = try read(clone, relative)
        #expect(text.contains(old), "\(relative) holds no '\(old)'")
        try write(clone, relative, text.replacingOccurrences(of: old, with: new))
        try git(["commit", "-q", "-am", message], in: clone)
    }

    static let environment = ["GIT_CONFIG_NOSYSTEM": "1"]

    @discardableResult
    func git(_ arguments: [String], in directory: URL) throws -> CLIResult {
        let result = try CLI.run(arguments, in: directory, environment: Self.environment, executable: "/usr/bin/git")
        guard result.status == 0 else { throw TestSetupError("git \(arguments): \(result.stderr)") }
        return result
    }

    func id(_ revision: String, in directory: URL) throws -> String {
        try git(["rev-parse", revision], in: directory).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func sync(_ clone: URL, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(["sync"] + arguments, in: clone, environment: environment)
    }

    func syncJSON(_ clone: URL, _ arguments: [String] = []) throws -> (CLIResult, [String: Any]) {
        let result = try sync(clone, arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result, object ?? [:])
    }
}

@Suite("plantrack sync: fetch, replay, validate, push")
struct SyncTests {
    @Test func twoClonesEditDifferentFieldsOfOneActivityAndBothEditsReachTheRemote() throws {
        let f = try SyncFixture()
        try f.edit(f.a, SyncFixture.activity1, "progress: 10", "progress: 40", message: "progress 40")
        let first = try f.sync(f.a)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        try f.edit(f.b, SyncFixture.activity1, "status: in-progress", "status: delayed", message: "delayed")
        let second = try f.sync(f.b)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("replayed 1 local commit"))
        #expect(second.stdout.contains("came in:"))
        #expect(second.stdout.contains("Plans/stockholm/2026/activities/bu-p1.md | 2 +-"))
        #expect(second.stdout.contains("1 file changed, 1 insertion(+), 1 deletion(-)"))
        // Both edits on the remote; every other byte as it was.
        let onRemote = try f.git(["show", "main:" + SyncFixture.activity1], in: f.bare).stdout
        #expect(onRemote == SyncFixture.activity(id: "bu-p1", status: "delayed", progress: 40))
        #expect(try f.id("main", in: f.bare) == f.id("HEAD", in: f.b))
        // Author and message kept, linear history.
        let log = try f.git(["log", "--format=%an|%s|%P", "main"], in: f.bare).stdout.split(separator: "\n")
        #expect(log.count == 3)
        #expect(log.first?.hasPrefix("Bo|delayed|") == true)
        #expect(log.allSatisfy { $0.split(separator: "|").last?.split(separator: " ").count ?? 0 <= 1 })
        // The pushed result was judged through the roll-up memo, which the next sync reuses.
        #expect(FileManager.default.fileExists(atPath: f.b.appendingPathComponent(".git/plantrack/rollup-memo.bin").path))
        // The working tree and index agree with the new tip.
        #expect(try f.git(["status", "--porcelain"], in: f.b).stdout.isEmpty)
        #expect(try f.read(f.b, SyncFixture.activity1) == onRemote)
        // What plantrack pushed, git clones and fsck accepts.
        try f.git(["fsck", "--strict"], in: f.bare)
        let copy = f.folder.url.appendingPathComponent("copy")
        try f.git(["clone", "-q", f.bare.path, copy.path], in: f.folder.url)
        try f.git(["fsck", "--strict"], in: copy)
        let validated = try CLI.run(["validate"], in: copy)
        #expect(validated.status == 0, "\(validated.stdout)")
    }

    @Test func whatGitPushDeliveredSyncBringsIn() throws {
        let f = try SyncFixture()
        try f.edit(f.b, SyncFixture.activity2, "progress: 10", "progress: 70", message: "from git")
        try f.git(["push", "-q", "origin", "main"], in: f.b)
        let result = try f.sync(f.a)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("fast-forward"))
        #expect(try f.read(f.a, SyncFixture.activity2).contains("progress: 70"))
        #expect(try f.id("HEAD", in: f.a) == f.id("main", in: f.bare))
        #expect(try f.git(["status", "--porcelain"], in: f.a).stdout.isEmpty)
        let again = try f.sync(f.a)
        #expect(again.status == 0)
        #expect(again.stdout.contains("up to date"))
    }

    @Test func theSameFieldIsAConflictAndContinueFinishesIt() throws {
        let f = try SyncFixture()
        try f.edit(f.a, SyncFixture.activity1, "progress: 10", "progress: 30")
        #expect(try f.sync(f.a).status == 0)
        let remoteBefore = try f.id("main", in: f.bare)
        try f.edit(f.b, SyncFixture.activity1, "progress: 10", "progress: 50", message: "fifty")
        let localBefore = try f.id("HEAD", in: f.b)
        let (result, json) = try f.syncJSON(f.b)
        #expect(result.status == 1)
        #expect(json["result"] as? String == "conflict")
        let conflicts = json["conflicts"] as? [[String: Any]] ?? []
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["path"] as? String == SyncFixture.activity1)
        #expect(conflicts.first?["field"] as? String == "progress")
        #expect(conflicts.first?["base"] as? String == "10")
        #expect(conflicts.first?["ours"] as? String == "50")
        #expect(conflicts.first?["theirs"] as? String == "30")
        // Nothing pushed, the local commit kept, only the field's lines marked.
        #expect(try f.id("main", in: f.bare) == remoteBefore)
        #expect(try f.id("HEAD", in: f.b) == localBefore)
        let marked = try f.read(f.b, SyncFixture.activity1)
        #expect(marked.contains("status: in-progress\n<<<<<<< ours\nprogress: 50\n=======\nprogress: 30\n>>>>>>> theirs\n---"))
        let validate = try CLI.run(["validate"], in: f.b)
        #expect(validate.stdout.contains("merge.conflict"))
        // A plain sync says a sync is stopped; --continue refuses while markers remain.
        let plain = try f.sync(f.b)
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("--continue") && plain.stderr.contains("--abort"))
        let early = try f.sync(f.b, ["--continue"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("\(SyncFixture.activity1):10"))
        try f.write(
            f.b, SyncFixture.activity1,
            marked.replacingOccurrences(of: "<<<<<<< ours\nprogress: 50\n=======\nprogress: 30\n>>>>>>> theirs\n", with: "progress: 45\n"))
        let finished = try f.sync(f.b, ["--continue"])
        #expect(finished.status == 0, "\(finished.stdout)\(finished.stderr)")
        #expect(try f.git(["show", "main:" + SyncFixture.activity1], in: f.bare).stdout.contains("progress: 45"))
        #expect(try f.git(["log", "-1", "--format=%an|%s", "main"], in: f.bare).stdout == "Bo|fifty\n")
        #expect(try f.id("HEAD", in: f.b) == f.id("main", in: f.bare))
        #expect(try f.git(["status", "--porcelain"], in: f.b).stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: f.b.appendingPathComponent(".git/plantrack/sync/state").path))
    }

    @Test func abortRestoresBranchIndexAndFilesExactly() throws {
        let f = try SyncFixture()
        try f.edit(f.a, SyncFixture.activity1, "progress: 10", "progress: 30")
        try f.edit(f.a, SyncFixture.activity2, "progress: 10", "progress: 60")
        #expect(try f.sync(f.a).status == 0)
        try f.edit(f.b, SyncFixture.activity1, "progress: 10", "progress: 50")
        let head = try f.id("HEAD", in: f.b)
        let index = try Data(contentsOf: f.b.appendingPathComponent(".git/index"))
        let files = try [SyncFixture.activity1, SyncFixture.activity2].map { try f.read(f.b, $0) }
        #expect(try f.sync(f.b).status == 1)
        #expect(try f.read(f.b, SyncFixture.activity2).contains("progress: 60"))
        let aborted = try f.sync(f.b, ["--abort"])
        #expect(aborted.status == 0, "\(aborted.stderr)")
        #expect(try f.id("HEAD", in: f.b) == head)
        #expect(try Data(contentsOf: f.b.appendingPathComponent(".git/index")) == index)
        #expect(try [SyncFixture.activity1, SyncFixture.activity2].map { try f.read(f.b, $0) } == files)
        #expect(try f.git(["status", "--porcelain"], in: f.b).stdout.isEmpty)
        #expect(try f.sync(f.b, ["--abort"]).status == 2)
    }

    @Test func uncommittedChangesAreRefusedNamingTheFiles() throws {
        let f = try SyncFixture()
        try f.write(f.a, SyncFixture.activity1, SyncFixture.activity(id: "bu-p1", status: "done", progress: 100))
        try f.write(f.a, "Plans/stockholm/2026/activities/bu-p9.md", "---\nkind: activity\n---\n")
        let head = try f.id("HEAD", in: f.a)
        let result = try f.sync(f.a)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(SyncFixture.activity1) (modified)"))
        #expect(result.stderr.contains("Plans/stockholm/2026/activities/bu-p9.md (untracked)"))
        #expect(try f.id("HEAD", in: f.a) == head)
        #expect(try f.read(f.a, SyncFixture.activity1).contains("status: done"))
    }

    @Test func approvalTagsOfReplayedCommitsAreRepointedAndAClashIsRefused() throws {
        let f = try SyncFixture()
        try f.edit(f.b, SyncFixture.activity2, "progress: 10", "progress: 20")
        try f.git(["push", "-q", "origin", "main"], in: f.b)
        try f.edit(f.a, SyncFixture.plan, "title: Handlingsplan 2026", "title: Handlingsplan 2026 (antagen)", message: "adopt")
        try f.git(["tag", "-a", "-m", "Antagen version 1", "stockholm/2026/v1"], in: f.a)
        let tagged = try f.id("stockholm/2026/v1^{commit}", in: f.a)
        let result = try f.sync(f.a)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("re-pointed approval tag stockholm/2026/v1"))
        let remoteTag = try f.id("stockholm/2026/v1^{commit}", in: f.bare)
        #expect(remoteTag != tagged)
        #expect(remoteTag == (try f.id("main", in: f.bare)))
        #expect(try f.id("stockholm/2026/v1^{commit}", in: f.a) == remoteTag)
        #expect(
            try f.git(["tag", "-l", "--format=%(contents:subject)|%(taggername)", "stockholm/2026/v1"], in: f.bare).stdout
                == "Antagen version 1|Anna\n")

        // The same tag name at another commit on the remote: refused, naming both.
        try f.git(["fetch", "-q", "origin", "main"], in: f.b)
        try f.git(["reset", "-q", "--hard", "origin/main"], in: f.b)
        try f.edit(f.b, SyncFixture.plan, "version: 1", "version: 1\n", message: "other")
        try f.git(["tag", "-f", "-a", "-m", "mine", "stockholm/2026/v1"], in: f.b)
        let ours = try f.id("stockholm/2026/v1^{commit}", in: f.b)
        let remoteBefore = try f.id("main", in: f.bare)
        let (clash, json) = try f.syncJSON(f.b)
        #expect(clash.status == 1)
        let refusal = json["refusal"] as? [String: Any]
        #expect(refusal?["kind"] as? String == "tag-clash")
        let tags = refusal?["tags"] as? [[String: Any]]
        #expect(tags?.first?["remote"] as? String == remoteTag)
        #expect(tags?.first?["local"] as? String == ours)
        #expect(try f.id("main", in: f.bare) == remoteBefore)
    }

    @Test func anIntegratedResultWithValidationErrorsIsNotPushed() throws {
        let f = try SyncFixture()
        try f.edit(f.b, SyncFixture.activity2, "progress: 10", "progress: 20")
        try f.git(["push", "-q", "origin", "main"], in: f.b)
        try f.edit(f.a, SyncFixture.activity1, "status: in-progress", "status: almost")
        let remoteBefore = try f.id("main", in: f.bare)
        let result = try f.sync(f.a)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(SyncFixture.activity1):9:9: error:"), "\(result.stdout)")
        #expect(result.stderr.contains("does not validate"))
        #expect(try f.id("main", in: f.bare) == remoteBefore)
        // The branch holds the integrated history, so nothing is lost and the fix is local.
        #expect(try f.read(f.a, SyncFixture.activity2).contains("progress: 20"))
        let (json, object) = try f.syncJSON(f.a)
        #expect(json.status == 1)
        #expect((object["refusal"] as? [String: Any])?["kind"] as? String == "validation")
        // The phases' times: a fetch and a validation happened, no push.
        let seconds = object["seconds"] as? [String: Double] ?? [:]
        #expect(Set(seconds.keys) == ["transfer", "integrate", "validate"])
        #expect((seconds["transfer"] ?? 0) > 0 && (seconds["validate"] ?? 0) > 0)
    }

    @Test func dryRunSaysAheadAndBehindAndChangesNothing() throws {
        let f = try SyncFixture()
        try f.edit(f.b, SyncFixture.activity2, "progress: 10", "progress: 20")
        try f.edit(f.b, SyncFixture.activity2, "progress: 20", "progress: 25")
        try f.git(["push", "-q", "origin", "main"], in: f.b)
        try f.edit(f.a, SyncFixture.activity1, "progress: 10", "progress: 15")
        let head = try f.id("HEAD", in: f.a)
        let tracking = try f.id("refs/remotes/origin/main", in: f.a)
        let result = try f.sync(f.a, ["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("main is 1 commit ahead and 2 commits behind origin"))
        #expect(result.stdout.contains("Plans/stockholm/2026/activities/bu-p2.md | 2 +-"))
        #expect(try f.id("HEAD", in: f.a) == head)
        #expect(try f.id("refs/remotes/origin/main", in: f.a) == tracking)
        #expect(try f.git(["status", "--porcelain"], in: f.a).stdout.isEmpty)
    }

    @Test func continueReplaysTheCommitsAfterTheConflict() throws {
        let f = try SyncFixture()
        try f.edit(f.a, SyncFixture.activity1, "progress: 10", "progress: 30")
        #expect(try f.sync(f.a).status == 0)
        try f.edit(f.b, SyncFixture.activity1, "progress: 10", "progress: 50", message: "first")
        try f.edit(f.b, SyncFixture.activity2, "progress: 10", "progress: 90", message: "second")
        let stopped = try f.sync(f.b)
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("conflict replaying") && stopped.stdout.contains("first"))
        // The later commit is not in the working tree yet: it is replayed after --continue.
        #expect(try f.read(f.b, SyncFixture.activity2).contains("progress: 10\n"))
        let marked = try f.read(f.b, SyncFixture.activity1)
        try f.write(
            f.b, SyncFixture.activity1,
            marked.replacingOccurrences(of: "<<<<<<< ours\nprogress: 50\n=======\nprogress: 30\n>>>>>>> theirs\n", with: "progress: 30\n"))
        let finished = try f.sync(f.b, ["--continue"])
        #expect(finished.status == 0, "\(finished.stdout)\(finished.stderr)")
        // Settled to the remote's value, the first commit changes nothing any more and is dropped.
        #expect(try f.git(["log", "--format=%an|%s", "main"], in: f.bare).stdout == "Bo|second\nAnna|edit\nAnna|start\n")
        #expect(try f.read(f.b, SyncFixture.activity2).contains("progress: 90\n"))
        #expect(try f.git(["status", "--porcelain"], in: f.b).stdout.isEmpty)
    }

    @Test func aMissingCertificateFileIsAUsageError() throws {
        let f = try SyncFixture()
        let result = try f.sync(f.a, ["--ca-file", "/nonexistent/ca.pem"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--ca-file /nonexistent/ca.pem: no such file"))
    }

    @Test func noSuchRemoteIsAnEnvironmentError() throws {
        let f = try SyncFixture()
        let result = try f.sync(f.a, ["--remote", "elsewhere"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no remote 'elsewhere'"))
        try f.git(["remote", "add", "gone", "https://anna:hemligt@127.0.0.1:1/shared.git"], in: f.a)
        let unreachable = try f.sync(f.a, ["--remote", "gone"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("https://127.0.0.1:1/shared.git"))
        #expect(!unreachable.stderr.contains("hemligt") && !unreachable.stdout.contains("hemligt"))
    }
}

@Suite("plantrack sync through git://")
struct SyncDaemonTests {
    /// Two clones each make 25 commits and sync after each, at the same time, in two shell
    /// loops: every commit reaches the remote, and pushes that lost the race were integrated
    /// and tried again.
    @Test func aRaceOfTwoClonesLosesNoCommit() throws {
        let f = try SyncFixture()
        let daemon = try GitDaemon(serving: f.folder.url)
        try race(f, url: daemon.url("shared.git"))
    }

    /// The same race against a bare repository on a path (a file share): no server runs, so
    /// the push's compare-and-swap is plantrack's own (LocalPush.swift).
    @Test func aRaceThroughAPathLosesNoCommit() throws {
        let f = try SyncFixture()
        try race(f, url: "file://" + f.bare.path)
    }

    private func race(_ f: SyncFixture, url: String) throws {
        for clone in [f.a, f.b] { try f.git(["remote", "set-url", "origin", url], in: clone) }
        let outputs = f.folder.url.appendingPathComponent("outputs")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let plantrack = CLI.productsFolder.appendingPathComponent("plantrack").path
        func loop(_ clone: URL, _ name: String, _ file: String) -> String {
            """
            cd '\(clone.path)' || exit 9
            for i in $(seq 1 25); do
              sed -i "s/^progress: .*/progress: $i/" '\(file)'
              git commit -q -am "\(name) $i" || exit 10
              n=0
              until '\(plantrack)' sync --format json > '\(outputs.path)/\(name)-'$i-$n.json 2> '\(outputs.path)/\(name)-'$i-$n.err; do
                cat '\(outputs.path)/\(name)-'$i-$n.err '\(outputs.path)/\(name)-'$i-$n.json >&2
                n=$((n+1))
                [ $n -ge 5 ] && exit 11
              done
            done
            """
        }
        let scripts = [loop(f.a, "Anna", SyncFixture.activity1), loop(f.b, "Bo", SyncFixture.activity2)]
        let results = Mutex<[Int: CLIResult]>([:])
        let failures = Mutex<[String]>([])
        let folder = f.folder.url
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let result = try CLI.run(
                    ["-c", scripts[index]], in: folder, environment: SyncFixture.environment, executable: "/bin/bash")
                results.withLock { $0[index] = result }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        for (index, result) in results.withLock({ $0 }) {
            #expect(result.status == 0, "loop \(index): \(result.stdout)\(result.stderr)")
        }
        // All 50 commits and the first on the remote, none lost, history linear.
        let messages = try f.git(["log", "--format=%s", "main"], in: f.bare).stdout.split(separator: "\n").map(String.init)
        #expect(messages.count == 51)
        for name in ["Anna", "Bo"] {
            for i in 1...25 { #expect(messages.contains("\(name) \(i)"), "\(name) \(i) is missing") }
        }
        #expect(try f.git(["rev-list", "--merges", "--count", "main"], in: f.bare).stdout == "0\n")
        try f.git(["fsck", "--strict"], in: f.bare)
        let copy = f.folder.url.appendingPathComponent("copy")
        try f.git(["clone", "-q", f.bare.path, copy.path], in: f.folder.url)
        let validated = try CLI.run(["validate"], in: copy)
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(try f.read(copy, SyncFixture.activity1).contains("progress: 25\n"))
        #expect(try f.read(copy, SyncFixture.activity2).contains("progress: 25\n"))
        // At least one sync saw its push refused because the other had pushed, fetched,
        // integrated again and tried once more (whether that try won or was overtaken too).
        var retried = 0
        var retriedAndPushed = 0
        var syncs = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: outputs.path) where file.hasSuffix(".json") {
            syncs += 1
            let data = try Data(contentsOf: outputs.appendingPathComponent(file))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let attempts = object?["attempts"] as? [[String: Any]] ?? []
            let overtaken = attempts.dropLast().contains { $0["refused"] as? Bool == true && $0["retried"] as? Bool == true }
            if attempts.count > 1 && overtaken {
                retried += 1
                if attempts.last?["pushed"] as? Bool == true { retriedAndPushed += 1 }
            }
        }
        #expect(retried >= 1, "\(syncs) syncs, none retried a refused push")
        let exhausted = results.withLock { $0 }.values.map { $0.stderr.components(separatedBy: "retries-exhausted").count - 1 }
        print(
            "race: \(syncs) syncs, \(retried) retried a refused push (\(retriedAndPushed) then pushed), "
                + "\(exhausted.reduce(0, +)) overtaken 5 times and run again")
    }

    /// A refusal by the remote's `pre-receive` hook is reported with the remote's words and
    /// not retried.
    @Test func aHookRefusalIsReportedAndNotRetried() throws {
        let f = try SyncFixture(access: true)
        let installed = try CLI.run(["hooks", "install", "--server"], in: f.bare)
        #expect(installed.status == 0, "\(installed.stderr)")
        let daemon = try GitDaemon(serving: f.folder.url)
        try f.git(["remote", "set-url", "origin", daemon.url("shared.git")], in: f.a)
        try f.edit(f.a, SyncFixture.activity1, "progress: 10", "progress: 20")
        let before = try f.id("main", in: f.bare)
        let (result, json) = try f.syncJSON(f.a)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let attempts = json["attempts"] as? [[String: Any]] ?? []
        #expect(attempts.count == 1)
        #expect(attempts.first?["retried"] as? Bool == false)
        let refusal = json["refusal"] as? [String: Any]
        #expect(refusal?["kind"] as? String == "remote")
        let messages = refusal?["messages"] as? [String] ?? []
        #expect(messages.contains { $0.contains("plantrack guard") && $0.contains(SyncFixture.activity1) }, "\(messages)")
        #expect(try f.id("main", in: f.bare) == before)
        let text = try f.sync(f.a)
        #expect(text.status == 1)
        #expect(text.stdout.contains("remote: plantrack guard"))
    }
}
