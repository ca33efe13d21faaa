import JSONSchema
import PlantrackCore

/// How `rollup` and `trend` render figures.
enum RollUpOutput {
    /// A number rounded to one decimal, as JSON; null when absent.
    static func share(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return .number(.integer(Int64(rounded))) }
        return .number(.double(rounded))
    }

    /// A share with one decimal: `45.5`, or `45,5` in Swedish (the decimal comma a Swedish
    /// Excel reads as a number).
    static func shareText(_ value: Double?, _ language: ReportLanguage = .en) -> String {
        guard let value else { return "-" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10)\(language == .sv ? "," : ".")\(tenths % 10)"
    }

    static func int(_ n: Int) -> JSONValue { .number(.integer(Int64(n))) }

    /// `{"planned": …, "in-progress": …, …}`.
    static func activitiesJSON(_ figures: StatusFigures) -> JSONValue {
        .object(JSONObject(Activity.Status.allCases.map { ($0.rawValue, int(figures.count($0))) }))
    }

    /// The figures as JSON members (without `county`, `year`, `light`); `suspect_links` only
    /// with `suspectLinks` (plans, counties and totals: areas, priorities and streams have none).
    static func figuresJSON(_ f: StatusFigures, suspectLinks: Bool = true) -> JSONObject {
        var o = JSONObject()
        o["activities"] = activitiesJSON(f)
        o["done_share"] = share(f.doneShare)
        o["overdue"] = int(f.overdue)
        o["budget_sek"] = int(f.budgetSEK)
        o["spent_sek"] = int(f.spentSEK)
        o["funding_sek"] = int(f.fundingSEK)
        o["streams"] = .array(
            f.streams.map { s in
                .object([
                    "stream": .string(s.stream), "funding_sek": int(s.fundingSEK),
                    "budget_sek": int(s.budgetSEK), "spent_sek": int(s.spentSEK),
                ])
            })
        o["goals"] = .object(JSONObject(Goal.Assessment.allCases.map { ($0.rawValue, int(f.count($0))) }))
        o["indicators"] = .array(f.indicators.map(IndicatorOutput.json))
        // What the traffic light is based on (docs/rollup.md).
        o["schedule"] = .object(JSONObject(ScheduleState.allCases.map { ($0.rawValue, int(f.count(schedule: $0))) }))
        o["off_schedule"] = int(f.offSchedule)
        o["goals_behind"] = int(f.goalsBehind)
        o["indicators_behind"] = int(f.indicatorsBehind)
        if suspectLinks { o["suspect_links"] = int(f.suspectLinks) }
        // Only where there are targets, so figures without any read as before (docs/json.md).
        if !f.performance.isEmpty { o["performance"] = performanceJSON(f.performance) }
        return o
    }

    /// `"performance"` of the JSON forms: the targets judged and the money (docs/json.md).
    static func performanceJSON(_ p: PerformanceFigures) -> JSONValue {
        func number(_ value: Double?) -> JSONValue {
            guard let value else { return .null }
            if value == value.rounded() && value.magnitude < 9.0e15 { return .number(.integer(Int64(value))) }
            return .number(.double(value))
        }
        var o = JSONObject()
        o["met"] = int(p.count(.met))
        o["not_met"] = int(p.count(.notMet))
        o["not_assessed"] = int(p.count(.notAssessed))
        o["amount_sek"] = int(p.amountSEK)
        o["earned_sek"] = int(p.earnedSEK)
        o["at_risk_sek"] = int(p.atRiskSEK)
        o["not_assessed_sek"] = int(p.notAssessedSEK)
        o["targets"] = .array(
            p.targets.map { t in
                var target = JSONObject()
                target["goal"] = .string(t.goal)
                target["indicator"] = .string(t.indicator)
                target["direction"] = .string(t.direction.rawValue)
                target["threshold"] = number(t.threshold)
                target["by"] = t.by.map { .string($0.description) } ?? .null
                target["funding_stream"] = t.fundingStream.map { .string($0) } ?? .null
                target["value"] = number(t.value)
                target["measured_on"] = t.measuredOn.map { .string($0.description) } ?? .null
                target["outcome"] = .string(t.outcome.rawValue)
                target["amount_sek"] = int(t.amountSEK)
                return .object(target)
            })
        return .object(o)
    }

    /// The `rollup` table's section on performance targets (prestationsmål): each target
    /// judged, then per plan (one county's plan of a year) and per year the money earned and
    /// at risk. Empty when no plan shown has targets, so other roll-ups read as before.
    static func performanceSection(
        _ rollUp: RollUp, years: [Int], _ language: ReportLanguage, headerStyle: (String) -> String
    ) -> String {
        let plans = rollUp.plans.filter { !$0.figures.performance.isEmpty }
        guard !plans.isEmpty else { return "" }
        let w = PerformanceWords(language: language)
        let f = language.format
        let unit = language == .sv ? " kr" : " SEK"
        var targets = TextTable(
            header: [w.goal, w.indicator, w.threshold, w.by, w.measured, w.outcomeHeading, w.amount + unit].map {
                $0.uppercased()
            })
        for plan in plans {
            for t in plan.figures.performance.targets {
                targets.add([
                    t.goal, t.indicator, (t.direction == .increase ? ">= " : "<= ") + f.number(t.threshold),
                    t.by?.description ?? "-",
                    t.value.map { f.number($0) + (t.measuredOn.map { " (\($0))" } ?? "") } ?? "-",
                    w.outcome(t.outcome), String(t.amountSEK),
                ])
            }
        }
        let counts = [PerformanceFigures.Outcome.met, .notMet, .notAssessed]
        var money = TextTable(
            header: (["Plan"] + counts.map { w.outcome($0) } + [w.earned + unit, w.atRisk + unit]).map {
                $0.uppercased()
            })
        func row(_ item: String, _ p: PerformanceFigures) -> [String] {
            [item] + counts.map { String(p.count($0)) } + [String(p.earnedSEK), String(p.atRiskSEK)]
        }
        for year in years {
            let ofYear = plans.filter { $0.year == year }
            guard !ofYear.isEmpty else { continue }
            var total = PerformanceFigures()
            for plan in ofYear {
                money.add(row(plan.reference.description, plan.figures.performance))
                total.add(plan.figures.performance)
            }
            money.add(row("\(w.total.lowercased()) \(year)", total))
        }
        return "\n" + headerStyle(w.heading) + "\n\n" + targets.render(headerStyle: headerStyle) + "\n"
            + money.render(headerStyle: headerStyle)
    }

    /// `2026`, `2020–2026`; empty without years.
    static func yearsText(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    /// The `rollup --format json` document (docs/json.md): the plans of `years`, a total per
    /// year (`totals`), and `total` when one year is shown (not with `--all-years`).
    static func json(
        _ rollUp: RollUp, years: [Int], allYears: Bool, revision: String?,
        grouping: RollUp.Grouping?
    ) -> JSONValue {
        var o = JSONObject()
        o["revision"] = revision.map { .string($0) } ?? .null
        o["as_of"] = .string(rollUp.asOf.description)
        exclusionJSON(rollUp.skipped, into: &o)
        o["year"] = allYears ? .null : years.first.map(int) ?? .null
        o["years"] = .array(years.map(int))
        func total(_ year: Int) -> JSONObject {
            var t = JSONObject()
            t["year"] = int(year)
            for entry in figuresJSON(rollUp.total(of: year)).entries { t[entry.key] = entry.value }
            return t
        }
        if !allYears {
            var t = years.first.map(total) ?? figuresJSON(StatusFigures())
            if years.isEmpty { t["year"] = .null }
            o["total"] = .object(t)
        }
        o["totals"] = .array(years.map { .object(total($0)) })
        o["plans"] = .array(
            rollUp.plans.map { plan in
                var p = JSONObject()
                p["county"] = .string(plan.county)
                p["year"] = int(plan.year)
                for entry in figuresJSON(plan.figures).entries { p[entry.key] = entry.value }
                p["light"] = .string(plan.light.rawValue)
                return .object(p)
            })
        if let grouping {
            o["by"] = .string(grouping.rawValue)
            o["groups"] = .array(
                years.flatMap { year in
                    rollUp.only(years: [year]).groups(by: grouping).map { group in
                        var g = JSONObject()
                        g["key"] = .string(group.key)
                        g["year"] = int(year)
                        let counted = grouping == .county
                        for entry in figuresJSON(group.figures, suspectLinks: counted).entries { g[entry.key] = entry.value }
                        return .object(g)
                    }
                })
        }
        return .object(o)
    }

    /// `"incomplete"` and `"excluded"` of the JSON forms (docs/json.md): whether documents
    /// are missing from the figures, and which, with why (``RollUp/Skipped/Cause``).
    static func exclusionJSON(_ skipped: [RollUp.Skipped], into o: inout JSONObject) {
        o["incomplete"] = .bool(!skipped.isEmpty)
        o["excluded"] = .array(skipped.map { .object(["path": .string($0.path), "reason": .string($0.cause.rawValue)]) })
    }

    /// The same documents, once each, in path order (a trend lists them per point).
    static func distinct(_ skipped: [RollUp.Skipped]) -> [RollUp.Skipped] {
        var seen: Set<String> = []
        return skipped.filter { seen.insert($0.path + "\u{0}" + $0.cause.rawValue).inserted }
            .sorted { $0.path.precedesInByteOrder($1.path) }
    }

    /// Column headings of the table, CSV and Markdown forms, in the workspace's language:
    /// the first column says what the rows are (plans, or the groups of `--by`). What the
    /// light is made of is in columns (docs/rollup.md): overdue, delayed (a status), behind
    /// (off schedule but neither overdue nor delayed), the goals by assessment, and the goals
    /// behind by their indicators.
    /// Then the suspect links (docs/review.md), and with `performance` (CSV and Markdown,
    /// when a plan shown has performance targets) the targets met, not met and not assessed
    /// and the money earned and at risk (``PerformanceFigures``); the table shows those in a
    /// section of its own.
    static func header(_ words: FigureWords, grouping: RollUp.Grouping?, performance: Bool = false) -> [String] {
        let w = words.report
        var headings =
            [words.itemHeading(grouping), w.trafficLight]
            + Activity.Status.allCases.map { w.activityStatus($0) }
            + [w.doneShare + " %", w.overdue, w.behind]
            + [w.budget + words.moneyUnit, w.spent + words.moneyUnit, w.funding + words.moneyUnit]
            + [Goal.Assessment.onTrack, .atRisk, .offTrack, .achieved, .notAssessed].map { w.assessment($0) }
            + [w.goalsBehind, SuspectLinkWords(language: words.language).heading]
        if performance {
            let p = PerformanceWords(language: words.language)
            headings += PerformanceFigures.Outcome.allCases.map { p.column($0) }
            headings += [p.earned + words.moneyUnit, p.atRisk + words.moneyUnit]
        }
        return headings.map { $0.uppercased() }
    }

    /// One row of figures (see ``header(_:grouping:performance:)``); `suspectLinks: false`
    /// shows `-` for groups that have no count of their own (areas, priorities, streams).
    static func row(
        _ item: String, light: String, _ f: StatusFigures, _ language: ReportLanguage, suspectLinks: Bool = true,
        performance: Bool = false
    ) -> [String] {
        var cells =
            [item, light] + Activity.Status.allCases.map { String(f.count($0)) }
            + [shareText(f.doneShare, language), String(f.overdue), String(f.count(schedule: .behind))]
            + [String(f.budgetSEK), String(f.spentSEK), String(f.fundingSEK)]
            + [Goal.Assessment.onTrack, .atRisk, .offTrack, .achieved, .notAssessed].map { String(f.count($0)) }
            + [String(f.goalsBehind), suspectLinks ? String(f.suspectLinks) : "-"]
        if performance {
            let p = f.performance
            cells += PerformanceFigures.Outcome.allCases.map { String(p.count($0)) }
            cells += [String(p.earnedSEK), String(p.atRiskSEK)]
        }
        return cells
    }

    /// Whether a plan of `rollUp` has performance targets: then CSV and Markdown have their columns.
    static func hasPerformance(_ rollUp: RollUp) -> Bool {
        rollUp.plans.contains { !$0.figures.performance.isEmpty }
    }

    /// Per plan year of `years`: one row per plan (or group) of the year, then the year's
    /// total (`totalt 2026`, `total 2026`). Years are never added up; with several years
    /// (`--all-years`) a group's item names its year (`stockholm (2021)`). With
    /// `performance`, the performance targets' columns too.
    static func rows(
        _ rollUp: RollUp, years: [Int], grouping: RollUp.Grouping?, _ words: FigureWords, performance: Bool = false
    ) -> [[String]] {
        let total = words.report.total.lowercased()
        func row(_ item: String, light: String, _ f: StatusFigures, suspectLinks: Bool = true) -> [String] {
            Self.row(item, light: light, f, words.language, suspectLinks: suspectLinks, performance: performance)
        }
        guard !years.isEmpty else { return [row(total, light: "", StatusFigures())] }
        var rows: [[String]] = []
        for year in years {
            let ofYear = rollUp.only(years: [year])
            if let grouping {
                rows += ofYear.groups(by: grouping).map { group in
                    row(
                        years.count == 1 ? group.key : "\(group.key) (\(year))", light: "", group.figures,
                        suspectLinks: grouping == .county)
                }
            } else {
                rows += ofYear.plans.map { row($0.reference.description, light: words.light($0.light), $0.figures) }
            }
            rows.append(row("\(total) \(year)", light: "", rollUp.total(of: year)))
        }
        return rows
    }

    /// The notice that documents are missing from the figures, as lines of text: a heading
    /// line, then one line per document with why. Empty when nothing is missing.
    static func exclusionLines(_ skipped: [RollUp.Skipped], _ w: ReportWords) -> [String] {
        guard !skipped.isEmpty else { return [] }
        return [w.incomplete.uppercased() + ": " + w.incompleteIntro(skipped.count)]
            + skipped.map { "  \($0.path): \(w.exclusion($0.cause))" }
    }

    /// The CSV rows that come before the header when documents are missing: a spreadsheet
    /// shows the notice in its first cell, then each document and why, then an empty row.
    static func exclusionRows(_ skipped: [RollUp.Skipped], _ w: ReportWords) -> [[String]] {
        guard !skipped.isEmpty else { return [] }
        return [[w.incomplete.uppercased() + ": " + w.incompleteIntro(skipped.count)]]
            + skipped.map { [$0.path, w.exclusion($0.cause)] } + [[]]
    }

    /// The notice as a Markdown block quote before the table.
    static func exclusionMarkdown(_ skipped: [RollUp.Skipped], _ w: ReportWords) -> String {
        guard !skipped.isEmpty else { return "" }
        return "> **\(w.incomplete).** \(w.incompleteIntro(skipped.count))\n>\n"
            + skipped.map { "> - `\($0.path)`: \(w.exclusion($0.cause))\n" }.joined() + "\n"
    }

    /// A Markdown (GitHub) table; `|` in cells escaped.
    static func markdown(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| "
                + cells.map { $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
                .joined(separator: " | ") + " |\n"
        }
        let numeric = header.indices.map { $0 >= 2 }
        let rule = "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        return line(header) + rule + rows.map(line).joined()
    }
}

