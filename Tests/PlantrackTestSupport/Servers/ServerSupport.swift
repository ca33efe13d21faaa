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
        _ what: String, log: URL, attempts: Int = 5, _ launch: (Int) throws -> Process
    ) throws -> (Process, Int) {
        for _ in 0..<attempts {
            let port = try freePort()
            let process = try launch(port)
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if isListening(port) { return (process, port) }
                if !process.isRunning { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw TestSetupError("\(what) did not start listening on 127.0.0.1; its log:\n\(text)")
    }

    /// Starts `executable` with `arguments`, its output appended to `log`.
    static func launch(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, log: URL
    ) throws -> Process {
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Stops a server process and waits for it: SIGTERM, and SIGKILL when it has not ended
    /// within a second (a server busy with a half-closed connection may not).
    static func stop(_ process: Process) {
        if process.isRunning {
            process.terminate()
        }
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
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
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Standard error is drained on a thread of its own, so neither pipe can fill up.
        let errorReader = DataReader(errors.fileHandleForReading)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errorReader.wait()
        process.waitUntilExit()
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
