import Foundation
import Testing

/// What one run of the `plantrack` binary produced.
struct CLIResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs the built binaries the way a user does and captures stdout, stderr and the exit
/// status separately.
enum CLI {
    /// The folder of the built products: the test bundle sits beside the executables.
    static let productsFolder: URL = {
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
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `plantrack` (another product, or a program given by absolute path) with
    /// arguments in `directory`.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        executable: String = "plantrack"
    ) throws -> CLIResult {
        let process = Process()
        // A built product by name, or any program by absolute path.
        process.executableURL = executable.hasPrefix("/")
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
        try process.run()
        // Read both pipes while the process runs so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self),
                         status: process.terminationStatus)
    }
}

/// A temporary folder removed at the end of the test.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plantrack-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a text file (creating folders) at a path relative to the folder.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    var path: String { url.path }
}
