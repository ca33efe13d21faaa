/// Adopting a plan version: status `adopted`, `adopted.date` and `adopted.by`, a commit, and
/// the annotated tag `county/year/vN` naming the adopted version (`plantrack approve`).
///
/// The rules: the plan must have a version; a closed plan is not reopened; when committing,
/// every plan file must be committed (the tag would not hold an uncommitted edit) and the
/// tag must not exist yet (a changed plan is a new version). Nothing is written when one
/// fails. The tag is made after the commit, on it (on HEAD when nothing changed).
public struct PlanApproval {
    /// The plan: `county/year`.
    public var plan: ItemReference
    /// The day it was adopted; nil: the writer's day.
    public var date: CalendarDate?
    /// Who adopted it; nil: the plan's `adopted.by`, else the committing identity's name.
    public var adoptedBy: String?

    /// Creates an approval of `plan`.
    public init(plan: ItemReference, date: CalendarDate? = nil, adoptedBy: String? = nil) {
        self.plan = plan
        self.date = date
        self.adoptedBy = adoptedBy
    }

    /// What an approval did.
    public struct Outcome {
        /// The fields that changed (none when the plan was adopted so already).
        public var changes: [FieldChange]
        /// The files written and the commit.
        public var write: WorkspaceWriteOutcome
        /// The tag made; nil without committing.
        public var tag: String?
    }

    /// Approves the plan through `writer`. Throws ``WorkspaceWriteError`` with what to say
    /// when a rule refuses it.
    public func run(with writer: WorkspaceWriter) throws -> Outcome {
        let history = writer.history
        let identity = try? history.configuredAuthor()
        var tagName = ""
        var approvedVersion = 0
        var changes: [FieldChange] = []
        let write = try writer.perform { snapshot in
            let path = DocumentLayout.path(of: .plan, plan)
            let folder = String(path.prefix(upTo: path.lastIndex(of: "/") ?? path.endIndex))
            let entries = (try? snapshot.entries(under: folder)) ?? []
            guard let entry = entries.first(where: { $0.path == path }) else {
                let existing = (try? ItemSuggestions.references(in: snapshot)) ?? []
                throw WorkspaceWriteError.notFound(
                    ItemSuggestions.notFound(plan.description, in: "working tree", among: existing))
            }
            if writer.commits {
                // The tag names the plan's committed files: an uncommitted edit of any of
                // them (even when approving changes nothing) would not be in what it names.
                for entry in entries where entry.path.hasSuffix(".md") {
                    guard let state = try? history.state(ofWorkingFile: entry.path), !state.isUnchanged,
                        !state.isAbsent, !state.isIgnored
                    else { continue }
                    throw WorkspaceWriteError.refused(
                        "\(entry.path) \(state.summary): the tag would not hold it. Commit or discard "
                            + "the changes of \(plan) first, or run again with --no-commit. Nothing was written.")
                }
            }
            guard let bytes = try? snapshot.contents(of: entry) else {
                throw WorkspaceWriteError.refused("\(path): cannot be read")
            }
            var editor: FrontMatterEditor
            do {
                editor = try FrontMatterEditor(bytes)
                let before = editor.frontMatter
                guard let version = before["version"]?.integer else {
                    throw WorkspaceWriteError.refused(
                        "\(path): the plan has no version; set one first (plantrack update \(plan) --set version=1)")
                }
                if before["status"]?.string == "closed" {
                    throw WorkspaceWriteError.refused(
                        "\(plan) is closed: its year is over and approving would reopen it. "
                            + "Start next year's plan with 'plantrack revise \(plan.county) --to YEAR'. Nothing was written.")
                }
                tagName = "\(plan)/v\(version)"
                approvedVersion = version
                if writer.commits, !((try? history.tags(matching: tagName)) ?? []).isEmpty {
                    // A changed plan of the same year is a new version of it, not next year's
                    // plan: update raises the version, revise would start a new year.
                    throw WorkspaceWriteError.refused(
                        "the tag \(tagName) already exists: version \(version) was approved before. "
                            + "To approve the changed plan, raise its version first: "
                            + "'plantrack update \(plan) --set version=\(version < Int.max ? String(version + 1) : "N")'. "
                            + "Nothing was written.")
                }
                let by = adoptedBy ?? before["adopted"]?.mapping?["by"]?.string ?? identity?.name
                var adopted = [EditField("date", .string((date ?? writer.today).description))]
                if let by { adopted.append(EditField("by", .string(by))) }
                let order = FieldOrder.topLevel(.plan)
                try editor.set(["status"], to: .string("adopted"), order: order)
                try editor.set(["adopted"], to: .mapping(adopted), order: order)
                changes = FieldDiff.compare(before, editor.frontMatter)
            } catch let error as FrontMatterEditError {
                throw WorkspaceWriteError.refused("\(path): \(error)")
            }
            let message =
                "approve \(plan) version \(approvedVersion)\n\n"
                + CommitMessage.changeLines(changes).joined(separator: "\n") + "\n"
            return WorkspaceChange(files: editor.bytes == bytes ? [:] : [path: editor.bytes], message: message)
        }
        guard writer.commits, let identity else { return Outcome(changes: changes, write: write, tag: nil) }
        do {
            guard let target = try write.commit ?? history.head() else {
                throw HistoryError.noCommits(revision: "HEAD")
            }
            try history.createTag(
                named: tagName, at: target.id, tagger: identity,
                message: "\(plan) version \(approvedVersion) adopted\n")
        } catch {
            throw WorkspaceWriteError.refused("the plan was committed but the tag \(tagName) could not be made: \(error)")
        }
        return Outcome(changes: changes, write: write, tag: tagName)
    }
}
