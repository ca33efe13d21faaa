/// The part of a plan's follow-up that §6 of the 2019 agreement asks for, language-neutral:
/// the due dates, the money per §6.1 stream kind by principal beside the county's allocation,
/// the results of earlier plans, user participation (§6.2), availability (§6.4), the youth
/// clinics (§6.5), and what is still missing (``FollowUpCompleteness``).
extension FollowUpReport {
    /// Money of one §6.1 kind and one principal.
    public struct KindMoney: Hashable, Sendable {
        /// nil: the funding stream names no kind (or the activity no stream of the plan).
        public var kind: StreamKind?
        /// nil: not stated.
        public var principal: Principal?
        /// Granted: the plan's `funding` of this kind and principal.
        public var fundingSEK: Int
        /// Budgeted by the activities (cancelled ones count 0).
        public var budgetSEK: Int
        public var spentSEK: Int
    }

    /// An earlier plan on the `revises` chain, with the results of its goals and activities.
    public struct EarlierPlan: Sendable {
        public var reference: ItemReference
        public var title: String
        public var goals: [Goal]
        public var activities: [Activity]
        /// Ids of its goals and activities that the plan after it carries on (the same id,
        /// or an item's `carried_from`).
        public var carriedOn: Set<String>
        /// What of the earlier plan is made up for illustration (`x-illustrative`).
        public var illustrative: Illustrative?
    }

    /// An entry of the follow-up's `availability.indicators`, resolved against the plan's goals.
    public struct AvailabilityIndicator: Sendable {
        /// `goal-id/indicator-id` as written.
        public var reference: String
        /// The indicator as the plan year sees it; nil when the reference does not resolve
        /// (`ref.followup-indicator` reports it).
        public var indicator: Indicator?
    }

    /// What §6 asks of one plan's follow-up.
    public struct AgreementPart: Sendable {
        /// The due dates, with what the follow-up says was submitted.
        public var deadlines: [FollowUpDeadlines.Deadline]
        /// §6.1: per kind (§6.1 order, not stated last) and principal.
        public var money: [KindMoney]
        /// The plan's funding beside the county's allocation; nil when plantrack knows no
        /// agreement of the plan year or earlier, or the county has no known code.
        public var coverage: AllocationCoverage?
        /// The year of the agreement the allocation is of.
        public var agreementYear: Int?
        /// §6.1: the earlier plans, newest first.
        public var earlierPlans: [EarlierPlan]
        /// The follow-up document; nil when the plan has none.
        public var followUp: FollowUp?
        /// §6.4's indicators.
        public var availability: [AvailabilityIndicator]
        /// What is still missing.
        public var completeness: FollowUpCompleteness
    }

    /// Works out §6's part of one plan's follow-up from its roll-up entry, the other plans
    /// of the roll-up (for the earlier years), its follow-up document and its county's code.
    static func agreementPart(
        of entry: RollUp.Entry, goals: [Goal], rollUp: RollUp, followUp: FollowUp?, countyCode: String?
    ) -> AgreementPart {
        let plan = entry.plan
        var agreementYear: Int?
        var coverage: AllocationCoverage?
        if let agreement = Agreement.known.last(where: { $0.year <= plan.year }), let countyCode,
            let allocation = try? Allocation(agreement: agreement), let share = allocation.share(code: countyCode)
        {
            agreementYear = agreement.year
            coverage = AllocationCoverage(plan: plan, share: share)
        }
        let availability = (followUp?.availability?.indicators ?? []).map { reference -> AvailabilityIndicator in
            let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let indicator =
                parts.count == 2
                ? goals.first { $0.id == parts[0] }?.indicators.first { $0.id == parts[1] } : nil
            return AvailabilityIndicator(reference: reference, indicator: indicator)
        }
        return AgreementPart(
            deadlines: FollowUpDeadlines.deadlines(year: plan.year, submitted: followUp?.submitted),
            money: kindMoney(of: entry), coverage: coverage, agreementYear: agreementYear,
            earlierPlans: earlierPlans(of: entry, in: rollUp), followUp: followUp, availability: availability,
            completeness: FollowUpCompleteness(
                funding: plan.funding.map { FollowUpCompleteness.FundingMark(kind: $0.kind, principal: $0.principal) },
                followUp: followUp))
    }

    /// Granted per the plan's funding (kind, principal); budgeted and spent per activity, under
    /// the kind of the stream it draws on and its own principal, else its stream's.
    static func kindMoney(of entry: RollUp.Entry) -> [KindMoney] {
        struct Key: Hashable {
            var kind: StreamKind?
            var principal: Principal?
        }
        var money: [Key: KindMoney] = [:]
        func add(_ key: Key, funding: Int = 0, budget: Int = 0, spent: Int = 0) {
            var row = money[key] ?? KindMoney(kind: key.kind, principal: key.principal, fundingSEK: 0, budgetSEK: 0, spentSEK: 0)
            row.fundingSEK = row.fundingSEK.addingSaturated(funding)
            row.budgetSEK = row.budgetSEK.addingSaturated(budget)
            row.spentSEK = row.spentSEK.addingSaturated(spent)
            money[key] = row
        }
        for funding in entry.plan.funding {
            add(Key(kind: funding.kind, principal: funding.principal), funding: funding.amountSEK)
        }
        for activity in entry.activities {
            let stream = activity.fundingStream.flatMap { name in entry.plan.funding.first { $0.stream == name } }
            let budget = activity.status == .cancelled ? 0 : (activity.budgetSEK ?? 0)
            let spent = activity.spentSEK ?? 0
            guard budget != 0 || spent != 0 else { continue }
            add(Key(kind: stream?.kind, principal: activity.principal ?? stream?.principal), budget: budget, spent: spent)
        }
        return money.values.sorted { a, b in
            if a.kind != b.kind { return rank(a.kind) < rank(b.kind) }
            return rank(a.principal) < rank(b.principal)
        }
    }

    private static func rank(_ kind: StreamKind?) -> Int {
        kind.flatMap { StreamKind.allCases.firstIndex(of: $0) } ?? StreamKind.allCases.count
    }

    /// Region, municipalities, each municipality by code, jointly, not stated.
    private static func rank(_ principal: Principal?) -> String {
        switch principal {
        case .region: return "0"
        case .municipalities: return "1"
        case .municipality(let code): return "2" + code
        case .joint: return "3"
        case nil: return "4"
        }
    }

    /// The plans `entry`'s plan revises, one after the other (newest first), as far as the
    /// roll-up has them; each once, so a loop of `revises` ends.
    static func earlierPlans(of entry: RollUp.Entry, in rollUp: RollUp) -> [EarlierPlan] {
        var result: [EarlierPlan] = []
        var seen: Set<ItemReference> = [entry.plan.reference]
        var later = entry
        while let previous = later.plan.revises, seen.insert(previous).inserted,
            let earlier = rollUp.entries.first(where: { $0.plan.reference == previous })
        {
            // What the later plan carries on: the same id, or `carried_from` naming the item.
            var carried = Set(later.goals.map(\.id) + later.activities.map(\.id))
            for reference in later.goals.compactMap(\.carriedFrom) + later.activities.compactMap(\.carriedFrom)
            where reference.plan == previous {
                if let id = reference.id { carried.insert(id) }
            }
            let ids = Set(earlier.goals.map(\.id) + earlier.activities.map(\.id))
            result.append(
                EarlierPlan(
                    reference: previous, title: earlier.plan.title, goals: earlier.goals, activities: earlier.activities,
                    carriedOn: ids.intersection(carried), illustrative: earlier.plan.illustrative))
            later = earlier
        }
        return result
    }
}
