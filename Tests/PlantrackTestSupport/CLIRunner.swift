import Foundation

/// What one run of a program produced.
public struct CLIResult: Sendable {
    /// Everything it wrote to standard output, decoded as UTF-8.
    public var stdout: String
    /// Everything it wrote to standard error, decoded as UTF-8.
    public var stderr: String
    /// Its exit status.
    public var status: Int32
}

/// A program that ran past its time; it was killed.
public struct ProcessTimedOut: Error, CustomStringConvertible {
    /// The program and its arguments, as one would type them.
    public var command: String
    /// The time it was given, in seconds.
    public var seconds: TimeInterval

    public var description: String {
        "`\(command)` did not finish within \(seconds) s and was killed"
    }
}

/// Runs the built binaries the way a user does and captures stdout, stderr and the exit
/// status separately.
public enum CLI {
    /// How long a run may take unless the caller says otherwise: far beyond any command the
    /// tests run, on a loaded machine; it only turns a hang into a failure.
    public static let defaultTimeout: TimeInterval = 600

    /// The folder of the built products: the test bundle sits beside the executables.
    public static let productsFolder: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On Linux the runner is `<products>/plantrackPackageTests.xctest`; on macOS it may
        // be inside a bundle, so walk up until the executable is found.
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("plantrack").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// The package root (where Plans/ lives).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `plantrack` (another product, or a program given by absolute path) with
    /// arguments in `directory` (the package root by default).
    ///
    /// stdout and stderr are read at the same time while the program runs, so a program
    /// that fills one pipe while the other is being read cannot block. A program still
    /// running after `timeout` seconds is killed and the run throws ``ProcessTimedOut``
    /// naming it, which fails the test.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        executable: String = "plantrack", timeout: TimeInterval = defaultTimeout
    ) throws -> CLIResult {
        let process = Process()
        // A built product by name, or any program by absolute path.
        process.executableURL =
            executable.hasPrefix("/")
            ? URL(fileURLWithPath: executable) : productsFolder.appendingPathComponent(executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Never read the user's git configuration.
        env["HOME"] = FileManager.default.temporaryDirectory.path
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let deadline = DispatchTime.now() + timeout
        try process.run()
        let stdout = PipeReader(out.fileHandleForReading)
        let stderr = PipeReader(err.fileHandleForReading)
        func timedOut() -> ProcessTimedOut {
            ProcessTimedOut(command: ([executable] + arguments).joined(separator: " "), seconds: timeout)
        }
        guard exited.wait(timeout: deadline) == .success else {
            kill(process.processIdentifier, SIGKILL)
            _ = exited.wait(timeout: .now() + 5)
            throw timedOut()
        }
        // A child the program left behind may hold a pipe open; the deadline covers that too.
        guard let outData = stdout.wait(until: deadline), let errData = stderr.wait(until: deadline) else {
            throw timedOut()
        }
        process.waitUntilExit()
        return CLIResult(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}

/// Reads a pipe to its end on a thread of its own (not a shared queue, which busy tests
/// could exhaust), so two pipes drain side by side.
private final class PipeReader: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the reading thread before `finished` is signalled; read only after.
    private var data = Data()

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            data = handle.readDataToEndOfFile()
            finished.signal()
        }
        thread.start()
    }

    /// Everything read, or nil when the pipe is still open at `deadline`.
    func wait(until deadline: DispatchTime) -> Data? {
        finished.wait(timeout: deadline) == .success ? data : nil
    }
}