/// The words of the `rollup` and `trend` tables and CSV: the workspace's language
/// (``ReportLanguage``, as the reports resolve it) and its status words (``StatusWords``,
/// honouring `status_labels`). JSON keys stay English.
struct FigureWords {
    let language: ReportLanguage
    let report: ReportWords

    init(language: ReportLanguage, settings: YAMLMapping?) {
        self.language = language
        report = language.words(StatusWords(language: language, settings: settings))
    }

    /// `--lang`, else the settings' `language:`, else Swedish; the settings of the version read.
    init(lang: ReportLanguage?, snapshot: some Snapshot) {
        let settings = Workspace.settings(of: snapshot)
        self.init(language: lang ?? settings.flatMap(ReportLanguage.of(settings:)) ?? .sv, settings: settings)
    }

    /// ` KR` / ` SEK` after a money heading.
    var moneyUnit: String { language == .sv ? " kr" : " SEK" }

    /// The heading of the first column: `PLAN`, or what `--by` groups by.
    func itemHeading(_ grouping: RollUp.Grouping?) -> String {
        switch (grouping, language) {
        case (nil, .sv): return "Plan"
        case (nil, .en): return "Item"
        case (.county?, _): return report.county
        case (.area?, _): return report.area
        case (.priority?, .sv): return "Prioritet"
        case (.priority?, .en): return "Priority"
        case (.stream?, _): return report.stream
        }
    }

    /// The line under the table: how many plans of which years, from where, judged on which day.
    func summary(plans: Int, years: String, source: String, asOf: CalendarDate, incomplete: Bool) -> String {
        if language == .sv {
            let source = source == "working tree" ? "arbetskatalogen" : source
            return "\(plans) \(plans == 1 ? "plan" : "planer")\(years.isEmpty ? "" : " för \(years)") (\(source)), "
                + "läget den \(language.format.date(asOf))" + (incomplete ? " — ofullständigt" : "")
        }
        return "\(EnglishWords.count(plans, "plan"))\(years.isEmpty ? "" : " of \(years)") (\(source)), as of \(asOf)"
            + (incomplete ? " — incomplete" : "")
    }

    /// A traffic light in a cell: `grön`, `green`.
    func light(_ light: TrafficLight) -> String { report.light(light).lowercased() }
}
