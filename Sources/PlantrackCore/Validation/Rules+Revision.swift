// Rules between a plan and the earlier plan it revises.

/// `revise.open-not-carried`: the plan a plan revises has open activities (neither done
/// nor cancelled) that the new plan does not carry over.
///
/// An activity is carried over when the new plan has an item with the same id (for a plan
/// of the same county: the same id in two years of a county is the same item) or an item
/// whose `carried_from` names it.
struct OpenNotCarriedRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "revise.open-not-carried", severity: .warning,
        summary: "the open activities of the revised plan are carried over, done or cancelled")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let plan = group.judgedPlan, let revises = plan.revises,
                let previousReference = ItemReference(revises.value), previousReference.year != nil,
                previousReference.id == nil, previousReference != group.reference,
                let previous = index.plan(previousReference), previous.plan != nil
            else { continue }
            // Every item of the new plan counts here, even one the rules do not otherwise
            // judge: a carried-over activity with a broken field is still carried over.
            var carried: Set<String> = []
            for source in group.goals.map(\.carriedFrom) + group.activities.map(\.carriedFrom) {
                if let source { carried.insert(source.value) }
            }
            let sameCounty = previousReference.county == group.reference.county
            var open: [String] = []
            for activity in previous.judgedActivities where activity.isOpen == true {
                guard let id = activity.id else { continue }
                if sameCounty && group.hasItem(id) { continue }
                if carried.contains("\(previousReference)/\(id)") { continue }
                open.append(id)
            }
            guard !open.isEmpty else { continue }
            out.report(
                plan.document, at: revises.place,
                "\(revises.value) has open activities that this plan does not carry over: \(RuleText.list(open)); "
                    + "carry each over (same id, or carried_from: \(previousReference)/<id>), "
                    + "or set it done or cancelled in \(revises.value)")
        }
    }
}
