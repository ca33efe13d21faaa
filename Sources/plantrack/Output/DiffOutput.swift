import JSONSchema
import PlantrackCore

/// Renders a ``DiffResult`` as coloured text, Markdown or JSON on standard output.
enum DiffOutput {
    static func write(_ result: DiffResult, format: DiffFormat, statOnly: Bool, header: Bool = true) {
        let out: String
        switch format {
        case .text: out = DiffText(style: Style(for: .standardOutput)).render(result, statOnly: statOnly, header: header)
        case .markdown: out = DiffMarkdown.render(result, statOnly: statOnly)
        case .json: out = DiffJSON.value(result, statOnly: statOnly).prettyText + "\n"
        }
        Terminal.standardOutput.write(out)
    }

    /// A value as one short line: strings bare, the rest as JSON; `∅` when absent.
    static func show(_ value: JSONValue?) -> String {
        guard let value else { return "∅" }
        if case .string(let s) = value { return s }
        return value.description
    }

    /// `3 added, 1 moved`, or nil when nothing changed.
    static func counts(_ c: ChangeCounts) -> String? {
        let parts = [(c.added, "added"), (c.removed, "removed"), (c.modified, "modified"), (c.moved, "moved")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `3 activities planned → done, 1 goal on-track → at-risk`.
    static func transitions(_ list: [StatusTransition]) -> String? {
        guard !list.isEmpty else { return nil }
        return list.map { t in
            "\(EnglishWords.count(t.count, t.kind.rawValue)) \(t.from) → \(t.to)"
        }.joined(separator: ", ")
    }

    /// One line per plan summary.
    static func summaryLines(_ summary: DiffSummary) -> [(plan: String, text: String, transitions: String?)] {
        summary.others.map { ($0.item, "\($0.kind.rawValue) \($0.change.rawValue)", nil) } + summary.plans.map { plan in
            var parts: [String] = []
            if let change = plan.planChange { parts.append("plan \(change.rawValue)") }
            if let goals = counts(plan.goals) { parts.append("goals: \(goals)") }
            if let activities = counts(plan.activities) { parts.append("activities: \(activities)") }
            return (plan.plan, parts.isEmpty ? "no goal or activity changes" : parts.joined(separator: "; "),
                    transitions(plan.transitions))
        }
    }
}

/// The terminal rendering.
struct DiffText {
    let style: Style

    func render(_ result: DiffResult, statOnly: Bool, header: Bool) -> String {
        var out = ""
        if header { out += style.bold("plantrack diff \(result.from) → \(result.to)") + "\n" }
        if result.changes.isEmpty {
            return out + "no changes\n"
        }
        if !statOnly {
            for change in result.changes { out += "\n" + item(change) }
            out += "\n"
        }
        for line in DiffOutput.summaryLines(result.summary) {
            out += style.bold(line.plan) + ": " + line.text + "\n"
            if let transitions = line.transitions { out += "  status: " + transitions + "\n" }
        }
        return out
    }

    private func item(_ change: ItemChange) -> String {
        let word: String
        switch change.change {
        case .added: word = style.green("added")
        case .removed: word = style.red("removed")
        case .modified: word = style.yellow("modified")
        case .moved: word = style.cyan("moved")
        }
        var out = "\(word) \(change.kind.rawValue) \(style.bold(change.item))"
        if let old = change.oldItem {
            out += " ← \(old)" + (change.match == .carriedFrom ? " (carried_from)" : "")
        }
        out += "\n" + style.dim("  \(change.oldPath.map { "\($0) → " } ?? "")\(change.path)") + "\n"
        for problem in change.problems {
            out += style.yellow("  warning: \(problem.path):\(problem.location.map { "\($0.line)" } ?? "1"): \(problem.message); shown as text") + "\n"
        }
        for field in change.fields {
            switch field.kind {
            case .added: out += style.green("  + \(field.field): \(DiffOutput.show(field.new))") + "\n"
            case .removed: out += style.red("  - \(field.field): \(DiffOutput.show(field.old))") + "\n"
            case .changed:
                out += "  ~ \(field.field): " + style.red(DiffOutput.show(field.old)) + " → "
                    + style.green(DiffOutput.show(field.new)) + "\n"
            }
        }
        if let text = change.text {
            out += lines(text, title: "file")
        } else if change.change == .modified || change.change == .moved, change.body.isChanged {
            out += lines(change.body, title: "body")
        }
        return out
    }

    /// Changed lines with one line of context; `…` where unchanged lines are left out.
    private func lines(_ diff: BodyDiff, title: String) -> String {
        var out = "  \(title):\n"
        let keep = DiffText.shownLines(diff)
        var skipped = false
        for (index, line) in diff.lines.enumerated() {
            guard keep.contains(index) else {
                if !skipped { out += style.dim("    …") + "\n" }
                skipped = true
                continue
            }
            skipped = false
            switch line {
            case .same(let text, _): out += "      " + text + "\n"
            case .removed(let text): out += style.red("    - " + text) + "\n"
            case .added(let text): out += style.green("    + " + text) + "\n"
            case .changed(let words):
                out += "    ~ " + words.map { word -> String in
                    switch word {
                    case .same(let t): return t
                    case .removed(let t): return style.red("[-" + t + "-]")
                    case .added(let t): return style.green("{+" + t + "+}")
                    }
                }.joined() + "\n"
            }
        }
        return out
    }

    /// The indices of changed lines and their neighbours.
    static func shownLines(_ diff: BodyDiff) -> Set<Int> {
        var keep = Set<Int>()
        for (index, line) in diff.lines.enumerated() {
            if case .same = line { continue }
            keep.formUnion([index - 1, index, index + 1])
        }
        return keep
    }
}

/// The Markdown rendering, for a review comment.
enum DiffMarkdown {
    static func render(_ result: DiffResult, statOnly: Bool) -> String {
        var out = "## plantrack diff: \(result.from) → \(result.to)\n\n"
        if result.changes.isEmpty { return out + "No changes.\n" }
        out += "| plan | changes | status |\n| --- | --- | --- |\n"
        for line in DiffOutput.summaryLines(result.summary) {
            out += "| `\(line.plan)` | \(cell(line.text)) | \(cell(line.transitions ?? "")) |\n"
        }
        if statOnly { return out }
        for change in result.changes {
            out += "\n### \(change.change.rawValue) \(change.kind.rawValue) `\(change.item)`"
            if let old = change.oldItem { out += " ← `\(old)`" + (change.match == .carriedFrom ? " (carried_from)" : "") }
            out += "\n\n`\(change.oldPath.map { "\($0)` → `" } ?? "")\(change.path)`\n"
            for problem in change.problems {
                out += "\n> **Warning:** `\(problem.path)` line \(problem.location.map { "\($0.line)" } ?? "1"): \(problem.message); shown as text.\n"
            }
            if !change.fields.isEmpty {
                out += "\n| field | old | new |\n| --- | --- | --- |\n"
                for field in change.fields {
                    out += "| `\(cell(field.field))` | \(cell(field.old.map(DiffOutput.show) ?? "")) | \(cell(field.new.map(DiffOutput.show) ?? "")) |\n"
                }
            }
            let lines = change.text ?? ((change.change == .modified || change.change == .moved) ? change.body : nil)
            if let lines, lines.isChanged {
                out += "\n<details><summary>\(change.text == nil ? "body" : "file (as text)")</summary>\n\n```diff\n"
                let keep = DiffText.shownLines(lines)
                for (index, line) in lines.lines.enumerated() where keep.contains(index) {
                    switch line {
                    case .same(let t, _): out += "  \(t)\n"
                    case .removed(let t): out += "- \(t)\n"
                    case .added(let t): out += "+ \(t)\n"
                    case .changed(let words):
                        out += "- " + words.compactMap { if case .added = $0 { return nil } else { return $0.text } }.joined() + "\n"
                        out += "+ " + words.compactMap { if case .removed = $0 { return nil } else { return $0.text } }.joined() + "\n"
                    }
                }
                out += "```\n\n</details>\n"
            }
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences("|", with: "\\|").replacingOccurrences("\n", with: " ")
    }
}

/// The JSON rendering; the shapes are documented in docs/json.md.
enum DiffJSON {
    static func value(_ result: DiffResult, statOnly: Bool) -> JSONValue {
        var object = JSONObject()
        object["from"] = .string(result.from)
        object["to"] = .string(result.to)
        if !statOnly { object["changes"] = .array(result.changes.map(change)) }
        object["summary"] = summary(result.summary)
        return .object(object)
    }

    /// One field's change: `{"field", "change", "old", "new"}` (also in `log --format json`).
    static func field(_ field: FieldChange) -> JSONValue {
        var object = JSONObject()
        object["field"] = .string(field.field)
        object["change"] = .string(field.kind.rawValue)
        object["old"] = field.old ?? .null
        object["new"] = field.new ?? .null
        return .object(object)
    }

    static func change(_ change: ItemChange) -> JSONValue {
        var object = JSONObject()
        object["item"] = .string(change.item)
        object["old_item"] = change.oldItem.map { .string($0) } ?? .null
        object["kind"] = .string(change.kind.rawValue)
        object["change"] = .string(change.change.rawValue)
        object["match"] = change.match.map { .string($0.rawValue) } ?? .null
        object["path"] = .string(change.path)
        object["old_path"] = change.oldPath.map { .string($0) } ?? .null
        object["fields"] = .array(change.fields.map(field))
        let bodyChanged = change.text?.isChanged ?? change.body.isChanged
        object["body"] = .string(bodyChanged ? "changed" : "unchanged")
        object["warnings"] = .array(change.problems.map { problem in
            var w = JSONObject()
            w["path"] = .string(problem.path)
            w["line"] = problem.location.map { .number(.integer(Int64($0.line))) } ?? .null
            w["rule"] = .string(problem.rule)
            w["message"] = .string(problem.message)
            return .object(w)
        })
        return .object(object)
    }

    static func summary(_ summary: DiffSummary) -> JSONValue {
        func counts(_ c: ChangeCounts) -> JSONValue {
            ["added": .number(.integer(Int64(c.added))), "removed": .number(.integer(Int64(c.removed))),
             "modified": .number(.integer(Int64(c.modified))), "moved": .number(.integer(Int64(c.moved)))]
        }
        var object = JSONObject()
        object["plans"] = .array(summary.plans.map { plan in
            var p = JSONObject()
            p["plan"] = .string(plan.plan)
            p["plan_change"] = plan.planChange.map { .string($0.rawValue) } ?? .null
            p["goals"] = counts(plan.goals)
            p["activities"] = counts(plan.activities)
            p["transitions"] = .array(plan.transitions.map { t in
                ["kind": .string(t.kind.rawValue), "from": .string(t.from), "to": .string(t.to),
                 "count": .number(.integer(Int64(t.count)))]
            })
            return .object(p)
        })
        object["others"] = .array(summary.others.map { other in
            ["item": .string(other.item), "kind": .string(other.kind.rawValue), "change": .string(other.change.rawValue)]
        })
        return .object(object)
    }
}

extension BodyDiff.Word {
    fileprivate var text: String {
        switch self {
        case .same(let t), .removed(let t), .added(let t): return t
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
