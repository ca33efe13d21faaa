import Foundation
import PlantrackGit
import Testing

/// Fetch and push through real servers on 127.0.0.1: git daemon, git http-backend behind
/// nginx (basic authentication, TLS from a test CA), OpenSSH, and a relay that breaks the
/// connection. Serialized: each test starts its own servers, and a loaded machine has few cores.
@Suite(.serialized) struct TransportTests {
    static let mainSpec = ["refs/heads/main:refs/heads/main"]
    static let fetchSpec = ["+refs/heads/main:refs/remotes/origin/main"]

    /// An environment of the test's own: its HOME (for `.gitconfig` and `.ssh/known_hosts`),
    /// the process's PATH, no system git configuration, nothing else of the runner's.
    static func environment(home: URL, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "GIT_CONFIG_NOSYSTEM": "1",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    static func session(_ environment: [String: String], caFile: String? = nil) -> TransferSession {
        TransferSession(settings: TransferSettings(certificateAuthorityFile: caFile, environment: environment))
    }

    /// A repository with one commit of `files` on main.
    static func repositoryWithCommit(_ files: [String: TestFile] = ["Plans/a.md": TestFile("a\n")]) throws
        -> (TestRepository, ObjectID)
    {
        let repository = try TestRepository()
        let commit = try repository.commit("Första", files)
        return (repository, commit)
    }

    /// `git fsck --strict` of a repository succeeds (throws with git's words when it does not).
    static func fsck(_ folder: URL) throws {
        try ServerSupport.git(["-C", folder.path, "fsck", "--strict", "--no-progress"])
    }

    // MARK: git daemon

    @Test func pushAndFetchThroughGitDaemon() throws {
        let daemon = try GitDaemon()
        try daemon.makeRepository("plans.git")
        let (local, first) = try Self.repositoryWithCommit()
        let home = try TemporaryFolder()
        try local.repository.push(
            remote: daemon.url("plans.git"), refspecs: Self.mainSpec, session: Self.session(Self.environment(home: home.url)))
        // git's own command line, the second client, sees the commit and finds it sound.
        let clone = try TemporaryFolder()
        try ServerSupport.git(["clone", "--quiet", daemon.url("plans.git"), clone.url.appendingPathComponent("c").path])
        try Self.fsck(clone.url.appendingPathComponent("c"))
        #expect(try ServerSupport.git(["-C", clone.url.appendingPathComponent("c").path, "rev-parse", "HEAD"]) == "\(first)\n")

        let other = try TestRepository()
        let received = try other.repository.fetch(
            remote: daemon.url("plans.git"), refspecs: Self.fetchSpec, session: Self.session(Self.environment(home: home.url)))
        #expect(received > 0)
        #expect(try other.repository.resolveCommit("refs/remotes/origin/main").id == first)
    }

    // MARK: HTTP with basic authentication

    @Test func httpWithAPasswordFromGitsCredentialHelper() throws {
        let server = try GitHTTPServer(users: ["anna": "rätt-lösen"])
        try server.makeRepository("plans.git")
        let home = try TemporaryFolder()
        let store = home.url.appendingPathComponent("credentials")
        // git's `store` helper: one URL per line, the password percent-encoded.
        try home.write("credentials", "http://anna:r%C3%A4tt-l%C3%B6sen@127.0.0.1:\(server.port)\n")
        try home.write(".gitconfig", "[credential]\n\thelper = store --file=\(store.path)\n")
        let (local, first) = try Self.repositoryWithCommit()
        let session = Self.session(Self.environment(home: home.url))
        try local.repository.push(remote: server.url("plans.git"), refspecs: Self.mainSpec, session: session)
        #expect(session.pushedReferences == [PushedReference(name: "refs/heads/main", refusal: nil)])
        let pushed = try ServerSupport.git(["-C", server.repositories.appendingPathComponent("plans.git").path, "rev-parse", "main"])
        #expect(pushed == "\(first)\n")

        let other = try TestRepository()
        try other.repository.fetch(
            remote: server.url("plans.git"), refspecs: Self.fetchSpec, session: Self.session(Self.environment(home: home.url)))
        #expect(try other.repository.resolveCommit("refs/remotes/origin/main").id == first)
    }

    @Test func httpWithAPasswordFromTheEnvironment() throws {
        let server = try GitHTTPServer(users: ["anna": "hemligt"])
        try server.makeRepository("plans.git")
        let home = try TemporaryFolder()
        let (local, first) = try Self.repositoryWithCommit()
        // No helper configured and no terminal: git gives nothing, the variables are used.
        let environment = Self.environment(
            home: home.url, [TransferEnvironment.username: "anna", TransferEnvironment.password: "hemligt"])
        try local.repository.push(remote: server.url("plans.git"), refspecs: Self.mainSpec, session: Self.session(environment))
        let pushed = try ServerSupport.git(["-C", server.repositories.appendingPathComponent("plans.git").path, "rev-parse", "main"])
        #expect(pushed == "\(first)\n")
    }

    @Test func httpWithoutCredentialsSaysWhereToPutThem() throws {
        let server = try GitHTTPServer(users: ["anna": "hemligt"])
        try server.makeRepository("plans.git")
        let home = try TemporaryFolder()
        let local = try TestRepository()
        let error = try #require(throws: GitError.self) {
            try local.repository.fetch(
                remote: server.url("plans.git"), refspecs: Self.fetchSpec, session: Self.session(Self.environment(home: home.url)))
        }
        #expect(error.description.contains("no credentials for http://127.0.0.1:\(server.port)/plans.git"))
        #expect(error.description.contains(TransferEnvironment.password))
    }

