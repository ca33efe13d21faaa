/// Writes reports as one self-contained HTML page: inline CSS and SVG, no script, font or
/// image from anywhere, light and dark colour schemes, A4 print styles.
///
/// Written by hand rather than with Plot (see docs/design.md): every document text goes
/// through ``ReportEscaping/html(_:)``, in element content and attributes alike.
public enum ReportHTML {
    /// The steering-group report as HTML.
    public static func steering(_ report: SteeringReport, language: ReportLanguage) -> String {
        let w = report.statusWords.map(language.words) ?? language.words
        let f = language.format
        var page = Page()
        page.header(
            title: w.reportTitle, workspace: report.workspaceName,
            facts: [w.planYear(report.year), w.asOf(f.date(report.asOf)), w.source(report.source)])
        incompleteNotice(report.skipped, into: &page, w)
        let marks = IllustrativeMark(language: language)
        let shown =
            report.counties.map(\.planIllustrative) + report.attention.map(\.illustrative)
            + report.goalsAttention.map(\.illustrative) + report.indicators.map(\.goalIllustrative)
        if let legend = marks.htmlLegend(shown: shown) { page.line(legend) }

        // Headline figures.
        let t = report.total
        page.line("<section aria-labelledby=\"overview\"><h2 id=\"overview\">\(w.overview)</h2>")
        page.line("<dl class=\"headline\">")
        func figure(_ label: String, _ value: String, _ note: String? = nil) {
            page.line("<div><dt>\(e(label))</dt><dd>\(e(value))\(note.map { "<small>\(e($0))</small>" } ?? "")</dd></div>")
        }
        figure(w.plans, f.integer(report.planCount))
        figure(w.activities, f.integer(t.activityCount))
        figure(w.doneShare, f.percent(t.doneShare), w.activityCount(t.count(.done), .done, f))
        figure(w.overdue, f.integer(t.overdue))
        figure(w.delayed, f.integer(t.count(.delayed)))
        figure(w.behind, f.integer(t.count(schedule: .behind)))
        figure(w.funding, f.money(t.fundingSEK))
        figure(w.spent, f.money(t.spentSEK), t.fundingSEK > 0 ? f.percent(Double(t.spentSEK) / Double(t.fundingSEK) * 100) : nil)
        figure(w.goals, f.integer(t.goals.values.reduce(0, +)), goalNote(t, w, f))
        page.line("</dl></section>")

        // Counties.
        page.line("<section aria-labelledby=\"counties\"><h2 id=\"counties\">\(w.counties)</h2>")
        page.line(
            "<table class=\"counties\"><thead><tr><th scope=\"col\">\(w.county)</th><th scope=\"col\">\(w.trafficLight)</th>"
                + "<th scope=\"col\">\(w.activities)</th><th scope=\"col\" class=\"num\">\(w.doneShare)</th>"
                + "<th scope=\"col\" class=\"num\">\(w.overdue)</th><th scope=\"col\" class=\"num\">\(w.behind)</th>"
                + "<th scope=\"col\" class=\"num\">\(w.spent)</th></tr></thead><tbody>")
        for county in report.counties {
            guard let status = county.status else {
                page.line(
                    "<tr><th scope=\"row\">\(e(county.name))</th><td colspan=\"6\" class=\"muted\">\(e(w.noPlan(report.year)))</td></tr>")
                continue
            }
            let light = w.light(status.light)
            let counts = statusCounts(status.figures, w, f)
            page.line(
                "<tr><th scope=\"row\">\(e(county.name))<small>\(e(county.planTitle ?? "")) · \(e(w.planStatusWord(status.planStatus)))\(marks.html(county.planIllustrative))</small></th>"
                    + "<td class=\"light\">\(ReportCharts.lamp(status.light, label: "\(w.trafficLight): \(light)")) <span>\(e(light))</span></td>"
                    + "<td>\(ReportCharts.statusBar(status.figures, label: w.statusBarLabel(county.name, counts)))<small>\(e(counts))</small></td>"
                    + "<td class=\"num\">\(e(f.percent(status.figures.doneShare)))</td>"
                    + "<td class=\"num\">\(e(f.integer(status.figures.overdue)))</td>"
                    + "<td class=\"num\">\(e(f.integer(status.figures.count(schedule: .behind))))</td>"
                    + "<td class=\"num\">\(e(f.money(status.figures.spentSEK)))<small>\(e(w.funding.lowercased())) \(e(f.money(status.figures.fundingSEK)))</small></td></tr>"
            )
        }
        page.line("</tbody></table>")
        page.line(legend(w))
        page.line("<p class=\"legend\">\(e(w.lightLegend))</p>")
        page.line("</section>")

        // Attention.
        page.line("<section aria-labelledby=\"attention\"><h2 id=\"attention\">\(w.attention)</h2>")
        if report.attention.isEmpty {
            page.line("<p>\(w.attentionNone)</p>")
        } else {
            page.line(
                "<table><thead><tr><th scope=\"col\">\(w.activity)</th><th scope=\"col\">\(w.county)</th><th scope=\"col\">\(w.owner)</th>"
                    + "<th scope=\"col\">\(w.due)</th><th scope=\"col\">\(w.status)</th></tr></thead><tbody>")
            for item in report.attention {
                page.line(
                    "<tr><td>\(e(item.title))\(marks.html(item.illustrative))<small><code>\(e(item.reference.description))</code></small></td>"
                        + "<td>\(e(item.countyName))</td><td>\(e(item.owner ?? w.noOwner))</td>"
                        + "<td>\(e(item.due.map(f.date) ?? "–"))</td>"
                        + "<td class=\"st st-\(item.status.rawValue)\">\(e(attentionState(item, w, f)))</td></tr>")
            }
            page.line("</tbody></table>")
        }
        page.line("<h3>\(w.goalsAttention)</h3>")
        if report.goalsAttention.isEmpty {
            page.line("<p>\(w.goalsAttentionNone)</p>")
        } else {
            page.line(
                "<table><thead><tr><th scope=\"col\">\(w.goal)</th><th scope=\"col\">\(w.county)</th>"
                    + "<th scope=\"col\">\(w.assessmentHeading)</th><th scope=\"col\">\(w.indicatorsBehind)</th></tr></thead><tbody>")
            for goal in report.goalsAttention {
                page.line(
                    "<tr><td>\(e(goal.title))\(marks.html(goal.illustrative))<small><code>\(e(goal.reference.description))</code></small></td>"
                        + "<td>\(e(goal.countyName))</td><td>\(e(w.assessment(goal.assessment)))</td>"
                        + "<td>\(e(indicatorsBehindText(goal, w, f)))</td></tr>")
            }
            page.line("</tbody></table>")
        }
        page.line("</section>")

        for line in SuspectLinkReport.html(report, language: language) { page.line(line) }

        // Money.
        page.line("<section aria-labelledby=\"money\"><h2 id=\"money\">\(w.money)</h2>")
        moneyTable(t.streams, total: t, into: &page, w, f)
        page.line("</section>")
        for line in PerformanceReport.html(report, language: language) { page.line(line) }

        // Indicators.
        page.line("<section aria-labelledby=\"indicators\"><h2 id=\"indicators\">\(w.indicators)</h2>")
        if report.indicators.isEmpty {
            page.line("<p>\(w.noIndicators)</p>")
        } else {
            page.line(
                "<table><thead><tr><th scope=\"col\">\(w.indicator)</th><th scope=\"col\">\(w.baseline) → \(w.latest) → \(w.target)</th>"
                    + "<th scope=\"col\" class=\"num\">\(w.progress)</th></tr></thead><tbody>")
            for row in report.indicators {
                page.line(
                    indicatorRow(
                        row.indicator, progress: row.progress,
                        context: "\(row.countyName) · \(row.goalTitle)", mark: marks.html(row.goalIllustrative), w, f))
            }
            page.line("</tbody></table>")
            for row in report.indicators {
                if let figure = indicatorFigure(row, f) { page.line(figure) }
            }
        }
        page.line("</section>")

        // Trend.
        page.line("<section aria-labelledby=\"trend\"><h2 id=\"trend\">\(w.trend)</h2>")
        switch report.trend {
        case .unavailable:
            page.line("<p>\(w.noHistory)</p>")
        case .points(let points):
            let spoken = points.map { p in
                "\(f.monthName(p.date.month)) \(p.commit == nil ? w.noCommitYet : f.percent(p.figures.doneShare))"
            }.joined(separator: ", ")
            page.line("<figure>\(ReportCharts.trend(points, format: f, label: w.trendChartLabel(spoken)))</figure>")
            // Points whose figures left documents out are said, not folded away.
            let incomplete = points.filter { !$0.skipped.isEmpty }.map { f.date($0.date) }
            if !incomplete.isEmpty {
                page.line("<p class=\"trend-incomplete\">\(e(w.trendIncomplete(incomplete.joined(separator: ", "))))</p>")
            }
            page.line("<details><summary>\(w.trendFigures)</summary>")
            page.line(
                "<table><thead><tr><th scope=\"col\">\(w.month)</th>"
                    + Activity.Status.allCases.map { "<th scope=\"col\" class=\"num\">\(e(w.statusHeading($0, f)))</th>" }.joined()
                    + "<th scope=\"col\" class=\"num\">\(w.doneShare)</th><th scope=\"col\" class=\"num\">\(w.overdue)</th>"
                    + "<th scope=\"col\" class=\"num\">\(w.behind)</th></tr></thead><tbody>")
            // Months before the first commit are only on the chart's axis.
            for p in points.drop(while: { $0.commit == nil }) {
                guard p.commit != nil else {
                    page.line("<tr><th scope=\"row\">\(e(f.date(p.date)))</th><td colspan=\"8\" class=\"muted\">\(w.noCommitYet)</td></tr>")
                    continue
                }
                page.line(
                    "<tr><th scope=\"row\">\(e(f.date(p.date)))\(p.skipped.isEmpty ? "" : " ⚠")</th>"
                        + Activity.Status.allCases.map { "<td class=\"num\">\(f.integer(p.figures.count($0)))</td>" }.joined()
                        + "<td class=\"num\">\(e(f.percent(p.figures.doneShare)))</td><td class=\"num\">\(f.integer(p.figures.overdue))</td>"
                        + "<td class=\"num\">\(f.integer(p.figures.count(schedule: .behind)))</td></tr>")
            }
            page.line("</tbody></table></details>")
        }
        page.line("</section>")

        // Changes since.
        if let changes = report.changes {
            page.line("<section aria-labelledby=\"changes\"><h2 id=\"changes\">\(e(w.changesSince(changes.since)))</h2>")
            changesSection(changes.result, into: &page, w, f)
            page.line("</section>")
        }

        page.footer(w.generatedBy)
        return page.document(title: w.reportTitle + " · " + w.planYear(report.year), language: language)
    }

