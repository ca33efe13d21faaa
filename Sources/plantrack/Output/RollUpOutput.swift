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
            .object(["goal": .string(i.goal), "id": .string(i.id), "progress": share(i.progress)])
        })
        return o
    }

    /// The `rollup --format json` document (docs/json.md).
    static func json(_ rollUp: RollUp, revision: String?, grouping: RollUp.Grouping?) -> JSONValue {
        var o = JSONObject()
        o["revision"] = revision.map { .string($0) } ?? .null
        o["as_of"] = .string(rollUp.asOf.description)
        o["total"] = .object(figuresJSON(rollUp.total))
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
            o["groups"] = .array(rollUp.groups(by: grouping).map { group in
                var g = JSONObject()
                g["key"] = .string(group.key)
                for entry in figuresJSON(group.figures).entries { g[entry.key] = entry.value }
                return .object(g)
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

    /// Header, one row per plan (or group), and the total.
    static func rows(_ rollUp: RollUp, grouping: RollUp.Grouping?) -> [[String]] {
        var rows: [[String]] = []
        if let grouping {
            rows += rollUp.groups(by: grouping).map { row($0.key, light: "", $0.figures) }
        } else {
            rows += rollUp.plans.map { row($0.reference.description, light: $0.light.rawValue, $0.figures) }
        }
        rows.append(row("total", light: "", rollUp.total))
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
