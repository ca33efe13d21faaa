import Foundation

/// `git daemon` serving the bare repositories in a temporary folder on 127.0.0.1 at a free
/// port, pushes enabled (`--enable=receive-pack`); stopped when released.
public final class GitDaemon {
    /// The folder the daemon serves (`--base-path`), where bare repositories are made.
    public let root: TemporaryFolder
    /// The port it listens on.
    public let port: Int
    private let process: ServerProcess

    /// Starts the daemon.
    public init() throws {
        root = try TemporaryFolder()
        let repositories = root.url.appendingPathComponent("repositories")
        try FileManager.default.createDirectory(at: repositories, withIntermediateDirectories: true)
        let log = root.url.appendingPathComponent("daemon.log")
        (process, port) = try ServerSupport.start("git daemon", log: log) { port in
            // git-daemon itself, not the `git daemon` wrapper, so stopping it stops the server.
            try ServerSupport.launch(
                "/usr/lib/git-core/git-daemon",
                [
                    "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--export-all",
                    "--enable=receive-pack", "--base-path=\(repositories.path)", repositories.path,
                ], log: log)
        }
    }

    deinit { ServerSupport.stop(process) }

    /// The folder of the served repositories.
    public var repositories: URL { root.url.appendingPathComponent("repositories") }

    /// Creates a bare repository `name` (`plans.git`) the daemon serves; returns its folder.
    @discardableResult
    public func makeRepository(_ name: String) throws -> URL {
        try ServerSupport.makeBareRepository(name, under: repositories)
    }

    /// `git://127.0.0.1:PORT/NAME`.
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }
}