    /// The follow-up (redovisning) as HTML.
    public static func followUp(_ report: FollowUpReport, language: ReportLanguage) -> String {
        let w = report.statusWords.map(language.words) ?? language.words
        let f = language.format
        var page = Page()
        page.header(
            title: w.followUpTitle(report.year), workspace: report.workspaceName,
            facts: [w.asOf(f.date(report.asOf)), w.source(report.source)])
        incompleteNotice(report.skipped, into: &page, w)
        let marks = IllustrativeMark(language: language)
        if let legend = marks.htmlLegend(shown: report.marksShown) { page.line(legend) }
        page.line("<p>\(w.followUpIntro)</p>")

        page.line("<section aria-labelledby=\"streams\"><h2 id=\"streams\">\(w.fundsPerStream)</h2>")
        moneyTable(report.total.streams, total: report.total, into: &page, w, f)
        page.line("</section>")
        for line in PerformanceReport.html(report, language: language) { page.line(line) }

        page.line("<section aria-labelledby=\"plans\"><h2 id=\"plans\">\(w.resultsPerPlan)</h2>")
        for plan in report.plans {
            let anchor = "plan-" + plan.reference.county
            let light = w.light(plan.status.light)
            page.line(
                "<article aria-labelledby=\"\(e(anchor))\"><h3 id=\"\(e(anchor))\">\(e(plan.countyName)): \(e(plan.title))\(marks.html(plan.illustrative))</h3>"
            )
            page.line(
                "<p class=\"light\">\(ReportCharts.lamp(plan.status.light, label: "\(w.trafficLight): \(light)")) "
                    + "<span>\(e(w.trafficLight)): \(e(light))</span> · \(e(w.planStatus)): \(e(w.planStatusWord(plan.status.planStatus)))"
                    + " · \(e(w.doneShare)): \(e(f.percent(plan.status.figures.doneShare)))</p>")
            for line in AgreementReport.html(AgreementReport.blocks(plan, asOf: report.asOf, w, language: language), marks: marks) {
                page.line(line)
            }

            page.line("<h4>\(w.fundsPerStream)</h4>")
            moneyTable(plan.streams, total: plan.status.figures, into: &page, w, f)

            page.line("<h4>\(w.fundsPerArea)</h4>")
            if plan.areas.isEmpty {
                page.line("<p>\(w.none)</p>")
            } else {
                page.line(
                    "<table><thead><tr><th scope=\"col\">\(w.area)</th><th scope=\"col\" class=\"num\">\(w.budget)</th>"
                        + "<th scope=\"col\" class=\"num\">\(w.spent)</th></tr></thead><tbody>")
                for area in plan.areas {
                    page.line(
                        "<tr><th scope=\"row\">\(e(area.title))</th><td class=\"num\">\(e(f.money(area.budgetSEK)))</td>"
                            + "<td class=\"num\">\(e(f.money(area.spentSEK)))</td></tr>")
                }
                page.line("</tbody></table>")
            }

            page.line("<h4>\(w.goals)</h4>")
            if plan.goals.isEmpty { page.line("<p>\(w.none)</p>") }
            for goal in plan.goals {
                page.line(
                    "<div class=\"item\"><p><strong>\(e(goal.title))</strong> <code>\(e(goal.id))</code>\(marks.html(goal.illustrative))"
                        + "<small>\(e(w.term(goal.term))) · <span class=\"as as-\(goal.assessment.rawValue)\">\(e(w.assessment(goal.assessment)))</span></small></p>"
                )
                if !goal.indicators.isEmpty {
                    page.line("<table><tbody>")
                    for indicator in goal.indicators {
                        page.line(indicatorRow(indicator, progress: indicator.progress, context: nil, w, f))
                    }
                    page.line("</tbody></table>")
                }
                body(goal.body, into: &page, w)
                page.line("</div>")
            }

            for (heading, activities) in [(w.doneActivities, plan.done), (w.notDoneActivities, plan.notDone)] {
                page.line("<h4>\(heading)</h4>")
                if activities.isEmpty { page.line("<p>\(w.none)</p>") }
                for activity in activities {
                    var facts = [w.activityStatus(activity.status)]
                    if let completed = activity.completed { facts.append("\(w.completed) \(f.date(completed))") }
                    if activity.status != .done, let due = activity.due { facts.append("\(w.due) \(f.date(due))") }
                    if let owner = activity.owner { facts.append("\(w.owner): \(owner)") }
                    if let spent = activity.spentSEK { facts.append("\(w.spent) \(f.money(spent))") }
                    page.line(
                        "<div class=\"item\"><p><strong>\(e(activity.title))</strong> <code>\(e(activity.id))</code>\(marks.html(activity.illustrative))"
                            + "<small class=\"st st-\(activity.status.rawValue)\">\(e(facts.joined(separator: " · ")))</small></p>")
                    if let reason = activity.cancelledReason {
                        page.line("<p>\(e(w.cancelledBecause)): \(e(reason))</p>")
                    }
                    if !activity.followups.isEmpty {
                        page.line("<ul class=\"followups\" aria-label=\"\(e(w.followups))\">")
                        for note in activity.followups.sorted(by: { $0.date < $1.date }) {
                            page.line(
                                "<li><time datetime=\"\(note.date)\">\(e(f.date(note.date)))</time>"
                                    + "\(note.by.map { " (\(e($0)))" } ?? ""): \(e(note.note))</li>")
                        }
                        page.line("</ul>")
                    }
                    body(activity.body, into: &page, w)
                    page.line("</div>")
                }
            }
            page.line("</article>")
        }
        page.line("</section>")
        page.footer(w.generatedBy)
        return page.document(title: w.followUpTitle(report.year), language: language)
    }

