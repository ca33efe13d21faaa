import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

/// `plantrack trend`: the roll-up total at each period end.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Show the roll-up total at each week, month or quarter end over the history.",
        discussion: """
            Each point is the workspace as committed at the last first-parent commit of HEAD on or \
            before the period end, judged on that day (as rollup --as-of would): the total of one \
            plan year, the current one at that point (the latest that has begun) unless --year \
            names one. A document of that year that cannot be read or has errors at a point fails \
            the run (exit 1) unless --allow-invalid, which shows the figures with the points marked \
            as incomplete and names the documents.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("First day (default: the day of the first commit).", valueName: "date"))
    var since: CalendarDate?

    @Option(help: ArgumentHelp("Last day (default: today).", valueName: "date"))
    var until: CalendarDate?

    @Option(help: "Period: week, month or quarter.")
    var every: Trend.Every = .month

    @Option(
        name: .customLong("county"), parsing: .upToNextOption,
        help: ArgumentHelp("Only these counties.", valueName: "county"))
    var counties: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only plans of this year (default: the current plan year at each point).",
            valueName: "year"))
    var year: Int?

    @Option(help: "Output format: table, json or csv.")
    var format: FigureFormat = .table

    @Option(
        help: ArgumentHelp(
            "One indicator's latest value, progress, track and light at each point instead of the total.",
            valueName: "county/year/goal#indicator"))
    var indicator: String?

    @OptionGroup var csv: CSVOptions

    @OptionGroup var figures: FigureOptions

    @Flag(
        name: .customLong("no-cache"),
        help: "Neither read nor write the roll-up memo in .git/plantrack/ (work everything out again).")
    var noCache = false

    func validate() throws {
        if format == .markdown { throw ValidationError("trend supports --format table, json or csv.") }
        try csv.checkDelimiter()
        if let chosen = try chosenIndicator() {
            if !counties.isEmpty { throw ValidationError("--indicator names its county: leave out --county.") }
            if let year, year != chosen.goal.year {
                throw ValidationError("--indicator names the plan year \(chosen.goal.year ?? 0): leave out --year \(year).")
            }
        }
    }

    /// `--indicator county/year/goal#indicator`, read; nil without the option.
    private func chosenIndicator() throws -> (goal: ItemReference, id: String)? {
        guard let indicator else { return nil }
        let parts = indicator.split(separator: "#", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty, let goal = ItemReference(parts[0]), goal.year != nil, goal.id != nil
        else {
            throw ValidationError(
                "--indicator \(indicator): expected county/year/goal#indicator, e.g. stockholm/2021/m1#vantetid-bup.")
        }
        return (goal, parts[1])
    }

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let history = GitHistory(repository: access.repository, root: access.root)
            let err = Terminal.standardError
            let chosen = try chosenIndicator()
            let walk = TrendWalk(
                history: history,
                filter: chosen.map { RollUp.Filter(year: $0.goal.year, counties: [$0.goal.county]) }
                    ?? RollUp.Filter(year: year, counties: counties),
                memo: noCache ? nil : RollUpMemoStore(gitFolder: access.repository.path))
            let series = try FigureNotices.mappingErrors {
                try walk.series(since: since, until: until ?? .today(), every: every) { done, total in
                    guard err.isTerminal else { return }
                    let width = 30
                    let filled = total == 0 ? width : done * width / total
                    err.write(
                        "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                            + "] \(done)/\(total)" + (done == total ? "\n" : ""))
                }
            }
            let points = series.points
            // The first incomplete point shows its findings; the others are counted.
            if let first = series.firstIncomplete {
                let (incomplete, commit, more) = (first.point, first.commit, first.later)
                try FigureNotices.refuseIncomplete(
                    incomplete.skipped, allowInvalid: figures.allowInvalid,
                    findings: {
                        IncompleteFigures.findings(
                            leaving: incomplete.skipped, outOf: commit, in: history,
                            asOf: incomplete.date)
                    },
                    at: "\(incomplete.date) (commit \(commit.prefix(7)))"
                        + (more == 0 ? "" : " and \(more) later point\(more == 1 ? "" : "s")"))
            }
            FigureNotices.reportSkipped(RollUpOutput.distinct(points.flatMap(\.skipped)))
            let headSnapshot = try? history.head().map { try history.snapshot(at: $0.id, label: "HEAD") }
            let words =
                headSnapshot.map { FigureWords(lang: figures.lang, snapshot: $0) }
                ?? FigureWords(language: figures.lang ?? .sv, settings: nil)
            if let chosen {
                try render(points, indicator: chosen, words)
                return
            }
            render(points, words)
            if let why = emptiness(points, since: series.since, until: series.until, firstCommit: series.firstCommitDate) {
                err.write("plantrack: note: \(why)\n")
            }
        }
    }

    /// Why the table has no figures to show, and what to try; nil when it has some.
    private func emptiness(
        _ points: [Trend.Point], since: CalendarDate, until: CalendarDate,
        firstCommit: CalendarDate
    ) -> String? {
        if points.isEmpty {
            return since > until
                ? "no points: --since \(since) is after --until \(until)"
                : "no \(every.rawValue) ends between \(since) and \(until), so there is no point to show; "
                    + (every == .week ? "try" : "try --every week,") + " an earlier --since or a later --until"
        }
        if points.allSatisfy({ $0.commit == nil }) {
            return "nothing was committed on or before \(until) on the history of HEAD"
                + "; the first commit is dated \(firstCommit): try --until \(firstCommit) or later"
        }
        if points.allSatisfy({ $0.figures == StatusFigures() }) {
            let filters = (year.map { ["--year \($0)"] } ?? []) + (counties.isEmpty ? [] : ["--county " + counties.joined(separator: " ")])
            return "no plan figures at any point: the commits have no plans"
                + (filters.isEmpty ? " below Plans/" : " matching " + filters.joined(separator: " ") + "; check those filters")
        }
        return nil
    }

    /// `--indicator`: the indicator's figures at each point (docs/rollup.md); an error when
    /// no point has it.
    private func render(_ points: [Trend.Point], indicator chosen: (goal: ItemReference, id: String), _ words: FigureWords)
        throws
    {
        let goal = chosen.goal.description
        let found = points.map { p in p.figures.indicators.first { $0.goal == goal && $0.id == chosen.id } }
        guard found.contains(where: { $0 != nil }) else {
            throw CLIError(
                "no indicator \(chosen.id) of goal \(goal) at any point between \(points.first?.date.description ?? "-") and "
                    + "\(points.last?.date.description ?? "-"); check the goal's id and the indicator's id "
                    + "(plantrack show \(goal))", status: ExitStatus.findings)
        }
        let out = Terminal.standardOutput
        let excluded = RollUpOutput.distinct(points.flatMap(\.skipped))
        switch format {
        case .json:
            var top = JSONObject()
            RollUpOutput.exclusionJSON(excluded, into: &top)
            top["goal"] = .string(goal)
            top["indicator"] = .string(chosen.id)
            top["points"] = .array(
                zip(points, found).map { p, i in
                    var o: JSONObject = [
                        "date": .string(p.date.description), "commit": p.commit.map { .string($0) } ?? .null,
                        "year": p.year.map { .number(.integer(Int64($0))) } ?? .null,
                    ]
                    if let i {
                        o["progress"] = RollUpOutput.share(i.progress)
                        o["expected"] = RollUpOutput.share(i.expected)
                        for entry in IndicatorOutput.judgementJSON(i).entries { o[entry.key] = entry.value }
                    } else {
                        o["progress"] = .null
                        o["expected"] = .null
                        o["track"] = .null
                        o["light"] = .null
                        o["latest"] = .null
                    }
                    o["excluded"] = .array(p.skipped.map { .string($0.path) })
                    return .object(o)
                })
            out.write(JSONValue.object(top).prettyText + "\n")
        case .csv, .markdown, .table:
            let header = IndicatorWords(language: words.language).trendHeader
            let rows = zip(points, found).map { p, i in
                [p.date.description, p.commit.map { String($0.prefix(7)) } ?? "-"]
                    + (i.map { IndicatorOutput.cells($0, words) } ?? Array(repeating: "-", count: header.count - 2))
            }
            if format == .csv {
                out.write(csv.writer.text(RollUpOutput.exclusionRows(excluded, words.report) + [header] + rows))
                return
            }
            let style = Style(for: out)
            let notice = RollUpOutput.exclusionLines(excluded, words.report)
            if !notice.isEmpty { out.write(style.red(notice.joined(separator: "\n")) + "\n\n") }
            var table = TextTable(header: header)
            for row in rows { table.add(row) }
            out.write(table.render(headerStyle: style.bold))
            let iw = IndicatorWords(language: words.language)
            if found.contains(where: { $0?.isFromKolada ?? false }) { out.write(iw.koladaAttribution + "\n") }
        }
    }

    private func render(_ points: [Trend.Point], _ words: FigureWords) {
        let out = Terminal.standardOutput
        let excluded = RollUpOutput.distinct(points.flatMap(\.skipped))
        let incomplete = !excluded.isEmpty
        switch format {
        case .json:
            var top = JSONObject()
            RollUpOutput.exclusionJSON(excluded, into: &top)
            top["points"] = .array(
                points.map { p in
                    var o: JSONObject = [
                        "date": .string(p.date.description), "commit": p.commit.map { .string($0) } ?? .null,
                        "year": p.year.map { .number(.integer(Int64($0))) } ?? .null,
                        "activities": RollUpOutput.activitiesJSON(p.figures),
                        "done_share": RollUpOutput.share(p.figures.doneShare),
                    ]
                    o["excluded"] = .array(p.skipped.map { .string($0.path) })
                    return .object(o)
                })
            out.write(JSONValue.object(top).prettyText + "\n")
        case .csv, .markdown, .table:
            let w = words.report
            let sv = words.language == .sv
            let header =
                ([sv ? "Datum" : "Date", sv ? "Incheckning" : "Commit", sv ? "År" : "Year"]
                + Activity.Status.allCases.map { w.activityStatus($0) } + [w.doneShare + " %", w.overdue, w.behind]
                + (incomplete ? [sv ? "Saknade dokument" : "Missing documents"] : []))
                .map { $0.uppercased() }
            let rows = points.map { p in
                [p.date.description, p.commit.map { String($0.prefix(7)) } ?? "-", p.year.map(String.init) ?? "-"]
                    + Activity.Status.allCases.map { String(p.figures.count($0)) }
                    + [
                        RollUpOutput.shareText(p.figures.doneShare, words.language), String(p.figures.overdue),
                        String(p.figures.count(schedule: .behind)),
                    ]
                    + (incomplete ? [String(p.skipped.count)] : [])
            }
            if format == .csv {
                out.write(
                    csv.writer
                        .text(RollUpOutput.exclusionRows(excluded, words.report) + [header] + rows))
                return
            }
            let style = Style(for: out)
            let notice = RollUpOutput.exclusionLines(excluded, words.report)
            if !notice.isEmpty { out.write(style.red(notice.joined(separator: "\n")) + "\n\n") }
            var table = TextTable(header: header)
            for row in rows { table.add(row) }
            out.write(table.render(headerStyle: style.bold))
            out.write(
                (words.language == .sv ? "genomförda % " : "done % ")
                    + Trend.sparkline(points.map(\.figures.doneShare)) + "\n")
        }
    }
}
