import JSONSchema
import PlantrackCore

/// Renders a ``DiffResult`` as coloured text, Markdown or JSON on standard output.
enum DiffOutput {
    static func write(
        _ result: DiffResult, format: DiffFormat, statOnly: Bool, header: Bool = true,
        language: ReportLanguage = .sv
    ) {
        let words = DiffWords(language: language)
        let out: String
        switch format {
        case .text:
            out = DiffText(style: Style(for: .standardOutput), words: words).render(result, statOnly: statOnly, header: header)
        case .markdown: out = DiffMarkdown(words: words).render(result, statOnly: statOnly)
        case .json: out = DiffJSON.value(result, statOnly: statOnly).prettyText + "\n"
        }
        Terminal.standardOutput.write(out)
    }

    /// A value as one short line: strings bare, the rest as JSON; `∅` when absent.
    static func show(_ value: JSONValue?) -> String {
        CommitMessage.show(value)
    }

    /// A list as one row per element, each as ``inline(_:)`` writes it; nil for anything
    /// else, which fits on the field's line.
    static func rows(_ value: JSONValue?) -> [String]? {
        guard case .array(let elements)? = value else { return nil }
        return elements.map(inline)
    }

    /// A value on one line, records as `key: value, key: value` rather than JSON.
    static func inline(_ value: JSONValue?) -> String {
        guard case .object(let object)? = value else {
            if case .array(let elements)? = value { return elements.map(inline).joined(separator: "; ") }
            return show(value)
        }
        return object.map { key, element in "\(key): \(inline(element))" }.joined(separator: ", ")
    }

    /// The list's name when a change is one whole entry of a list: `partners` for
    /// `partners[]`, `tasks` for `tasks[Ta fram stödmaterial]` (not for a field inside an
    /// entry, such as `tasks[…].done`, which has its own line).
    static func listEntry(_ field: FieldChange) -> String? {
        let name = field.field
        guard name.hasSuffix("]"), let open = name.firstIndex(of: "[") else { return nil }
        // The bracket that opens the last key must be the first one (no nested path).
        let key = name[name.index(after: open)..<name.index(before: name.endIndex)]
        guard !key.contains("]") else { return nil }
        if key.isEmpty { return String(name[..<open]) }
        switch field.new ?? field.old {
        case .object?: return String(name[..<open])
        default: return nil
        }
    }

    /// One line per plan summary.
    static func summaryLines(_ summary: DiffSummary, words: DiffWords, planYears: Bool)
        -> [(plan: String, text: String, transitions: String?)]
    {
        summary.others.map { ($0.item, "\(words.kind($0.kind)) \(words.change($0.change, planYears: false, kind: $0.kind))", nil) }
            + summary.plans.map { plan in
                var parts: [String] = []
                if let change = plan.planChange {
                    parts.append("\(words.thePlan) \(words.change(change, planYears: false, kind: .plan))")
                }
                if let goals = words.counts(plan.goals, of: .goal, planYears: planYears) { parts.append("\(words.goals): \(goals)") }
                if let activities = words.counts(plan.activities, of: .activity, planYears: planYears) {
                    parts.append("\(words.activities): \(activities)")
                }
                return (
                    plan.plan, parts.isEmpty ? words.noItemChanges : parts.joined(separator: "; "),
                    words.transitions(plan.transitions)
                )
            }
    }
}

/// The words of the text and Markdown renderings of a diff, in Swedish or English
/// (`--lang`). Field names and values stay as the files write them, so that what a
/// reviewer reads can be found in the file; `--format json` is always English.
struct DiffWords {
    let language: ReportLanguage

    private var sv: Bool { language == .sv }

    /// `added`/`tillagd`; a removed item between plan years is `not carried`/`inte överförd`.
    /// Swedish agrees with the noun: `tillagd aktivitet`, `tillagt mål`, `tillagda`.
    func change(_ change: ItemChange.Change, planYears: Bool, plural: Bool = false, kind: DocumentKind = .activity) -> String {
        guard sv else {
            switch change {
            case .added: return "added"
            case .removed: return planYears ? "not carried" : "removed"
            case .modified: return "modified"
            case .moved: return "moved"
            }
        }
        let neuter = kind == .goal || kind == .county
        let (common, neuterForm, pluralForm): (String, String, String)
        switch change {
        case .added: (common, neuterForm, pluralForm) = ("tillagd", "tillagt", "tillagda")
        case .removed where planYears: (common, neuterForm, pluralForm) = ("inte överförd", "inte överfört", "inte överförda")
        case .removed: (common, neuterForm, pluralForm) = ("borttagen", "borttaget", "borttagna")
        case .modified: (common, neuterForm, pluralForm) = ("ändrad", "ändrat", "ändrade")
        case .moved: (common, neuterForm, pluralForm) = ("flyttad", "flyttat", "flyttade")
        }
        return plural ? pluralForm : neuter ? neuterForm : common
    }

