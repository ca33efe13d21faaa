/// Writes reports as Markdown (GitHub-flavoured tables). Every document text is escaped
/// with ``ReportEscaping/markdown(_:)``, so no raw HTML from a document reaches a
/// Markdown viewer; bodies are quoted with their `<` and `&` escaped.
public enum ReportMarkdown {
    /// The steering-group report as Markdown.
    public static func steering(_ report: SteeringReport, language: ReportLanguage) -> String {
        let w = report.statusWords.map(language.words) ?? language.words
        let f = language.format
        var out = Lines()
        out.header(
            title: w.reportTitle, workspace: report.workspaceName,
            facts: [w.planYear(report.year), w.asOf(f.date(report.asOf)), w.source(report.source)])
        incomplete(report.skipped, into: &out, w)
        let marks = IllustrativeMark(language: language)
        let shown =
            report.counties.map(\.planIllustrative) + report.attention.map(\.illustrative)
            + report.goalsAttention.map(\.illustrative) + report.indicators.map(\.goalIllustrative)
        if let legend = marks.markdownLegend(shown: shown) { out.add(legend, "") }
        let t = report.total
        out.add("## \(w.overview)", "")
        out.table(
            [w.plans, w.activities, w.doneShare, w.overdue, w.delayed, w.behind, w.funding, w.spent],
            [
                [
                    f.integer(report.planCount), f.integer(t.activityCount), f.percent(t.doneShare), f.integer(t.overdue),
                    f.integer(t.count(.delayed)), f.integer(t.count(schedule: .behind)), f.money(t.fundingSEK),
                    f.money(t.spentSEK),
                ]
            ], numeric: Set(0..<8))

        out.add("## \(w.counties)", "")
        out.table(
            [w.county, w.plan, w.trafficLight, w.activities, w.doneShare, w.overdue, w.behind, w.spent],
            report.counties.map { county in
                guard let status = county.status else {
                    return [e(county.name), w.noPlan(report.year), "", "", "", "", "", ""]
                }
                return [
                    e(county.name),
                    e(county.planTitle ?? "") + " (" + w.planStatusWord(status.planStatus) + ")"
                        + marks.markdown(county.planIllustrative),
                    mark(status.light) + " " + w.light(status.light),
                    ReportHTML.statusCounts(status.figures, w, f), f.percent(status.figures.doneShare),
                    f.integer(status.figures.overdue), f.integer(status.figures.count(schedule: .behind)),
                    "\(f.money(status.figures.spentSEK)) / \(f.money(status.figures.fundingSEK))",
                ]
            }, numeric: [4, 5, 6, 7])
        out.add(w.lightLegend, "")

        out.add("## \(w.attention)", "")
        if report.attention.isEmpty {
            out.add(w.attentionNone, "")
        } else {
            out.table(
                [w.activity, w.county, w.owner, w.due, w.status],
                report.attention.map { item in
                    [
                        "\(e(item.title)) (`\(item.reference)`)\(marks.markdown(item.illustrative))", e(item.countyName),
                        e(item.owner ?? w.noOwner),
                        item.due.map(f.date) ?? "–",
                        e(ReportHTML.attentionState(item, w, f, separator: ", ")),
                    ]
                })
        }
        out.add("### \(w.goalsAttention)", "")
        if report.goalsAttention.isEmpty {
            out.add(w.goalsAttentionNone, "")
        } else {
            out.table(
                [w.goal, w.county, w.assessmentHeading, w.indicatorsBehind],
                report.goalsAttention.map { goal in
                    [
                        "\(e(goal.title)) (`\(goal.reference)`)\(marks.markdown(goal.illustrative))", e(goal.countyName),
                        e(w.assessment(goal.assessment)),
                        e(ReportHTML.indicatorsBehindText(goal, w, f)),
                    ]
                })
        }

        out.lines += SuspectLinkReport.markdown(report, language: language)

        out.add("## \(w.money)", "")
        moneyTable(t.streams, total: t, into: &out, w, f)
        out.lines += PerformanceReport.markdown(report, language: language)

        out.add("## \(w.indicators)", "")
        if report.indicators.isEmpty {
            out.add(w.noIndicators, "")
        } else {
            out.table(
                [w.county, w.goal, w.indicator, w.baseline, w.latest, w.target, w.progress],
                report.indicators.map { row in
                    [e(row.countyName), e(row.goalTitle) + marks.markdown(row.goalIllustrative)]
                        + indicatorCells(row.indicator, row.progress, f)
                }, numeric: [3, 4, 5, 6])
            koladaTable(report.indicators, into: &out, f)
        }

        out.add("## \(w.trend)", "")
        switch report.trend {
        case .unavailable:
            out.add(w.noHistory, "")
        case .points(let points):
            out.add("\(w.doneShare): `\(Trend.sparkline(points.map { $0.commit == nil ? nil : $0.figures.doneShare }))`", "")
            let incomplete = points.filter { !$0.skipped.isEmpty }.map { f.date($0.date) }
            if !incomplete.isEmpty { out.add(e(w.trendIncomplete(incomplete.joined(separator: ", "))), "") }
            out.table(
                [w.month] + Activity.Status.allCases.map { e(w.statusHeading($0, f)) } + [w.doneShare, w.overdue, w.behind],
                // Months before the first commit are only in the sparkline.
                points.drop(while: { $0.commit == nil }).map { p in
                    guard p.commit != nil else {
                        return [f.date(p.date), w.noCommitYet] + Array(repeating: "", count: 7)
                    }
                    return [f.date(p.date) + (p.skipped.isEmpty ? "" : " ⚠")]
                        + Activity.Status.allCases.map { f.integer(p.figures.count($0)) }
                        + [
                            f.percent(p.figures.doneShare), f.integer(p.figures.overdue),
                            f.integer(p.figures.count(schedule: .behind)),
                        ]
                }, numeric: Set(1...8))
        }

        if let changes = report.changes {
            out.add("## \(e(w.changesSince(changes.since)))", "")
            if changes.result.changes.isEmpty {
                out.add(w.noChanges, "")
            } else {
                for line in summaryLines(changes.result.summary, w, f) { out.add("- " + e(line)) }
                out.add("", "<details><summary>\(w.changeDetails)</summary>", "")
                for change in changes.result.changes {
                    let fields = change.fields.map(\.field)
                    out.add(
                        "- `\(change.item)` \(w.kind(change.kind)) \(w.change(change.change))"
                            + (fields.isEmpty ? "" : " — \(w.fields.lowercased()): " + fields.map { "`\($0)`" }.joined(separator: ", ")))
                }
                out.add("", "</details>", "")
            }
        }
        out.add("---", "", "_\(w.generatedBy)_")
        return out.text
    }

