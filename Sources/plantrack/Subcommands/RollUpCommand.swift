import ArgumentParser
import JSONSchema
import PlantrackCore
import PlantrackGit

/// `plantrack rollup`: status figures per plan and in total.
struct RollUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Roll up activities, money, goals and indicators per plan and in total.",
        discussion: """
            Reads the working tree judged today, a commit (--rev, judged on the commit's date) or \
            the workspace as committed on a day (--as-of: the last commit on or before that day on \
            the first-parent history of HEAD). Figures are per plan year: the current plan year \
            (the latest that has begun on the day judged) unless --year or --all-years says \
            otherwise; years are never added up. A document of those years that cannot be read \
            or has errors fails the run (exit 1) unless --allow-invalid, which shows the figures \
            marked as incomplete and names the documents left out. Headings are in the \
            workspace's language (--lang). The traffic-light rule is in docs/rollup.md; the \
            columns BEHIND (activities behind schedule, neither overdue nor delayed) and GOALS \
            BEHIND (behind by their indicators) show, with OVERDUE, DELAYED and the assessments, \
            why a light is yellow or red.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var version: VersionOptions<RollUpCommand>

    @Option(help: ArgumentHelp("Only plans of this year (default: the current plan year).", valueName: "year"))
    var year: Int?

    @Flag(name: .customLong("all-years"), help: "Every plan year, each with its own total (years are never added up).")
    var allYears = false

    @Option(
        name: .customLong("county"), parsing: .upToNextOption,
        help: ArgumentHelp("Only these counties (ids, e.g. stockholm).", valueName: "county"))
    var counties: [String] = []

    @Option(help: ArgumentHelp("Group by county, area, priority or stream instead of per plan.", valueName: "group"))
    var by: RollUp.Grouping?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: FigureFormat = .table

    @Flag(
        help: ArgumentHelp(
            "One row per indicator (latest value and its age, progress, expected, track, light, source) instead of per plan; JSON always has them."
        ))
    var indicators = false

    @OptionGroup var csv: CSVOptions

    @OptionGroup var figures: FigureOptions

    func validate() throws {
        if year != nil && allYears {
            throw ValidationError("--year and --all-years cannot be used together: choose one year, or every year.")
        }
        if indicators && by != nil {
            throw ValidationError("--indicators lists the plans' indicators and --by groups plans: choose one.")
        }
        try version.checkOneVersion()
        try csv.checkDelimiter()
    }

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            // Commits are content-addressed, so what was worked out for them is kept; the
            // working tree is worked out every time.
            let store = version.rev == nil && version.asOf == nil ? nil : RollUpMemoStore(gitFolder: access.repository.path)
            let history = GitHistory(repository: access.repository, root: access.root)
            let loaded = try FigureNotices.mappingErrors {
                try WorkspaceVersion.figures(
                    rev: version.rev, asOf: version.asOf, in: history, today: .today(),
                    filter: RollUp.Filter(year: year, counties: counties), grouping: by, memo: store)
            }
            let snapshot = loaded.version.snapshot
            try CLIError.refuseUnknownCounties(RollUp.Filter(counties: counties), in: snapshot)
            let years = loaded.rollUp.years(for: allYears ? .all : year.map { .year($0) } ?? .current)
            // Only the years shown: their plans, and the documents left out of them.
            let rollUp = loaded.rollUp.only(years: Set(years))
            try FigureNotices.refuseIncomplete(rollUp.skipped, allowInvalid: figures.allowInvalid) {
                IncompleteFigures.findings(leaving: rollUp.skipped, outOf: snapshot, asOf: rollUp.asOf)
            }
            FigureNotices.reportSkipped(rollUp.skipped)
            let words = FigureWords(lang: figures.lang, snapshot: snapshot)
            let out = Terminal.standardOutput
            if indicators && format != .json {
                render(indicatorsOf: rollUp, years: years, words, source: loaded.version.label, out: out)
                return
            }
            let header = RollUpOutput.header(words, grouping: by)
            // CSV and Markdown carry the performance targets' figures in columns; the table
            // has a section of its own for them.
            let performance = RollUpOutput.hasPerformance(rollUp)
            let wideHeader = RollUpOutput.header(words, grouping: by, performance: performance)
            let wideRows = RollUpOutput.rows(rollUp, years: years, grouping: by, words, performance: performance)
            switch format {
            case .json:
                out.write(
                    RollUpOutput.json(
                        rollUp, years: years, allYears: allYears, revision: loaded.version.revision,
                        grouping: by
                    ).prettyText + "\n")
            case .csv:
                let rows = RollUpOutput.exclusionRows(rollUp.skipped, words.report) + [wideHeader] + wideRows
                out.write(csv.writer.text(rows))
            case .markdown:
                out.write(
                    RollUpOutput.exclusionMarkdown(rollUp.skipped, words.report)
                        + RollUpOutput.markdown(wideHeader, wideRows))
            case .table:
                let style = Style(for: out)
                let notice = RollUpOutput.exclusionLines(rollUp.skipped, words.report)
                if !notice.isEmpty { out.write(style.red(notice.joined(separator: "\n")) + "\n\n") }
                var table = TextTable(header: header)
                // Cells stay unstyled: escape codes would upset the column widths.
                for row in RollUpOutput.rows(rollUp, years: years, grouping: by, words) { table.add(row) }
                out.write(
                    table.render(headerStyle: style.bold)
                        + style.dim(
                            words.summary(
                                plans: rollUp.plans.count, years: RollUpOutput.yearsText(years),
                                source: loaded.version.label, asOf: rollUp.asOf,
                                incomplete: rollUp.isIncomplete)) + "\n"
                        + RollUpOutput.performanceSection(
                            rollUp, years: years, words.language, headerStyle: style.bold))
            }
        }
    }
}

extension RollUpCommand {
    /// `--indicators` as a table, CSV or Markdown: one row per indicator (docs/rollup.md).
    private func render(indicatorsOf rollUp: RollUp, years: [Int], _ words: FigureWords, source: String, out: Terminal) {
        let header = IndicatorWords(language: words.language).rollUpHeader
        let rows = IndicatorOutput.rows(rollUp, years: years, words)
        switch format {
        case .csv:
            out.write(csv.writer.text(RollUpOutput.exclusionRows(rollUp.skipped, words.report) + [header] + rows))
        case .markdown:
            out.write(
                RollUpOutput.exclusionMarkdown(rollUp.skipped, words.report) + RollUpOutput.markdown(header, rows))
        case .table, .json:
            let style = Style(for: out)
            let notice = RollUpOutput.exclusionLines(rollUp.skipped, words.report)
            if !notice.isEmpty { out.write(style.red(notice.joined(separator: "\n")) + "\n\n") }
            var table = TextTable(header: header)
            for row in rows { table.add(row) }
            out.write(
                table.render(headerStyle: style.bold)
                    + style.dim(
                        words.summary(
                            plans: rollUp.plans.count, years: RollUpOutput.yearsText(years), source: source,
                            asOf: rollUp.asOf, incomplete: rollUp.isIncomplete)) + "\n")
        }
    }
}

extension RollUpCommand: VersionAction {
    static let action = "Roll up"
}