    // MARK: - Parts

    private static func e(_ text: String) -> String { ReportEscaping.html(text) }

    private static func goalNote(_ t: StatusFigures, _ w: ReportWords, _ f: ReportFormat) -> String? {
        let notes = [Goal.Assessment.achieved, .onTrack, .atRisk, .offTrack].compactMap { a -> String? in
            t.count(a) > 0 ? "\(w.assessment(a)): \(f.integer(t.count(a)))" : nil
        }
        return notes.isEmpty ? nil : notes.joined(separator: ", ")
    }

    /// `3 klara, 2 pågår, 1 planerad`: the counts the status bar shows, in words.
    static func statusCounts(_ figures: StatusFigures, _ w: ReportWords, _ f: ReportFormat) -> String {
        let parts = [Activity.Status.done, .inProgress, .planned, .delayed, .cancelled].compactMap { s -> String? in
            figures.count(s) > 0 ? w.activityCount(figures.count(s), s, f) : nil
        }
        return parts.isEmpty ? "0" : parts.joined(separator: ", ")
    }

    /// What an activity off schedule shows in the status column: its status, and how many
    /// days late (overdue) or its progress against the share expected (behind).
    static func attentionState(
        _ item: SteeringReport.AttentionItem, _ w: ReportWords, _ f: ReportFormat,
        separator: String = " · "
    ) -> String {
        let status = w.activityStatus(item.status)
        switch item.schedule {
        case .overdue: return status + separator + w.daysLate(item.daysLate)
        case .behind: return status + separator + w.behindProgress(f.percent(item.progress), f.percent(item.expected))
        default: return status
        }
    }