    /// The follow-up (redovisning) as Markdown.
    public static func followUp(_ report: FollowUpReport, language: ReportLanguage) -> String {
        let w = report.statusWords.map(language.words) ?? language.words
        let f = language.format
        var out = Lines()
        out.header(
            title: w.followUpTitle(report.year), workspace: report.workspaceName,
            facts: [w.asOf(f.date(report.asOf)), w.source(report.source)])
        incomplete(report.skipped, into: &out, w)
        let marks = IllustrativeMark(language: language)
        if let legend = marks.markdownLegend(shown: report.marksShown) { out.add(legend, "") }
        out.add(w.followUpIntro, "")
        out.add("## \(w.fundsPerStream)", "")
        moneyTable(report.total.streams, total: report.total, into: &out, w, f)
        out.lines += PerformanceReport.markdown(report, language: language)
        out.add("## \(w.resultsPerPlan)", "")
        for plan in report.plans {
            out.add("### \(e(plan.countyName)): \(e(plan.title))\(marks.markdown(plan.illustrative))", "")
            out.add(
                "\(w.trafficLight): \(mark(plan.status.light)) \(w.light(plan.status.light)) · \(w.planStatus): "
                    + "\(w.planStatusWord(plan.status.planStatus)) · \(w.doneShare): \(f.percent(plan.status.figures.doneShare))", "")
            out.lines += AgreementReport.markdown(AgreementReport.blocks(plan, asOf: report.asOf, w, language: language), marks: marks)
            out.add("#### \(w.fundsPerStream)", "")
            moneyTable(plan.streams, total: plan.status.figures, into: &out, w, f)
            out.add("#### \(w.fundsPerArea)", "")
            if plan.areas.isEmpty {
                out.add(w.none, "")
            } else {
                out.table(
                    [w.area, w.budget, w.spent],
                    plan.areas.map { [e($0.title), f.money($0.budgetSEK), f.money($0.spentSEK)] }, numeric: [1, 2])
            }
            out.add("#### \(w.goals)", "")
            if plan.goals.isEmpty { out.add(w.none, "") }
            for goal in plan.goals {
                out.add(
                    "- **\(e(goal.title))** (`\(goal.id)`, \(w.term(goal.term)))\(marks.markdown(goal.illustrative)): "
                        + e(w.assessment(goal.assessment)))
                for indicator in goal.indicators {
                    let cells = indicatorCells(indicator, indicator.progress, f)
                    out.add("  - \(cells[0]): \(cells[1]) → \(cells[2]) → \(cells[3]) (\(w.progress.lowercased()) \(cells[4]))")
                }
            }
            out.add("")
            for (heading, activities) in [(w.doneActivities, plan.done), (w.notDoneActivities, plan.notDone)] {
                out.add("#### \(heading)", "")
                if activities.isEmpty { out.add(w.none, "") }
                for activity in activities {
                    var facts = [e(w.activityStatus(activity.status))]
                    if let completed = activity.completed { facts.append("\(w.completed) \(f.date(completed))") }
                    if activity.status != .done, let due = activity.due { facts.append("\(w.due) \(f.date(due))") }
                    if let owner = activity.owner { facts.append("\(w.owner): \(e(owner))") }
                    if let spent = activity.spentSEK { facts.append("\(w.spent) \(f.money(spent))") }
                    out.add(
                        "- **\(e(activity.title))** (`\(activity.id)`)\(marks.markdown(activity.illustrative)): "
                            + facts.joined(separator: " · "))
                    if let reason = activity.cancelledReason { out.add("  - \(w.cancelledBecause): \(e(reason))") }
                    for note in activity.followups.sorted(by: { $0.date < $1.date }) {
                        out.add("  - \(w.followups) \(f.date(note.date))\(note.by.map { " (\(e($0)))" } ?? ""): \(e(note.note))")
                    }
                }
                out.add("")
            }
        }
        out.add("---", "", "_\(w.generatedBy)_")
        return out.text
    }

