// Rules about a plan's follow-up (redovisning, `followup.md`; docs/format.md "The follow-up").

/// `ref.followup-indicator`: an entry of a follow-up's `availability.indicators` is an
/// indicator of a goal of the plan it follows up, written `goal-id/indicator-id`.
struct FollowUpIndicatorRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "ref.followup-indicator", severity: .error,
        summary: "every entry of a follow-up's availability.indicators is goal-id/indicator-id of the plan's goals")

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let followUp = group.followUp, followUp.base.isJudged else { continue }
            for reference in followUp.indicatorReferences {
                let parts = reference.value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else {
                    out.report(
                        followUp.document, at: reference.place,
                        "\(reference.value) is not goal-id/indicator-id; name an indicator of one of the plan's goals, "
                            + "e.g. bu-ft-st-2/forsta-bedomning-bup")
                    continue
                }
                guard let goal = group.goalsByID[parts[0]] else {
                    out.report(
                        followUp.document, at: reference.place,
                        "the plan \(group.reference) has no goal \(parts[0])"
                            + "\(RuleText.didYouMean(parts[0], among: group.goalsByID.keys)); "
                            + "availability.indicators names goal-id/indicator-id")
                    continue
                }
                let ids = goal.indicatorIDs.map(\.value)
                guard ids.contains(parts[1]) else {
                    out.report(
                        followUp.document, at: reference.place,
                        "the goal \(parts[0]) has no indicator \(parts[1])\(RuleText.didYouMean(parts[1], among: ids)); "
                            + (ids.isEmpty ? "it has no indicators" : "its indicators are \(RuleText.list(ids))"))
                    continue
                }
            }
        }
    }
}

/// `followup.incomplete`: from 1 January to 31 March after the plan year, when the accounts
/// of §6 and §9.1 are due, each part a plan's follow-up still lacks (``FollowUpCompleteness``,
/// the same list the follow-up report shows). Only plans with a `followup.md`: a county that
/// does not keep its follow-up in the workspace is not reminded.
struct FollowUpIncompleteRule: PlanRule {
    static let descriptor = RuleDescriptor(
        id: "followup.incomplete", severity: .warning,
        summary: "from 1 January to 31 March after the plan year, a plan's follow-up has every part §6 asks for",
        dependsOnDate: true)

    static func check(_ index: RuleIndex, _ out: inout RuleOutput) {
        for group in index.plans {
            guard let year = group.reference.year, FollowUpDeadlines.isDue(year: year, on: index.asOf),
                let followUp = group.followUp, followUp.base.isJudged, let plan = group.judgedPlan
            else { continue }
            let funding = plan.funding ?? []
            let completeness = FollowUpCompleteness(funding: funding.map(\.mark), followUp: followUp.followUp)
            let due = FollowUpDeadlines.deadlines(year: year).first?.date.description ?? ""
            for missing in completeness.missing {
                let message =
                    "the follow-up of \(group.reference) (due to SKR by \(due)) lacks \(missing.field) "
                    + "(§\(missing.section.rawValue)): \(hint(missing))"
                switch missing.document {
                case .plan:
                    if let entry = missing.entry, funding.indices.contains(entry) {
                        out.report(plan.document, at: funding[entry].place, message)
                    } else {
                        out.reportMissing(plan.document, field: missing.field, message)
                    }
                default:
                    let section = String(missing.field.prefix { $0 != "." && $0 != "[" })
                    if let entry = missing.entry, followUp.participationPlaces.indices.contains(entry) {
                        out.report(followUp.document, at: followUp.participationPlaces[entry], message)
                    } else if section != missing.field, let place = followUp.places[section] {
                        out.report(followUp.document, at: place, message)
                    } else {
                        out.reportMissing(followUp.document, field: section, message)
                    }
                }
            }
        }
    }

    /// What to write, in the format's words.
    private static func hint(_ missing: FollowUpCompleteness.Missing) -> String {
        switch missing.section {
        case .money:
            return "name each funding stream's kind (general, cooperation, children_young, youth_clinics, trauma_care, "
                + "user_participation) and principal (region, municipalities, joint or a municipality code)"
        case .userParticipation:
            return "say how each principal, and the principals together, work with users and relatives, "
                + "and what the funds paid for"
        case .availability:
            return "name the waiting-time indicators (goal-id/indicator-id) and write the analysis of availability"
        case .youthClinics:
            return "write use_of_funds, result, continued_plan and responsibility for the youth clinics"
        }
    }
}
