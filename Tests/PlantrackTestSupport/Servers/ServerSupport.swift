import Foundation

/// Helpers the test servers share: free ports, waiting for a port, running programs.
public enum ServerSupport {
    /// A TCP port on 127.0.0.1 that nothing listens on right now: the kernel picks it for a
    /// socket bound to port 0, which is then closed. A server started on it at once gets it
    /// unless another process raced for the same port; ``start(_:attempts:)`` retries then.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSetupError("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw TestSetupError("bind() to a free port failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `127.0.0.1:port` as a socket address.
    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// Whether something accepts connections on 127.0.0.1:port.
    public static func isListening(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Starts a server on a free port and waits until it listens: `launch(port)` starts the
    /// process; when it exits before listening (the port was taken meanwhile), another port
    /// is tried.
    static func start(
        _ what: String, log: URL, attempts: Int = 5, _ launch: (Int) throws -> ServerProcess
    ) throws -> (ServerProcess, Int) {
        for _ in 0..<attempts {
            let port = try freePort()
            let process = try launch(port)
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if isListening(port) { return (process, port) }
                if !process.isRunning { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            stop(process)
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw TestSetupError("\(what) did not start listening on 127.0.0.1; its log:\n\(text)")
    }

    /// Starts `executable` with `arguments`, its output appended to `log`.
    static func launch(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, log: URL
    ) throws -> ServerProcess {
        try ServerProcess(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment, log: log)
    }

    /// Stops a server process and waits for it.
    static func stop(_ process: ServerProcess) {
        process.stop()
    }

    /// Runs a program to its end and returns its standard output; throws when it fails.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        in directory: URL? = nil
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        // A semaphore rather than waitUntilExit(), which was seen to wait forever for a
        // child that had exited; a program that hangs fails the test after two minutes.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Standard error is drained on a thread of its own, so neither pipe can fill up.
        let errorReader = DataReader(errors.fileHandleForReading)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errorReader.wait()
        guard exited.wait(timeout: .now() + 120) == .success else {
            kill(process.processIdentifier, SIGKILL)
            throw TestSetupError("`\(([executable] + arguments).joined(separator: " "))` did not finish in two minutes")
        }
        guard process.terminationStatus == 0 else {
            throw TestSetupError(
                "`\(([executable] + arguments).joined(separator: " "))` failed (\(process.terminationStatus)): "
                    + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs git (the command line, as a second client) with the tests' isolated configuration.
    @discardableResult
    public static func git(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> String
    {
        var env = ["HOME": FileManager.default.temporaryDirectory.path]
        for (key, value) in environment { env[key] = value }
        return try run("/usr/bin/git", arguments, environment: env, in: directory)
    }

    /// Creates a bare repository `name` (e.g. `plans.git`) under `root` on branch `main`, open
    /// to pushes over HTTP; returns its folder.
    public static func makeBareRepository(_ name: String, under root: URL) throws -> URL {
        let folder = root.appendingPathComponent(name)
        try git(["init", "--quiet", "--bare", "--initial-branch=main", folder.path])
        try git(["-C", folder.path, "config", "http.receivepack", "true"])
        return folder
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class DataReader: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written by the reading thread before `finished` is signalled; read only after.
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            finished.signal()
        }.start()
    }

    func wait() -> Data {
        finished.wait()
        return data
    }
}

/// A server started with `posix_spawn` and stopped with signals and `waitpid`.
///
/// Not Foundation's `Process`: it takes a child that closes every inherited descriptor at
/// start (sshd, git-daemon do) for one that has exited, and then blocks its monitor thread
/// in `waitpid` for good, so every later `Process` in the test run hangs.
public final class ServerProcess: @unchecked Sendable {
    /// The server's process id.
    public let pid: pid_t
    private var status: Int32?
    private let lock = NSLock()

    init(_ executable: String, _ arguments: [String], environment: [String: String], log: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Descriptors the test process has open are inherited (glibc's closefrom action is
        // not visible to Swift); a pipe of a parallel test's run stays open until the server
        // stops, at the end of its test.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else { throw TestSetupError("cannot start \(executable): error \(result)") }
        self.pid = pid
    }

    deinit { stop() }

    /// Whether the process has not exited yet (reaps it when it has).
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        guard status == nil else { return false }
        var raw: Int32 = 0
        if waitpid(pid, &raw, WNOHANG) == pid {
            status = raw
            return false
        }
        return true
    }

    /// SIGTERM; SIGKILL when it has not ended within a second; then reaped.
    public func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(1)
        while isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard isRunning else { return }
        kill(pid, SIGKILL)
        lock.lock()
        defer { lock.unlock() }
        var raw: Int32 = 0
        if waitpid(pid, &raw, 0) == pid { status = raw }
    }
}

extension ServerSupport {
    /// Text that does not compress: a pack large enough to be cut in the middle.
    public static func incompressible(kilobytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<(kilobytes * 1024)).map { _ in digits[Int(generator.next() % 16)] })
    }

    /// Every file under `folder` that contains `secret` (to prove a password was written nowhere).
    public static func files(in folder: URL, containing secret: String) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let file as URL in walker {
            if let data = try? Data(contentsOf: file), data.range(of: Data(secret.utf8)) != nil {
                found.append(file.path)
            }
        }
        return found
    }
}
