import ArgumentParser
import PlantrackCore

/// `plantrack revise COUNTY --to YEAR`: next year's plan from the latest one.
struct ReviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revise",
        abstract: "Start next year's plan from the county's latest plan, carrying over what continues.",
        discussion: """
            The plan is copied with version + 1, status draft, the period moved to the new year and \
            revises naming the previous plan (adopted is removed). Goals are copied with assessment \
            not-assessed; indicators keep their series (a target dated before the new period is a \
            finding to decide on). Carried over by default: ongoing activities (priority: ongoing) \
            unless cancelled, and every activity neither done nor cancelled; --carry and --leave \
            choose per activity. A carried activity starts afresh: status in-progress if it was \
            in-progress or delayed, else planned; progress and spent_sek 0; no completed, \
            cancelled_reason or follow-ups; tasks not done; carried_from naming the old item; dates \
            moved into the new year. Last year's files are not touched. The rules are in docs/cycle.md.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Argument(help: ArgumentHelp("The county (its id, e.g. stockholm).", valueName: "county"))
    var county: String

    @Option(help: ArgumentHelp("The new plan's year.", valueName: "year"))
    var to: Int

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Carry these activities over whatever their priority and status (ids of the old plan; repeatable).",
            valueName: "id"))
    var carry: [String] = []

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Leave these activities in the old year whatever their priority and status (repeatable).",
            valueName: "id"))
    var leave: [String] = []

    func validate() throws {
        guard Identifier.isValid(county) else {
            throw ValidationError("'\(county)' is not a county id (lowercase letters, digits and -)")
        }
        guard (1000...9999).contains(to) else { throw ValidationError("--to must be a four-digit year") }
    }

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let writer = WorkspaceWrite(access: access, options: writing).writer
            let written = try WorkspaceWrite.reporting {
                try PlanRevision.revise(
                    county, to: to, choices: PlanRevision.ActivityChoices(carry: carry, leave: leave),
                    with: writer)
            }
            Terminal.standardOutput.write(written.revision.message + CommitMessage.outcome(written.write))
        }
    }
}
