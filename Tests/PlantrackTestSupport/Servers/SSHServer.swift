import Foundation

/// Debian's OpenSSH server on 127.0.0.1 at a free port, with a host key and a client key
/// made for the test, and a temporary HOME whose `.ssh/known_hosts` trusts the host key
/// (`[127.0.0.1]:PORT ssh-ed25519 …`). Logins are for the current user with the client key
/// only. Stopped when released.
public final class SSHServer {
    /// The folder of the keys, the configuration and the log.
    public let root: TemporaryFolder
    /// The port sshd listens on.
    public let port: Int
    /// The user tests log in as: the current one.
    public let user: String
    /// The server's host key line as `known_hosts` writes it, without the host name
    /// (`ssh-ed25519 AAAA…`).
    public let hostKey: String
    private let process: ServerProcess

    /// Generates the keys, writes the configuration and `known_hosts`, starts sshd.
    public init() throws {
        root = try TemporaryFolder()
        let dir = root.url
        user = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "root"
        try Self.keygen(dir.appendingPathComponent("host_ed25519"), comment: "plantrack-test-host")
        try Self.keygen(dir.appendingPathComponent("client_ed25519"), comment: "plantrack-test-client")
        let hostPublic = try String(contentsOf: dir.appendingPathComponent("host_ed25519.pub"), encoding: .utf8)
        hostKey = hostPublic.split(separator: " ").prefix(2).joined(separator: " ")
        try FileManager.default.copyItem(
            at: dir.appendingPathComponent("client_ed25519.pub"), to: dir.appendingPathComponent("authorized_keys"))
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("home/.ssh"), withIntermediateDirectories: true)
        // sshd refuses to start without its privilege-separation folder (Debian creates it
        // at boot, containers often lack it).
        if getuid() == 0 {
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        }
        try root.write(
            "sshd_config",
            """
            ListenAddress 127.0.0.1
            HostKey \(dir.appendingPathComponent("host_ed25519").path)
            AuthorizedKeysFile \(dir.appendingPathComponent("authorized_keys").path)
            PidFile \(dir.appendingPathComponent("sshd.pid").path)
            StrictModes no
            PermitRootLogin prohibit-password
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            PrintMotd no
            LogLevel VERBOSE

            """)
        let config = dir.appendingPathComponent("sshd_config").path
        let log = dir.appendingPathComponent("sshd.log")
        (process, port) = try ServerSupport.start("sshd", log: log) { port in
            try ServerSupport.launch("/usr/sbin/sshd", ["-D", "-e", "-f", config, "-p", "\(port)"], log: log)
        }
        try writeKnownHosts("[127.0.0.1]:\(port) \(hostKey)\n")
    }

    deinit { ServerSupport.stop(process) }

    /// The temporary HOME whose `.ssh/known_hosts` the client checks.
    public var home: URL { root.url.appendingPathComponent("home") }
    /// `HOME/.ssh/known_hosts`.
    public var knownHosts: URL { home.appendingPathComponent(".ssh/known_hosts") }
    /// The client's private key (no passphrase).
    public var clientKey: URL { root.url.appendingPathComponent("client_ed25519") }

    /// Replaces `known_hosts` with `text`.
    public func writeKnownHosts(_ text: String) throws {
        try Data(text.utf8).write(to: knownHosts)
    }

    /// A `known_hosts` line naming this server with another, freshly made key: what a client
    /// sees when someone else answers on the server's address.
    public func wrongKnownHostsLine() throws -> String {
        let other = root.url.appendingPathComponent("other_\(UUID().uuidString)")
        try Self.keygen(other, comment: "someone-else")
        let text = try String(contentsOf: other.appendingPathExtension("pub"), encoding: .utf8)
        return "[127.0.0.1]:\(port) " + text.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
    }

    /// Hashes the host names in `known_hosts` (`ssh-keygen -H`), as Debian's ssh does by default.
    public func hashKnownHosts() throws {
        try ServerSupport.run("/usr/bin/ssh-keygen", ["-q", "-H", "-f", knownHosts.path])
    }

    /// `ssh://USER@127.0.0.1:PORT/ABSOLUTE/PATH` of a repository on this machine.
    public func url(_ repository: URL) -> String {
        "ssh://\(user)@127.0.0.1:\(port)\(repository.path)"
    }

    /// What sshd logged (for a failing test's message).
    public var log: String {
        (try? String(contentsOf: root.url.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? ""
    }

    private static func keygen(_ file: URL, comment: String) throws {
        try ServerSupport.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.path])
    }
}

/// An `ssh-agent` of the test's own, holding keys added with ``add(_:)``; stopped when released.
public final class SSHAgent {
    /// The folder of its socket.
    public let root: TemporaryFolder
    private let process: ServerProcess

    /// Starts the agent in the foreground on a socket in a temporary folder.
    public init() throws {
        root = try TemporaryFolder()
        let socket = root.url.appendingPathComponent("agent.sock").path
        let log = root.url.appendingPathComponent("agent.log")
        process = try ServerSupport.launch("/usr/bin/ssh-agent", ["-D", "-a", socket], log: log)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard FileManager.default.fileExists(atPath: socket) else {
            ServerSupport.stop(process)
            throw TestSetupError("ssh-agent did not create \(socket)")
        }
    }

    deinit { ServerSupport.stop(process) }

    /// `SSH_AUTH_SOCK` for programs that should use this agent.
    public var socket: String { root.url.appendingPathComponent("agent.sock").path }

    /// Adds a private key (`ssh-add`).
    public func add(_ key: URL) throws {
        try ServerSupport.run("/usr/bin/ssh-add", ["-q", key.path], environment: ["SSH_AUTH_SOCK": socket])
    }
}
