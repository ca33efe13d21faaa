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

    static func shareText(_ value: Double?) -> String {
        guard let value else { return "-" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func int(_ n: Int) -> JSONValue { .number(.integer(Int64(n))) }

    /// `{"planned": …, "in-progress": …, …}`.
    static func activitiesJSON(_ figures: StatusFigures) -> JSONValue {
        .object(JSONObject(Activity.Status.allCases.map { ($0.rawValue, int(figures.count($0))) }))
    }

    /// The figures as JSON members (without `county`, `year`, `light`).
    static func figuresJSON(_ f: StatusFigures) -> JSONObject {
        var o = JSONObject()
        o["activities"] = activitiesJSON(f)
        o["done_share"] = share(f.doneShare)
        o["overdue"] = int(f.overdue)
        o["budget_sek"] = int(f.budgetSEK)
        o["spent_sek"] = int(f.spentSEK)
        o["funding_sek"] = int(f.fundingSEK)
        o["streams"] = .array(f.streams.map { s in
            .object(["stream": .string(s.stream), "funding_sek": int(s.fundingSEK),
                     "budget_sek": int(s.budgetSEK), "spent_sek": int(s.spentSEK)])
        })
        o["goals"] = .object(JSONObject(Goal.Assessment.allCases.map { ($0.rawValue, int(f.count($0))) }))
        o["indicators"] = .array(f.indicators.map { i in
            .object(["goal": .string(i.goal), "id": .string(i.id), "progress": share(i.progress),
                     "expected": share(i.expected), "behind": .bool(i.isBehind)])
        })
        // What the traffic light is based on (docs/rollup.md).
        o["schedule"] = .object(JSONObject(ScheduleState.allCases.map { ($0.rawValue, int(f.count(schedule: $0))) }))
        o["off_schedule"] = int(f.offSchedule)
        o["goals_behind"] = int(f.goalsBehind)
        o["indicators_behind"] = int(f.indicatorsBehind)
        return o
    }

    /// `2026`, `2020–2026`; empty without years.
    static func yearsText(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    /// The `rollup --format json` document (docs/json.md): the plans of `years`, a total per
    /// year (`totals`), and `total` when one year is shown (not with `--all-years`).
    static func json(_ rollUp: RollUp, years: [Int], allYears: Bool, revision: String?,
                     grouping: RollUp.Grouping?) -> JSONValue {
        var o = JSONObject()
        o["revision"] = revision.map { .string($0) } ?? .null
        o["as_of"] = .string(rollUp.asOf.description)
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
        o["plans"] = .array(rollUp.plans.map { plan in
            var p = JSONObject()
            p["county"] = .string(plan.county)
            p["year"] = int(plan.year)
            for entry in figuresJSON(plan.figures).entries { p[entry.key] = entry.value }
            p["light"] = .string(plan.light.rawValue)
            return .object(p)
        })
        if let grouping {
            o["by"] = .string(grouping.rawValue)
            o["groups"] = .array(years.flatMap { year in
                rollUp.only(years: [year]).groups(by: grouping).map { group in
                    var g = JSONObject()
                    g["key"] = .string(group.key)
                    g["year"] = int(year)
                    for entry in figuresJSON(group.figures).entries { g[entry.key] = entry.value }
                    return .object(g)
                }
            })
        }
        return .object(o)
    }

    /// Column headings of the table, CSV and Markdown forms.
    static let header = [
        "ITEM", "LIGHT", "PLANNED", "IN-PROGRESS", "DONE", "DELAYED", "CANCELLED", "DONE %", "OVERDUE",
        "BUDGET SEK", "SPENT SEK", "FUNDING SEK", "ON-TRACK", "AT-RISK", "OFF-TRACK", "ACHIEVED", "NOT-ASSESSED",
    ]

    static func row(_ item: String, light: String, _ f: StatusFigures) -> [String] {
        [item, light] + Activity.Status.allCases.map { String(f.count($0)) }
            + [shareText(f.doneShare), String(f.overdue), String(f.budgetSEK), String(f.spentSEK), String(f.fundingSEK)]
            + [Goal.Assessment.onTrack, .atRisk, .offTrack, .achieved, .notAssessed].map { String(f.count($0)) }
    }

    /// Per plan year of `years`: one row per plan (or group) of the year, then the year's
    /// total (`total 2026`). Years are never added up; with several years (`--all-years`)
    /// a group's item names its year (`stockholm (2021)`).
    static func rows(_ rollUp: RollUp, years: [Int], grouping: RollUp.Grouping?) -> [[String]] {
        guard !years.isEmpty else { return [row("total", light: "", StatusFigures())] }
        var rows: [[String]] = []
        for year in years {
            let ofYear = rollUp.only(years: [year])
            if let grouping {
                rows += ofYear.groups(by: grouping).map { group in
                    row(years.count == 1 ? group.key : "\(group.key) (\(year))", light: "", group.figures)
                }
            } else {
                rows += ofYear.plans.map { row($0.reference.description, light: $0.light.rawValue, $0.figures) }
            }
            rows.append(row("total \(year)", light: "", ofYear.total))
        }
        return rows
    }

    /// A Markdown (GitHub) table; `|` in cells escaped.
    static func markdown(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
                .joined(separator: " | ") + " |\n"
        }
        let numeric = header.indices.map { $0 >= 2 }
        let rule = "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        return line(header) + rule + rows.map(line).joined()
    }
}