    /// A goal's indicators behind, each with its progress against the share expected
    /// (`Andel …: 10 % av väntade 50 %`); `–` when none is (the goal is here by its assessment).
    static func indicatorsBehindText(_ goal: SteeringReport.GoalAttention, _ w: ReportWords, _ f: ReportFormat) -> String {
        guard !goal.indicatorsBehind.isEmpty else { return "–" }
        return goal.indicatorsBehind.map { indicator in
            indicator.title + ": " + w.behindProgress(f.percent(indicator.progress.progress), f.percent(indicator.progress.expected))
        }.joined(separator: "; ")
    }

    private static func legend(_ w: ReportWords) -> String {
        "<p class=\"legend\">"
            + [Activity.Status.done, .inProgress, .planned, .delayed, .cancelled].map {
                "<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect class=\"st-\($0.rawValue)\" width=\"10\" height=\"10\"/></svg> \(e(w.activityStatus($0)))</span>"
            }.joined(separator: " ") + "</p>"
    }

    private static func moneyTable(
        _ streams: [StatusFigures.Stream], total: StatusFigures, into page: inout Page,
        _ w: ReportWords, _ f: ReportFormat
    ) {
        guard !streams.isEmpty else {
            page.line("<p>\(w.noStreams)</p>")
            return
        }
        page.line(
            "<table class=\"money\"><thead><tr><th scope=\"col\">\(w.stream)</th><th scope=\"col\" class=\"num\">\(w.funding)</th>"
                + "<th scope=\"col\" class=\"num\">\(w.budget)</th><th scope=\"col\" class=\"num\">\(w.spent)</th>"
                + "<th scope=\"col\" class=\"num\">\(w.remaining)</th><th scope=\"col\"><span class=\"sr\">\(w.spent)</span></th></tr></thead><tbody>"
        )
        for s in streams {
            let label =
                "\(s.stream): \(w.funding.lowercased()) \(f.money(s.fundingSEK)), \(w.budget.lowercased()) \(f.money(s.budgetSEK)), \(w.spent.lowercased()) \(f.money(s.spentSEK))"
            page.line(
                "<tr><th scope=\"row\">\(e(s.stream))</th><td class=\"num\">\(e(f.money(s.fundingSEK)))</td>"
                    + "<td class=\"num\">\(e(f.money(s.budgetSEK)))</td><td class=\"num\">\(e(f.money(s.spentSEK)))</td>"
                    + "<td class=\"num\">\(e(f.money(s.fundingSEK - s.spentSEK)))</td>"
                    + "<td>\(ReportCharts.moneyBar(s, label: label))</td></tr>")
        }
        page.line(
            "</tbody><tfoot><tr><th scope=\"row\">\(w.total)</th><td class=\"num\">\(e(f.money(total.fundingSEK)))</td>"
                + "<td class=\"num\">\(e(f.money(total.budgetSEK)))</td><td class=\"num\">\(e(f.money(total.spentSEK)))</td>"
                + "<td class=\"num\">\(e(f.money(total.fundingSEK - total.spentSEK)))</td><td></td></tr></tfoot></table>")
        page.line("<p class=\"legend\">\(w.moneyLegend)</p>")
    }