    /// `activity`/`aktivitet`, `activities`/`aktiviteter`.
    func kind(_ kind: DocumentKind, plural: Bool = false) -> String {
        switch (kind, sv) {
        case (.activity, false): return plural ? "activities" : "activity"
        case (.goal, false): return plural ? "goals" : "goal"
        case (.plan, false): return plural ? "plans" : "plan"
        case (.county, false): return plural ? "counties" : "county"
        case (.workspace, false): return "workspace"
        case (.followup, false): return plural ? "follow-ups" : "follow-up"
        case (.activity, true): return plural ? "aktiviteter" : "aktivitet"
        case (.goal, true): return "mål"
        case (.plan, true): return plural ? "planer" : "plan"
        case (.county, true): return "län"
        case (.workspace, true): return "arbetsyta"
        case (.followup, true): return plural ? "redovisningar" : "redovisning"
        }
    }

    /// A status or assessment value: as written in English, in the report's words in Swedish.
    func status(_ value: String, kind: DocumentKind) -> String {
        guard sv else { return value }
        let words = language.words
        switch kind {
        case .activity:
            // `2 aktiviteter Försenad → Genomförd`: the format's status words (StatusWords), the
            // same as the reports and the schemas' help; they are labels, not inflected.
            guard let status = Activity.Status(rawValue: value) else { return value }
            return words.activityStatus(status)
        case .goal: return Goal.Assessment(rawValue: value).map(words.assessment) ?? value
        case .plan: return Plan.Status(rawValue: value).map(words.planStatusWord) ?? value
        case .county, .workspace, .followup: return value
        }
    }

    var goals: String { sv ? "mål" : "goals" }
    var thePlan: String { sv ? "planen" : "plan" }
    var activities: String { sv ? "aktiviteter" : "activities" }
    var noChanges: String { sv ? "inga ändringar" : "no changes" }
    var noItemChanges: String { sv ? "inga ändringar av mål eller aktiviteter" : "no goal or activity changes" }
    var warning: String { sv ? "varning" : "warning" }
    var shownAsText: String { sv ? "visas som text" : "shown as text" }
    var file: String { sv ? "fil" : "file" }
    var fileAsText: String { sv ? "fil (som text)" : "file (as text)" }
    var body: String { sv ? "brödtext" : "body" }
    var changesHeading: String { sv ? "ändringar" : "changes" }
    var field: String { sv ? "fält" : "field" }
    var old: String { sv ? "före" : "old" }
    var new: String { sv ? "efter" : "new" }
    var measurements: String { sv ? "mätvärden" : "measurements" }

    /// `vantetid-bup 2022-12-31: 83.7 → 84.1 (Kolada, hämtat 2026-03-02 → 2026-12-07)`:
    /// values as the file writes them, `inget värde` for `value: null`.
    func measurement(_ m: MeasurementChange) -> String {
        func value(_ v: Double?) -> String {
            guard let v else { return sv ? "inget värde" : "no value" }
            return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        }
        var text = "\(m.indicator) \(m.date): "
        switch m.kind {
        case .added: text += value(m.new)
        case .removed: text += value(m.old)
        case .revised: text += value(m.old) + " → " + value(m.new)
        }
        var fetched: String?
        switch (m.oldFetched, m.newFetched) {
        case (let a?, let b?) where m.kind == .revised && a != b: fetched = "\(a) → \(b)"
        case (_, let b?) where m.kind != .removed: fetched = b
        case (let a?, _): fetched = a
        default: fetched = nil
        }
        if m.fromKolada || fetched != nil {
            text += " (Kolada" + (fetched.map { (sv ? ", hämtat " : ", fetched ") + $0 } ?? "") + ")"
        }
        return text
    }

