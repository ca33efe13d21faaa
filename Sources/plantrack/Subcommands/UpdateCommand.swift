import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

/// `plantrack update ITEM …`: records progress by editing the front matter in place.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Record progress on an activity, goal or plan: edits only the values that change, then commits.",
        discussion: """
            Only the characters of the changed values change; comments, key order, quoting, blank lines \
            and the body keep every byte, and a new key goes after the field that precedes it in the \
            format's order. Setting an activity's status to done sets completed (to --date, default \
            today) and progress 100; leaving done removes completed; cancelling needs --reason; progress \
            or money recorded on a planned activity starts it (in-progress). The list options add, change \
            and remove entries of goals, partners, tasks, follow-ups, serves, indicators, funding and \
            areas; additions come before removals, and removing the last entry removes the key. \
            The workspace is validated with \
            the change before anything is written; the file is written atomically and, unless --no-commit, \
            committed alone with your git identity. See docs/cycle.md.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Argument(
        help: ArgumentHelp(
            "The item: county/year/id (a goal or activity), county/year (a plan) or county.",
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

    @Option(
        help: ArgumentHelp(
            "The day of the change: completed when done, the note's date (default: today).",
            valueName: "date"))
    var date: CalendarDate?

    @Option(help: ArgumentHelp("Why the activity is cancelled (required with --status cancelled).", valueName: "text"))
    var reason: String?

    // Lists of an activity.
    @Option(
        name: .customLong("add-goal"),
        help: ArgumentHelp("Activity: add a short-term goal it contributes to (repeatable).", valueName: "goal"))
    var addGoal: [String] = []

    @Option(name: .customLong("remove-goal"), help: ArgumentHelp("Activity: remove a goal from its goals (repeatable).", valueName: "goal"))
    var removeGoal: [String] = []

    @Option(name: .customLong("add-partner"), help: ArgumentHelp("Activity: add a partner (repeatable).", valueName: "name"))
    var addPartner: [String] = []

    @Option(name: .customLong("remove-partner"), help: ArgumentHelp("Activity: remove a partner (repeatable).", valueName: "name"))
    var removePartner: [String] = []

    @Option(name: .customLong("add-task"), help: ArgumentHelp("Activity: add a task, not done (repeatable).", valueName: "title"))
    var addTask: [String] = []

    @Option(
        name: .customLong("task-done"),
        help: ArgumentHelp("Activity: mark a task done, named by its number (1 = the first) or title (repeatable).", valueName: "n|title"))
    var taskDone: [String] = []

    @Option(
        name: .customLong("remove-task"),
        help: ArgumentHelp("Activity: remove a task, named by its number or title (repeatable).", valueName: "n|title"))
    var removeTask: [String] = []

    @Option(
        name: .customLong("remove-followup"),
        help: ArgumentHelp("Activity: remove a follow-up, named by its date or number (repeatable).", valueName: "date|n"))
    var removeFollowup: [String] = []

    // Lists of a goal.
    @Option(
        name: .customLong("add-serves"),
        help: ArgumentHelp("Short-term goal: add a long-term goal it serves (repeatable).", valueName: "goal"))
    var addServes: [String] = []

    @Option(name: .customLong("remove-serves"), help: ArgumentHelp("Goal: remove a goal from serves (repeatable).", valueName: "goal"))
    var removeServes: [String] = []

    @Option(
        help: ArgumentHelp(
            "Goal: add the indicator with this id, or change it, with --title, --unit, --direction, --baseline, --target.", valueName: "id")
    )
    var indicator: String?

    @Option(help: ArgumentHelp("With --indicator: its title.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("With --indicator: its unit (percent, count, days, sek, ratio).", valueName: "unit"))
    var unit: String?

    @Option(help: ArgumentHelp("With --indicator: increase or decrease (which way is better).", valueName: "direction"))
    var direction: String?

    @Option(help: ArgumentHelp("With --indicator: its baseline.", valueName: "value@date"))
    var baseline: String?

    @Option(help: ArgumentHelp("With --indicator: its target.", valueName: "value@date"))
    var target: String?

    @Option(
        name: .customLong("remove-indicator"),
        help: ArgumentHelp("Goal: remove an indicator and its measurements (repeatable).", valueName: "id"))
    var removeIndicator: [String] = []

    // Lists of a plan.
    @Option(
        help: ArgumentHelp("Plan: add a funding stream or change its amount, in whole kronor (repeatable).", valueName: "stream=amount"))
    var funding: [String] = []

    @Option(name: .customLong("remove-funding"), help: ArgumentHelp("Plan: remove a funding stream (repeatable).", valueName: "stream"))
    var removeFunding: [String] = []

    @Option(
        name: .customLong("add-area"),
        help: ArgumentHelp("Plan: add an area, id=Title (a sub-area as id=Title@parent; repeatable).", valueName: "area"))
    var addArea: [String] = []

    @Option(name: .customLong("remove-area"), help: ArgumentHelp("Plan: remove an area (repeatable).", valueName: "id"))
    var removeArea: [String] = []

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set any field; dotted paths reach into records (period.end). Values have YAML meaning: 42 is a number, true a boolean (repeatable).",
            valueName: "field=value"))
    var fields: [String] = []

    func validate() throws {
        let reference = try ItemReference.argument(item)
        if let status {
            // A plan's or an activity's status word; a Swedish one names the value meant.
            let allowed =
                reference.id == nil
                ? ["draft", "adopted", "closed"] : ["planned", "in-progress", "done", "delayed", "cancelled"]
            if !allowed.contains(status), let english = SchemaHints.englishValue(for: status, allowed: allowed) {
                throw ValidationError(
                    "--status \(status): write --status \(english) (\(status)); the files use the "
                        + "English words \(allowed.joined(separator: ", ")), reports show them in Swedish")
            }
        }
        if let assessment {
            let allowed = ["not-assessed", "on-track", "at-risk", "off-track", "achieved"]
            if !allowed.contains(assessment), let english = SchemaHints.englishValue(for: assessment, allowed: allowed) {
                throw ValidationError(
                    "--assessment \(assessment): write --assessment \(english) (\(assessment)); the files "
                        + "use the English words \(allowed.joined(separator: ", ")), reports show them in Swedish")
            }
        }
        for text in measure where ItemUpdate.Measurement(parsing: text) == nil {
            throw ValidationError("--measure \(text): write INDICATOR=VALUE@DATE, e.g. andel-sip=42.5@2021-06-30")
        }
        for text in fields where Self.field(text) == nil {
            throw ValidationError("--set \(text): write FIELD=VALUE, e.g. owner=Samverkanskansliet or period.end=2021-12-31")
        }
        for text in funding where Self.funding(text) == nil {
            throw ValidationError(
                "--funding \(text): write STREAM=AMOUNT with the amount in whole kronor, digits only, e.g. \"Stärkt samverkan=300000\"")
        }
        for text in addArea where Self.area(text) == nil {
            throw ValidationError("--add-area \(text): write id=Title (a sub-area as id=Title@parent), e.g. bu=Barn och unga")
        }
        if indicator == nil, title != nil || unit != nil || direction != nil || baseline != nil || target != nil {
            throw ValidationError(
                "--title, --unit, --direction, --baseline and --target describe an indicator: give --indicator ID too (other fields: --set FIELD=VALUE)"
            )
        }
        if let indicator, !Identifier.isValid(indicator) {
            throw ValidationError("--indicator \(indicator): an indicator id is a lowercase slug, e.g. andel-sip")
        }
        for (option, text) in [("--baseline", baseline), ("--target", target)] {
            if let text, IndicatorChange.Point(parsing: text) == nil {
                throw ValidationError("\(option) \(text): write VALUE@DATE, e.g. 42.5@2021-12-31")
            }
        }
        if let progress, !(0...100).contains(progress) {
            throw ValidationError("--progress must be between 0 and 100 (got \(progress))")
        }
        if try makeUpdate(by: nil).isEmpty {
            throw ValidationError(
                "nothing to change: give --status, --progress, --spent, --assessment, --measure, --note, a list option (--add-goal, --funding, --indicator, …) or --set"
            )
        }
    }

    static func field(_ text: String) -> (path: [String], text: String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else { return nil }
        return (path, String(text[text.index(after: equals)...]))
    }

    /// `STREAM=AMOUNT`, split at the last `=` (a stream's name may hold one).
    static func funding(_ text: String) -> (stream: String, amount: Int)? {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let stream = String(text[..<equals])
        let digits = text[text.index(after: equals)...]
        guard !stream.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int(digits) else {
            return nil
        }
        return (stream, amount)
    }

    /// `id=Title` or `id=Title@parent`.
    static func area(_ text: String) -> (id: String, title: String, parent: String?)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let id = String(text[..<equals])
        var title = String(text[text.index(after: equals)...])
        var parent: String?
        if let at = title.lastIndex(of: "@"), Identifier.isValid(String(title[title.index(after: at)...])) {
            parent = String(title[title.index(after: at)...])
            title = String(title[..<at])
        }
        guard Identifier.isValid(id), !title.isEmpty else { return nil }
        return (id, title, parent)
    }

    /// The list edits asked for: additions and changes first, then tasks marked done, then
    /// removals, so that replacing an entry (`--add-goal a --remove-goal b`) never passes
    /// through an empty list.
    private var listEdits: [ListEdit] {
        var edits: [ListEdit] =
            addGoal.map(ListEdit.addGoal) + addPartner.map(ListEdit.addPartner)
            + addTask.map(ListEdit.addTask) + addServes.map(ListEdit.addServes)
        edits += funding.compactMap(Self.funding).map { ListEdit.setFunding(stream: $0.stream, amountSEK: $0.amount) }
        if let indicator {
            edits.append(
                .setIndicator(
                    IndicatorChange(
                        id: indicator, title: title, unit: unit, direction: direction,
                        baseline: baseline.flatMap(IndicatorChange.Point.init(parsing:)),
                        target: target.flatMap(IndicatorChange.Point.init(parsing:)))))
        }
        edits += addArea.compactMap(Self.area).map { ListEdit.addArea(id: $0.id, title: $0.title, parent: $0.parent) }
        edits += taskDone.map(ListEdit.markTaskDone)
        edits +=
            removeGoal.map(ListEdit.removeGoal) + removePartner.map(ListEdit.removePartner)
            + removeTask.map(ListEdit.removeTask) + removeFollowup.map(ListEdit.removeFollowup)
            + removeServes.map(ListEdit.removeServes) + removeFunding.map(ListEdit.removeFunding)
            + removeIndicator.map(ListEdit.removeIndicator) + removeArea.map(ListEdit.removeArea)
        return edits
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
        update.listEdits = listEdits
        return update
    }

    func run() throws {
        try reportingErrors {
            let reference = try ItemReference.argument(item)
            let access = try WorkspaceAccess(workspace)
            let author = try? access.history.configuredAuthor().name
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
                guard editor.bytes != bytes else { return WorkspaceChange(files: [:], message: "") }
                // Links added here are reviewed now: each gets a stamp (docs/review.md).
                var edited = editor.bytes
                do {
                    edited = try LinkReview.stamping(
                        LinkReview.addedLinks(kind: kind, before: before, after: editor.frontMatter), of: reference,
                        path: found, bytes: edited, in: snapshot, on: update.today)
                } catch {
                    throw CLIError("\(found): cannot stamp the links added: \(error)")
                }
                return WorkspaceChange(
                    files: [found: edited],
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