    private static func indicatorRow(
        _ indicator: Indicator, progress: Double?, context: String?, mark: String = "",
        _ w: ReportWords, _ f: ReportFormat
    ) -> String {
        func value(_ v: Double?) -> String { v.map { f.measure($0, unit: indicator.unit) } ?? "–" }
        let base = value(indicator.baseline?.value)
        let latest = value(indicator.latest?.value)
        let target = value(indicator.target?.value)
        let label = w.indicatorChartLabel(indicator.title, base, latest, target)
        return "<tr><td>\(e(indicator.title))\(mark)\(context.map { "<small>\(e($0))</small>" } ?? "")</td>"
            + "<td>\(ReportCharts.indicator(progress: progress, label: label)) <span class=\"ind-text\">\(e(base)) → \(e(latest)) → \(e(target))</span></td>"
            + "<td class=\"num\">\(e(f.percent(progress)))</td></tr>"
    }

    /// An indicator's chart over its plan year with its text alternative: a caption (target
    /// and date, track, light, the latest value's age, "Källa: Kolada" when the values come
    /// from Kolada) and a table of the figures drawn. Only for an indicator with baseline,
    /// target and a measurement in the year.
    static func indicatorFigure(_ row: SteeringReport.IndicatorRow, _ f: ReportFormat) -> String? {
        let indicator = row.indicator
        let iw = IndicatorWords(language: f.language)
        guard let baseline = indicator.baseline, let target = indicator.target, !indicator.measurements.isEmpty,
            let start = row.period?.start ?? baseline.date
        else { return nil }
        func value(_ v: Double) -> String { f.measure(v, unit: indicator.unit) }
        let points = indicator.measurements.sorted { $0.date < $1.date }
        let track = row.figures.map { iw.track($0.track) } ?? iw.track(.notJudged)
        let targetText = iw.target(value(target.value), by: target.date)
        let label = iw.chartLabel(
            title: indicator.title, baseline: value(baseline.value),
            points: points.map { "\($0.date) \(value($0.value))" }.joined(separator: ", "), target: targetText,
            track: track)
        var caption = [e(indicator.title) + "<small>\(e(row.countyName)) · \(e(row.goalTitle))</small>"]
        var facts = [targetText, track]
        if let light = row.figures?.light {
            facts.append(f.language == .sv ? "ljus: \(lightWord(light, f))" : "light: \(lightWord(light, f))")
        }
        if let age = row.figures?.ageDays { facts.append((f.language == .sv ? "senaste värdet " : "latest value ") + iw.age(days: age)) }
        if let missing = row.figures?.missingSince { facts.append(iw.noValue(since: missing)) }
        caption.append(e(facts.joined(separator: " · ")))
        let fromKolada = row.figures?.isFromKolada ?? false || points.contains { $0.kolada != nil }
        if fromKolada { caption.append("<span class=\"ind-source\">\(e(iw.koladaAttribution))</span>") }
        let chart = ReportCharts.indicatorSeries(
            start: start, baseline: baseline.value, target: target,
            points: points.map { (date: $0.date, value: $0.value) }, format: f, label: label)
        var rows =
            "<tr><td>\(e(start.description))</td><td class=\"num\">\(e(value(baseline.value)))</td><td>\(e(iw.baselineWord))</td></tr>"
        for point in points {
            let source = point.kolada.map { "Kolada \($0.period), \(iw.fetchedWord) \($0.fetched)" } ?? point.source ?? ""
            rows += "<tr><td>\(e(point.date.description))</td><td class=\"num\">\(e(value(point.value)))</td><td>\(e(source))</td></tr>"
        }
        rows +=
            "<tr><td>\(e(target.date?.description ?? "–"))</td><td class=\"num\">\(e(value(target.value)))</td><td>\(e(iw.targetWord))</td></tr>"
        return "<figure class=\"ind-figure\">" + chart
            + "<figcaption>" + caption.joined(separator: "<br>") + "<br><span class=\"legend\">\(e(iw.expectedLine))</span></figcaption>"
            + "<details><summary>\(e(iw.measurements))</summary><table><thead><tr><th scope=\"col\">\(e(iw.date))</th>"
            + "<th scope=\"col\" class=\"num\">\(e(iw.value))</th><th scope=\"col\"></th></tr></thead><tbody>\(rows)</tbody></table></details>"
            + "</figure>"
    }

