import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

/// `plantrack update ITEM …`: records progress by editing the front matter in place.
struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record progress on an activity, goal or plan: edits only the values that change, then commits.",
        discussion: """
            Only the characters of the changed values change; comments, key order, quoting, blank lines \
            and the body keep every byte, and a new key goes after the field that precedes it in the \
            format's order. Setting an activity's status to done sets completed (to --date, default \
            today); leaving done removes it; cancelling needs --reason. The workspace is validated with \
            the change before anything is written; the file is written atomically and, unless --no-commit, \
            committed alone with your git identity. See docs/cycle.md.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Argument(help: ArgumentHelp("The item: county/year/id (a goal or activity), county/year (a plan) or county.",
                                 valueName: "item"))
    var item: String

    @Option(help: "New status (activity: planned, in-progress, done, delayed, cancelled; plan: draft, adopted, closed).")
    var status: String?

    @Option(help: "New progress of an activity, 0–100.")
    var progress: Int?

    @Option(help: ArgumentHelp("New spent_sek of an activity (whole kronor).", valueName: "sek"))
    var spent: Int?

    @Option(help: "New assessment of a goal (not-assessed, on-track, at-risk, off-track, achieved).")
    var assessment: String?

    @Option(help: ArgumentHelp("Add a measurement to a goal's indicator (repeatable).", valueName: "indicator=value@date"))
    var measure: [String] = []

    @Option(help: ArgumentHelp("Add a follow-up note to an activity.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("Who writes the note (default: your git user.name).", valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp("The day of the change: completed when done, the note's date (default: today).",
                               valueName: "date"))
    var date: CalendarDate?

    @Option(help: ArgumentHelp("Why the activity is cancelled (required with --status cancelled).", valueName: "text"))
    var reason: String?

    @Option(name: .customLong("set"),
            help: ArgumentHelp("Set any field; dotted paths reach into records (period.end). Values have YAML meaning: 42 is a number, true a boolean (repeatable).",
                               valueName: "field=value"))
    var fields: [String] = []

    func validate() throws {
        guard ItemReference(item) != nil else {
            throw ValidationError("'\(item)' is not an item reference: write county, county/year or county/year/id (e.g. stockholm/2021/bu-p1).")
        }
        if let status, let reference = ItemReference(item) {
            // A plan's or an activity's status word; a Swedish one names the value meant.
            let allowed = reference.id == nil
                ? ["draft", "adopted", "closed"] : ["planned", "in-progress", "done", "delayed", "cancelled"]
            if !allowed.contains(status), let english = SchemaHints.englishValue(for: status, allowed: allowed) {
                throw ValidationError("--status \(status): write --status \(english) (\(status)); the files use the "
                                      + "English words \(allowed.joined(separator: ", ")), reports show them in Swedish")
            }
        }
        if let assessment {
            let allowed = ["not-assessed", "on-track", "at-risk", "off-track", "achieved"]
            if !allowed.contains(assessment), let english = SchemaHints.englishValue(for: assessment, allowed: allowed) {
                throw ValidationError("--assessment \(assessment): write --assessment \(english) (\(assessment)); the files "
                                      + "use the English words \(allowed.joined(separator: ", ")), reports show them in Swedish")
            }
        }
        for text in measure where ItemUpdate.Measurement(parsing: text) == nil {
            throw ValidationError("--measure \(text): write INDICATOR=VALUE@DATE, e.g. andel-sip=42.5@2021-06-30")
        }
        for text in fields where Self.field(text) == nil {
            throw ValidationError("--set \(text): write FIELD=VALUE, e.g. owner=Samverkanskansliet or period.end=2021-12-31")
        }
        if let progress, !(0...100).contains(progress) {
            throw ValidationError("--progress must be between 0 and 100 (got \(progress))")
        }
        if try makeUpdate(by: nil).isEmpty {
            throw ValidationError("nothing to change: give --status, --progress, --spent, --assessment, --measure, --note or --set")
        }
    }

    static func field(_ text: String) -> (path: [String], text: String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else { return nil }
        return (path, String(text[text.index(after: equals)...]))
    }

    private func makeUpdate(by author: String?) throws -> ItemUpdate {
        var update = ItemUpdate(today: date ?? .today())
        update.status = status
        update.progress = progress
        update.spentSEK = spent
        update.assessment = assessment
        update.measurements = measure.compactMap(ItemUpdate.Measurement.init(parsing:))
        update.note = note
        update.noteBy = by ?? author
        update.completed = status == "done" ? date : nil
        update.cancelledReason = reason
        update.fields = fields.compactMap(Self.field)
        return update
    }

    func run() throws {
        try reportingErrors {
            guard let reference = ItemReference(item) else { throw CLIError("bad item reference '\(item)'") }
            let access = try WorkspaceAccess(workspace)
            let author = try? Signature.default(in: access.repository).name
            let update = try makeUpdate(by: author)
            var changes: [FieldChange] = []
            var path = ""
            let outcome = try WorkspaceWrite(access: access, options: writing).perform { snapshot in
                let (found, kind) = try DocumentFile.locate(reference, root: access.root)
                path = found
                guard let bytes = FileSystem.readBytes(access.root + "/" + found) else {
                    throw CLIError("\(found): cannot be read")
                }
                var editor: FrontMatterEditor
                do {
                    editor = try FrontMatterEditor(bytes)
                } catch let error as FrontMatterEditError {
                    throw CLIError("\(found):\(error.location.map { "\($0):" } ?? "") \(error.message)")
                }
                let before = editor.frontMatter
                do {
                    try update.apply(to: &editor, kind: kind)
                } catch let error as FrontMatterEditError {
                    throw CLIError("\(found): \(error.message). Nothing was written.")
                }
                changes = FieldDiff.compare(before, editor.frontMatter)
                guard editor.bytes != bytes else { return WorkspaceWrite.Change(files: [:], message: "") }
                return WorkspaceWrite.Change(files: [found: editor.bytes],
                                             message: CommitMessage.update(reference, changes))
            }
            guard !outcome.paths.isEmpty else {
                Terminal.standardOutput.write("\(reference): nothing changed (the values are already so)\n")
                return
            }
            let style = Style(for: .standardOutput)
            var out = style.bold("updated \(reference)") + " (\(path))\n"
            out += CommitMessage.changeLines(changes).map { "  " + $0 + "\n" }.joined()
            out += CommitMessage.outcome(outcome)
            Terminal.standardOutput.write(out)
        }
    }
}
