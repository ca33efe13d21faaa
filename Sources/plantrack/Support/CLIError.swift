import ArgumentParser
import PlantrackCore

/// An error the CLI reports in one line and exits with status 2 (usage or environment),
/// or with 1 when what was asked for does not exist (``notFound(_:)``).
struct CLIError: Error, CustomStringConvertible {
    let message: String
    /// The exit status: ``ExitStatus/usage`` unless said otherwise.
    let status: ExitCode

    init(_ message: String, status: ExitCode = ExitStatus.usage) {
        self.message = message
        self.status = status
    }

    /// An item, plan or county that is not in the workspace: exit 1 in every command, with
    /// the nearest references that exist (`ItemSuggestions`).
    static func notFound(_ written: String, in label: String, among existing: [ItemReference]) -> CLIError {
        CLIError(ItemSuggestions.notFound(written, in: label, among: existing), status: ExitStatus.findings)
    }

    /// Refuses a `--county` that names no county folder under `Plans/` in `snapshot` (exit 1,
    /// with the nearest that exist): a mistyped county would otherwise show empty figures.
    static func refuseUnknownCounties(_ filter: RollUp.Filter, in snapshot: any Snapshot) throws {
        let (unknown, existing) = try filter.unknownCounties(in: snapshot)
        if let first = unknown.first { throw notFound(first, in: snapshot.label, among: existing) }
    }

    /// A snapshot's label as the object of "in": `the working tree`, `the index`, `HEAD (1a2b3c4)`.
    static func source(_ label: String) -> String {
        ItemSuggestions.source(label)
    }

    var description: String { message }
}

/// Exit statuses, the same for every command.
enum ExitStatus {
    /// Findings (errors, or warnings under --strict) failed the run, or an item was not found.
    static let findings = ExitCode(1)
    /// Bad usage or environment: no workspace, unknown revision or plan year, bad arguments
    /// (ArgumentParser's own 64 is mapped to this in `Plantrack.main`).
    static let usage = ExitCode(2)
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into a one-line message on stderr and its exit status.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Terminal.standardError.write("plantrack: error: \(error.message)\n")
            throw error.status
        }
    }
}
