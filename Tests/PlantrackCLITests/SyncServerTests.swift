import Foundation
import PlantrackGit
import Testing

/// `plantrack sync` through real servers on 127.0.0.1, through the binary: git's HTTP
/// backend behind nginx with basic authentication (and TLS from a test CA) guarding the
/// shared repository with `plantrack guard`, OpenSSH with a `known_hosts` in a temporary
/// HOME, and a relay that breaks the connection. Serialized: each test starts its servers.
@Suite("plantrack sync through servers", .serialized)
struct SyncServerTests {
    static let passwords = ["anna": "anna-lösen", "eva": "eva-lösen", "nationell": "admin-lösen"]

    /// The guarded shared repository of `SharedRepository`, served over HTTP(S) with basic
    /// authentication: nginx sets `REMOTE_USER`, which git's backend hands to the
    /// `pre-receive` hook, so `plantrack guard` judges the authenticated user.
    struct ServedShared {
        let shared: SharedRepository
        let server: GitHTTPServer
        let home: TemporaryFolder
        var served: URL { server.repositories.appendingPathComponent("shared.git") }

        init(tls authority: TestCertificateAuthority? = nil) throws {
            shared = try SharedRepository()
            server = try GitHTTPServer(users: SyncServerTests.passwords, tls: authority)
            home = try TemporaryFolder()
            try shared.git(["clone", "-q", "--bare", shared.bare.path, served.path], in: shared.folder.url)
            let installed = try CLI.run(["hooks", "install", "--server"], in: served)
            #expect(installed.status == 0, "\(installed.stderr)")
            try shared.git(["remote", "set-url", "origin", server.url("shared.git")])
            try shared.git(["config", "user.name", "Test"])
            try shared.git(["config", "user.email", "test@example.se"])
        }

        /// `plantrack sync ARGS` as `user`, with the password from the environment variable
        /// (the temporary HOME has no git credential helper).
        func sync(as user: String, password: String? = nil, _ arguments: [String] = []) throws -> CLIResult {
            try CLI.run(
                ["sync"] + arguments, in: shared.clone,
                environment: [
                    "HOME": home.url.path, "GIT_CONFIG_NOSYSTEM": "1", TransferEnvironment.username: user,
                    TransferEnvironment.password: password ?? SyncServerTests.passwords[user] ?? "",
                ])
        }

