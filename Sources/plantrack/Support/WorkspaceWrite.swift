import PlantrackCore
import PlantrackGit

extension WorkspaceAccess {
    /// The workspace's history, for the library's readers and writers.
    var history: GitHistory { GitHistory(repository: repository, root: root) }
}

/// Runs the library's write path (``WorkspaceWriter``) with the options of the command
/// line, and shows a refused write as the CLI does: findings on stderr, then the error line.
struct WorkspaceWrite {
    let access: WorkspaceAccess
    let options: WriteOptions

    /// The library's writer for this workspace and these options, judging on today.
    var writer: WorkspaceWriter {
        WorkspaceWriter(history: access.history, commits: options.commit, waitSeconds: options.wait, today: .today())
    }

    /// Runs `makeChange` through ``writer`` (see ``WorkspaceWriter/perform(_:)``).
    func perform(_ makeChange: (any Snapshot) throws -> WorkspaceChange) throws -> WorkspaceWriteOutcome {
        try Self.reporting { try writer.perform(makeChange) }
    }

    /// Runs `body`, printing the findings of a ``WorkspaceWriteError`` and turning it into
    /// the ``CLIError`` that ends the command.
    static func reporting<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as WorkspaceWriteError {
            let printer = FindingPrinter()
            switch error {
            case .refused(let message):
                throw CLIError(message)
            case .notFound(let message):
                throw CLIError(message, status: ExitStatus.findings)
            case .unusableSchemas(let problems, let message):
                printer.print(problems)
                throw CLIError(message)
            case .invalidChange(let errors):
                for error in errors {
                    printer.print([error.finding])
                    if let location = error.finding.location, let line = error.line {
                        Terminal.standardError.write("    \(location.line) | \(line)\n")
                    }
                }
                throw CLIError(error.message, status: ExitStatus.findings)
            }
        }
    }
}
