import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

/// `plantrack review`: links to goals that changed since the links were reviewed, and
/// `--accept`/`--all` to confirm them (docs/review.md).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List links to goals that changed since the links were reviewed, or confirm them.",
        discussion: """
            A link (an activity's goals entry, a goal's serves entry) carries a review stamp in \
            link_reviews: the goal's fingerprint, made of the fields that count for its meaning \
            (goal_meaning in Plans/workspace.yaml), and the day. Without --accept or --all, lists \
            every link whose goal changed since (of PLAN: county/year or county), grouped by goal, with \
            what changed in the goal since the stamped version (found in the first-parent history). \
            Exit status 0 either way; validate reports the same links as links.suspect warnings. \
            --accept ITEM [--goal GOAL] and --all [PLAN] write the goal's fingerprint now and today's date into the stamps (only \
            those lines change), validate the workspace with the change and commit it. Links without \
            a stamp are stamped too. See docs/review.md; JSON output is described in docs/json.md.
            """
    )

    /// Output formats of review.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var version: VersionOptions<ReviewCommand>

    @Argument(
        help: ArgumentHelp(
            "Only links of this plan (county/year) or county's plans; with --all, the links to confirm (default: every plan).",
            valueName: "plan"))
    var scope: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "Confirm the links of this activity or goal (county/year/id): restamp, validate, commit.",
            valueName: "item"))
    var accept: String?

    @Option(help: ArgumentHelp("With --accept: only the link to this goal (its id).", valueName: "goal"))
    var goal: String?

    @Flag(help: "Confirm every link of the plan, county or workspace named (a meeting's review): restamp, validate, commit.")
    var all = false

    @OptionGroup var writing: WriteOptions

    func validate() throws {
        try version.checkOneVersion()
        if accept != nil && all {
            throw ValidationError("--accept and --all cannot be used together: confirm one item's links, or a plan's.")
        }
        if goal != nil && accept == nil {
            throw ValidationError("--goal names a link of the item --accept names: give --accept ITEM too.")
        }
        if accept != nil && scope != nil {
            throw ValidationError("--accept names one item: leave out the plan argument.")
        }
        if (accept != nil || all) && (version.rev != nil || version.asOf != nil) {
            throw ValidationError("--accept and --all change the working tree: leave out --rev and --as-of.")
        }
    }

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            if let accept {
                try confirm(.item(try reference(accept, isPlan: false), goal: goal), access: access)
            } else if all {
                try confirm(.plans(try scopeReference()), access: access)
            } else {
                try list(access: access)
            }
        }
    }

    /// The plan (`county/year`) or county the argument names; nil without one.
    private func scopeReference() throws -> ItemReference? {
        guard let scope else { return nil }
        if !scope.contains("/") { return ItemReference(county: scope) }
        return try reference(scope, isPlan: true)
    }

    private func reference(_ text: String, isPlan: Bool) throws -> ItemReference {
        guard let reference = ItemReference(text), reference.year != nil, (reference.id == nil) == isPlan else {
            throw CLIError(
                isPlan
                    ? "\(text): name a plan as county/year, e.g. stockholm/2026"
                    : "\(text): name an activity or goal as county/year/id, e.g. stockholm/2026/bu-p1")
        }
        return reference
    }

    private func list(access: WorkspaceAccess) throws {
        let history = access.history
        let filter = try scopeReference()
        let (loaded, revision) = try FigureNotices.mappingErrors {
            let version = try WorkspaceVersion(rev: version.rev, asOf: version.asOf, in: history, today: .today())
            var links = try SuspectLinks.find(
                in: version.snapshot, filter: SuspectLinks.Filter(county: filter?.county, plan: filter?.year == nil ? nil : filter))
            try links.explain(from: version.revision, in: history, current: version.snapshot)
            return (links, version.revision)
        }
        FindingPrinter(to: .standardError).print(loaded.findings)
        let out = Terminal.standardOutput
        switch format {
        case .text: out.write(ReviewOutput.text(loaded, style: Style(for: out)))
        case .markdown: out.write(ReviewOutput.markdown(loaded))
        case .json: out.write(ReviewOutput.json(loaded, revision: revision).prettyText + "\n")
        }
    }

    private func confirm(_ target: LinkReview.Target, access: WorkspaceAccess) throws {
        let write = WorkspaceWrite(access: access, options: writing)
        var stamped: [LinkReview.Stamped] = []
        let subject: String
        switch target {
        case .item(let item, let goal): subject = goal.map { "the link of \(item) to \($0)" } ?? "the links of \(item)"
        case .plans(let scope?) where scope.year != nil: subject = "the links of plan \(scope)"
        case .plans(let scope?): subject = "the links of county \(scope.county)"
        case .plans(nil): subject = "every link of the workspace"
        }
        do {
            // Nothing to write is no change: checked on the working tree before the write path.
            let probe = try LinkReview.accept(target, in: access.history.workingTree(), on: .today())
            guard !probe.stamped.isEmpty else {
                Terminal.standardOutput.write("\(subject): every link is reviewed already; nothing to change\n")
                return
            }
        } catch {
            throw CLIError(error.message, status: error.notFound ? ExitStatus.findings : ExitStatus.usage)
        }
        let outcome = try write.perform { snapshot in
            let accepted: (files: [String: [UInt8]], stamped: [LinkReview.Stamped])
            do {
                accepted = try LinkReview.accept(target, in: snapshot, on: write.writer.today)
            } catch let error as LinkReview.Failure {
                throw CLIError(error.message, status: error.notFound ? ExitStatus.findings : ExitStatus.usage)
            }
            stamped = accepted.stamped
            let count = EnglishWords.count(accepted.stamped.count, "link")
            return WorkspaceChange(files: accepted.files, message: "review: confirm \(subject) (\(count))")
        }
        let out = Terminal.standardOutput
        for item in stamped {
            let was = item.previous.map { "was \($0.fingerprint ?? "?") on \($0.date?.description ?? "?")" } ?? "no stamp before"
            out.write("\(item.item) → \(item.goal): reviewed \(item.stamp.date?.description ?? "") (\(was))\n")
        }
        let commit = outcome.commit.map { " in \($0.shortID)" } ?? " (not committed)"
        out.write("\(EnglishWords.count(stamped.count, "link")) confirmed\(commit)\n")
    }
}

extension ReviewCommand: VersionAction {
    static let action = "Review"
}
