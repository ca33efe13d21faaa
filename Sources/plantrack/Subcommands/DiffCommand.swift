import ArgumentParser
import PlantrackCore
import PlantrackGit

/// `plantrack diff`: what changed between two versions or two plan years, item by item.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare plans semantically: items by identity, fields by name, bodies by word.",
        discussion: """
            plantrack diff                   HEAD against the working tree (like git diff)
            plantrack diff --staged          HEAD against the index
            plantrack diff FROM [TO]         two revisions (FROM..TO also works); TO defaults to the working tree
            plantrack diff --plans stockholm/2020 stockholm/2021 [--rev REV]
                                             two plan years of one workspace version
            Items match by county/year/id, across years by id or carried_from; a file moved with its \
            id kept is 'moved'. See docs/json.md for --format json and docs/git-integration.md for git.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("Revisions (FROM, TO or FROM..TO), or with --plans two plans.", valueName: "what"))
    var arguments: [String] = []

    @Flag(name: .long, help: "Compare HEAD with the index (what is staged).")
    var staged = false

    @Flag(name: .long, help: "Compare two plan years, such as stockholm/2020 stockholm/2021.")
    var plans = false

    @Option(name: .long, help: ArgumentHelp("With --plans: read the plans at this revision (default: the working tree).", valueName: "rev"))
    var rev: String?

    @Option(name: .long, help: ArgumentHelp("Only this county's items.", valueName: "county"))
    var county: String?

    @Option(name: .long, help: ArgumentHelp("Only documents of this kind.", valueName: "kind"))
    var kind: DiffKindOption?

    @Option(name: .long, help: ArgumentHelp("Only this item (county/year/id or an id).", valueName: "item"))
    var item: String?

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    @Flag(name: .long, help: "Print only the summary per plan.")
    var stat = false

    @Option(
        help: ArgumentHelp(
            "Language of the text and Markdown labels: sv or en (default: workspace.yaml's language, else sv); JSON is always English.",
            valueName: "lang"))
    var lang: ReportLanguage?

    @Option(name: .long, help: .hidden)
    var textconv: String?

    @Flag(name: .customLong("git-external-diff"), help: .hidden)
    var gitExternalDiff = false

    func validate() throws {
        if textconv != nil || gitExternalDiff { return }
        if plans {
            guard arguments.count == 2, arguments.allSatisfy({ ItemReference($0)?.year != nil && ItemReference($0)?.id == nil }) else {
                throw ValidationError("--plans takes two plans written county/year, e.g. --plans stockholm/2020 stockholm/2021.")
            }
            if staged { throw ValidationError("--plans and --staged cannot be used together; use --rev to pick a revision.") }
        } else {
            if rev != nil { throw ValidationError("--rev goes with --plans; to compare revisions write: plantrack diff FROM TO.") }
            if arguments.count > 2 { throw ValidationError("give at most two revisions: plantrack diff FROM TO.") }
            if staged && !arguments.isEmpty { throw ValidationError("--staged compares HEAD with the index; it takes no revisions.") }
        }
    }

    func run() throws {
        if let textconv {
            try DiffDriver.textconv(textconv)
            return
        }
        if gitExternalDiff {
            try DiffDriver.externalDiff(
                arguments, format: format,
                language: lang ?? Self.workspaceLanguage(root: FileSystem.currentDirectory()))
            return
        }
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let filter = DiffFilter(county: county, kind: kind?.documentKind, item: item)
            let result: DiffResult
            do {
                if plans {
                    guard let old = ItemReference(arguments[0]), let new = ItemReference(arguments[1]) else {
                        throw CLIError("bad plan references")
                    }
                    let snapshot = try access.snapshot(rev.map { .revision($0) } ?? .workingTree)
                    try checkPlansExist([old, new], in: snapshot)
                    result = try SemanticDiff.comparePlans(old, in: snapshot, new, in: snapshot, filter: filter)
                    if result.changes.isEmpty { try checkItemExists([snapshot]) }
                } else {
                    let (from, to) = try sides(access)
                    result = try SemanticDiff.compare(from: from, to: to, filter: filter)
                    if result.changes.isEmpty { try checkItemExists([from, to]) }
                }
            } catch let error as SnapshotError {
                throw CLIError("\(error)")
            }
            for finding in result.findings {
                Terminal.standardError.write("plantrack: \(finding.severity.rawValue): \(finding)\n")
            }
            DiffOutput.write(
                result, format: format, statOnly: stat,
                language: lang ?? Self.workspaceLanguage(root: access.root))
        }
    }

    /// The `language` of `Plans/workspace.yaml` under `root`; Swedish when there is none
    /// (the setting's default), as for reports.
    static func workspaceLanguage(root: String) -> ReportLanguage {
        let path = DocumentLayout.settingsPath
        guard let bytes = FileSystem.readBytes(root + "/" + path),
            case .success(let settings) = DocumentReader().read(bytes, path: path, kind: .workspace, reference: nil),
            let code = settings.frontMatter["language"]?.string
        else { return .sv }
        return ReportLanguage(rawValue: String(code.prefix(2)).lowercased()) ?? .sv
    }

    /// That both plan years exist: comparing with a plan that is not there would list all of
    /// the other plan's items as added or removed. Exit 2, naming the plans that exist.
    private func checkPlansExist(_ plans: [ItemReference], in snapshot: some Snapshot) throws {
        // A plan year exists when its folder holds a document (its plan.md, or items only).
        let planYears = Set(try ItemSuggestions.references(in: snapshot).compactMap(\.plan))
        for plan in plans where !planYears.contains(plan) {
            let sameCounty = planYears.filter { $0.county == plan.county }.sorted()
            let others = sameCounty.isEmpty ? planYears.sorted() : sameCounty
            let list = others.isEmpty ? "there are no plans" : "the plans there are: " + others.map(\.description).joined(separator: ", ")
            throw CLIError(
                "there is no plan \(plan) in \(CLIError.source(snapshot.label)) (nothing in \(DocumentLayout.plansFolder)/\(plan.county)/\(plan.year ?? 0)/); \(list)"
            )
        }
    }

    /// With `--item`, that the item is on one side at least: a typo is "not found" (exit 1,
    /// with the nearest references), not "no changes".
    private func checkItemExists(_ snapshots: [any Snapshot]) throws {
        guard let item else { return }
        var existing: [ItemReference] = []
        for snapshot in snapshots { existing += try ItemSuggestions.references(in: snapshot) }
        if existing.contains(where: { $0.description == item || ($0.id != nil && $0.id == item) }) { return }
        throw CLIError.notFound(item, in: snapshots.map { CLIError.source($0.label) }.joined(separator: " or "), among: existing)
    }

    /// The two snapshots the revision arguments name.
    private func sides(_ access: WorkspaceAccess) throws -> (any Snapshot, any Snapshot) {
        var revisions = arguments
        if revisions.count == 1, let range = revisions[0].range(of: "..") {
            let from = String(revisions[0][..<range.lowerBound])
            let to = String(revisions[0][range.upperBound...])
            revisions = [from.isEmpty ? "HEAD" : from, to.isEmpty ? "HEAD" : to]
        }
        let from = try access.snapshot(.revision(revisions.first ?? "HEAD"))
        if revisions.count == 2 { return (from, try access.snapshot(.revision(revisions[1]))) }
        return (from, try access.snapshot(staged ? .index : .workingTree))
    }
}

/// `--format` of `plantrack diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case markdown
    case json
}

/// `--kind` of `plantrack diff`.
enum DiffKindOption: String, ExpressibleByArgument, CaseIterable {
    case workspace, county, plan, goal, activity

    var documentKind: DocumentKind { DocumentKind(rawValue: rawValue) ?? .activity }
}
