// Rules that goals and activities are tied together: every activity works towards a
// goal, every short-term goal has an activity, every long-term goal a short-term goal.

/// `goal.activity-without-goal`: an activity contributes to no goal.
struct ActivityWithoutGoalRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "goal.activity-without-goal", severity: .warning,
        summary: "every activity lists the goals it contributes to")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        let message = "the activity contributes to no goal; list the short-term goals it works towards under goals"
        for group in index.plans {
            for activity in group.judgedActivities {
                switch activity.goalsField {
                case .absent: out.reportMissing(activity.document, field: "goals", message)
                case .empty(let place): out.report(activity.document, at: place, message)
                case .listed, .other: break
                }
            }
        }
    }
}

/// `goal.activity-long-term-goal`: an activity's `goals` names a long-term goal.
///
/// Activities contribute to short-term goals, which serve the long-term ones; the message
/// names the short-term goals that serve the long-term goal named.
struct ActivityLongTermGoalRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "goal.activity-long-term-goal", severity: .error,
        summary: "an activity's goals are short-term goals")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities {
                for goal in activity.goals {
                    guard let target = group.goalsByID[goal.value], target.base.isJudged, target.term == .long else {
                        continue
                    }
                    let serving = group.judgedGoals
                        .filter { $0.term == .short && $0.serves.contains { $0.value == goal.value } }
                        .compactMap(\.id).sorted()
                    let hint =
                        serving.isEmpty
                        ? "name a short-term goal that serves \(goal.value) instead"
                        : "name a short-term goal that serves it instead (\(serving.joined(separator: " or ")))"
                    out.report(
                        activity.document, at: goal.place,
                        "\(goal.value) is a long-term goal; an activity contributes to short-term goals: \(hint)")
                }
            }
        }
    }
}

/// `goal.short-term-unsupported`: no activity contributes to a short-term goal.
///
/// Cancelled activities do not count: they no longer work towards anything.
struct ShortTermUnsupportedRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "goal.short-term-unsupported", severity: .warning,
        summary: "some activity that is not cancelled contributes to each short-term goal")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            var supported: Set<String> = []
            for activity in group.judgedActivities where activity.status?.value != .cancelled {
                for goal in activity.goals { supported.insert(goal.value) }
            }
            for goal in group.judgedGoals where goal.term == .short {
                guard let id = goal.id, !supported.contains(id) else { continue }
                out.report(
                    goal.document, at: goal.base.idPlace,
                    "no activity of the plan contributes to the short-term goal \(id); "
                        + "add \(id) to the goals of the activities that work towards it")
            }
        }
    }
}

/// `goal.long-term-unserved`: no short-term goal serves a long-term goal.
struct LongTermUnservedRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "goal.long-term-unserved", severity: .warning,
        summary: "some short-term goal serves each long-term goal")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            var served: Set<String> = []
            // A long-term goal's serves is an error of its own; it serves nothing here. A goal
            // whose term is unreadable counts, so one schema error does not cascade.
            for goal in group.judgedGoals where goal.term != .long {
                for target in goal.serves { served.insert(target.value) }
            }
            for goal in group.judgedGoals where goal.term == .long {
                guard let id = goal.id, !served.contains(id) else { continue }
                out.report(
                    goal.document, at: goal.base.idPlace,
                    "no short-term goal of the plan serves the long-term goal \(id); "
                        + "add \(id) to the serves of the short-term goals that lead to it")
            }
        }
    }
}
