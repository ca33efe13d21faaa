extension PlanRevision {
    /// What ``revise(_:to:choices:with:)`` did: the revision and how it was recorded.
    public struct Written {
        /// The new plan and what was carried, reset and left.
        public var revision: PlanRevision
        /// The files written and the commit.
        public var write: WorkspaceWriteOutcome
    }

    /// Starts `county`'s plan for `year` from its latest plan before that year, through
    /// `writer` (`plantrack revise`). Refused with nothing written when the county has no
    /// plan before `year` (a county that is not there is "not found", with the nearest),
    /// when the new plan exists, or when `choices` name activities the plan does not have.
    public static func revise(
        _ county: String, to year: Int, choices: ActivityChoices = ActivityChoices(), with writer: WorkspaceWriter
    ) throws -> Written {
        var revision: PlanRevision?
        let write = try writer.perform { snapshot in
            let contents = try Workspace.read(from: snapshot)
            let years = contents.documents.compactMap { document -> Int? in
                guard document.kind == .plan, document.reference?.county == county else { return nil }
                return document.reference?.year
            }
            guard let latest = years.filter({ $0 < year }).max() else {
                // A county that is not there is "not found" like in every command, with the nearest.
                let references = contents.documents.compactMap(\.reference)
                if !references.contains(where: { $0.county == county }) {
                    throw WorkspaceWriteError.notFound(
                        ItemSuggestions.notFound(county, in: contents.label, among: references.filter { $0.year == nil }))
                }
                throw WorkspaceWriteError.refused("no plan of \(county) before \(year) in the working tree")
            }
            // Anything at the new plan's folder is in the way: files, or something that is not
            // a folder (listing it fails; a missing folder lists as empty).
            let folder = "\(DocumentLayout.plansFolder)/\(county)/\(year)"
            let occupied = (try? snapshot.entries(under: folder)).map { !$0.isEmpty } ?? true
            if years.contains(year) || occupied {
                throw WorkspaceWriteError.refused("\(county)/\(year) already exists; nothing was written")
            }
            let made: PlanRevision
            do {
                made = try PlanRevision.make(
                    from: ItemReference(county: county, year: latest), to: year, workspace: contents,
                    snapshot: snapshot, choices: choices)
            } catch let error as FrontMatterEditError {
                throw WorkspaceWriteError.refused(error.description)
            } catch let error as PlanRevision.ChoiceError {
                throw WorkspaceWriteError.refused("\(error.message)\nnothing was written")
            }
            revision = made
            return WorkspaceChange(files: made.files, message: made.message)
        }
        guard let revision else { throw WorkspaceWriteError.refused("no revision was made") }
        return Written(revision: revision, write: write)
    }

    /// What the revision did, as the commit message and the command's output: a subject
    /// line of at most 72 characters (shortened for a very long county id), then what was
    /// copied, reset, carried and left, and why.
    public var message: String {
        let newYear = to.year.map(String.init) ?? "\(to)"
        var subject = "revise \(from) → \(to): version \(version), draft"
        if subject.count > 72 { subject = "revise \(from) → \(newYear)" }
        var out = subject + "\n\n"
        out += Self.wrapped("goals copied (\(goals.count)):", goals)
        if !assessmentsReset.isEmpty {
            out += Self.wrapped(
                "assessments reset to not-assessed (\(assessmentsReset.count)):",
                assessmentsReset.map { "\($0.id) (was \($0.was))" })
        }
        if !targetsBeforePeriod.isEmpty {
            out += Self.wrapped(
                "indicator targets dated before \(newYear) (\(targetsBeforePeriod.count)); "
                    + "set a target for \(newYear):",
                targetsBeforePeriod.map { "\($0.indicator) (\($0.date))" })
        }
        out += "activities carried (\(carried.count)):"
        out += carried.isEmpty ? " none\n" : "\n"
        for activity in carried {
            out += "  \(activity.id) carried (\(activity.reason))\n"
            let changes = activity.resets + activity.dates
            if !changes.isEmpty { out += Self.wrapped("", changes, indent: "    ") }
        }
        out += "activities left (\(leftBehind.count)):"
        out += leftBehind.isEmpty ? " none\n" : "\n"
        for activity in leftBehind { out += "  \(activity.id) left (\(activity.reason))\n" }
        if !carried.isEmpty {
            // Said once so that no one looks for the old year's results in the new files.
            out +=
                "\(from) keeps what the carried activities did there (status, money,\n"
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