    @Test func aWrongPasswordIsRefusedNamingURLAndUserButNotThePassword() throws {
        let server = try GitHTTPServer(users: ["anna": "rätt"])
        try server.makeRepository("plans.git")
        let home = try TemporaryFolder()
        let (local, _) = try Self.repositoryWithCommit()
        let secret = "fel-lösen-4711"
        // The remote is configured with the user in its URL, as a coordinator would.
        try ServerSupport.git(["-C", local.path, "remote", "add", "origin", server.url("plans.git", user: "anna")])
        let environment = Self.environment(home: home.url, [TransferEnvironment.password: secret])
        let session = Self.session(environment)
        let error = try #require(throws: GitError.self) {
            try local.repository.push(remote: "origin", refspecs: Self.mainSpec, session: session)
        }
        let url = "http://127.0.0.1:\(server.port)/plans.git"
        #expect(error.description.contains("authentication failed for \(url) (user anna)"))
        #expect(!error.description.contains(secret))
        #expect(session.failure?.contains(secret) == false)
        #expect(
            try ServerSupport.git(["-C", local.path, "ls-remote", "--heads", server.repositories.appendingPathComponent("plans.git").path])
                == "")
        let fetchError = try #require(throws: GitError.self) {
            try local.repository.fetch(remote: "origin", refspecs: Self.fetchSpec, session: Self.session(environment))
        }
        #expect(fetchError.description.contains("authentication failed for \(url) (user anna)"))
        // Not in .git/config, not in a reflog, nowhere in the repository.
        #expect(ServerSupport.files(in: local.url, containing: secret) == [])
        #expect(ServerSupport.files(in: home.url, containing: secret) == [])
    }

    @Test func aRefusedPasswordIsRejectedFromGitsHelper() throws {
        let server = try GitHTTPServer(users: ["anna": "nytt"])
        try server.makeRepository("plans.git")
        let home = try TemporaryFolder()
        let store = home.url.appendingPathComponent("credentials")
        try home.write("credentials", "http://anna:gammalt@127.0.0.1:\(server.port)\n")
        try home.write(".gitconfig", "[credential]\n\thelper = store --file=\(store.path)\n")
        let local = try TestRepository()
        let error = try #require(throws: GitError.self) {
            try local.repository.fetch(
                remote: server.url("plans.git"), refspecs: Self.fetchSpec, session: Self.session(Self.environment(home: home.url)))
        }
        #expect(error.description.contains("authentication failed for http://127.0.0.1:\(server.port)/plans.git (user anna)"))
        #expect(!error.description.contains("gammalt"))
        // `git credential reject` made the store forget the password the server refused.
        #expect(try String(contentsOf: store, encoding: .utf8).contains("gammalt") == false)
    }

    // MARK: HTTPS

    @Test func httpsRefusesAnUnknownCertificateAndTrustsANamedAuthority() throws {
        let authority = try TestCertificateAuthority()
        let server = try GitHTTPServer(users: ["anna": "hemligt"], tls: authority)
        try server.makeRepository("plans.git")
        let home = try TemporaryFolder()
        let environment = Self.environment(
            home: home.url, [TransferEnvironment.username: "anna", TransferEnvironment.password: "hemligt"])
        let (local, first) = try Self.repositoryWithCommit()
        let error = try #require(throws: GitError.self) {
            try local.repository.push(remote: server.url("plans.git"), refspecs: Self.mainSpec, session: Self.session(environment))
        }
        #expect(
            error.description.contains(
                "the certificate of https://127.0.0.1:\(server.port) is not trusted; name the authority that issued it with --ca-file"),
            "\(error)")

        try local.repository.push(
            remote: server.url("plans.git"), refspecs: Self.mainSpec,
            session: Self.session(environment, caFile: authority.certificate.path))
        let pushed = try ServerSupport.git(["-C", server.repositories.appendingPathComponent("plans.git").path, "rev-parse", "main"])
        #expect(pushed == "\(first)\n")

        // Another authority's file does not make this server trusted.
        let stranger = try TestCertificateAuthority(name: "someone else")
        let other = try TestRepository()
        #expect(throws: GitError.self) {
            try other.repository.fetch(
                remote: server.url("plans.git"), refspecs: Self.fetchSpec,
                session: Self.session(environment, caFile: stranger.certificate.path))
        }
        // A missing CA file is named.
        let missing = try #require(throws: GitError.self) {
            try other.repository.fetch(
                remote: server.url("plans.git"), refspecs: Self.fetchSpec, session: Self.session(environment, caFile: "/nowhere/ca.pem"))
        }
        #expect(missing.description.contains("/nowhere/ca.pem"))
    }

    // MARK: SSH

    @Test func sshChecksTheHostKeyAgainstKnownHosts() throws {
        let server = try SSHServer()
        let bare = try ServerSupport.makeBareRepository("plans.git", under: server.root.url)
        let environment = Self.environment(home: server.home, [TransferEnvironment.sshKey: server.clientKey.path])
        let (local, first) = try Self.repositoryWithCommit()
        let url = server.url(bare)

        // The right key: the push goes through.
        try local.repository.push(remote: url, refspecs: Self.mainSpec, session: Self.session(environment))
        #expect(try ServerSupport.git(["-C", bare.path, "rev-parse", "main"]) == "\(first)\n", "\(server.log)")

        // Another key for the same address: refused, saying why.
        try server.writeKnownHosts(try server.wrongKnownHostsLine())
        let other = try TestRepository()
        let mismatch = try #require(throws: GitError.self) {
            try other.repository.fetch(remote: url, refspecs: Self.fetchSpec, session: Self.session(environment))
        }
        #expect(mismatch.description.contains("the host key of [127.0.0.1]:\(server.port) does not match"), "\(mismatch)")
        #expect(mismatch.description.contains("possible man-in-the-middle"))

        // No entry: refused, naming the host and the file.
        try server.writeKnownHosts("# nothing yet\n")
        let unknown = try #require(throws: GitError.self) {
            try other.repository.fetch(remote: url, refspecs: Self.fetchSpec, session: Self.session(environment))
        }
        #expect(unknown.description.contains("no known_hosts entry for [127.0.0.1]:\(server.port) in ~/.ssh/known_hosts"))
        #expect((try? other.repository.reference(named: "refs/remotes/origin/main")) == nil)

        // The right key again, its host name hashed as ssh-keygen -H writes it.
        try server.writeKnownHosts("[127.0.0.1]:\(server.port) \(server.hostKey)\n")
        try server.hashKnownHosts()
        #expect(try String(contentsOf: server.knownHosts, encoding: .utf8).hasPrefix("|1|"))
        try other.repository.fetch(remote: url, refspecs: Self.fetchSpec, session: Self.session(environment))
        #expect(try other.repository.resolveCommit("refs/remotes/origin/main").id == first)
    }

    @Test func sshWithAKeyInSSHAgent() throws {
        let server = try SSHServer()
        let bare = try ServerSupport.makeBareRepository("plans.git", under: server.root.url)
        let agent = try SSHAgent()
        try agent.add(server.clientKey)
        // libssh2 reads the agent's socket from this process's environment; no other test
        // offers the agent (their settings carry no SSH_AUTH_SOCK).
        setenv("SSH_AUTH_SOCK", agent.socket, 1)
        defer { unsetenv("SSH_AUTH_SOCK") }
        let environment = Self.environment(home: server.home, ["SSH_AUTH_SOCK": agent.socket])
        let (local, first) = try Self.repositoryWithCommit()
        try local.repository.push(remote: server.url(bare), refspecs: Self.mainSpec, session: Self.session(environment))
        #expect(try ServerSupport.git(["-C", bare.path, "rev-parse", "main"]) == "\(first)\n", "\(server.log)")
    }

    @Test func sshWithoutAnyKeySaysWhereToPutOne() throws {
        let server = try SSHServer()
        let bare = try ServerSupport.makeBareRepository("plans.git", under: server.root.url)
        let local = try TestRepository()
        let error = try #require(throws: GitError.self) {
            try local.repository.fetch(
                remote: server.url(bare), refspecs: Self.fetchSpec, session: Self.session(Self.environment(home: server.home)))
        }
        #expect(error.description.contains("no SSH key for ssh://127.0.0.1:\(server.port)\(bare.path)"), "\(error)")
        #expect(error.description.contains(TransferEnvironment.sshKey))
    }

    // MARK: A connection broken in the middle

    @Test func aFetchCutInTheMiddleFailsCleanlyAndTheNextSucceeds() throws {
        let daemon = try GitDaemon()
        let bare = try daemon.makeRepository("plans.git")
        let (source, first) = try Self.repositoryWithCommit(["Plans/stor.md": TestFile(ServerSupport.incompressible(kilobytes: 400))])
        try source.repository.push(remote: bare.path, refspecs: Self.mainSpec, session: Self.session([:]))
        let relay = try TCPRelay(to: daemon.port, cutAfter: 60_000, direction: .toClient)
        let url = "git://127.0.0.1:\(relay.port)/plans.git"
        let local = try TestRepository()
        let home = try TemporaryFolder()
        let error = try #require(throws: GitError.self) {
            try local.repository.fetch(remote: url, refspecs: Self.fetchSpec, session: Self.session(Self.environment(home: home.url)))
        }
        #expect(relay.cuts == 1)
        #expect(error.description.contains("cannot fetch from 'git://127.0.0.1:\(relay.port)/plans.git'"), "\(error)")
        #expect((try? local.repository.reference(named: "refs/remotes/origin/main")) == nil)
        try Self.fsck(local.url)

        try local.repository.fetch(remote: url, refspecs: Self.fetchSpec, session: Self.session(Self.environment(home: home.url)))
        #expect(try local.repository.resolveCommit("refs/remotes/origin/main").id == first)
        try Self.fsck(local.url)
    }

    @Test func aPushCutInTheMiddleFailsCleanlyAndTheNextSucceeds() throws {
        let daemon = try GitDaemon()
        let bare = try daemon.makeRepository("plans.git")
        let (local, first) = try Self.repositoryWithCommit(["Plans/stor.md": TestFile(ServerSupport.incompressible(kilobytes: 400))])
        let relay = try TCPRelay(to: daemon.port, cutAfter: 60_000, direction: .toTarget)
        let url = "git://127.0.0.1:\(relay.port)/plans.git"
        let home = try TemporaryFolder()
        let error = try #require(throws: GitError.self) {
            try local.repository.push(remote: url, refspecs: Self.mainSpec, session: Self.session(Self.environment(home: home.url)))
        }
        #expect(relay.cuts == 1)
        #expect(error.description.contains("cannot push to 'git://127.0.0.1:\(relay.port)/plans.git'"), "\(error)")
        #expect(try ServerSupport.git(["-C", bare.path, "for-each-ref"]) == "")
        try Self.fsck(local.url)
        try Self.fsck(bare)

        try local.repository.push(remote: url, refspecs: Self.mainSpec, session: Self.session(Self.environment(home: home.url)))
        #expect(try ServerSupport.git(["-C", bare.path, "rev-parse", "main"]) == "\(first)\n")
        try Self.fsck(bare)
    }
}
