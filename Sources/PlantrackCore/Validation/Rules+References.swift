// Rules that every reference from one document to another resolves.

/// `ref.area-missing`: a goal's or activity's `area`, or an area's `parent`, is not an
/// area of the plan.
struct AreaMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.area-missing", severity: .error,
        summary: "a goal's or activity's area, and an area's parent, is an area of the plan")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let plan = group.judgedPlan, let areas = group.areaIDs else { continue }
            let known = areas.sorted()
            for area in plan.areas ?? [] {
                guard let parent = area.parent, !areas.contains(parent.value) else { continue }
                out.report(
                    plan.document, at: parent.place,
                    "the parent area \(parent.value) is not an area of this plan\(RuleText.didYouMean(parent.value, among: known)); "
                        + "the areas are \(RuleText.list(known))")
            }
            let items = group.judgedGoals.map { ($0.document, $0.area) } + group.judgedActivities.map { ($0.document, $0.area) }
            for (document, area) in items {
                guard let area, !areas.contains(area.value) else { continue }
                out.report(
                    document, at: area.place,
                    "\(area.value) is not an area of the plan \(group.reference)\(RuleText.didYouMean(area.value, among: known)); "
                        + "its areas are \(RuleText.list(known))")
            }
        }
    }
}

/// `ref.goal-missing`: an entry of an activity's `goals` is not a goal of the plan.
struct GoalMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.goal-missing", severity: .error,
        summary: "every entry of an activity's goals is a goal of the same plan")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities {
                for goal in activity.goals where group.goalsByID[goal.value] == nil {
                    if group.activitiesByID[goal.value] != nil {
                        out.report(
                            activity.document, at: goal.place,
                            "\(goal.value) is an activity, not a goal; list the goals this activity contributes to")
                    } else {
                        out.report(
                            activity.document, at: goal.place,
                            "the plan \(group.reference) has no goal \(goal.value)"
                                + "\(RuleText.didYouMean(goal.value, among: group.goalsByID.keys)); "
                                + "a goal is a file goals/<id>.md in the plan's folder")
                    }
                }
            }
        }
    }
}

/// `ref.serves-missing`: an entry of a goal's `serves` is not a goal of the plan.
///
/// A long-term goal's `serves` is reported as a whole by `goal.long-term-serves`; its
/// entries are not judged one by one.
struct ServesMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.serves-missing", severity: .error,
        summary: "every entry of a goal's serves is a goal of the same plan")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for goal in group.judgedGoals where goal.term != .long {
                for served in goal.serves where group.goalsByID[served.value] == nil {
                    out.report(
                        goal.document, at: served.place,
                        "the plan \(group.reference) has no goal \(served.value)"
                            + "\(RuleText.didYouMean(served.value, among: group.goalsByID.keys)); "
                            + "serves lists the long-term goals this goal serves")
                }
            }
        }
    }
}

/// `ref.serves-not-long-term`: a goal's `serves` names a short-term goal.
struct ServesNotLongTermRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.serves-not-long-term", severity: .error,
        summary: "serves names long-term goals only")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for goal in group.judgedGoals where goal.term != .long {
                for served in goal.serves {
                    guard let target = group.goalsByID[served.value], target.base.isJudged, target.term == .short else {
                        continue
                    }
                    out.report(
                        goal.document, at: served.place,
                        "\(served.value) is a short-term goal; a goal serves long-term goals only "
                            + "(name the long-term goal that \(served.value) serves)")
                }
            }
        }
    }
}

/// `goal.long-term-serves`: a long-term goal has a non-empty `serves`.
struct LongTermServesRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "goal.long-term-serves", severity: .error,
        summary: "a long-term goal serves no other goal")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for goal in group.judgedGoals where goal.term == .long {
                guard let key = goal.servesKey else { continue }
                out.report(
                    goal.document, at: key,
                    "a long-term goal serves no other goal; remove serves, "
                        + "or make this a short-term goal (term: short)")
            }
        }
    }
}

/// `ref.revises-missing`: a plan's `revises` names no plan of an earlier year in the workspace.
struct RevisesMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.revises-missing", severity: .error,
        summary: "revises names a plan of an earlier year in the workspace")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            // A value that is not of the form county/year is the schema's finding.
            guard let plan = group.judgedPlan, let revises = plan.revises,
                let target = ItemReference(revises.value), let year = target.year, target.id == nil,
                let ownYear = group.reference.year
            else { continue }
            if year >= ownYear {
                out.report(
                    plan.document, at: revises.place,
                    "revises names \(revises.value), which is not an earlier year than this plan's (\(ownYear)); "
                        + "name the previous plan")
            } else if index.plan(target)?.plan == nil {
                out.report(
                    plan.document, at: revises.place,
                    "there is no plan \(revises.value) in the workspace "
                        + "(Plans/\(target.county)/\(year)/plan.md); name the plan this one revises, or remove revises")
            }
        }
    }
}

/// `ref.carried-from-missing`: `carried_from` names no goal or activity of an earlier year.
struct CarriedFromMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.carried-from-missing", severity: .error,
        summary: "carried_from names a goal or activity of a plan of an earlier year")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let ownYear = group.reference.year else { continue }
            let items =
                group.judgedGoals.map { ($0.document, $0.carriedFrom) }
                + group.judgedActivities.map { ($0.document, $0.carriedFrom) }
            for (document, carried) in items {
                // A value that is not of the form county/year/id is the schema's finding.
                guard let carried, let source = ItemReference(carried.value), let year = source.year, source.id != nil
                else { continue }
                if year >= ownYear {
                    out.report(
                        document, at: carried.place,
                        "carried_from must name an item of an earlier year than \(ownYear), "
                            + "not \(carried.value)")
                } else if !index.hasItem(source) {
                    out.report(
                        document, at: carried.place,
                        "there is no goal or activity \(carried.value) in the workspace; "
                            + "name the item this one continues as county/year/id")
                }
            }
        }
    }
}