    private static func lightWord(_ light: TrafficLight, _ f: ReportFormat) -> String {
        (f.language == .sv ? ReportWords.swedish : ReportWords.english).light(light).lowercased()
    }

    private static func body(_ markdown: String, into page: inout Page, _ w: ReportWords) {
        let trimmed = markdown.trimmingWhitespace
        guard !trimmed.isEmpty else { return }
        page.line("<details class=\"body\"><summary>\(w.description)</summary>")
        page.line(ReportEscaping.markdownBody(trimmed))
        page.line("</details>")
    }

    private static func changesSection(_ result: DiffResult, into page: inout Page, _ w: ReportWords, _ f: ReportFormat) {
        let summary = result.summary
        guard !result.changes.isEmpty else {
            page.line("<p>\(w.noChanges)</p>")
            return
        }
        page.line("<ul class=\"changes\">")
        for line in ReportMarkdown.summaryLines(summary, w, f) {
            page.line("<li>\(e(line))</li>")
        }
        page.line("</ul>")
        page.line("<details><summary>\(w.changeDetails)</summary><ul class=\"change-details\">")
        for change in result.changes {
            let fields = change.fields.map(\.field)
            page.line(
                "<li><code>\(e(change.item))</code> \(e(w.kind(change.kind))) \(e(w.change(change.change)))"
                    + (fields.isEmpty ? "" : "<small>\(w.fields): \(e(fields.joined(separator: ", ")))</small>") + "</li>")
        }
        page.line("</ul></details>")
    }

