// Rules about performance targets (prestationsmål): money that depends on a threshold on
// one of the goal's indicators (issue 21; docs/indicators.md, "Performance targets").

/// What the rules read of one entry of a goal's `performance`.
struct PerformanceFacts: Sendable {
    /// The `indicator` the threshold is on, when it is text.
    var indicator: Located<String>?

    init(_ entry: Located<FrontMatterView>) {
        indicator = entry.value.string("indicator")
    }
}

/// `ref.indicator-missing`: a performance target names an indicator the goal does not have,
/// so the money that depends on it could never be judged.
struct PerformanceIndicatorMissingRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.indicator-missing", severity: .error,
        summary: "a performance target's indicator is an indicator of its goal")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            for goal in group.judgedGoals where !goal.performance.isEmpty {
                let ids = goal.indicators.compactMap(\.id)
                let known = Set(ids)
                for target in goal.performance {
                    guard let indicator = target.indicator, !known.contains(indicator.value) else { continue }
                    let listed =
                        ids.isEmpty
                        ? "the goal has no indicators"
                        : "the goal's indicators are " + RuleText.list(ids)
                    out.report(
                        goal.document, at: indicator.place,
                        "the performance target is on \(indicator.value), which is not an indicator of the goal"
                            + "\(RuleText.didYouMean(indicator.value, among: ids)); \(listed)")
                }
            }
        }
    }
}
