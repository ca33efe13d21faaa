// Rules that names are used once where they must name one thing.

/// `id.duplicate`: an id used twice where it must be unique — a goal and an activity of
/// one plan, two areas of a plan, two indicators of a goal, or two funding entries of a
/// plan naming the same stream.
struct DuplicateIDRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "id.duplicate", severity: .error,
        summary: "ids are unique within a plan (goals and activities together, areas, indicators of a goal, funding streams)")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            checkItems(group, &out)
            if let plan = group.judgedPlan {
                reportRepeats(plan.areas?.compactMap(\.id) ?? [], in: plan.document, &out) { id in
                    "another area of this plan already has the id \(id); give each area its own id"
                }
                reportRepeats(plan.funding?.compactMap(\.stream) ?? [], in: plan.document, &out) { stream in
                    "the funding stream \"\(stream)\" is already listed in this plan; "
                        + "give it one entry with the whole amount"
                }
            }
            for goal in group.judgedGoals {
                reportRepeats(goal.indicatorIDs, in: goal.document, &out) { id in
                    "another indicator of this goal already has the id \(id); give each indicator its own id"
                }
            }
        }
    }

    /// Goals and activities share the plan's ids. Their ids are their file names, so a
    /// clash is a goal and an activity with the same file name; the later file by path is
    /// reported, naming the earlier one.
    private static func checkItems(_ group: PlanGroup, _ out: inout RuleOutput) {
        var first: [String: Document] = [:]
        let items = (group.activities.map(\.base) + group.goals.map(\.base)).sorted { $0.document.path < $1.document.path }
        for item in items {
            guard let id = item.document.reference?.id else { continue }
            if let earlier = first[id] {
                out.report(
                    item.document, at: item.idPlace,
                    "the id \(id) is already used by the \(earlier.kind.rawValue) \(earlier.path); "
                        + "goals and activities of a plan share their ids, so rename one of them")
            } else {
                first[id] = item.document
            }
        }
    }

    /// Reports every value that repeats an earlier one.
    private static func reportRepeats(
        _ values: [Located<String>], in document: Document, _ out: inout RuleOutput, message: (String) -> String
    ) {
        var seen: Set<String> = []
        for value in values where !seen.insert(value.value).inserted {
            out.report(document, at: value.place, message(value.value))
        }
    }
}
