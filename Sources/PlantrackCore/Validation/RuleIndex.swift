/// The documents of a workspace arranged for the cross-document rules: counties, and per
/// plan its plan document, goals and activities, found by the place of each file.
///
/// Items are named by their file names (``Document/reference``), not by their front
/// matter: when the two disagree `layout.id-mismatch` says so once, and every reference
/// resolves against the file the rest of the tool sees.
struct RuleIndex {
    /// The day dates are judged against.
    let asOf: CalendarDate
    /// After how many months an indicator's latest measurement is stale (`indicator.stale`;
    /// ``RuleOptions/staleAfterMonths``).
    var staleAfterMonths = RuleOptions.standardStaleAfterMonths
    /// County documents.
    let counties: [DocumentFacts]
    /// The plans the rules judge, by reference (`county/year`); a plan is here when any of
    /// its documents exists, with or without a plan.md.
    let plans: [PlanGroup]
    /// Every county, plan, goal and activity the rules judge.
    let documents: [DocumentFacts]
    /// Which of a goal's fields count for `links.suspect` (`goal_meaning` in workspace.yaml).
    var meaning = GoalMeaning()

    /// Every plan, also those only present to be referred to, and where it is in `allPlans`.
    private let allPlans: [PlanGroup]
    private let planIndex: [ItemReference: Int]

    init(_ documents: [Document], asOf: CalendarDate) {
        // Reading each document's facts is independent work: on all cores.
        self.init(facts: ParallelMap.map(documents) { KindFacts($0) }, asOf: asOf)
    }

    /// Arranges facts read before (see ``KindFacts``), in the workspace's order.
    init(facts: [KindFacts], asOf: CalendarDate) {
        var counties: [DocumentFacts] = []
        var all: [DocumentFacts] = []
        // Each plan's facts, collected in one pass: the documents of a plan come together
        // in path order, so the table is consulted only where the plan changes (hashing
        // every reference in this pass showed in profiles; the rest runs on all cores).
        var members: [(reference: ItemReference, facts: [KindFacts])] = []
        var memberIndex: [ItemReference: Int] = [:]
        var current: Int?
        all.reserveCapacity(facts.count)
        for item in facts {
            let base = item.base
            let document = base.document
            switch document.kind {
            case .workspace:
                continue
            case .county:
                counties.append(base)
                all.append(base)
            case .plan, .goal, .activity, .followup:
                guard let reference = document.reference, let year = reference.year else { continue }
                let i: Int
                if let c = current, members[c].reference.year == year, members[c].reference.county == reference.county {
                    i = c
                } else {
                    let planReference = ItemReference(county: reference.county, year: year)
                    if let known = memberIndex[planReference] {
                        i = known
                    } else {
                        i = members.count
                        members.append((planReference, []))
                        memberIndex[planReference] = i
                    }
                    current = i
                }
                members[i].facts.append(item)
                all.append(base)
            }
        }
        // In the caller's order (a workspace lists documents by path); findings are sorted
        // at the end, and rules that must say which of two files came first sort themselves.
        // Each plan's lists are sorted and indexed on their own: on all cores.
        let plans = ParallelMap.map(members.sorted { $0.reference < $1.reference }) { member in
            var group = PlanGroup(reference: member.reference)
            for item in member.facts { _ = group.add(item) }
            group.finish()
            return group
        }
        self.init(asOf: asOf, counties: counties, finished: plans, documents: all, subjects: nil)
    }