    /// The notice, first on the page, that documents are missing from the figures: which,
    /// and why. A reader must not take incomplete figures for whole ones.
    private static func incompleteNotice(_ skipped: [RollUp.Skipped], into page: inout Page, _ w: ReportWords) {
        guard !skipped.isEmpty else { return }
        page.line(
            "<section class=\"incomplete\" role=\"alert\" aria-labelledby=\"incomplete\">"
                + "<h2 id=\"incomplete\">\(e(w.incomplete))</h2><p>\(e(w.incompleteIntro(skipped.count)))</p><ul>")
        for item in skipped { page.line("<li><code>\(e(item.path))</code>: \(e(w.exclusion(item.cause)))</li>") }
        page.line("</ul></section>")
    }

    /// The page being written, line by line.
    private struct Page {
        var lines: [String] = []

        mutating func line(_ text: String) { lines.append(text) }

        mutating func header(title: String, workspace: String?, facts: [String]) {
            line("<header>")
            if let workspace { line("<p class=\"workspace\">\(ReportEscaping.html(workspace))</p>") }
            line("<h1>\(ReportEscaping.html(title))</h1>")
            line("<p class=\"facts\">" + facts.map { "<span>\(ReportEscaping.html($0))</span>" }.joined(separator: " · ") + "</p>")
            line("</header>")
            line("<main>")
        }

        mutating func footer(_ text: String) {
            line("</main>")
            line("<footer><p>\(ReportEscaping.html(text))</p></footer>")
        }

        func document(title: String, language: ReportLanguage) -> String {
            "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n"
                + "<title>\(ReportEscaping.html(title))</title>\n<style>\n\(ReportHTML.css)</style>\n</head>\n<body>\n"
                + lines.joined(separator: "\n") + "\n</body>\n</html>\n"
        }
    }