    /// One line per plan saying what changed: `uppsala/2026: plan ändrad; aktiviteter: 2
    /// ändrad, 1 tillagd; aktivitet planerad → klar: 2`, then counties and settings.
    public static func summaryLines(_ summary: DiffSummary, _ w: ReportWords, _ f: ReportFormat) -> [String] {
        func counts(_ c: ChangeCounts) -> String {
            [(c.added, ItemChange.Change.added), (c.removed, .removed), (c.modified, .modified), (c.moved, .moved)]
                .filter { $0.0 > 0 }.map { w.changeCount($0.0, $0.1, f) }.joined(separator: ", ")
        }
        var lines: [String] = summary.plans.map { plan in
            var parts: [String] = []
            if let change = plan.planChange { parts.append("\(w.kind(.plan)) \(w.change(change))") }
            if !plan.goals.isEmpty { parts.append("\(w.goals.lowercased()): \(counts(plan.goals))") }
            if !plan.activities.isEmpty { parts.append("\(w.activities.lowercased()): \(counts(plan.activities))") }
            for t in plan.transitions {
                parts.append("\(w.kind(t.kind)) \(word(t.from, kind: t.kind, w)) → \(word(t.to, kind: t.kind, w)): \(t.count)")
            }
            return "\(plan.plan): " + parts.joined(separator: "; ")
        }
        lines += summary.others.map { "\($0.item): \(w.kind($0.kind)) \(w.change($0.change))" }
        return lines
    }

    /// A status, assessment or plan status in words; the raw value when unknown.
    private static func word(_ raw: String, kind: DocumentKind, _ w: ReportWords) -> String {
        switch kind {
        case .activity: return Activity.Status(rawValue: raw).map(w.activityStatus) ?? raw
        case .goal: return Goal.Assessment(rawValue: raw).map(w.assessment) ?? raw
        case .plan: return Plan.Status(rawValue: raw).map(w.planStatusWord) ?? raw
        case .county, .workspace, .followup: return raw
        }
    }

    private static func e(_ text: String) -> String { ReportEscaping.markdown(text) }

