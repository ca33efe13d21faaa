/// The follow-up report's section on performance targets (prestationsmål): money per county
/// and in total, then each target met or not (``PerformanceFigures``). Shown only when a plan
/// of the year has targets, so other reports read as before.
enum PerformanceReport {
    /// The rows of the money table: one per plan with targets (a county's plan of the year),
    /// then the total; each `[county, met, not met, not assessed, earned, at risk]`.
    static func moneyRows(_ report: FollowUpReport, _ w: PerformanceWords, _ f: ReportFormat) -> [[String]] {
        var total = PerformanceFigures()
        var rows: [[String]] = []
        for plan in report.plans where !plan.status.figures.performance.isEmpty {
            let p = plan.status.figures.performance
            total.add(p)
            rows.append([plan.countyName] + figures(p, f))
        }
        guard !rows.isEmpty else { return [] }
        return rows + [[w.total] + figures(total, f)]
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
        func line(_ cells: [String], bold: Bool = false) -> String {
            let escaped = cells.map(ReportEscaping.markdown)
            return "| "
                + escaped.enumerated().map { i, cell in bold && i == 0 ? "**\(cell)**" : cell }
                .joined(separator: " | ") + " |"
        }
        func rule(_ header: [String]) -> String {
            "|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined()
        }
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
        func table(_ header: [String], _ rows: [[String]], totalRow: Bool) -> [String] {
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
        return [
            "<section aria-labelledby=\"performance\"><h2 id=\"performance\">\(e(w.heading))</h2>",
            "<p>\(e(w.summary(report.total.performance, f))).</p>",
        ] + table(moneyHeader(w), money, totalRow: true) + table(targetHeader(w), targetRows(report, w, f), totalRow: false)
            + ["</section>"]
    }
}
