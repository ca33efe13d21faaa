import JSONSchema
import PlantrackCore

/// `plantrack review`'s three renderings of ``SuspectLinks`` (docs/review.md, docs/json.md).
enum ReviewOutput {
    /// The links grouped by goal, each goal with its changes since the stamp.
    static func text(_ links: SuspectLinks, style: Style) -> String {
        var out = ""
        for goal in links.goals {
            out += style.bold("goal \(goal.goal)") + (goal.title.map { " — \($0)" } ?? "") + "\n"
            out += "  " + since(goal) + "\n"
            for line in changeLines(goal) { out += "    " + line + "\n" }
            out += "  \(EnglishWords.count(goal.links.count, "suspect link")):\n"
            for link in goal.links {
                let reviewed = link.stamp.date.map { "reviewed \($0)" } ?? "reviewed on an unknown day"
                out +=
                    "    " + style.dim("\(link.path):\(link.location.line):\(link.location.column)") + "  "
                    + "\(link.kind.rawValue) \(link.item.id ?? "")" + (link.title.map { "  \($0)" } ?? "") + "  (\(reviewed))\n"
            }
            out += "\n"
        }
        let total = links.links.count
        var summary =
            "\(EnglishWords.count(total, "suspect link")) to \(EnglishWords.count(links.goals.count, "changed goal")) "
            + "(\(links.label)); \(EnglishWords.count(links.stampedLinks, "stamped link")), "
            + "\(links.unstampedLinks) without a stamp"
        summary = total > 0 ? style.yellow(summary) : style.green(summary)
        out += summary + "\n"
        if total > 0 {
            out += style.dim("confirm with: plantrack review --accept ITEM [--goal GOAL], or --all PLAN") + "\n"
        }
        return out
    }

    /// `changed since the review on 2026-01-15 (version of 1a2b3c4, 2026-01-15):`.
    private static func since(_ goal: SuspectGoal) -> String {
        let days = Set(goal.links.compactMap(\.stamp.date)).sorted()
        let when = days.isEmpty ? "" : " on " + days.map(\.description).joined(separator: ", ")
        guard let version = goal.reviewedVersion else {
            return "changed since the review\(when); the reviewed version is not in the history at hand, so what changed is not known"
        }
        return "changed since the review\(when) (as of \(version.shortID), \(version.date)):"
    }

    /// One line per changed field (`indicators[i1].target.value: 80 → 90`), and the text.
    private static func changeLines(_ goal: SuspectGoal) -> [String] {
        guard let changes = goal.changes else { return [] }
        var lines = changes.map { "\($0.field): \(CommitMessage.show($0.old)) → \(CommitMessage.show($0.new))" }
        if goal.bodyChanged { lines.append("the text (body) changed") }
        if lines.isEmpty { lines.append("(fields that count are as reviewed; the fingerprint differs)") }
        return lines
    }

    /// A heading per goal, its changes as a list and its links as a table.
    static func markdown(_ links: SuspectLinks) -> String {
        func cell(_ text: String) -> String {
            text.replacing("|", with: "\\|").replacing("\n", with: " ")
        }
        var out = "# Suspect links (\(cell(links.label)))\n\n"
        if links.goals.isEmpty { out += "No suspect links.\n" }
        for goal in links.goals {
            out += "## Goal \(goal.goal)" + (goal.title.map { " — \(cell($0))" } ?? "") + "\n\n"
            out += cell(since(goal)) + "\n\n"
            for line in changeLines(goal) { out += "- `\(cell(line))`\n" }
            if goal.changes != nil { out += "\n" }
            out += "| Item | Kind | Title | Line | Reviewed |\n| --- | --- | --- | --- | --- |\n"
            for link in goal.links {
                out +=
                    "| \(link.item) | \(link.kind.rawValue) | \(cell(link.title ?? "")) | "
                    + "\(link.path):\(link.location.line) | \(link.stamp.date?.description ?? "") |\n"
            }
            out += "\n"
        }
        out +=
            "\(EnglishWords.count(links.links.count, "suspect link")) to \(EnglishWords.count(links.goals.count, "changed goal")); "
            + "\(links.unstampedLinks) links without a stamp.\n"
        return out
    }

    /// The `review --format json` document (docs/json.md).
    static func json(_ links: SuspectLinks, revision: String?) -> JSONValue {
        func int(_ n: Int) -> JSONValue { .number(.integer(Int64(n))) }
        var root = JSONObject()
        root["version"] = .string(links.label)
        root["revision"] = revision.map { .string($0) } ?? .null
        root["goal_meaning"] = .array(links.meaning.fields.map { .string($0) })
        root["suspect_links"] = int(links.links.count)
        root["stamped_links"] = int(links.stampedLinks)
        root["unstamped_links"] = int(links.unstampedLinks)
        root["goals"] = .array(
            links.goals.map { goal in
                var o = JSONObject()
                o["goal"] = .string(goal.goal.description)
                o["title"] = goal.title.map { .string($0) } ?? .null
                o["path"] = .string(goal.path)
                o["fingerprint"] = .string(goal.fingerprint)
                if let version = goal.reviewedVersion {
                    var v = JSONObject()
                    v["commit"] = .string(version.id)
                    v["date"] = .string(version.date.description)
                    o["reviewed_version"] = .object(v)
                } else {
                    o["reviewed_version"] = .null
                }
                o["changes"] =
                    goal.changes.map { changes in
                        .array(
                            changes.map { change in
                                var c = JSONObject()
                                c["field"] = .string(change.field)
                                c["old"] = change.old ?? .null
                                c["new"] = change.new ?? .null
                                return .object(c)
                            })
                    } ?? .null
                o["body_changed"] = .bool(goal.bodyChanged)
                o["links"] = .array(
                    goal.links.map { link in
                        var l = JSONObject()
                        l["item"] = .string(link.item.description)
                        l["kind"] = .string(link.kind.rawValue)
                        l["title"] = link.title.map { .string($0) } ?? .null
                        l["path"] = .string(link.path)
                        l["line"] = int(link.location.line)
                        l["column"] = int(link.location.column)
                        var stamp = JSONObject()
                        stamp["fingerprint"] = link.stamp.fingerprint.map { .string($0) } ?? .null
                        stamp["date"] = link.stamp.date.map { .string($0.description) } ?? .null
                        l["reviewed"] = .object(stamp)
                        return .object(l)
                    })
                return .object(o)
            })
        return .object(root)
    }
}
