import ArgumentParser
import PlantrackCore
import PlantrackGit

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

    @Option(help: ArgumentHelp("Who adopted it (default: the plan's adopted.by, else your git user.name).",
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
            let repository = access.repository
            let identity = try? Signature.default(in: repository)
            var tagName = ""
            var approvedVersion = 0
            var changes: [FieldChange] = []
            let outcome = try WorkspaceWrite(access: access, options: writing).perform { snapshot in
                let (path, _) = try DocumentFile.locate(reference, root: access.root)
                if writing.commit {
                    // The tag names the plan's committed files: an uncommitted edit of any of
                    // them (even when approving changes nothing) would not be in what it names.
                    let folder = String(path.prefix(upTo: path.lastIndex(of: "/") ?? path.endIndex))
                    for entry in (try? snapshot.entries(under: folder)) ?? [] where entry.path.hasSuffix(".md") {
                        guard let status = try? repository.status(ofPath: entry.path), !status.isUnchanged,
                              !status.isAbsent, !status.isIgnored else { continue }
                        throw CLIError("\(entry.path) \(status.summary): the tag would not hold it. Commit or discard "
                            + "the changes of \(reference) first, or run again with --no-commit. Nothing was written.")
                    }
                }
                guard let bytes = FileSystem.readBytes(access.root + "/" + path) else { throw CLIError("\(path): cannot be read") }
                var editor: FrontMatterEditor
                do {
                    editor = try FrontMatterEditor(bytes)
                    let before = editor.frontMatter
                    guard let version = before["version"]?.integer else {
                        throw CLIError("\(path): the plan has no version; set one first (plantrack update \(reference) --set version=1)")
                    }
                    if before["status"]?.string == "closed" {
                        throw CLIError("\(reference) is closed: its year is over and approving would reopen it. "
                            + "Start next year's plan with 'plantrack revise \(reference.county) --to YEAR'. Nothing was written.")
                    }
                    tagName = "\(reference)/v\(version)"
                    approvedVersion = version
                    if writing.commit, (try? repository.resolveCommit("refs/tags/\(tagName)")) != nil {
                        // A changed plan of the same year is a new version of it, not next year's
                        // plan: update raises the version, revise would start a new year.
                        throw CLIError("the tag \(tagName) already exists: version \(version) was approved before. "
                            + "To approve the changed plan, raise its version first: "
                            + "'plantrack update \(reference) --set version=\(version < Int.max ? String(version + 1) : "N")'. Nothing was written.")
                    }
                    let adoptedBy = by ?? before["adopted"]?.mapping?["by"]?.string ?? identity?.name
                    var adopted = [EditField("date", .string((date ?? .today()).description))]
                    if let adoptedBy { adopted.append(EditField("by", .string(adoptedBy))) }
                    let order = FieldOrder.topLevel(.plan)
                    try editor.set(["status"], to: .string("adopted"), order: order)
                    try editor.set(["adopted"], to: .mapping(adopted), order: order)
                    changes = FieldDiff.compare(before, editor.frontMatter)
                } catch let error as FrontMatterEditError {
                    throw CLIError("\(path): \(error)")
                }
                let message = "approve \(reference) version \(approvedVersion)\n\n"
                    + CommitMessage.changeLines(changes).joined(separator: "\n") + "\n"
                return WorkspaceWrite.Change(files: editor.bytes == bytes ? [:] : [path: editor.bytes], message: message)
            }
            var out = "approved \(reference)\n" + CommitMessage.changeLines(changes).map { "  \($0)\n" }.joined()
            if outcome.paths.isEmpty { out += "  (already adopted so; nothing to write)\n" }
            out += outcome.paths.isEmpty ? "" : CommitMessage.outcome(outcome)
            if writing.commit, let identity {
                do {
                    let target = try outcome.commit.map { try repository.commit($0) } ?? repository.head()
                    try repository.createTag(named: tagName, target: target, tagger: identity,
                                             message: "\(reference) version \(approvedVersion) adopted\n")
                    out += "tagged \(tagName)\n"
                } catch {
                    throw CLIError("the plan was committed but the tag \(tagName) could not be made: \(error)")
                }
            }
            Terminal.standardOutput.write(out)
        }
    }
}
