/// The follow-up report's section on performance targets (prestationsmål): money per county
/// and in total, then each target met or not (``PerformanceFigures``). Shown only when a plan
/// of the year has targets, so other reports read as before.
enum PerformanceReport {
    /// The rows of the money table: one per plan with targets (a county's plan of the year),
    /// then the total; each `[county, met, not met, not assessed, earned, at risk]`.
    static func moneyRows(_ report: FollowUpReport, _ w: PerformanceWords, _ f: ReportFormat) -> [[String]] {
        moneyRows(report.plans.map { ($0.countyName, $0.status.figures.performance) }, w, f)
    }

    /// The money rows of plans named by their county: those with targets, then the total;
    /// none when no plan has targets.
    static func moneyRows(
        _ plans: [(county: String, figures: PerformanceFigures)], _ w: PerformanceWords, _ f: ReportFormat
    ) -> [[String]] {
        var total = PerformanceFigures()
        var rows: [[String]] = []
        for plan in plans where !plan.figures.isEmpty {
            total.add(plan.figures)
            rows.append([plan.county] + figures(plan.figures, f))
        }
        guard !rows.isEmpty else { return [] }
        return rows + [[w.total] + figures(total, f)]
    }

    /// The status report's plans with their targets' figures, by county name.
    static func plans(of report: SteeringReport) -> [(county: String, figures: PerformanceFigures)] {
        report.counties.compactMap { county in county.status.map { (county.name, $0.figures.performance) } }
    }

    /// The status report's section in Markdown: the money per county's plan and in total,
    /// the same figures as the follow-up's (the targets one by one are the follow-up's);
    /// empty without targets.
    static func markdown(_ report: SteeringReport, language: ReportLanguage) -> [String] {
        let w = PerformanceWords(language: language)
        let f = language.format
        let money = moneyRows(plans(of: report), w, f)
        guard !money.isEmpty else { return [] }
        let header = moneyHeader(w)
        return ["## \(w.heading)", "", w.summary(report.total.performance, f) + ".", "", line(header), rule(header)]
            + money.enumerated().map { i, row in line(row, bold: i == money.count - 1) } + [""]
    }

    /// The status report's section in HTML (see ``markdown(_:language:)-swift.type.method``);
    /// empty without targets.
    static func html(_ report: SteeringReport, language: ReportLanguage) -> [String] {
        let w = PerformanceWords(language: language)
        let f = language.format
        let money = moneyRows(plans(of: report), w, f)
        guard !money.isEmpty else { return [] }
        return [
            "<section aria-labelledby=\"performance\"><h2 id=\"performance\">\(ReportEscaping.html(w.heading))</h2>",
            "<p>\(ReportEscaping.html(w.summary(report.total.performance, f))).</p>",
        ] + htmlTable(moneyHeader(w), money, totalRow: true) + ["</section>"]
    }

    /// A Markdown table row, escaped; the first cell bold for a total.
    static func line(_ cells: [String], bold: Bool = false) -> String {
        let escaped = cells.map(ReportEscaping.markdown)
        return "| " + escaped.enumerated().map { i, cell in bold && i == 0 ? "**\(cell)**" : cell }.joined(separator: " | ")
            + " |"
    }

    /// The rule under a Markdown header: the first column left, the rest numbers.
    static func rule(_ header: [String]) -> String {
        "|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined()
    }

    /// An HTML table: row headers in the first column, numbers in the rest.
    static func htmlTable(_ header: [String], _ rows: [[String]], totalRow: Bool) -> [String] {
        func e(_ text: String) -> String { ReportEscaping.html(text) }
        var lines = ["<table>", "<thead><tr>" + header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for (i, row) in rows.enumerated() {
            let isTotal = totalRow && i == rows.count - 1
            let cells = row.enumerated().map { c, cell in
                c == 0 ? "<th scope=\"row\">\(e(cell))</th>" : "<td class=\"num\">\(e(cell))</td>"
            }
            lines.append((isTotal ? "<tr class=\"total\">" : "<tr>") + cells.joined() + "</tr>")
        }
        return lines + ["</tbody>", "</table>"]
    }

    private static func figures(_ p: PerformanceFigures, _ f: ReportFormat) -> [String] {
        [String(p.count(.met)), String(p.count(.notMet)), String(p.count(.notAssessed)), f.money(p.earnedSEK), f.money(p.atRiskSEK)]
    }

    /// The money table's header.
    static func moneyHeader(_ w: PerformanceWords) -> [String] {
        [w.county, w.outcome(.met), w.outcome(.notMet), w.outcome(.notAssessed), w.earned, w.atRisk]
    }

    /// The targets' header.
    static func targetHeader(_ w: PerformanceWords) -> [String] {
        [w.county, w.goal, w.indicator, w.threshold, w.by, w.measured, w.outcomeHeading, w.amount]
    }

    /// One row per target of the year's plans, in plan order.
    static func targetRows(_ report: FollowUpReport, _ w: PerformanceWords, _ f: ReportFormat) -> [[String]] {
        report.plans.flatMap { plan in
            plan.status.figures.performance.targets.map { t in
                [
                    plan.countyName, String(t.goal.split(separator: "/").last ?? ""), t.indicator, w.threshold(t, f),
                    t.by.map(f.date) ?? "–", w.measurement(t, f), w.outcome(t.outcome), f.money(t.amountSEK),
                ]
            }
        }
    }

    /// The section in Markdown; empty without targets.
    static func markdown(_ report: FollowUpReport, language: ReportLanguage) -> [String] {
        let w = PerformanceWords(language: language)
        let f = language.format
        let money = moneyRows(report, w, f)
        guard !money.isEmpty else { return [] }
        let header = moneyHeader(w)
        let targets = targetRows(report, w, f)
        return ["## \(w.heading)", "", w.summary(report.total.performance, f) + ".", "", line(header), rule(header)]
            + money.enumerated().map { i, row in line(row, bold: i == money.count - 1) }
            + ["", line(targetHeader(w)), rule(targetHeader(w))] + targets.map { line($0) } + [""]
    }

    /// The section in HTML; empty without targets.
    static func html(_ report: FollowUpReport, language: ReportLanguage) -> [String] {
        let w = PerformanceWords(language: language)
        let f = language.format
        let money = moneyRows(report, w, f)
        guard !money.isEmpty else { return [] }
        func e(_ text: String) -> String { ReportEscaping.html(text) }
        return [
            "<section aria-labelledby=\"performance\"><h2 id=\"performance\">\(e(w.heading))</h2>",
            "<p>\(e(w.summary(report.total.performance, f))).</p>",
        ] + htmlTable(moneyHeader(w), money, totalRow: true)
            + htmlTable(targetHeader(w), targetRows(report, w, f), totalRow: false) + ["</section>"]
    }
}
