import ArgumentParser
import PlantrackCore
import PlantrackGit

/// `plantrack report`: the steering group's page, or the yearly follow-up (redovisning).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the steering-group report or the yearly follow-up as HTML, Markdown or CSV.",
        discussion: """
            --kind status (default): headline figures, each county's traffic light and what it \
            is based on, the activities overdue, delayed or behind schedule and the goals at risk \
            or behind, money per funding stream, indicators, the trend over the plan \
            year (monthly, from git history) and, with --since, what changed since then.
            --kind redovisning --year Y: how the year's funds were used per funding stream and \
            area, and the results per plan (goals, indicators, activities with follow-up notes); \
            per plan what §6 of the agreement asks: due dates, money per stream kind and \
            principal beside the county's allocation, results of earlier plans, user \
            participation, availability, youth clinics, and what is still missing \
            (Plans/<county>/<year>/followup.md).
            Reads the working tree judged today, --rev REV (judged on the commit's date) or \
            --as-of DATE (as committed on that day). Language: --lang, else workspace.yaml's \
            language, else Swedish. A document of the report year that cannot be read or has \
            errors fails the run (exit 1) unless --allow-invalid, which writes the report with a \
            notice at the top that its figures are incomplete and which documents are missing. \
            See docs/report.md.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case status, redovisning
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown, csv
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Which report: status (for the steering group) or redovisning (the yearly follow-up).")
    var kind: Kind = .status

    @Option(help: "Output format: html or markdown (csv for redovisning).")
    var format: Format = .html

    @Option(help: ArgumentHelp("Language: sv or en (default: workspace.yaml's language, else sv).", valueName: "lang"))
    var lang: ReportLanguage?

    @OptionGroup var version: VersionOptions<ReportCommand>

    @Option(help: ArgumentHelp("Show what changed since this revision or day (YYYY-MM-DD).", valueName: "rev|date"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "The plan year (default for status: the report date's year, else the latest before it).",
            valueName: "year"))
    var year: Int?

    @Option(
        name: .customLong("county"), parsing: .upToNextOption,
        help: ArgumentHelp("Only these counties (ids, e.g. stockholm).", valueName: "county"))
    var counties: [String] = []

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var csv: CSVOptions

    @Flag(
        name: .customLong("allow-invalid"),
        help: "Write the report even when documents cannot be read or have errors, marked as incomplete.")
    var allowInvalid = false

    func validate() throws {
        try version.checkOneVersion()
        if kind == .status && format == .csv {
            throw ValidationError("--format csv is for --kind redovisning; the status report is html or markdown.")
        }
        if kind == .redovisning && year == nil {
            throw ValidationError("--kind redovisning needs --year: the plan year to follow up, e.g. --year 2025.")
        }
        try csv.checkDelimiter()
        if kind == .redovisning && since != nil {
            throw ValidationError("--since goes with the status report, not with --kind redovisning.")
        }
    }

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let history = GitHistory(repository: access.repository, root: access.root)
            let loaded = try FigureNotices.mappingErrors {
                try WorkspaceVersion.read(
                    rev: version.rev, asOf: version.asOf, in: history, today: .today(),
                    filter: RollUp.Filter(counties: counties))
            }
            let snapshot = loaded.version.snapshot
            try CLIError.refuseUnknownCounties(RollUp.Filter(counties: counties), in: snapshot)
            let language = lang ?? ReportLanguage.of(loaded.workspace) ?? .sv
            let statusWords = StatusWords(language: language, workspace: loaded.workspace)
            let countyDocuments = loaded.workspace.documents.filter { $0.kind == .county }
                .compactMap { try? County(document: $0) }
                .filter { counties.isEmpty || counties.contains($0.id) }
            let source = try sourceLabel(access, loaded: loaded, words: language.words)
            let workspaceName = loaded.workspace.documents.first { $0.kind == .workspace }?.frontMatter["name"]?.string
            guard let reportYear = year ?? SteeringReport.defaultYear(of: loaded.rollUp) else {
                try FigureNotices.refuseIncomplete(loaded.rollUp.skipped, allowInvalid: allowInvalid) {
                    IncompleteFigures.findings(leaving: loaded.rollUp.skipped, outOf: snapshot, asOf: loaded.rollUp.asOf)
                }
                throw CLIError("no plans to report on in \(loaded.version.label)")
            }
            guard loaded.rollUp.plans.contains(where: { $0.year == reportYear }) else {
                throw CLIError(
                    "no plan of \(reportYear) in \(loaded.version.label)"
                        + (counties.isEmpty ? "" : " for \(counties.joined(separator: ", "))"))
            }
            let text: String
            switch kind {
            case .status:
                var report = SteeringReport(
                    rollUp: loaded.rollUp, year: reportYear, counties: countyDocuments, workspaceName: workspaceName,
                    source: source, trend: trend(history, year: reportYear, until: loaded.rollUp.asOf),
                    changes: try changes(access, to: snapshot, language: language), countyFilter: counties)
                report.statusWords = statusWords
                text =
                    format == .markdown
                    ? ReportMarkdown.steering(report, language: language)
                    : ReportHTML.steering(report, language: language)
            case .redovisning:
                // The plans' follow-up documents (§6): one that cannot be read is missing here,
                // and `validate` says why.
                let followUps = loaded.workspace.documents.filter { $0.kind == .followup }
                    .compactMap { try? FollowUp(document: $0) }
                var report = FollowUpReport(
                    rollUp: loaded.rollUp, year: reportYear, counties: countyDocuments,
                    workspaceName: workspaceName, source: source, followUps: followUps)
                report.statusWords = statusWords
                switch format {
                case .html: text = ReportHTML.followUp(report, language: language)
                case .markdown: text = ReportMarkdown.followUp(report, language: language)
                case .csv:
                    // The notice of missing documents comes first, where a spreadsheet shows it.
                    let notice = RollUpOutput.exclusionRows(report.skipped, language.words(statusWords))
                    text = csv.writer
                        .text(notice + [FollowUpReport.csvHeader] + report.csvRows())
                }
            }
            // Only the report year's documents make this report incomplete. Checked once the
            // report is made, so that a mistyped --since is told first.
            let missing = loaded.rollUp.skipped.filter { $0.plan?.year == reportYear }
            try FigureNotices.refuseIncomplete(missing, allowInvalid: allowInvalid) {
                IncompleteFigures.findings(leaving: missing, outOf: snapshot, asOf: loaded.rollUp.asOf)
            }
            FigureNotices.reportSkipped(missing)
            if let out {
                guard FileSystem.writeText(text, to: out, mode: 0o644) else { throw CLIError("\(out): cannot write the report") }
            } else {
                Terminal.standardOutput.write(text)
            }
        }
    }

    /// What the report was made from, in the report's words: a commit, or the working tree
    /// at the commit HEAD names, clean or with changes not committed below `Plans/` or
    /// `Schemas/` (the folders the report reads).
    private func sourceLabel(_ access: WorkspaceAccess, loaded: WorkspaceVersion.Read, words: ReportWords) throws -> String {
        guard loaded.version.revision == nil else { return words.commit(loaded.version.label) }
        let repository = access.repository
        guard !repository.isHeadUnborn else { return words.workingTree(nil, false) }
        do {
            let head = try repository.snapshot(revision: "HEAD")
            let clean =
                try head.changes(to: loaded.version.snapshot, under: DocumentLayout.plansFolder).isEmpty
                && head.changes(to: loaded.version.snapshot, under: DocumentLayout.schemasFolder).isEmpty
            return words.workingTree(head.commit.shortID, clean)
        } catch {
            throw CLIError("cannot compare the working tree with HEAD: \(error)")
        }
    }

    /// Monthly points over the plan year up to the report date, from the history of HEAD;
    /// unavailable without history.
    private func trend(_ history: GitHistory, year: Int, until: CalendarDate) -> SteeringReport.TrendSection {
        guard let start = CalendarDate(year: year, month: 1, day: 1), let end = CalendarDate(year: year, month: 12, day: 31),
            !history.repository.isHeadUnborn
        else { return .unavailable }
        let last = min(end, until)
        var dates = Trend.periodEnds(since: start, until: last, every: .month)
        // The trend ends on the report date, also in the middle of a month.
        if dates.last != last && last >= start { dates.append(last) }
        let walk = TrendWalk(
            history: history, filter: RollUp.Filter(year: year, counties: counties),
            memo: RollUpMemoStore(gitFolder: history.repository.path))
        do {
            let points = try walk.points(at: dates)
            return points.contains { $0.commit != nil } ? .points(points) : .unavailable
        } catch {
            // The rest of the report is still worth having; say why the trend is missing.
            if case WorkspaceVersionError.unusableSchemas(_, let problems) = error { FindingPrinter().print(problems) }
            Terminal.standardError.write("plantrack: warning: no trend in the report: \(error)\n")
            return .unavailable
        }
    }

    /// The changes from `--since` (a day: the last commit on or before it; else a revision)
    /// to the version reported on.
    private func changes(
        _ access: WorkspaceAccess, to snapshot: any Snapshot,
        language: ReportLanguage
    ) throws -> SteeringReport.Changes? {
        guard let since else { return nil }
        let repository = access.repository
        let old: CommitSnapshot
        let label: String
        do {
            if let day = CalendarDate(since) {
                guard let commit = try repository.lastCommit(onOrBefore: day, from: repository.head().id) else {
                    throw CLIError("--since \(since): no commit on or before that day on the history of HEAD")
                }
                old = CommitSnapshot(commit: commit)
                label = "\(language.format.date(day)) (\(commit.shortID))"
            } else {
                old = try repository.snapshot(revision: since)
                label = old.label
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("--since \(since): \(error)")
        }
        var result: DiffResult
        do { result = try SemanticDiff.compare(from: old, to: snapshot, linkingItems: false) } catch { throw CLIError("\(error)") }
        if !counties.isEmpty {
            result.changes = result.changes.filter { change in
                ItemReference(change.item).map { counties.contains($0.county) } ?? false
            }
        }
        return SteeringReport.Changes(since: label, result: result)
    }
}

extension ReportCommand: VersionAction {
    static let action = "Report on"
}
