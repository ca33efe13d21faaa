import ArgumentParser

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
            (docs/cycle.md).
            """,
        version: PlantrackVersion.text,
        subcommands: [
            List.self, Show.self, Validate.self, Hooks.self, Diff.self, RollUpCommand.self, TrendCommand.self,
            ReportCommand.self, Init.self, New.self, Update.self, Revise.self, Approve.self, LogCommand.self,
            SchemasCommand.self,
        ]
    )
}

/// The program's version (`--version`; memos from another version are not trusted).
enum PlantrackVersion {
    static let text = "0.1.0"
}
