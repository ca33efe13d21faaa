import ArgumentParser
import PlantrackCore
import PlantrackGit

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

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Carry these activities over whatever their priority and status (ids of the old plan; repeatable).",
                               valueName: "id"))
    var carry: [String] = []

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Leave these activities in the old year whatever their priority and status (repeatable).",
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
            var revision: PlanRevision?
            let outcome = try WorkspaceWrite(access: access, options: writing).perform { snapshot in
                let contents = Workspace.read(from: snapshot)
                let years = contents.documents.compactMap { document -> Int? in
                    guard document.kind == .plan, document.reference?.county == county else { return nil }
                    return document.reference?.year
                }
                guard let latest = years.filter({ $0 < to }).max() else {
                    // A county that is not there is "not found" like in every command, with the nearest.
                    let references = contents.documents.compactMap(\.reference)
                    if !references.contains(where: { $0.county == county }) {
                        throw CLIError.notFound(county, in: contents.label, among: references.filter { $0.year == nil })
                    }
                    throw CLIError("no plan of \(county) before \(to) in the working tree")
                }
                if years.contains(to) || FileSystem.exists("\(access.root)/\(DocumentLayout.plansFolder)/\(county)/\(to)") {
                    throw CLIError("\(county)/\(to) already exists; nothing was written")
                }
                let made: PlanRevision
                do {
                    made = try PlanRevision.make(from: ItemReference(county: county, year: latest), to: to,
                                                 workspace: contents, snapshot: snapshot,
                                                 choices: PlanRevision.ActivityChoices(carry: carry, leave: leave))
                } catch let error as FrontMatterEditError {
                    throw CLIError(error.description)
                } catch let error as PlanRevision.ChoiceError {
                    throw CLIError("\(error.message)\nnothing was written")
                }
                revision = made
                return WorkspaceWrite.Change(files: made.files, message: Self.message(made))
            }
            guard let revision else { return }
            var out = Self.message(revision)
            out += CommitMessage.outcome(outcome)
            Terminal.standardOutput.write(out)
        }
    }

    /// What the revision did, as the commit message and the command's output: a subject
    /// line of at most 72 characters (shortened for a very long county id), then what was
    /// copied, reset, carried and left, and why.
    static func message(_ revision: PlanRevision) -> String {
        let newYear = revision.to.year.map(String.init) ?? "\(revision.to)"
        var subject = "revise \(revision.from) → \(revision.to): version \(revision.version), draft"
        if subject.count > 72 { subject = "revise \(revision.from) → \(newYear)" }
        var out = subject + "\n\n"
        out += wrapped("goals copied (\(revision.goals.count)):", revision.goals)
        if !revision.assessmentsReset.isEmpty {
            out += wrapped("assessments reset to not-assessed (\(revision.assessmentsReset.count)):",
                           revision.assessmentsReset.map { "\($0.id) (was \($0.was))" })
        }
        if !revision.targetsBeforePeriod.isEmpty {
            out += wrapped("indicator targets dated before \(newYear) (\(revision.targetsBeforePeriod.count)); "
                               + "set a target for \(newYear):",
                           revision.targetsBeforePeriod.map { "\($0.indicator) (\($0.date))" })
        }
        out += "activities carried (\(revision.carried.count)):"
        out += revision.carried.isEmpty ? " none\n" : "\n"
        for activity in revision.carried {
            out += "  \(activity.id) carried (\(activity.reason))\n"
            let changes = activity.resets + activity.dates
            if !changes.isEmpty { out += wrapped("", changes, indent: "    ") }
        }
        out += "activities left (\(revision.leftBehind.count)):"
        out += revision.leftBehind.isEmpty ? " none\n" : "\n"
        for activity in revision.leftBehind { out += "  \(activity.id) left (\(activity.reason))\n" }
        if !revision.carried.isEmpty {
            // Said once so that no one looks for the old year's results in the new files.
            out += "\(revision.from) keeps what the carried activities did there (status, money,\n"
                + "follow-ups); carried_from names each.\n"
        }
        return out
    }

    /// `head` and `items` joined by ", ", wrapped at 72 columns with continuation lines
    /// indented by `indent` (two spaces past it after a head).
    private static func wrapped(_ head: String, _ items: [String], indent: String = "") -> String {
        var lines: [String] = []
        var line = indent + head
        var isEmpty = head.isEmpty
        let continuation = head.isEmpty ? indent : indent + "  "
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? "," : "")
            if isEmpty {
                line += piece
            } else if line.count + 1 + piece.count > 72 {
                lines.append(line)
                line = continuation + piece
            } else {
                line += " " + piece
            }
            isEmpty = false
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