        /// `git push ARGS` as `user` (git's own client; the password in a credential helper
        /// of the temporary HOME, only here in the tests).
        func gitPush(_ arguments: [String], as user: String) throws -> CLIResult {
            let password = SyncServerTests.passwords[user] ?? ""
            let helper = "!f() { echo username=\(user); echo password=\(password); }; f"
            return try CLI.run(
                ["-c", "credential.helper=", "-c", "credential.helper=\(helper)", "push"] + arguments, in: shared.clone,
                environment: SharedRepository.identityEnvironment.merging(
                    ["HOME": home.url.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"]
                ) { $1 },
                executable: "/usr/bin/git")
        }

        func servedID(_ revision: String) throws -> String {
            try shared.git(["rev-parse", revision], in: served).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func overHTTPTheGuardJudgesTheAuthenticatedUser() throws {
        let f = try ServedShared()
        let before = try f.servedID("main")
        // County A's identity changing county B's plan: refused by the server's guard.
        try f.shared.commit([SharedRepository.uppsalaActivity: SharedRepository.activity(progress: 50)])
        let foreign = try f.sync(as: "anna")
        #expect(foreign.status == 1)
        #expect(
            (foreign.stdout + foreign.stderr).contains(
                "Plans/uppsala/2026/activities/bu-p1.md may be changed by uppsala's identities (eva) and admins (nationell); "
                    + "you are anna (stockholm)"), "\(foreign.stdout)\(foreign.stderr)")
        #expect(try f.servedID("main") == before)
        // The owner of that plan syncs it.
        let owner = try f.sync(as: "eva")
        #expect(owner.status == 0, "\(owner.stdout)\(owner.stderr)")
        #expect(try f.servedID("main") == f.shared.localID("HEAD"))
        // An admin's schema change is accepted; a county's is not.
        let schema = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Schemas/activity.schema.json"), encoding: .utf8)
        try f.shared.commit(["Schemas/activity.schema.json": schema])
        let byCounty = try f.sync(as: "anna")
        #expect(byCounty.status == 1)
        #expect((byCounty.stdout + byCounty.stderr).contains("Schemas/activity.schema.json may be changed by admins (nationell) only"))
        let byAdmin = try f.sync(as: "nationell")
        #expect(byAdmin.status == 0, "\(byAdmin.stdout)\(byAdmin.stderr)")
        #expect(try f.servedID("main") == f.shared.localID("HEAD"))
    }

    @Test func overHTTPAMovedTagAndABrokenPlanAreRefused() throws {
        let f = try ServedShared()
        let tagged = try f.servedID("stockholm/2026/v1")
        let before = try f.servedID("main")
        // A plan that does not validate is refused with its findings; nothing is pushed.
        try f.shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 140)])
        let broken = try f.sync(as: "anna")
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("Plans/stockholm/2026/activities/bu-p1.md:"), "\(broken.stdout)\(broken.stderr)")
        #expect(try f.servedID("main") == before)
        try f.shared.git(["reset", "-q", "--hard", "HEAD~1"])
        // Moving an approval tag: refused, naming both commits; the server's tag stays.
        try f.shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        try f.shared.git(["tag", "-f", "-a", "-m", "moved", "stockholm/2026/v1"])
        let moved = try f.sync(as: "nationell", ["--format", "json"])
        #expect(moved.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [String: Any]
        let refusal = object?["refusal"] as? [String: Any]
        #expect(refusal?["kind"] as? String == "tag-clash", "\(moved.stdout)")
        #expect(try f.servedID("stockholm/2026/v1") == tagged)
        // git's own client over the same HTTP: the server's guard refuses what sync refused.
        let forced = try f.gitPush(["--force", "origin", "stockholm/2026/v1"], as: "nationell")
        #expect(forced.status != 0)
        #expect(forced.stderr.contains("refused: tag stockholm/2026/v1 is an approval tag, which no one moves"), "\(forced.stderr)")
        #expect(try f.servedID("stockholm/2026/v1") == tagged)
        try f.shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 140)])
        let invalid = try f.gitPush(["origin", "main"], as: "anna")
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("refused: branch main is protected and its new tip"), "\(invalid.stderr)")
        #expect(invalid.stderr.contains("Plans/stockholm/2026/activities/bu-p1.md:"))
        #expect(try f.servedID("main") == before)
    }

    @Test func aWrongPasswordChangesNothingAndIsNeverShown() throws {
        let f = try ServedShared()
        let secret = "fel-lösen-4711"
        try f.shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        let head = try f.shared.localID("HEAD")
        let before = try f.servedID("main")
        let wrong = try f.sync(as: "anna", password: secret)
        #expect(wrong.status == 2, "\(wrong.stdout)\(wrong.stderr)")
        #expect(
            wrong.stderr.contains("authentication failed for http://127.0.0.1:\(f.server.port)/shared.git (user anna)"), "\(wrong.stderr)")
        #expect(!(wrong.stdout + wrong.stderr).contains(secret))
        #expect(try f.shared.localID("HEAD") == head)
        #expect(try f.servedID("main") == before)
        // Nowhere in the clone (.git/config, reflogs) nor in HOME.
        for folder in [f.shared.clone, f.home.url] {
            #expect(ServerSupport.files(in: folder, containing: secret) == [], "\(folder.path)")
        }
        let right = try f.sync(as: "anna")
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        #expect(try f.servedID("main") == head)
    }

    @Test func overHTTPSAnUnknownCertificateIsRefusedAndTheNamedAuthorityTrusted() throws {
        let authority = try TestCertificateAuthority()
        let f = try ServedShared(tls: authority)
        try f.shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        let unknown = try f.sync(as: "anna")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("is not trusted; name the authority that issued it with --ca-file"), "\(unknown.stderr)")
        let trusted = try f.sync(as: "anna", ["--ca-file", authority.certificate.path])
        #expect(trusted.status == 0, "\(trusted.stdout)\(trusted.stderr)")
        #expect(try f.servedID("main") == f.shared.localID("HEAD"))
    }

    @Test func overSSHTheHostKeyIsChecked() throws {
        let shared = try SharedRepository()
        let server = try SSHServer()
        let bare = server.root.url.appendingPathComponent("shared.git")
        try shared.git(["clone", "-q", "--bare", shared.bare.path, bare.path], in: shared.folder.url)
        try shared.git(["remote", "set-url", "origin", server.url(bare)])
        try shared.git(["config", "user.name", "Test"])
        try shared.git(["config", "user.email", "test@example.se"])
        try shared.commit([SharedRepository.stockholmActivity: SharedRepository.activity(progress: 50)])
        let environment = ["HOME": server.home.path, "GIT_CONFIG_NOSYSTEM": "1", TransferEnvironment.sshKey: server.clientKey.path]
        let right = try String(contentsOf: server.knownHosts, encoding: .utf8)
        try server.writeKnownHosts(try server.wrongKnownHostsLine())
        let wrong = try CLI.run(["sync"], in: shared.clone, environment: environment)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("the host key of [127.0.0.1]:\(server.port) does not match"), "\(wrong.stderr)")
        try server.writeKnownHosts(right)
        let synced = try CLI.run(["sync"], in: shared.clone, environment: environment)
        #expect(synced.status == 0, "\(synced.stdout)\(synced.stderr)\(server.log)")
        #expect(try shared.git(["rev-parse", "main"], in: bare).stdout == shared.git(["rev-parse", "HEAD"]).stdout)
    }

    @Test func aConnectionBrokenInTheMiddleLeavesTheCloneIntact() throws {
        let shared = try SharedRepository()
        let daemon = try GitDaemon()
        let bare = daemon.repositories.appendingPathComponent("shared.git")
        try shared.git(["clone", "-q", "--bare", shared.bare.path, bare.path], in: shared.folder.url)
        try shared.git(["config", "user.name", "Test"])
        try shared.git(["config", "user.email", "test@example.se"])
        // Someone else pushes a large file: the next fetch carries a pack worth cutting.
        let other = shared.folder.url.appendingPathComponent("other")
        try shared.git(["clone", "-q", bare.path, other.path], in: shared.folder.url)
        try Data(ServerSupport.incompressible(kilobytes: 300).utf8).write(to: other.appendingPathComponent("Plans/stockholm/bilaga.txt"))
        try shared.git(["add", "."], in: other)
        try shared.git(["commit", "-q", "-m", "bilaga"], in: other)
        try shared.git(["push", "-q", "origin", "main"], in: other)

        let environment = ["GIT_CONFIG_NOSYSTEM": "1"]
        let fetchCut = try TCPRelay(to: daemon.port, cutAfter: 60_000, direction: .toClient)
        try shared.git(["remote", "set-url", "origin", "git://127.0.0.1:\(fetchCut.port)/shared.git"])
        let head = try shared.localID("HEAD")
        let broken = try CLI.run(["sync"], in: shared.clone, environment: environment)
        #expect(broken.status == 2, "\(broken.stdout)\(broken.stderr)")
        #expect(fetchCut.cuts == 1)
        #expect(broken.stderr.contains("git://127.0.0.1:\(fetchCut.port)/shared.git"), "\(broken.stderr)")
        #expect(try shared.localID("HEAD") == head)
        try shared.git(["fsck", "--strict", "--no-progress"])
        let again = try CLI.run(["sync"], in: shared.clone, environment: environment)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: shared.clone.appendingPathComponent("Plans/stockholm/bilaga.txt").path))

        // A push cut after the fetch went through (the sync's second connection).
        try Data(ServerSupport.incompressible(kilobytes: 300).utf8).write(
            to: shared.clone.appendingPathComponent("Plans/stockholm/bilaga-2.txt"))
        try shared.git(["add", "."])
        try shared.git(["commit", "-q", "-m", "bilaga 2"])
        let pushCut = try TCPRelay(to: daemon.port, cutAfter: 60_000, direction: .toTarget, connections: 2)
        try shared.git(["remote", "set-url", "origin", "git://127.0.0.1:\(pushCut.port)/shared.git"])
        let before = try shared.git(["rev-parse", "main"], in: bare).stdout
        let cut = try CLI.run(["sync"], in: shared.clone, environment: environment)
        #expect(cut.status == 2, "\(cut.stdout)\(cut.stderr)")
        #expect(pushCut.cuts == 1)
        #expect(try shared.git(["rev-parse", "main"], in: bare).stdout == before)
        try shared.git(["fsck", "--strict", "--no-progress"])
        try shared.git(["fsck", "--strict", "--no-progress"], in: bare)
        let pushed = try CLI.run(["sync"], in: shared.clone, environment: environment)
        #expect(pushed.status == 0, "\(pushed.stdout)\(pushed.stderr)")
        #expect(try shared.git(["rev-parse", "main"], in: bare).stdout == shared.git(["rev-parse", "HEAD"]).stdout)
    }
}
