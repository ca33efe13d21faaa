import ArgumentParser
import PlantrackCore
import PlantrackGit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `plantrack new county|plan|goal|activity …`: a valid new document from flags.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a county, plan, goal or activity from flags: checked, written, committed.",
        discussion: """
            The id is checked for format and uniqueness in its plan; a goal's or activity's area, \
            goals and serves are checked against the plan. With --edit (and a terminal) the new file \
            opens in $EDITOR (or $VISUAL) before it is committed; it is committed only if it still \
            validates.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case county, plan, goal, activity
    }

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var writing: WriteOptions

    @Argument(help: "What to create: county, plan, goal or activity.")
    var kind: Kind

    @Argument(help: ArgumentHelp("Its name: county, county/year or county/year/id.", valueName: "item"))
    var item: String

    @Option(help: "Title (plan, goal, activity) or name (county, e.g. \"Stockholms län\").")
    var title: String?

    @Option(help: ArgumentHelp("County: the two-digit county code.", valueName: "nn"))
    var code: String?

    @Option(
        help: ArgumentHelp(
            "Plan: an area, id=Title (repeatable; a sub-area as id=Title@parent). Goal, activity: the plan's area it belongs to.",
            valueName: "area"))
    var area: [String] = []

    @Option(help: ArgumentHelp("Plan: the version (default 1).", valueName: "n"))
    var version: Int = 1

    @Option(help: ArgumentHelp("Goal: long or short.", valueName: "term"))
    var term: String?

    @Option(help: ArgumentHelp("Goal (short-term): a long-term goal it serves (repeatable).", valueName: "goal"))
    var serves: [String] = []

    @Option(help: ArgumentHelp("Activity: prioritized or ongoing (default prioritized).", valueName: "priority"))
    var priority: String = "prioritized"

    @Option(help: ArgumentHelp("Activity: a goal it contributes to (repeatable).", valueName: "goal"))
    var goal: [String] = []

    @Option(help: "Activity: who is responsible.")
    var owner: String?

    @Option(help: ArgumentHelp("Activity: start date.", valueName: "date"))
    var start: CalendarDate?

    @Option(help: ArgumentHelp("Activity: due date.", valueName: "date"))
    var due: CalendarDate?

    @Option(help: ArgumentHelp("Activity: budget in whole kronor.", valueName: "sek"))
    var budget: Int?

    @Option(name: .customLong("funding-stream"), help: ArgumentHelp("Activity: the funding stream.", valueName: "stream"))
    var fundingStream: String?

    @Option(help: ArgumentHelp("Activity: a partner organisation (repeatable).", valueName: "name"))
    var partner: [String] = []

    @Option(help: ArgumentHelp("Activity: a task, not done (repeatable).", valueName: "title"))
    var task: [String] = []

    @Option(
        help: ArgumentHelp("The description: the Markdown body below the front matter (default: a line to fill in).", valueName: "text"))
    var description: String?

    @Option(
        name: .customLong("body-file"),
        help: ArgumentHelp("Read the description (Markdown body) from a file; - reads standard input.", valueName: "file"))
    var bodyFile: String?

    @Flag(help: "Open the new file in $EDITOR before committing (only when run in a terminal).")
    var edit = false

    func validate() throws {
        guard let reference = ItemReference(item) else {
            throw ValidationError(
                "'\(item)' is not a valid name: ids are lowercase slugs ([a-z0-9][a-z0-9-]*, at most 64 characters); write county, county/year or county/year/id"
            )
        }
        let shape: (Bool, Bool)
        switch kind {
        case .county: shape = (reference.year == nil, true)
        case .plan: shape = (reference.year != nil && reference.id == nil, true)
        case .goal, .activity: shape = (reference.id != nil, true)
        }
        guard shape.0 else {
            let example =
                [
                    "county": "stockholm", "plan": "stockholm/2026", "goal": "stockholm/2026/bu-lt-1",
                    "activity": "stockholm/2026/bu-p1",
                ][kind.rawValue] ?? ""
            throw ValidationError("\(EnglishWords.withArticle(kind.rawValue)) is named like \(example), not '\(item)'")
        }
        guard title != nil else { throw ValidationError("--title is required (for a county: its name)") }
        if kind == .county, code == nil { throw ValidationError("--code is required for a county (two digits, e.g. 01)") }
        if kind == .plan, area.isEmpty { throw ValidationError("a plan needs at least one --area id=Title") }
        if kind == .goal, term == nil { throw ValidationError("--term long|short is required for a goal") }
        if kind != .activity, !partner.isEmpty || !task.isEmpty {
            throw ValidationError("--partner and --task are for an activity, not a \(kind.rawValue)")
        }
        if description != nil, bodyFile != nil {
            throw ValidationError("give the description with --description or --body-file, not both")
        }
        if kind == .goal || kind == .activity, area.count != 1 || area[0].contains("=") {
            throw ValidationError("\(EnglishWords.withArticle(kind.rawValue)) needs one --area: the id of the plan's area it belongs to")
        }
    }

    /// A goal's or activity's area.
    private var inArea: String? { kind == .goal || kind == .activity ? area.first : nil }

    func run() throws {
        try reportingErrors {
            guard let reference = ItemReference(item), let title else { throw CLIError("bad item '\(item)'") }
            let access = try WorkspaceAccess(workspace)
            let documentKind = DocumentKind(rawValue: kind.rawValue) ?? .activity
            let path = DocumentLayout.path(of: documentKind, reference)
            var options = writing
            let editing = edit && isatty(0) == 1 && isatty(1) == 1
            if editing { options.commit = false }
            let body = try self.body(for: documentKind)
            let outcome = try WorkspaceWrite(access: access, options: options).perform { snapshot in
                let contents = try Workspace.read(from: snapshot)
                try checkPlace(reference, kind: documentKind, in: contents, root: access.root)
                var bytes: [UInt8]
                do {
                    bytes = try Scaffold.document(
                        documentKind, fields: try fields(reference, title: title),
                        body: body)
                } catch let error as FrontMatterEditError {
                    throw CLIError("cannot write the \(kind.rawValue): \(error)")
                }
                // The links made here are reviewed now: each gets a stamp (docs/review.md).
                let links = documentKind == .activity ? goal : documentKind == .goal ? serves : []
                do {
                    bytes = try LinkReview.stamping(links, of: reference, path: path, bytes: bytes, in: snapshot, on: .today())
                } catch {
                    throw CLIError("cannot stamp the links of \(reference): \(error)")
                }
                return WorkspaceChange(files: [path: bytes], message: "new \(kind.rawValue) \(reference): \(title)\n")
            }
            var out = "created \(kind.rawValue) \(reference) (\(path))\n"
            if editing {
                try openEditor(access.root + "/" + path)
                out += try commitAfterEditing(path, reference: reference, access: access)
            } else {
                out += CommitMessage.outcome(outcome)
            }
            Terminal.standardOutput.write(out)
        }
    }

    /// The Markdown body: `--description`, the file of `--body-file`, or the scaffold's line
    /// to fill in. Separated from the front matter by a blank line, ending with a line break.
    private func body(for kind: DocumentKind) throws -> String {
        var text: String
        if let description {
            text = description
        } else if let bodyFile {
            guard let bytes = FileSystem.readBytes(bodyFile == "-" ? "/dev/stdin" : bodyFile) else {
                throw CLIError("--body-file \(bodyFile): cannot be read")
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw CLIError("--body-file \(bodyFile): is not UTF-8 text; save it as UTF-8")
            }
            text = decoded
        } else {
            return Scaffold.body(for: kind)
        }
        while text.hasPrefix("\n") { text.removeFirst() }
        if !text.hasSuffix("\n") { text += "\n" }
        return "\n" + text
    }

    /// Refuses a duplicate id and references the plan does not have.
    private func checkPlace(_ reference: ItemReference, kind: DocumentKind, in contents: Workspace, root: String) throws {
        let existing = contents.documents.first { $0.reference == reference && $0.kind != .workspace }
        if let existing {
            throw CLIError("\(reference) already exists (\(existing.path)); ids are unique within a plan. Nothing was written.")
        }
        // A goal and an activity share the plan's ids.
        let clashing: [DocumentKind] = kind == .goal || kind == .activity ? [.goal, .activity] : [kind]
        for other in clashing where FileSystem.exists(root + "/" + DocumentLayout.path(of: other, reference)) {
            throw CLIError("\(reference) already exists (\(DocumentLayout.path(of: other, reference))). Nothing was written.")
        }
        switch kind {
        case .plan:
            guard contents.documents.contains(where: { $0.kind == .county && $0.reference?.county == reference.county }) else {
                throw CLIError(
                    "there is no county \(reference.county); create it first: plantrack new county \(reference.county) --title NAME --code NN"
                )
            }
        case .goal, .activity:
            guard let planReference = reference.plan,
                let plan = contents.documents.first(where: { $0.kind == .plan && $0.reference == planReference })
            else {
                let years = contents.documents.filter { $0.kind == .plan && $0.reference?.county == reference.county }
                    .compactMap { $0.reference?.year.map(String.init) }.sorted()
                throw CLIError(
                    "there is no plan \(reference.plan?.description ?? item); create it first with plantrack new plan or revise"
                        + (years.isEmpty ? "" : " (\(reference.county) has plans for \(years.joined(separator: ", ")))"))
            }
            let areas = (plan.frontMatter["areas"]?.sequence ?? []).compactMap { $0.mapping?["id"]?.string }
            if let inArea, !areas.contains(inArea) {
                throw CLIError("the plan \(planReference) has no area '\(inArea)' (it has: \(areas.joined(separator: ", ")))")
            }
            let goals = contents.documents.filter { $0.kind == .goal && $0.reference?.plan == planReference }
            let goalIDs = Set(goals.compactMap { $0.reference?.id })
            let longTerm = Set(goals.filter { $0.frontMatter["term"]?.string == "long" }.compactMap { $0.reference?.id })
            for id in goal where !goalIDs.contains(id) {
                throw CLIError(
                    "the plan \(planReference) has no goal '\(id)'"
                        + (Suggestion.closest(to: id, among: goalIDs).map { "; did you mean \($0)?" } ?? ""))
            }
            for id in serves where !longTerm.contains(id) {
                throw CLIError("'\(id)' is not a long-term goal of \(planReference); a short-term goal serves long-term goals")
            }
        case .county, .workspace, .followup:
            break
        }
    }

    private func fields(_ reference: ItemReference, title: String) throws -> [EditField] {
        func list(_ values: [String]) -> EditValue { .sequence(values.map { .string($0) }) }
        switch kind {
        case .county:
            return [
                EditField("id", .string(reference.county)), EditField("name", .string(title)),
                EditField("code", .string(code ?? "")),
            ]
        case .plan:
            let year = reference.year ?? 0
            let areas = try area.map { text -> EditValue in
                guard let equals = text.firstIndex(of: "=") else { throw CLIError("--area \(text): write id=Title") }
                let id = String(text[..<equals])
                var rest = String(text[text.index(after: equals)...])
                var parent: String?
                if let at = rest.lastIndex(of: "@"), Identifier.isValid(String(rest[rest.index(after: at)...])) {
                    parent = String(rest[rest.index(after: at)...])
                    rest = String(rest[..<at])
                }
                guard Identifier.isValid(id) else { throw CLIError("--area \(text): '\(id)' is not an id") }
                var fields = [EditField("id", .string(id)), EditField("title", .string(rest))]
                if let parent { fields.append(EditField("parent", .string(parent))) }
                return .mapping(fields)
            }
            return [
                EditField("county", .string(reference.county)), EditField("year", .integer(year)),
                EditField("title", .string(title)), EditField("version", .integer(version)),
                EditField("status", .string("draft")),
                EditField(
                    "period",
                    .mapping([
                        EditField("start", .string("\(year)-01-01")),
                        EditField("end", .string("\(year)-12-31")),
                    ])),
                EditField("areas", .sequence(areas)),
            ]
        case .goal:
            var fields = [
                EditField("id", .string(reference.id ?? "")), EditField("title", .string(title)),
                EditField("term", .string(term ?? "")), EditField("area", .string(inArea ?? "")),
            ]
            if !serves.isEmpty { fields.append(EditField("serves", list(serves))) }
            fields.append(EditField("assessment", .string("not-assessed")))
            return fields
        case .activity:
            var fields = [
                EditField("id", .string(reference.id ?? "")), EditField("title", .string(title)),
                EditField("area", .string(inArea ?? "")), EditField("priority", .string(priority)),
            ]
            if !goal.isEmpty { fields.append(EditField("goals", list(goal))) }
            fields.append(EditField("status", .string("planned")))
            if let owner { fields.append(EditField("owner", .string(owner))) }
            if let start { fields.append(EditField("start", .string(start.description))) }
            if let due { fields.append(EditField("due", .string(due.description))) }
            fields.append(EditField("progress", .integer(0)))
            if let fundingStream { fields.append(EditField("funding_stream", .string(fundingStream))) }
            if let budget { fields.append(EditField("budget_sek", .integer(budget))) }
            if !partner.isEmpty { fields.append(EditField("partners", list(partner))) }
            if !task.isEmpty {
                fields.append(
                    EditField(
                        "tasks",
                        .sequence(
                            task.map {
                                .mapping([EditField("title", .string($0)), EditField("done", .bool(false))])
                            })))
            }
            return fields
        }
    }

    /// Runs `$VISUAL` or `$EDITOR` (through the shell, so it may carry arguments) on `path`.
    private func openEditor(_ path: String) throws {
        let environment = ProcessEnvironment.value("VISUAL") ?? ProcessEnvironment.value("EDITOR") ?? "vi"
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", "\(environment) \"$1\"", "sh", path]
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, environ) == 0 else {
            throw CLIError("cannot start the editor '\(environment)'; the file is written but not committed")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// After editing: validate and commit the file if it is still valid.
    private func commitAfterEditing(_ path: String, reference: ItemReference, access: WorkspaceAccess) throws -> String {
        let snapshot = DirectorySnapshot(root: access.root)
        let (schemas, _) = try DocumentSchemas.load(from: snapshot)
        guard let schemas else { return "written, not committed (the schemas cannot be used)\n" }
        let report = WorkspaceValidator(schemas: schemas, asOf: .today()).validate(try Workspace.read(from: snapshot))
        let errors = report.findings.filter { $0.path == path && $0.severity == .error }
        guard errors.isEmpty else {
            FindingPrinter().print(errors)
            return "written, not committed: fix the errors above, then commit (or run plantrack validate)\n"
        }
        guard writing.commit else { return "written, not committed (--no-commit)\n" }
        do {
            let signature = try Author.default(in: access.repository)
            let id = try access.repository.commitWorkingFiles(
                [path], message: CommitMessage.fitted("new \(kind.rawValue) \(reference)\n"),
                signature: signature)
            return "committed \(String(id.hex.prefix(7)))\n"
        } catch {
            throw CLIError("the file is written but not committed: \(error)")
        }
    }
}

/// The process environment.
enum ProcessEnvironment {
    static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
