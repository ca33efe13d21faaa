import ArgumentParser
import JSONSchema
import PlantrackCore

extension Trend.Every: ExpressibleByArgument {}

/// `plantrack trend`: the roll-up total at each period end.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Show the roll-up total at each week, month or quarter end over the history.",
        discussion: """
            Each point is the workspace as committed at the last first-parent commit of HEAD on or \
            before the period end, judged on that day (as rollup --as-of would): the total of one \
            plan year, the current one at that point (the latest that has begun) unless --year \
            names one. Documents with errors at that point are left out.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("First day (default: the day of the first commit).", valueName: "date"))
    var since: CalendarDate?

    @Option(help: ArgumentHelp("Last day (default: today).", valueName: "date"))
    var until: CalendarDate?

    @Option(help: "Period: week, month or quarter.")
    var every: Trend.Every = .month

    @Option(name: .customLong("county"), parsing: .upToNextOption,
            help: ArgumentHelp("Only these counties.", valueName: "county"))
    var counties: [String] = []

    @Option(help: ArgumentHelp("Only plans of this year (default: the current plan year at each point).",
                               valueName: "year"))
    var year: Int?

    @Option(help: "Output format: table, json or csv.")
    var format: FigureFormat = .table

    @Option(help: ArgumentHelp("CSV field delimiter (';' for a Swedish Excel).", valueName: "char"))
    var delimiter: String = ","

    @Flag(help: "Start CSV output with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    @Flag(name: .customLong("no-cache"),
          help: "Neither read nor write the roll-up memo in .git/plantrack/ (work everything out again).")
    var noCache = false

    func validate() throws {
        if format == .markdown { throw ValidationError("trend supports --format table, json or csv.") }
        if delimiter.count != 1 || delimiter == "\"" || delimiter == "\n" {
            throw ValidationError("--delimiter must be one character other than a quote or a line break.")
        }
    }

    func run() throws {
        try reportingErrors {
            let access = try WorkspaceAccess(workspace)
            let repository = access.repository
            let start: CalendarDate
            if let since {
                start = since
            } else {
                do {
                    start = try repository.mainline(from: repository.head().id).first?.date ?? .today()
                } catch {
                    throw CLIError("\(error)")
                }
            }
            let end = until ?? .today()
            let dates = Trend.periodEnds(since: start, until: end, every: every)
            let err = Terminal.standardError
            let walk = TrendWalk(repository: repository, filter: RollUp.Filter(year: year, counties: counties),
                                 store: noCache ? nil : RollUpMemoStore(gitFolder: repository.path))
            let points = try walk.points(at: dates) { done, total in
                guard err.isTerminal else { return }
                let width = 30
                let filled = total == 0 ? width : done * width / total
                err.write("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                          + "] \(done)/\(total)" + (done == total ? "\n" : ""))
            }
            render(points)
        }
    }

    private func render(_ points: [Trend.Point]) {
        let out = Terminal.standardOutput
        switch format {
        case .json:
            let value: JSONValue = ["points": .array(points.map { p in
                .object(["date": .string(p.date.description), "commit": p.commit.map { .string($0) } ?? .null,
                         "year": p.year.map { .number(.integer(Int64($0))) } ?? .null,
                         "activities": RollUpOutput.activitiesJSON(p.figures),
                         "done_share": RollUpOutput.share(p.figures.doneShare)])
            })]
            out.write(value.prettyText + "\n")
        case .csv, .markdown, .table:
            let header = ["DATE", "COMMIT", "YEAR"] + Activity.Status.allCases.map { $0.rawValue.uppercased() }
                + ["DONE %", "OVERDUE"]
            let rows = points.map { p in
                [p.date.description, p.commit.map { String($0.prefix(7)) } ?? "-", p.year.map(String.init) ?? "-"]
                    + Activity.Status.allCases.map { String(p.figures.count($0)) }
                    + [RollUpOutput.shareText(p.figures.doneShare), String(p.figures.overdue)]
            }
            if format == .csv {
                out.write(CSVWriter(delimiter: delimiter, byteOrderMark: bom).text([header] + rows))
                return
            }
            var table = TextTable(header: header)
            for row in rows { table.add(row) }
            out.write(table.render(headerStyle: Style(for: out).bold))
            out.write("done % " + Trend.sparkline(points.map(\.figures.doneShare)) + "\n")
        }
    }
}
