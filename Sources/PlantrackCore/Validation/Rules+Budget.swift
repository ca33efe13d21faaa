// Rules about money: an activity's own budget, and the plan's funding streams.

/// `budget.overspent`: an activity spent more than its budget without approval.
struct OverspentRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "budget.overspent", severity: .error,
        summary: "spent_sek is at most budget_sek unless x-overspend-approved: true")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for activity in group.judgedActivities {
                guard let budget = activity.budgetSEK, let spent = activity.spentSEK, spent.value > budget.value,
                    !activity.overspendApproved
                else { continue }
                out.report(
                    activity.document, at: spent.place,
                    "spent \(RuleText.kronor(spent.value)) > budget \(RuleText.kronor(budget.value)); "
                        + "correct the figures, or add x-overspend-approved: true once the overspending is approved")
            }
        }
    }
}

/// `budget.stream-over-funding`: the activities' budgets in a funding stream add up to
/// more than the plan's funding for it.
///
/// A cancelled activity counts with what it spent (nothing when `spent_sek` is absent): the
/// rest of its budget went back to the stream.
struct StreamOverFundingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "budget.stream-over-funding", severity: .warning,
        summary: "the activities' budgets in a funding stream fit in the plan's funding for it")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let plan = group.judgedPlan, let streams = group.funding, !streams.isEmpty else { continue }
            var totals: [String: (sum: Int, parts: [String])] = [:]
            for activity in group.judgedActivities {
                guard let stream = activity.fundingStream?.value, let amount = committed(activity) else { continue }
                let id = activity.id ?? activity.document.path
                // Sums saturate: an absurd figure must make a finding, not a crash.
                let (sum, overflow) = (totals[stream]?.sum ?? 0).addingReportingOverflow(amount)
                totals[stream, default: (0, [])].sum = overflow ? Int.max : sum
                totals[stream, default: (0, [])].parts.append("\(id) \(RuleText.kronor(amount))")
            }
            for stream in streams {
                guard let funding = stream.amountSEK, let total = totals[stream.name], total.sum > funding else { continue }
                out.report(
                    plan.document, at: stream.place,
                    "the activities' budgets in \"\(stream.name)\" exceed the plan's funding for it: "
                        + "\(RuleText.kronor(total.sum)) > \(RuleText.kronor(funding)) "
                        + "(\(total.parts.joined(separator: ", "))); lower the budgets or raise the funding")
            }
        }
    }

    /// What an activity takes from its stream: its budget, or what it spent if cancelled.
    private static func committed(_ activity: ActivityFacts) -> Int? {
        let budget = activity.budgetSEK?.value
        guard activity.status?.value == .cancelled else { return budget }
        return activity.spentSEK?.value ?? (budget == nil ? nil : 0)
    }
}

/// `budget.stream-unknown`: an activity's `funding_stream` is not one of its plan's streams.
struct StreamUnknownRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "budget.stream-unknown", severity: .warning,
        summary: "an activity's funding_stream is one of its plan's funding streams")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let streams = group.funding else { continue }
            let names = streams.map(\.name)
            let known = Set(names)
            for activity in group.judgedActivities {
                guard let stream = activity.fundingStream, !known.contains(stream.value) else { continue }
                let listed =
                    names.isEmpty
                    ? "the plan lists no funding"
                    : "the plan's streams are " + RuleText.list(names.map { "\"\($0)\"" })
                out.report(
                    activity.document, at: stream.place,
                    "\"\(stream.value)\" is not a funding stream of the plan \(group.reference)"
                        + "\(RuleText.didYouMean(stream.value, among: names)); \(listed)")
            }
        }
    }
}
