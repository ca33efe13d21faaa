import ArgumentParser
import PlantrackCore

/// What a command does with the version `--rev` or `--as-of` selects, as its `--help` and
/// its usage errors say it.
protocol VersionAction {
    /// The verb, capitalised as at the start of a help line: `Roll up`, `Report on`.
    static var action: String { get }
}

/// `--rev REV | --as-of DATE` of rollup and report: the workspace as committed at a
/// revision, or at the last first-parent commit of HEAD on or before a day
/// (``WorkspaceVersion``); neither, the working tree.
struct VersionOptions<Action: VersionAction>: ParsableArguments {
    @Option(help: ArgumentHelp("\(Action.action) the workspace as committed at this revision.", valueName: "rev"))
    var rev: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("\(Action.action) the workspace as committed on this day (YYYY-MM-DD).", valueName: "date"))
    var asOf: CalendarDate?

    /// Refuses `--rev` with `--as-of`. Each command calls it from its own `validate()`, where
    /// its other usage checks expect it (as ``CSVOptions/checkDelimiter()`` is called).
    func checkOneVersion() throws {
        if rev != nil && asOf != nil {
            throw ValidationError(
                "--rev and --as-of cannot be used together: choose one version to \(Action.action.lowercased()).")
        }
    }
}
