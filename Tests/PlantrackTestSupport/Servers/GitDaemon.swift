import Foundation

/// `git daemon` serving the bare repositories in a temporary folder on 127.0.0.1 at a free
/// port, pushes enabled (`--enable=receive-pack`); stopped when released.
public final class GitDaemon {
    /// The daemon's own folder (its log; `repositories/` when it serves its own).
    public let root: TemporaryFolder
    /// The folder the daemon serves (`--base-path`), where ``makeRepository(_:)`` makes
    /// bare repositories.
    public let repositories: URL
    /// The port it listens on.
    public let port: Int
    private let process: ServerProcess

    /// Starts a daemon serving a folder of its own.
    public convenience init() throws {
        let root = try TemporaryFolder()
        let repositories = root.url.appendingPathComponent("repositories")
        try FileManager.default.createDirectory(at: repositories, withIntermediateDirectories: true)
        try self.init(root: root, serving: repositories)
    }

    /// Starts a daemon serving `folder` (a test's own bare repositories).
    public convenience init(serving folder: URL) throws {
        try self.init(root: TemporaryFolder(), serving: folder)
    }

    private init(root: TemporaryFolder, serving repositories: URL) throws {
        self.root = root
        self.repositories = repositories
        let log = root.url.appendingPathComponent("daemon.log")
        // A pre-receive hook finds this build's plantrack first; no user or system git config.
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLI.productsFolder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = root.url.path
        (process, port) = try ServerSupport.start("git daemon", log: log) { port in
            // git-daemon itself, not the `git daemon` wrapper, so stopping it stops the server.
            try ServerSupport.launch(
                "/usr/lib/git-core/git-daemon",
                [
                    "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--export-all",
                    "--enable=receive-pack", "--base-path=\(repositories.path)", repositories.path,
                ], environment: environment, log: log)
        }
    }

    deinit { ServerSupport.stop(process) }

    /// Creates a bare repository `name` (`plans.git`) the daemon serves; returns its folder.
    @discardableResult
    public func makeRepository(_ name: String) throws -> URL {
        try ServerSupport.makeBareRepository(name, under: repositories)
    }

    /// `git://127.0.0.1:PORT/NAME`.
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }
}