    /// A coloured mark for viewers that show emoji; the word always follows it.
    private static func mark(_ light: TrafficLight) -> String {
        switch light {
        case .green: return "🟢"
        case .yellow: return "🟡"
        case .red: return "🔴"
        }
    }

    /// The indicators whose values come from Kolada (``StatusFigures/IndicatorProgress/isFromKolada``
    /// or a measurement with Kolada's provenance): the latest value of the plan year, its
    /// Kolada period, the track and "Källa: Kolada" with the request the value was fetched
    /// by. Nothing when no indicator has a Kolada source, so other reports stay as they were.
    private static func koladaTable(_ rows: [SteeringReport.IndicatorRow], into out: inout Lines, _ f: ReportFormat) {
        let iw = IndicatorWords(language: f.language)
        let sourced = rows.filter { row in
            row.figures?.isFromKolada ?? false || row.indicator.measurements.contains { $0.kolada != nil }
        }
        guard !sourced.isEmpty else { return }
        out.add("### \(iw.koladaValues)", "")
        out.table(
            iw.koladaValuesHeader,
            sourced.map { row in
                let indicator = row.indicator
                let latest = indicator.latest
                let period = latest.map { $0.kolada.map { String($0.period) } ?? $0.date.description } ?? "–"
                let track = row.figures.map { iw.track($0.track) } ?? iw.track(.notJudged)
                var source = iw.koladaAttribution
                if let kolada = row.figures?.kolada ?? indicator.kolada {
                    source += ", " + e(kolada.kpi) + " (" + e(kolada.municipality) + ")"
                }
                if let url = latest?.kolada?.url { source += ": " + e(url) }
                return [
                    e(row.countyName), e(indicator.title),
                    latest.map { f.measure($0.value, unit: indicator.unit) } ?? "–", period, track, source,
                ]
            }, numeric: [2])
    }

    private static func indicatorCells(_ indicator: Indicator, _ progress: Double?, _ f: ReportFormat) -> [String] {
        func value(_ v: Double?) -> String { v.map { f.measure($0, unit: indicator.unit) } ?? "–" }
        return [
            e(indicator.title), value(indicator.baseline?.value), value(indicator.latest?.value),
            value(indicator.target?.value), f.percent(progress),
        ]
    }

    private static func moneyTable(
        _ streams: [StatusFigures.Stream], total: StatusFigures, into out: inout Lines,
        _ w: ReportWords, _ f: ReportFormat
    ) {
        guard !streams.isEmpty else {
            out.add(w.noStreams, "")
            return
        }
        out.table(
            [w.stream, w.funding, w.budget, w.spent, w.remaining],
            streams.map {
                [
                    e($0.stream), f.money($0.fundingSEK), f.money($0.budgetSEK), f.money($0.spentSEK),
                    f.money($0.fundingSEK - $0.spentSEK),
                ]
            }
                + [
                    [
                        "**\(w.total)**", f.money(total.fundingSEK), f.money(total.budgetSEK), f.money(total.spentSEK),
                        f.money(total.fundingSEK - total.spentSEK),
                    ]
                ],
            numeric: [1, 2, 3, 4])
    }

    /// The notice, first after the header, that documents are missing from the figures.
    private static func incomplete(_ skipped: [RollUp.Skipped], into out: inout Lines, _ w: ReportWords) {
        guard !skipped.isEmpty else { return }
        out.add("> **⚠ \(e(w.incomplete)).** \(e(w.incompleteIntro(skipped.count)))", ">")
        for item in skipped { out.add("> - `\(item.path)`: \(e(w.exclusion(item.cause)))") }
        out.add("")
    }

    private struct Lines {
        var lines: [String] = []

        mutating func add(_ texts: String...) { lines += texts }

        mutating func header(title: String, workspace: String?, facts: [String]) {
            add("# \(ReportEscaping.markdown(title))", "")
            if let workspace { add("_\(ReportEscaping.markdown(workspace))_", "") }
            add(facts.map(ReportEscaping.markdown).joined(separator: " · "), "")
        }

        /// A table; cells are already escaped. Numeric columns are right-aligned.
        mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) {
            add("| " + header.joined(separator: " | ") + " |")
            add("|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined())
            for row in rows { add("| " + row.joined(separator: " | ") + " |") }
            add("")
        }

        var text: String { lines.joined(separator: "\n") + "\n" }
    }
}
