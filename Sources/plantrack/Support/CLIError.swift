import ArgumentParser

/// An error the CLI reports in one line and exits with status 2 (usage or environment).
struct CLIError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

/// Exit statuses, the same for every command.
enum ExitStatus {
    /// Findings (errors, or warnings under --strict) failed the run, or an item was not found.
    static let findings = ExitCode(1)
    /// Bad usage or environment: no workspace, unknown revision, bad arguments.
    static let usage = ExitCode(2)
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into a one-line message on stderr and exit 2.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Terminal.standardError.write("plantrack: error: \(error.message)\n")
            throw ExitStatus.usage
        }
    }
}