    /// Arranges facts that come grouped by plan (each list the plan, goal and activity
    /// documents of one plan), building each plan's group on all cores; only the plans in
    /// `subjects` are judged. The documents are judged plan by plan rather than in path
    /// order, which changes the order of findings, not which are found.
    init(plans lists: [[KindFacts]], asOf: CalendarDate, subjects: Set<ItemReference>) {
        let built = ParallelMap.map(lists) { facts -> (group: PlanGroup, documents: [DocumentFacts])? in
            guard let reference = facts.lazy.compactMap({ $0.base.document.reference?.plan }).first else { return nil }
            var group = PlanGroup(reference: reference)
            var documents: [DocumentFacts] = []
            for item in facts {
                let document = item.base.document
                guard [.plan, .goal, .activity, .followup].contains(document.kind), document.reference?.plan == reference else { continue }
                documents.append(group.add(item))
            }
            group.finish()
            return (group, documents)
        }.compactMap { $0 }.sorted { $0.group.reference < $1.group.reference }
        self.init(
            asOf: asOf, counties: [], finished: built.map(\.group),
            documents: built.filter { subjects.contains($0.group.reference) }.flatMap(\.documents), subjects: subjects)
    }

    /// `finished` holds every plan's group, finished and sorted by reference.
    private init(
        asOf: CalendarDate, counties: [DocumentFacts], finished plans: [PlanGroup], documents: [DocumentFacts],
        subjects: Set<ItemReference>?
    ) {
        self.asOf = asOf
        self.counties = counties
        self.documents = documents
        allPlans = plans
        self.plans = subjects.map { subjects in plans.filter { subjects.contains($0.reference) } } ?? plans
        var planIndex: [ItemReference: Int] = [:]
        for (i, plan) in plans.enumerated() { planIndex[plan.reference] = i }
        self.planIndex = planIndex
    }

    /// The index cut into parts the rules judge on their own, so that they can run on all
    /// cores: one part per judged plan (the plan and its documents) and one for the
    /// documents of no plan (counties). Each part still resolves references against every
    /// plan, so judging all parts finds what judging the whole index finds.
    func parts() -> [RuleIndex] {
        var position: [ItemReference: Int] = [:]
        for (i, plan) in plans.enumerated() { position[plan.reference] = i }
        var planDocuments = [[DocumentFacts]](repeating: [], count: plans.count)
        var others: [DocumentFacts] = []
        for facts in documents {
            let document = facts.document
            if document.kind != .county, let plan = document.reference?.plan, let i = position[plan] {
                planDocuments[i].append(facts)
            } else {
                others.append(facts)
            }
        }
        var parts = [RuleIndex(part: self, plans: [], documents: others, counties: counties)]
        parts.reserveCapacity(plans.count + 1)
        for (plan, documents) in zip(plans, planDocuments) {
            parts.append(RuleIndex(part: self, plans: [plan], documents: documents, counties: []))
        }
        return parts
    }

    private init(part whole: RuleIndex, plans: [PlanGroup], documents: [DocumentFacts], counties: [DocumentFacts]) {
        asOf = whole.asOf
        staleAfterMonths = whole.staleAfterMonths
        self.counties = counties
        self.plans = plans
        self.documents = documents
        allPlans = whole.allPlans
        planIndex = whole.planIndex
        meaning = whole.meaning
    }

    /// The plan `county/year`, when any of its documents exists.
    func plan(_ reference: ItemReference) -> PlanGroup? {
        guard let planReference = reference.plan, let i = planIndex[planReference] else { return nil }
        return allPlans[i]
    }

    /// Whether the goal or activity `county/year/id` exists.
    func hasItem(_ reference: ItemReference) -> Bool {
        guard let id = reference.id, let plan = plan(reference) else { return false }
        return plan.hasItem(id)
    }
}

/// One plan's documents.
struct PlanGroup {
    /// `county/year`, from the folders.
    let reference: ItemReference
    /// The plan document, when plan.md exists.
    private(set) var plan: PlanFacts?
    /// Goals, by path, including those whose `kind` disagrees with their place (their
    /// ids still exist for references).
    private(set) var goals: [GoalFacts] = []
    /// Activities, by path.
    private(set) var activities: [ActivityFacts] = []
    /// The follow-up document, when followup.md exists.
    private(set) var followUp: FollowUpFacts?
    /// Goals whose content the rules read.
    private(set) var judgedGoals: [GoalFacts] = []
    /// Activities whose content the rules read.
    private(set) var judgedActivities: [ActivityFacts] = []
    /// Goals and activities by file-name id; the first by path wins when an id is used twice
    /// (`id.duplicate` reports the others).
    private(set) var goalsByID: [String: GoalFacts] = [:]
    private(set) var activitiesByID: [String: ActivityFacts] = [:]

