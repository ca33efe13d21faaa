// One plan's share of a roll-up, and how it is worked out from the plan's documents.

extension RollUp {
    /// One plan's share of a roll-up: its status and figures by group (nil and empty when the
    /// plan document is left out), and the plan's documents that are left out for what they say.
    struct PlanPart: Sendable, Equatable {
        var status: PlanStatus?
        /// Per grouping other than county, the plan's figures by key (sorted by key); empty
        /// when they were not asked for (see ``hasGroups``).
        var groups: [Grouping: [Group]]
        var skipped: [Skipped]
        /// The plan with its valid goals and activities, when the part was computed from
        /// them in this process (not kept between runs; only reports read it).
        var entry: Entry?

        /// Whether ``groups`` holds the figures by area, priority and stream (a plan left out has none).
        var hasGroups: Bool { status == nil || !groups.isEmpty }

        static func == (a: PlanPart, b: PlanPart) -> Bool {
            a.status == b.status && a.groups == b.groups && a.skipped == b.skipped
        }
    }

    /// Rolls up one plan from the items of its valid documents; `withGroups: false` leaves
    /// out the figures by area, priority and stream (``groups(by:)`` then has only counties).
    static func part(
        of plan: ItemReference, items: [Item], asOf: CalendarDate, withGroups: Bool = true,
        thresholds: TrafficLight.Thresholds = .standard
    ) -> PlanPart {
        var hasPlan = false
        var members: [String] = []
        var skipped: [Skipped] = []
        for item in items {
            switch item.content {
            case .plan: hasPlan = true
            case .goal, .activity: members.append(item.path)
            case .unusable(let reason): skipped.append(Skipped(path: item.path, reason: reason, cause: .unreadable))
            }
        }
        guard hasPlan else {
            skipped += members.map { Skipped(path: $0, reason: "its plan \(plan) is left out", cause: .planLeftOut) }
            return PlanPart(status: nil, groups: [:], skipped: skipped, entry: nil)
        }
        // Items are references: they are put in order of id before the models are taken
        // out, so each model is copied once (copying models showed in profiles of `trend`).
        var model: Plan?
        var goals: [Goal] = []
        var activities: [Activity] = []
        for item in items.sorted(by: { $0.id < $1.id }) {
            switch item.content {
            case .plan(let plan): model = plan
            case .goal(let goal): goals.append(goal)
            case .activity(let activity): activities.append(activity)
            case .unusable: break
            }
        }
        guard let model else { return PlanPart(status: nil, groups: [:], skipped: skipped, entry: nil) }
        let entry = Entry(
            plan: model, goals: goals, activities: activities,
            status: PlanStatus(
                plan: model, goals: goals, activities: activities, asOf: asOf,
                thresholds: thresholds),
            thresholds: thresholds)
        return PlanPart(
            status: entry.status, groups: withGroups ? groups(of: entry, thresholds: thresholds) : [:],
            skipped: skipped, entry: entry)
    }

    /// One plan's figures by area, priority and funding stream, each judged on the plan's
    /// judgement date. Areas and priorities have no funding of their own, and priorities and streams no goals.
    private static func groups(of entry: Entry, thresholds: TrafficLight.Thresholds) -> [Grouping: [Group]] {
        let date = entry.status.judgedOn
        let period = entry.plan.period
        var result: [Grouping: [Group]] = [:]
        result[.area] = Set(entry.activities.map(\.area)).union(entry.goals.map(\.area)).sorted().map { key in
            Group(
                key: key,
                figures: StatusFigures(
                    activities: entry.activities.filter { $0.area == key },
                    goals: entry.goals.filter { $0.area == key }, funding: [], asOf: date,
                    period: period, thresholds: thresholds))
        }
        result[.priority] = Set(entry.activities.map(\.priority.rawValue)).sorted().map { key in
            Group(
                key: key,
                figures: StatusFigures(
                    activities: entry.activities.filter { $0.priority.rawValue == key },
                    goals: [], funding: [], asOf: date, period: period, thresholds: thresholds))
        }
        let streams = Set(entry.activities.map { $0.fundingStream ?? "" }).union(entry.plan.funding.map(\.stream))
        result[.stream] = streams.sorted().map { key in
            Group(
                key: key.isEmpty ? "(none)" : key,
                figures: StatusFigures(
                    activities: entry.activities.filter { ($0.fundingStream ?? "") == key },
                    goals: [], funding: entry.plan.funding.filter { $0.stream == key }, asOf: date,
                    period: period, thresholds: thresholds))
        }
        return result
    }
}