    /// `3 added, 1 moved`, or nil when nothing changed.
    func counts(_ c: ChangeCounts, of kind: DocumentKind, planYears: Bool) -> String? {
        let parts = [(c.added, ItemChange.Change.added), (c.removed, .removed), (c.modified, .modified), (c.moved, .moved)]
            .filter { $0.0 > 0 }.map { "\($0.0) \(change($0.1, planYears: planYears, plural: $0.0 != 1, kind: kind))" }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `3 activities planned → done, 1 goal on-track → at-risk`.
    func transitions(_ list: [StatusTransition]) -> String? {
        guard !list.isEmpty else { return nil }
        return list.map { t in
            "\(t.count) \(kind(t.kind, plural: t.count != 1)) \(status(t.from, kind: t.kind)) → "
                + status(t.to, kind: t.kind)
        }.joined(separator: ", ")
    }

    /// How an item not carried into the new year ended: `done 2021-11-25`, `cancelled: reason`.
    func ending(_ notCarried: ItemChange.NotCarried, kind: DocumentKind) -> String? {
        guard let value = notCarried.status else { return nil }
        var text = status(value, kind: kind)
        if let completed = notCarried.completed { text += " " + completed }
        if let reason = notCarried.reason { text += ": " + reason }
        return text
    }

    /// What links to a changed goal: `affects 3 activities and 1 goal`, `påverkar 2
    /// aktiviteter`; nil when nothing does or it was not counted.
    func affects(_ change: ItemChange) -> String? {
        guard let linking = change.affects, !linking.isEmpty else { return nil }
        var parts: [String] = []
        if linking.activities > 0 { parts.append("\(linking.activities) \(kind(.activity, plural: linking.activities != 1))") }
        if linking.goals > 0 { parts.append("\(linking.goals) \(kind(.goal, plural: linking.goals != 1))") }
        return (sv ? "påverkar " : "affects ") + parts.joined(separator: sv ? " och " : " and ")
    }

    /// The first line of a change: `removed activity stockholm/2020/bu-p4`, with where it came
    /// from, how it ended when not carried and its title.
    func heading(_ change: ItemChange, planYears: Bool, item: (String) -> String, code: Bool = false) -> String {
        let quote = code ? "`" : ""
        var out =
            "\(self.change(change.change, planYears: planYears, kind: change.kind)) \(kind(change.kind)) \(item(quote + change.item + quote))"
        if let old = change.oldItem {
            out += " ← \(quote)\(old)\(quote)" + (change.match == .carriedFrom ? " (carried_from)" : "")
        }
        if let notCarried = change.notCarried, let ending = ending(notCarried, kind: change.kind) {
            out += " (\(ending))"
        }
        if change.change == .added || change.change == .removed, let title = change.title {
            out += " — " + title
        }
        return out
    }
}

/// The terminal rendering.
struct DiffText {
    let style: Style
    let words: DiffWords

    func render(_ result: DiffResult, statOnly: Bool, header: Bool) -> String {
        var out = ""
        if header { out += style.bold("plantrack diff \(result.from) → \(result.to)") + "\n" }
        if result.changes.isEmpty {
            return out + words.noChanges + "\n"
        }
        if !statOnly {
            for change in result.changes { out += "\n" + item(change, planYears: result.comparesPlanYears) }
            out += "\n"
        }
        for line in DiffOutput.summaryLines(result.summary, words: words, planYears: result.comparesPlanYears) {
            out += style.bold(line.plan) + ": " + line.text + "\n"
            if let transitions = line.transitions { out += "  status: " + transitions + "\n" }
        }
        return out
    }

    private func item(_ change: ItemChange, planYears: Bool) -> String {
        let colour: (String) -> String
        switch change.change {
        case .added: colour = style.green
        case .removed: colour = style.red
        case .modified: colour = style.yellow
        case .moved: colour = style.cyan
        }
        let heading = words.heading(change, planYears: planYears, item: style.bold)
        let word = words.change(change.change, planYears: planYears, kind: change.kind)
        var out = colour(word) + heading.dropFirst(word.count)
        out += "\n" + style.dim("  \(change.oldPath.map { "\($0) → " } ?? "")\(change.path)") + "\n"
        if let affects = words.affects(change) { out += "  " + style.bold(affects) + "\n" }
        for problem in change.problems {
            out +=
                style.yellow(
                    "  \(words.warning): \(problem.path):\(problem.location.map { "\($0.line):\($0.column)" } ?? "1:1"): \(problem.message); \(words.shownAsText)"
                ) + "\n"
        }
        // Entries of a list (`partners[]`, `tasks[title]`) as rows under the list's name.
        var list: String?
        for field in change.fields {
            if let name = DiffOutput.listEntry(field) {
                if name != list { out += "  \(name):\n" }
                list = name
                if let old = field.old { out += style.red("      - " + DiffOutput.inline(old)) + "\n" }
                if let new = field.new { out += style.green("      + " + DiffOutput.inline(new)) + "\n" }
                continue
            }
            list = nil
            out += fieldLines(field)
        }
        if !change.measurements.isEmpty {
            out += "  \(words.measurements):\n"
            for m in change.measurements {
                let line = words.measurement(m)
                switch m.kind {
                case .added: out += style.green("      + " + line) + "\n"
                case .removed: out += style.red("      - " + line) + "\n"
                case .revised: out += style.yellow("      ~ " + line) + "\n"
                }
            }
        }
        if let text = change.text {
            out += lines(text, title: words.file)
        } else if change.change == .modified || change.change == .moved, change.body.isChanged {
            out += lines(change.body, title: words.body)
        }
        return out
    }