    init(reference: ItemReference) {
        self.reference = reference
    }

    /// Adds a plan, goal or activity document's facts and returns what every document says.
    fileprivate mutating func add(_ facts: KindFacts) -> DocumentFacts {
        switch facts {
        case .plan(let plan):
            if self.plan == nil { self.plan = plan }
        case .goal(let goal):
            goals.append(goal)
        case .activity(let activity):
            activities.append(activity)
        case .followUp(let followUp):
            if self.followUp == nil { self.followUp = followUp }
        case .other:
            break
        }
        return facts.base
    }

    fileprivate mutating func finish() {
        goals.sort { $0.document.path < $1.document.path }
        activities.sort { $0.document.path < $1.document.path }
        for goal in goals {
            if let id = goal.id, goalsByID[id] == nil { goalsByID[id] = goal }
        }
        for activity in activities {
            if let id = activity.id, activitiesByID[id] == nil { activitiesByID[id] = activity }
        }
        judgedGoals = goals.filter(\.base.isJudged)
        judgedActivities = activities.filter(\.base.isJudged)
    }

    /// Whether a goal or activity has this id.
    func hasItem(_ id: String) -> Bool { goalsByID[id] != nil || activitiesByID[id] != nil }

    /// The plan document when the rules may read it.
    var judgedPlan: PlanFacts? {
        guard let plan, plan.base.isJudged else { return nil }
        return plan
    }

    /// The ids of the plan's areas; nil when there is no plan document or its `areas` is
    /// not a list, because then no reference to an area can be judged.
    var areaIDs: Set<String>? {
        guard let areas = judgedPlan?.areas else { return nil }
        return Set(areas.compactMap { $0.id?.value })
    }

    /// The plan's status, when it is one of the known words.
    var status: Plan.Status? { judgedPlan?.status?.value }

    /// The plan's period when both ends are real dates in order; nil otherwise (a reversed
    /// period is `dates.period-reversed`, and nothing can be judged against it).
    var period: Plan.Period? {
        guard let start = judgedPlan?.periodStart?.value, let end = judgedPlan?.periodEnd?.value, start <= end else {
            return nil
        }
        return Plan.Period(start: start, end: end)
    }

    /// The plan's funding streams by name, in file order, each summed over its entries;
    /// nil without a plan document or when `funding` is present but not a list.
    var funding: [FundingStream]? {
        guard let entries = judgedPlan?.funding else { return nil }
        var streams: [FundingStream] = []
        var index: [String: Int] = [:]
        for entry in entries {
            guard let name = entry.stream?.value else { continue }
            if let i = index[name] {
                // An amount that is not a whole number makes the stream's sum unknown; sums
                // saturate so an absurd figure makes a finding, not a crash.
                streams[i].amountSEK = streams[i].amountSEK.flatMap { total in
                    entry.amountSEK.map { total.addingReportingOverflow($0) }.map { $0.overflow ? Int.max : $0.partialValue }
                }
            } else {
                index[name] = streams.count
                streams.append(FundingStream(name: name, amountSEK: entry.amountSEK, place: entry.place))
            }
        }
        return streams
    }
}

/// A funding stream (satsning) of a plan, summed over its entries.
struct FundingStream {
    var name: String
    /// The plan's money for the stream; nil when an amount is not a whole number.
    var amountSEK: Int?
    /// The first `funding` entry naming the stream.
    var place: RulePlace
}
