import ArgumentParser
import PlantrackCore
import PlantrackGit

/// `plantrack revise COUNTY --to YEAR`: next year's plan from the latest one.
struct Revise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start next year's plan from the county's latest plan, carrying over open activities.",
        discussion: """
            The plan is copied with version + 1, status draft, the period moved to the new year and \
            revises naming the previous plan (adopted is removed). Goals are copied as they are. \
            Activities neither done nor cancelled are carried over with carried_from and their dates \
            moved into the new year; done and cancelled ones stay behind. The rules are in docs/cycle.md.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Argument(help: ArgumentHelp("The county (its id, e.g. stockholm).", valueName: "county"))
    var county: String

    @Option(help: ArgumentHelp("The new plan's year.", valueName: "year"))
    var to: Int

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
                                                 workspace: contents, snapshot: snapshot)
                } catch let error as FrontMatterEditError {
                    throw CLIError(error.description)
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

    /// What the revision did, as the commit message and the command's output.
    static func message(_ revision: PlanRevision) -> String {
        var out = "revise \(revision.from) → \(revision.to): version \(revision.version), draft\n\n"
        out += "goals copied (\(revision.goals.count)): \(revision.goals.joined(separator: ", "))\n"
        out += "activities carried over (\(revision.carried.count)):\n"
        for (id, dates) in revision.carried {
            out += "  \(id)" + (dates.isEmpty ? "" : " (\(dates.joined(separator: ", ")))") + "\n"
        }
        out += "activities left behind (\(revision.leftBehind.count)):"
        out += revision.leftBehind.isEmpty ? " none\n" : "\n"
        for (id, status) in revision.leftBehind { out += "  \(id) (\(status))\n" }
        return out
    }
}