    /// `+ field: value`, `~ field: old → new`; a list of records one row per entry.
    private func fieldLines(_ field: FieldChange) -> String {
        let oldRows = DiffOutput.rows(field.old)
        let newRows = DiffOutput.rows(field.new)
        if oldRows == nil && newRows == nil {
            switch field.kind {
            case .added: return style.green("  + \(field.field): \(DiffOutput.inline(field.new))") + "\n"
            case .removed: return style.red("  - \(field.field): \(DiffOutput.inline(field.old))") + "\n"
            case .changed:
                return "  ~ \(field.field): " + style.red(DiffOutput.inline(field.old)) + " → "
                    + style.green(DiffOutput.inline(field.new)) + "\n"
            }
        }
        let sign = field.kind == .added ? "+" : field.kind == .removed ? "-" : "~"
        var out = "  \(sign) \(field.field):"
        let old = oldRows ?? field.old.map { [DiffOutput.inline($0)] } ?? []
        let new = newRows ?? field.new.map { [DiffOutput.inline($0)] } ?? []
        if old.isEmpty && new.isEmpty { return out + " []\n" }
        out += "\n"
        for row in old where !new.contains(row) { out += style.red("      - " + row) + "\n" }
        for row in new where !old.contains(row) { out += style.green("      + " + row) + "\n" }
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
                out +=
                    "    ~ "
                    + words.map { word -> String in
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
struct DiffMarkdown {
    let words: DiffWords

    func render(_ result: DiffResult, statOnly: Bool) -> String {
        var out = "## plantrack diff: \(result.from) → \(result.to)\n\n"
        if result.changes.isEmpty { return out + words.noChanges.prefix(1).uppercased() + words.noChanges.dropFirst() + ".\n" }
        out += "| plan | \(words.changesHeading) | status |\n| --- | --- | --- |\n"
        for line in DiffOutput.summaryLines(result.summary, words: words, planYears: result.comparesPlanYears) {
            out += "| `\(line.plan)` | \(Self.cell(line.text)) | \(Self.cell(line.transitions ?? "")) |\n"
        }
        if statOnly { return out }
        for change in result.changes {
            out += "\n### " + words.heading(change, planYears: result.comparesPlanYears, item: { $0 }, code: true)
            out += "\n\n`\(change.oldPath.map { "\($0)` → `" } ?? "")\(change.path)`\n"
            if let affects = words.affects(change) {
                out += "\n" + affects.prefix(1).uppercased() + affects.dropFirst() + ".\n"
            }
            for problem in change.problems {
                // file:line:column, as validate writes it: no English "line" in a Swedish review.
                out +=
                    "\n> **\(words.warning.prefix(1).uppercased() + words.warning.dropFirst()):** `\(problem.path):\(problem.location.map { "\($0.line):\($0.column)" } ?? "1:1")`: \(problem.message); \(words.shownAsText).\n"
            }
            if !change.fields.isEmpty {
                out += "\n| \(words.field) | \(words.old) | \(words.new) |\n| --- | --- | --- |\n"
                for field in change.fields {
                    out += "| `\(Self.cell(field.field))` | \(Self.value(field.old)) | \(Self.value(field.new)) |\n"
                }
            }
            if !change.measurements.isEmpty {
                out += "\n**\(words.measurements.prefix(1).uppercased() + words.measurements.dropFirst()):**\n\n"
                for m in change.measurements {
                    let sign = m.kind == .added ? "+" : m.kind == .removed ? "−" : "~"
                    out += "- \(sign) \(Self.cell(words.measurement(m)))\n"
                }
            }
            let lines = change.text ?? ((change.change == .modified || change.change == .moved) ? change.body : nil)
            if let lines, lines.isChanged {
                out += "\n<details><summary>\(change.text == nil ? words.body : words.fileAsText)</summary>\n\n```diff\n"
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

    /// A value in a table cell: a list one entry per line.
    private static func value(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        if let rows = DiffOutput.rows(value) { return rows.map(cell).joined(separator: "<br>") }
        return cell(DiffOutput.inline(value))
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

    /// One measurement added, removed or revised: `{"indicator", "date", "change", "old",
    /// "new", "old_fetched", "new_fetched", "source"}` (docs/json.md).
    static func measurement(_ m: MeasurementChange) -> JSONValue {
        func number(_ v: Double?) -> JSONValue {
            guard let v else { return .null }
            return v == v.rounded() && abs(v) < 1e15 ? .number(.integer(Int64(v))) : .number(.double(v))
        }
        var object = JSONObject()
        object["indicator"] = .string(m.indicator)
        object["date"] = .string(m.date)
        object["change"] = .string(m.kind.rawValue)
        object["old"] = number(m.old)
        object["new"] = number(m.new)
        object["old_fetched"] = m.oldFetched.map { .string($0) } ?? .null
        object["new_fetched"] = m.newFetched.map { .string($0) } ?? .null
        object["source"] = m.fromKolada ? .string("Kolada") : .null
        return .object(object)
    }

    static func change(_ change: ItemChange) -> JSONValue {
        var object = JSONObject()
        object["item"] = .string(change.item)
        object["old_item"] = change.oldItem.map { .string($0) } ?? .null
        object["kind"] = .string(change.kind.rawValue)
        object["title"] = change.title.map { .string($0) } ?? .null
        object["change"] = .string(change.change.rawValue)
        object["not_carried"] =
            change.notCarried.map { notCarried -> JSONValue in
                var o = JSONObject()
                o["status"] = notCarried.status.map { .string($0) } ?? .null
                o["completed"] = notCarried.completed.map { .string($0) } ?? .null
                o["reason"] = notCarried.reason.map { .string($0) } ?? .null
                return .object(o)
            } ?? .null
        object["match"] = change.match.map { .string($0.rawValue) } ?? .null
        object["path"] = .string(change.path)
        object["old_path"] = change.oldPath.map { .string($0) } ?? .null
        object["fields"] = .array(change.fields.map(field))
        object["measurements"] = .array(change.measurements.map(measurement))
        object["affects"] =
            change.affects.map { linking -> JSONValue in
                [
                    "activities": .number(.integer(Int64(linking.activities))),
                    "goals": .number(.integer(Int64(linking.goals))),
                ]
            } ?? .null
        let bodyChanged = change.text?.isChanged ?? change.body.isChanged
        object["body"] = .string(bodyChanged ? "changed" : "unchanged")
        object["warnings"] = .array(
            change.problems.map { problem in
                var w = JSONObject()
                w["path"] = .string(problem.path)
                w["line"] = problem.location.map { .number(.integer(Int64($0.line))) } ?? .null
                w["column"] = problem.location.map { .number(.integer(Int64($0.column))) } ?? .null
                w["rule"] = .string(problem.rule)
                w["message"] = .string(problem.message)
                return .object(w)
            })
        return .object(object)
    }

    static func summary(_ summary: DiffSummary) -> JSONValue {
        func counts(_ c: ChangeCounts) -> JSONValue {
            [
                "added": .number(.integer(Int64(c.added))), "removed": .number(.integer(Int64(c.removed))),
                "modified": .number(.integer(Int64(c.modified))), "moved": .number(.integer(Int64(c.moved))),
            ]
        }
        var object = JSONObject()
        object["plans"] = .array(
            summary.plans.map { plan in
                var p = JSONObject()
                p["plan"] = .string(plan.plan)
                p["plan_change"] = plan.planChange.map { .string($0.rawValue) } ?? .null
                p["goals"] = counts(plan.goals)
                p["activities"] = counts(plan.activities)
                p["transitions"] = .array(
                    plan.transitions.map { t in
                        [
                            "kind": .string(t.kind.rawValue), "from": .string(t.from), "to": .string(t.to),
                            "count": .number(.integer(Int64(t.count))),
                        ]
                    })
                return .object(p)
            })
        object["others"] = .array(
            summary.others.map { other in
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