    /// The page's style: system fonts only, CSS variables for the light and dark schemes,
    /// A4 print in light colours.
    static let css = """
        :root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de; --card: #f6f8fa;
          --green: #1a7f37; --yellow: #b68400; --red: #cf222e; --planned: #8c959f; --progress: #0969da; --done: #1a7f37;
          --delayed: #bc4c00; --cancelled: #57606a; --accent: #0969da; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #30363d; --card: #161b22;
            --green: #3fb950; --yellow: #d29922; --red: #f85149; --planned: #6e7681; --progress: #58a6ff; --done: #3fb950;
            --delayed: #db6d28; --cancelled: #8b949e; --accent: #58a6ff; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
        h1 { font-size: 1.6rem; margin: 0.2rem 0; } h2 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.1rem; margin: 1.4rem 0 0.3rem; } h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
        .workspace, .facts, .muted, small, .legend, footer { color: var(--muted); }
        small { display: block; font-size: 0.8rem; font-weight: normal; }
        table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.45rem; border-bottom: 1px solid var(--line); }
        thead th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
        .num { text-align: right; white-space: nowrap; }
        .headline { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.5rem; margin: 0; }
        .headline div { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.7rem; }
        .headline dt { font-size: 0.8rem; color: var(--muted); } .headline dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
        .headline dd small { font-weight: normal; }
        .statusbar { display: block; min-width: 8rem; border-radius: 3px; }
        .st-done { fill: var(--done); } .st-in-progress { fill: var(--progress); } .st-planned { fill: var(--planned); }
        .st-delayed { fill: var(--delayed); } .st-cancelled { fill: var(--cancelled); } .st-empty { fill: var(--line); }
        td.st-delayed, small.st-delayed { color: var(--delayed); font-weight: 600; }
        .light { white-space: nowrap; } .light svg { vertical-align: -2px; }
        .light-green { fill: var(--green); } .light-yellow { fill: var(--yellow); } .light-red { fill: var(--red); }
        .legend span { margin-right: 0.8rem; font-size: 0.8rem; }
        .mb-track { fill: none; } .mb-funding { fill: var(--card); stroke: var(--muted); stroke-width: 1; }
        .mb-spent { fill: var(--accent); } .mb-budget { stroke: var(--fg); stroke-width: 2; }
        .ind-track { stroke: var(--line); stroke-width: 4; } .ind-done { stroke: var(--accent); stroke-width: 4; }
        .ind-base { fill: var(--muted); } .ind-target { fill: none; stroke: var(--fg); stroke-width: 1.5; }
        .ind-latest { fill: var(--accent); } .indicator { vertical-align: middle; } .ind-text { white-space: nowrap; }
        .ind-series { width: 100%; height: auto; max-width: 320px; } .ind-expected { stroke: var(--muted); stroke-dasharray: 4 3; }
        .ind-figure { display: inline-block; vertical-align: top; width: 330px; margin: 0.5rem 1rem 0.5rem 0; }
        .ind-figure figcaption { font-size: 0.85rem; } .ind-source { color: var(--muted); }
        .trend { width: 100%; height: auto; max-width: 600px; } .tr-grid { stroke: var(--line); }
        .tr-axis { fill: var(--muted); font-size: 11px; } .tr-line { fill: none; stroke: var(--accent); stroke-width: 2; }
        .tr-point { fill: var(--accent); }
        figure { margin: 0.5rem 0; }
        details { margin: 0.4rem 0; } summary { cursor: pointer; color: var(--accent); }
        .item { margin: 0.4rem 0 0.8rem; padding-left: 0.7rem; border-left: 3px solid var(--line); }
        .item p { margin: 0.2rem 0; } .followups { margin: 0.2rem 0; padding-left: 1.2rem; font-size: 0.9rem; }
        .incomplete { border: 3px solid var(--red); border-radius: 6px; padding: 0.25rem 1rem; margin: 1rem 0; }
        .incomplete h2 { color: var(--red); margin-top: 0.5rem; } .trend-incomplete { color: var(--red); }
        .as-off-track { color: var(--red); font-weight: 600; } .as-at-risk { color: var(--yellow); font-weight: 600; }
        .as-achieved, .as-on-track { color: var(--green); }
        code { font-size: 0.85em; color: var(--muted); }
        .illustrative { display: inline-block; margin-left: 0.3rem; padding: 0 0.35rem; border: 1px dashed var(--yellow);
          border-radius: 3px; font-size: 0.75rem; font-weight: 600; color: var(--yellow); white-space: nowrap; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        footer { margin-top: 2rem; font-size: 0.8rem; border-top: 1px solid var(--line); }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          :root { color-scheme: light; --fg: #000; --bg: #fff; --muted: #444; --line: #bbb; --card: #f3f3f3;
            --green: #1a7f37; --yellow: #9a6700; --red: #cf222e; --progress: #0969da; --done: #1a7f37;
            --planned: #8c959f; --delayed: #bc4c00; --cancelled: #57606a; --accent: #0969da; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; } tr, .item, .headline div { break-inside: avoid; }
          details::details-content { content-visibility: visible; height: auto; }
          summary { color: var(--fg); font-weight: 600; list-style: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}

extension String {
    /// The text without leading and trailing spaces and line breaks.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
