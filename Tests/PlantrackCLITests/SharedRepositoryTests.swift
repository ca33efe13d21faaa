import Foundation
import Testing

/// A guarded shared repository: a bare repository with `plantrack hooks install --server`,
/// and a clone that pushes to it with git's own command line (a push to a path runs the
/// `pre-receive` hook, and passes the pushing environment, so `REMOTE_USER` reaches it).
struct SharedRepository {
    let folder: TemporaryFolder
    var bare: URL { folder.url.appendingPathComponent("shared.git") }
    var clone: URL { folder.url.appendingPathComponent("work") }

    static let stockholmActivity = "Plans/stockholm/2026/activities/bu-p1.md"
    static let uppsalaActivity = "Plans/uppsala/2026/activities/bu-p1.md"

    /// The bare repository with the hook, and a clone whose first commit (counties
    /// stockholm: anna and uppsala: eva, admin nationell; stockholm's plan adopted as
    /// version 1 and tagged) is pushed by the admin.
    init() throws {
        folder = try TemporaryFolder()
        try git(["init", "-q", "--bare", "-b", "main", bare.path], in: folder.url)
        let installed = try CLI.run(["hooks", "install", "--server"], in: bare)
        #expect(installed.status == 0, "\(installed.stderr)")
        try git(["init", "-q", "-b", "main", clone.path], in: folder.url)
        try write(
            "Plans/workspace.yaml",
            """
            name: Delat
            access:
              admins: [nationell]
              counties:
                stockholm: [anna]
                uppsala: [eva]

            """)
        for (county, code) in [("stockholm", "01"), ("uppsala", "03")] {
            for (path, text) in PlanFixture.countyFiles(county, code: code) { try write(path, text) }
            try write("Plans/\(county)/2026/activities/bu-p1.md", Self.activity(progress: 10))
        }
        try git(["add", "."])
        try git(["commit", "-q", "-m", "start"])
        try git(["tag", "-a", "-m", "adopted", "stockholm/2026/v1"])
        try git(["remote", "add", "origin", bare.path])
        let first = try push(["origin", "main", "stockholm/2026/v1"], as: "nationell")
        #expect(first.status == 0, "\(first.stderr)")
    }

