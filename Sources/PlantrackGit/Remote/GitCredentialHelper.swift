#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A user name and password for one HTTP(S) remote, and where they came from.
///
/// Not `CustomStringConvertible` on purpose: the password must never reach a message.
struct PasswordCredential {
    /// Where a credential was found.
    enum Source: Equatable {
        /// `git credential fill`: git's credential helpers (or git's own prompt on a terminal).
        case gitCredentialHelper
        /// The `PLANTRACK_GIT_USERNAME` / `PLANTRACK_GIT_PASSWORD` environment variables.
        case environment
    }

    var username: String
    var password: String
    var source: Source
}

/// Asks git's credential helpers for a password, and tells them whether it worked: runs
/// `git credential fill`, `approve` or `reject` (git-credential(1)).
///
/// This is the only place plantrack runs git, and only for credentials: libgit2 has no
/// credential-helper support. git is looked up in the `PATH` of the transfer's environment;
/// without git nothing is asked. When the process's standard input is not a terminal, git
/// runs with `GIT_TERMINAL_PROMPT=0`, so a helper may answer but git never waits for
/// someone to type; on a terminal git may prompt there, as `git fetch` would.
struct GitCredentialHelper {
    /// The environment git runs in (`HOME`, `GIT_CONFIG_GLOBAL`, `PATH`, …).
    var environment: [String: String]

    /// The git executable on the environment's `PATH`, or nil when git is not installed.
    var gitExecutable: String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/git"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The credential git's helpers hold for `location`, or nil when git is missing, has no
    /// helper that knows it, or answered without a password.
    func fill(_ location: RemoteLocation, username: String?) -> PasswordCredential? {
        var request = description(of: location)
        if let username { request += "username=\(username)\n" }
        guard let answer = run("fill", input: request + "\n") else { return nil }
        var fields: [String: String] = [:]
        for line in answer.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let user = fields["username"], let password = fields["password"], !password.isEmpty else { return nil }
        return PasswordCredential(username: user, password: password, source: .gitCredentialHelper)
    }

    /// Tells git's helpers the credential worked (`approve`, so `store` or a cache keeps it) or
    /// was refused (`reject`, so they forget it).
    func report(_ credential: PasswordCredential, for location: RemoteLocation, accepted: Bool) {
        let request =
            description(of: location) + "username=\(credential.username)\npassword=\(credential.password)\n\n"
        _ = run(accepted ? "approve" : "reject", input: request)
    }

    /// `protocol=…`, `host=…` and `path=…` lines for git-credential(1).
    private func description(of location: RemoteLocation) -> String {
        let path = location.path.hasPrefix("/") ? String(location.path.dropFirst()) : location.path
        return "protocol=\(location.scheme)\nhost=\(location.hostAndPort)\npath=\(path)\n"
    }

    /// Runs `git credential ACTION` with `input` on its standard input; returns its standard
    /// output when it exits 0, else nil. Its standard error is discarded (git's "terminal
    /// prompts disabled" is not news to the user; the transfer's own error says what failed).
    private func run(_ action: String, input: String) -> String? {
        guard let git = gitExecutable else { return nil }
        var childEnvironment = environment
        if isatty(STDIN_FILENO) == 0 { childEnvironment["GIT_TERMINAL_PROMPT"] = "0" }
        return ChildProcess.run(git, ["credential", action], environment: childEnvironment, input: Array(input.utf8))
            .flatMap { $0.status == 0 ? String(decoding: $0.output, as: UTF8.self) : nil }
    }
}

/// Runs a program with a small input and collects its standard output, without Foundation
/// (PlantrackGit does not depend on it): `posix_spawn` with pipes.
enum ChildProcess {
    /// What a finished program printed and how it exited.
    struct Result {
        var output: [UInt8]
        var status: Int32
    }

    /// Runs `executable` with `arguments` (the program name is added as `argv[0]`) in
    /// `environment`, writes `input` to it and reads its output to the end; nil when it could
    /// not be started.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], input: [UInt8])
        -> Result?
    {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        // A socket pair, not a pipe, for the input: `send` with MSG_NOSIGNAL cannot raise
        // SIGPIPE in this process when the child exits without reading.
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &toChild) == 0 else { return nil }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            return nil
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        for descriptor in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, descriptor) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1])
            close(fromChild[0])
            return nil
        }
        input.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = send(
                    toChild[1], buffer.baseAddress.map { $0 + offset }, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { break }
                offset += written
            }
        }
        close(toChild[1])
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fromChild[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output += chunk[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(fromChild[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exited = status & 0x7f == 0
        return Result(output: output, status: exited ? (status >> 8) & 0xff : -1)
    }
}
