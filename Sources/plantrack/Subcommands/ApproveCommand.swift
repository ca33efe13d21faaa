import ArgumentParser
import PlantrackCore

/// `plantrack approve COUNTY/YEAR`: adopts a plan version and tags it.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Adopt a plan: status adopted, adopted.date and adopted.by, a commit and the tag COUNTY/YEAR/vN.",
        discussion: """
            The annotated tag (e.g. stockholm/2021/v4, N = the plan's version) names the adopted \
            version, so 'plantrack diff stockholm/2021/v3 stockholm/2021/v4' compares two adopted \
            versions. A tag that already exists is refused before anything is written. With \
            --no-commit the plan file is only written: no commit, no tag.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Argument(help: ArgumentHelp("The plan: county/year.", valueName: "plan"))
    var plan: String

    @Option(help: ArgumentHelp("The day it was adopted (default: today).", valueName: "date"))
    var date: CalendarDate?

    @Option(
        help: ArgumentHelp(
            "Who adopted it (default: the plan's adopted.by, else your git user.name).",
            valueName: "name"))
    var by: String?

    func validate() throws {
        guard let reference = ItemReference(plan), reference.year != nil, reference.id == nil else {
            throw ValidationError("'\(plan)' is not a plan: write county/year, e.g. stockholm/2021")
        }
    }

    func run() throws {
        try reportingErrors {
            guard let reference = ItemReference(plan) else { throw CLIError("bad plan '\(plan)'") }
            let access = try WorkspaceAccess(workspace)
            let approval = PlanApproval(plan: reference, date: date, adoptedBy: by)
            let writer = WorkspaceWrite(access: access, options: writing).writer
            let outcome = try WorkspaceWrite.reporting { try approval.run(with: writer) }
            var out = "approved \(reference)\n" + CommitMessage.changeLines(outcome.changes).map { "  \($0)\n" }.joined()
            if outcome.write.paths.isEmpty { out += "  (already adopted so; nothing to write)\n" }
            out += outcome.write.paths.isEmpty ? "" : CommitMessage.outcome(outcome.write)
            if let tag = outcome.tag { out += "tagged \(tag)\n" }
            Terminal.standardOutput.write(out)
        }
    }
}
