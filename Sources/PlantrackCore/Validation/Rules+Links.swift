// Rules about links between items that still hold but may no longer mean what they did.

/// `links.suspect`: an activity's `goals` entry or a goal's `serves` entry has a review
/// stamp (`link_reviews`) whose fingerprint is not the linked goal's fingerprint now: the
/// goal changed in meaning since a person last confirmed the link (docs/review.md).
///
/// A link without a stamp is not judged. Without history at hand the rule can say only that
/// the goal changed; `plantrack validate` in a repository and `plantrack review` add what
/// changed (``SuspectLinks``).
struct SuspectLinkRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "links.suspect", severity: .warning,
        summary: "a linked goal has not changed in meaning since the link was reviewed")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            var fingerprints: [String: String] = [:]
            func fingerprint(_ goal: GoalFacts) -> String {
                let id = goal.id ?? ""
                if let known = fingerprints[id] { return known }
                let made = index.meaning.fingerprint(of: goal.meaning)
                fingerprints[id] = made
                return made
            }
            for activity in group.judgedActivities where !activity.stamps.isEmpty {
                for link in activity.goals {
                    guard let stamp = activity.stamps[link.value], let stamped = stamp.fingerprint,
                        let goal = group.goalsByID[link.value], goal.base.isJudged, fingerprint(goal) != stamped
                    else { continue }
                    out.report(
                        activity.document, at: link.place,
                        message(kind: .activity, item: activity.id ?? "?", link: "works towards", goal: link.value, stamp: stamp))
                }
            }
            for goal in group.judgedGoals where !goal.stamps.isEmpty {
                for link in goal.serves {
                    guard let stamp = goal.stamps[link.value], let stamped = stamp.fingerprint,
                        let served = group.goalsByID[link.value], served.base.isJudged, fingerprint(served) != stamped
                    else { continue }
                    out.report(
                        goal.document, at: link.place,
                        message(kind: .goal, item: goal.id ?? "?", link: "serves", goal: link.value, stamp: stamp))
                }
            }
        }
    }

    /// Per plan (`county/year`) of `index`, how many links the rule finds suspect, judged
    /// with `meaning`: the count `rollup` and the status report show, found by the rule
    /// itself so that no second judgement can disagree with `validate` and `review`.
    static func counts(in index: RuleIndex, meaning: GoalMeaning) -> [ItemReference: Int] {
        var index = index
        index.meaning = meaning
        var out = RuleOutput(rule: descriptor.id, severity: descriptor.severity)
        check(index, &out)
        return SuspectLinks.countsByPlan(findings: out.findings)
    }

    /// "activity a3 works towards goal g2, which changed since the link was reviewed on
    /// 2025-03-01": what the rule can say without history.
    static func message(kind: DocumentKind, item: String, link: String, goal: String, stamp: LinkStamp) -> String {
        let when = stamp.date.map { " on \($0)" } ?? ""
        return "\(kind.rawValue) \(item) \(link) goal \(goal), which changed since the link was reviewed\(when)"
    }
}