    static func activity(progress: Int) -> String {
        PlanFixture.activity(progress: progress)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = clone.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Commits `changes` in the clone.
    func commit(_ changes: [String: String], _ message: String = "change") throws {
        for (path, text) in changes { try write(path, text) }
        try git(["add", "."])
        try git(["commit", "-q", "-m", message])
    }

    static let identityEnvironment = [
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.se", "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.se",
    ]

    @discardableResult
    func git(_ arguments: [String], in directory: URL? = nil) throws -> CLIResult {
        let result = try CLI.run(
            arguments, in: directory ?? clone, environment: Self.identityEnvironment, executable: "/usr/bin/git")
        guard result.status == 0 else { throw TestSetupError("git \(arguments): \(result.stderr)") }
        return result
    }

    /// `git push ARGS` as `identity` (REMOTE_USER), with the built plantrack first on PATH so
    /// the hook runs this build.
    func push(_ arguments: [String], as identity: String?) throws -> CLIResult {
        var environment = Self.identityEnvironment
        environment["PATH"] = CLI.productsFolder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        if let identity { environment["REMOTE_USER"] = identity }
        return try CLI.run(["push"] + arguments, in: clone, environment: environment, executable: "/usr/bin/git")
    }

    /// The id `revision` names in the shared repository.
    func serverID(_ revision: String) throws -> String {
        try git(["rev-parse", revision], in: bare).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func localID(_ revision: String) throws -> String {
        try git(["rev-parse", revision]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite("A guarded shared repository: hooks install --server, guard")
struct SharedRepositoryTests {
    @Test func installsAPreReceiveHookThatRunsGuard() throws {
        let shared = try SharedRepository()
        let hook = try String(contentsOf: shared.bare.appendingPathComponent("hooks/pre-receive"), encoding: .utf8)
        #expect(hook.contains("# plantrack pre-receive hook"))
        #expect(hook.contains("guard"))
        #expect(hook.contains(CLI.productsFolder.appendingPathComponent("plantrack").path))
        // Again: plantrack's own hook is updated; a clone is refused.
        #expect(try CLI.run(["hooks", "install", "--server"], in: shared.bare).status == 0)
        let inClone = try CLI.run(["hooks", "install", "--server"], in: shared.clone)
        #expect(inClone.status == 2)
        #expect(inClone.stderr.contains("has a working folder"))
        let chained = try CLI.run(["hooks", "install", "--server", "--chain"], in: shared.bare)
        #expect(chained.status == 2)
        #expect(chained.stderr.contains("call 'plantrack guard' from that hook yourself"), "\(chained.stderr)")
    }

    @Test func aCountyCannotChangeAnotherCountysPlan() throws {
        let shared = try SharedRepository()
        let before = try shared.serverID("main")
        try shared.commit([SharedRepository.uppsalaActivity: SharedRepository.activity(progress: 50)])
        let refused = try shared.push(["origin", "main"], as: "anna")
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "remote: plantrack guard: refused: Plans/uppsala/2026/activities/bu-p1.md may be changed by uppsala's "
                    + "identities (eva) and admins (nationell); you are anna (stockholm)"), "\(refused.stderr)")
        #expect(try shared.serverID("main") == before)
        // Its own county's plan lands.
        try shared.git(["reset", "-q", "--hard", "HEAD~1"])
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        let accepted = try shared.push(["origin", "main"], as: "anna")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try shared.serverID("main") == shared.localID("HEAD"))
        // Without an identity nothing lands.
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 60)])
        let anonymous = try shared.push(["origin", "main"], as: nil)
        #expect(anonymous.status != 0)
        #expect(anonymous.stderr.contains("the push carries no identity"))
    }

    @Test func anAdminChangesTheSchemas() throws {
        let shared = try SharedRepository()
        let schema = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/activity.schema.json"), encoding: .utf8)
        try shared.commit(["Schemas/activity.schema.json": schema])
        let byCounty = try shared.push(["origin", "main"], as: "anna")
        #expect(byCounty.status != 0)
        #expect(byCounty.stderr.contains("Schemas/activity.schema.json may be changed by admins (nationell) only"))
        let byAdmin = try shared.push(["origin", "main"], as: "nationell")
        #expect(byAdmin.status == 0, "\(byAdmin.stderr)")
        #expect(try shared.serverID("main") == shared.localID("HEAD"))
    }

    @Test func anApprovalTagIsNotMoved() throws {
        let shared = try SharedRepository()
        let tagged = try shared.serverID("stockholm/2026/v1^{commit}")
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        #expect(try shared.push(["origin", "main"], as: "anna").status == 0)
        try shared.git(["tag", "-f", "-a", "-m", "moved", "stockholm/2026/v1"])
        let moved = try shared.push(["--force", "origin", "stockholm/2026/v1"], as: "nationell")
        #expect(moved.status != 0)
        #expect(moved.stderr.contains("refused: tag stockholm/2026/v1 is an approval tag, which no one moves"))
        #expect(try shared.serverID("stockholm/2026/v1^{commit}") == tagged)
        // A tag of a version that is not adopted is refused too.
        try shared.git(["tag", "-a", "-m", "v2", "stockholm/2026/v2"])
        let unadopted = try shared.push(["origin", "stockholm/2026/v2"], as: "anna")
        #expect(unadopted.status != 0)
        #expect(unadopted.stderr.contains("[tag.not-adopted"))
    }

    @Test func aPushThatBreaksValidationIsRefusedWithItsFindings() throws {
        let shared = try SharedRepository()
        let before = try shared.serverID("main")
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 140)])
        let refused = try shared.push(["origin", "main"], as: "anna")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refused: branch main is protected and its new tip"), "\(refused.stderr)")
        #expect(refused.stderr.contains("remote:   Plans/stockholm/2026/activities/bu-p1.md:"))
        #expect(try shared.serverID("main") == before)
        // The same commit on a branch no one protects lands.
        let branch = try shared.push(["origin", "HEAD:refs/heads/utkast"], as: "anna")
        #expect(branch.status == 0, "\(branch.stderr)")
    }

    @Test func mainIsNotRewritten() throws {
        let shared = try SharedRepository()
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        #expect(try shared.push(["origin", "main"], as: "anna").status == 0)
        let pushed = try shared.serverID("main")
        try shared.git(["reset", "-q", "--hard", "HEAD~1"])
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 60)])
        let forced = try shared.push(["--force", "origin", "main"], as: "nationell")
        #expect(forced.status != 0)
        #expect(forced.stderr.contains("refused: branch main is protected and is never rewritten"), "\(forced.stderr)")
        #expect(try shared.serverID("main") == pushed)
    }

    @Test func aHookLineThatIsNotOldNewRefIsAUsageError() throws {
        let shared = try SharedRepository()
        let plantrack = CLI.productsFolder.appendingPathComponent("plantrack").path
        let result = try CLI.run(
            ["-c", "printf 'abc def refs/heads/main\\n' | \"$0\" guard --identity eva", plantrack], in: shared.bare,
            environment: ["GIT_DIR": shared.bare.path], executable: "/bin/sh")
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard input, line 1: 'abc def refs/heads/main' is not 'OLD NEW REF'"), "\(result.stderr)")
    }

    @Test func guardJudgesARangeForACIJob() throws {
        let shared = try SharedRepository()
        let start = try shared.localID("HEAD")
        try shared.commit([SharedRepository.uppsalaActivity: SharedRepository.activity(progress: 50)])
        let foreign = try CLI.run(["guard", "--range", "\(start)..HEAD", "--identity", "anna"], in: shared.clone)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("refused: Plans/uppsala/2026/activities/bu-p1.md may be changed by uppsala's"))
        let own = try CLI.run(["guard", "--range", "\(start)..HEAD", "--identity", "eva"], in: shared.clone)
        #expect(own.status == 0, "\(own.stderr)")
        // The identity from the environment, as on a server.
        let fromEnvironment = try CLI.run(
            ["guard", "--range", "\(start)..HEAD"], in: shared.clone, environment: ["GL_USERNAME": "eva"])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        // Validation, and a rewrite of the protected branch.
        try shared.commit([SharedRepository.uppsalaActivity: SharedRepository.activity(progress: 140)])
        let broken = try CLI.run(["guard", "--range", "\(start)..HEAD", "--identity", "eva"], in: shared.clone)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("[branch.validate, refs/heads/main]"))
        let onBranch = try CLI.run(
            ["guard", "--range", "\(start)..HEAD", "--identity", "eva", "--ref", "utkast"], in: shared.clone)
        #expect(onBranch.status == 0, "\(onBranch.stderr)")
        let rewrite = try CLI.run(["guard", "--range", "HEAD..\(start)", "--identity", "nationell"], in: shared.clone)
        #expect(rewrite.status == 1)
        #expect(rewrite.stderr.contains("[branch.rewrite, refs/heads/main]"))
        // Usage errors.
        let bad = try CLI.run(["guard", "--range", "HEAD", "--identity", "eva"], in: shared.clone)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("write two commits as A..B"))
        let unknown = try CLI.run(["guard", "--range", "nope..HEAD"], in: shared.clone)
        #expect(unknown.status == 2)
    }

    @Test func guardJudgesATagPushForACIJob() throws {
        let shared = try SharedRepository()
        let zero = String(repeating: "0", count: 40)
        let tag = "refs/tags/stockholm/2026/v1"
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        let moved = try CLI.run(
            ["guard", "--range", "stockholm/2026/v1..HEAD", "--ref", tag, "--identity", "nationell"], in: shared.clone)
        #expect(moved.status == 1)
        #expect(moved.stderr.contains("refused: tag stockholm/2026/v1 is an approval tag, which no one moves"), "\(moved.stderr)")
        let deleted = try CLI.run(
            ["guard", "--range", "stockholm/2026/v1..\(zero)", "--ref", tag, "--identity", "nationell"], in: shared.clone)
        #expect(deleted.status == 1)
        #expect(deleted.stderr.contains("[tag.delete"), "\(deleted.stderr)")
        // Created: an empty or all-zero old side.
        let unadopted = try CLI.run(
            ["guard", "--range", "..HEAD", "--ref", "refs/tags/stockholm/2026/v2", "--identity", "anna"], in: shared.clone)
        #expect(unadopted.status == 1)
        #expect(unadopted.stderr.contains("[tag.not-adopted"), "\(unadopted.stderr)")
        let foreign = try CLI.run(
            ["guard", "--range", "\(zero)..stockholm/2026/v1", "--ref", "refs/tags/stockholm/2026/v1", "--identity", "eva"],
            in: shared.clone)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("[access.tag"), "\(foreign.stderr)")
        let nothing = try CLI.run(["guard", "--range", "..\(zero)", "--identity", "eva"], in: shared.clone)
        #expect(nothing.status == 2)
    }
}
