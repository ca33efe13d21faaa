import ArgumentParser
import PlantrackCore

/// The `plantrack` command: mental-health action plans as versioned text.
@main
struct Plantrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plantrack",
        abstract: "Validate, compare and roll up county action plans kept as Markdown in git, and run their yearly cycle.",
        discussion: """
            A workspace is a git repository whose root holds Plans/ (and optionally Schemas/). \
            Commands read the working tree unless told --staged (the index) or --rev REV (a commit, \
            tag or branch). Commands that change documents (init, new, update, revise, approve, schemas update) \
            validate the change first, edit files in place and commit them with your git identity \
            (docs/cycle.md). Exit status: 0 done; 1 findings failed the run, or the county, plan or item \
            named does not exist; 2 usage errors (a bad argument, no workspace, an unknown revision).
            """,
        version: PlantrackVersion.text,
        subcommands: [
            ListCommand.self, ShowCommand.self, ValidateCommand.self, HooksCommand.self, DiffCommand.self,
            RollUpCommand.self, TrendCommand.self, ReportCommand.self, InitCommand.self, NewCommand.self,
            UpdateCommand.self, ReviseCommand.self, ApproveCommand.self, LogCommand.self, SchemasCommand.self, GuardCommand.self,
            SyncCommand.self, ReviewCommand.self, IndicatorsCommand.self, AllocationCommand.self,
            MergeDriverCommand.self,
        ]
    )

    /// Parses and runs the command as ArgumentParser does, except that its usage errors
    /// (bad or missing arguments, a failed `validate()`), which it ends with 64, end with 2
    /// like every other usage error of plantrack: 0 ok, 1 findings or not found, 2 usage.
    static func main() {
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            // A damaged repository ends any command that reads it, in plantrack's own words,
            // with the status of a bad environment (as CLIError gives it).
            if let corrupted = HistoryError.corruption(in: error) {
                Terminal.standardError.write("plantrack: error: \(corrupted)\n")
                exit(withError: ExitStatus.usage)
            }
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            var text = fullMessage(for: error)
            if let hint = UsageHint.hint(for: message(for: error)) {
                // After the first line, which names the option and the value.
                let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                text = lines[0] + "\n" + hint + (lines.count > 1 ? "\n" + lines[1] : "")
            }
            Terminal.standardError.write(text + "\n")
            exit(withError: ExitStatus.usage)
        }
    }
}

/// What to write instead, for an option value ArgumentParser refused: a date or an amount.
enum UsageHint {
    /// For `The value '31/12/2021' is invalid for '--due <date>'`: `Write YYYY-MM-DD: 2021-12-31.`;
    /// for an amount (`<sek>`) written with spaces or `kr`: `Write 300000 …`. Nil otherwise.
    static func hint(for message: String) -> String? {
        guard let valueStart = message.range(of: "The value '"),
            let valueEnd = message.range(of: "' is invalid for '", range: valueStart.upperBound..<message.endIndex)
        else { return nil }
        let value = String(message[valueStart.upperBound..<valueEnd.lowerBound])
        let option = message[valueEnd.upperBound...]
        if option.contains("<date>") || option.contains("<day>") {
            return "Hint: " + SchemaHints.dateHint(value) + "."
        }
        if option.contains("<sek>") {
            if let kronor = SchemaHints.kronor(value) { return "Hint: write \(kronor) (whole kronor, digits only)." }
            return "Hint: write whole kronor in digits only, e.g. 300000."
        }
        return nil
    }
}

/// The program's version (`--version`; memos from another version are not trusted).
enum PlantrackVersion {
    static let text = "0.1.0"
}
