/// How many goals or activities were added, removed, modified and moved.
public struct ChangeCounts: Hashable, Sendable {
    public var added = 0
    public var removed = 0
    public var modified = 0
    public var moved = 0

    /// Zero counts.
    public init() {}

    /// Whether all counts are zero.
    public var isEmpty: Bool { added + removed + modified + moved == 0 }

    mutating func count(_ change: ItemChange.Change) {
        switch change {
        case .added: added += 1
        case .removed: removed += 1
        case .modified: modified += 1
        case .moved: moved += 1
        }
    }
}

/// Several items going from one status to another ("3 activities planned → done").
public struct StatusTransition: Hashable, Sendable {
    /// `activity` (status), `goal` (assessment) or `plan` (status).
    public var kind: DocumentKind
    public var from: String
    public var to: String
    public var count: Int
}

/// The summary of one plan's changes.
public struct PlanSummary: Hashable, Sendable {
    /// `stockholm/2021` (the new side's plan).
    public var plan: String
    /// Whether the plan document itself changed.
    public var planChange: ItemChange.Change?
    public var goals = ChangeCounts()
    public var activities = ChangeCounts()
    /// Status and assessment transitions, most frequent first.
    public var transitions: [StatusTransition] = []

    /// An empty summary of `plan`.
    public init(plan: String) {
        self.plan = plan
    }
}

/// A change to a document outside any plan: a county or the workspace settings.
public struct OtherChange: Hashable, Sendable {
    /// `stockholm`, or the path of `Plans/workspace.yaml`.
    public var item: String
    public var kind: DocumentKind
    public var change: ItemChange.Change
}

/// The summary of a whole comparison: one entry per plan, sorted by plan, and the changes
/// to counties and the workspace settings.
public struct DiffSummary: Hashable, Sendable {
    public var plans: [PlanSummary]
    /// County and workspace documents that changed, in the changes' order.
    public var others: [OtherChange]

    /// Summarises changes.
    public init(_ changes: [ItemChange]) {
        var byPlan: [String: PlanSummary] = [:]
        var transitions: [String: [StatusTransition]] = [:]
        var others: [OtherChange] = []
        for change in changes {
            // A follow-up has no status or counts of its own: it is listed on its own line.
            guard let plan = change.plan, change.kind != .followup else {
                others.append(OtherChange(item: change.item, kind: change.kind, change: change.change))
                continue
            }
            var summary = byPlan[plan] ?? PlanSummary(plan: plan)
            switch change.kind {
            case .plan: summary.planChange = change.change
            case .goal: summary.goals.count(change.change)
            case .activity: summary.activities.count(change.change)
            case .county, .workspace, .followup: break
            }
            byPlan[plan] = summary
            if let from = change.oldStatus, let to = change.newStatus, from != to,
                change.change == .modified || change.change == .moved
            {
                var list = transitions[plan] ?? []
                if let i = list.firstIndex(where: { $0.kind == change.kind && $0.from == from && $0.to == to }) {
                    list[i].count += 1
                } else {
                    list.append(StatusTransition(kind: change.kind, from: from, to: to, count: 1))
                }
                transitions[plan] = list
            }
        }
        for (plan, list) in transitions {
            // Activities first, then goals, then the plan; the most frequent transition first.
            func rank(_ kind: DocumentKind) -> Int { kind == .activity ? 0 : kind == .goal ? 1 : 2 }
            byPlan[plan]?.transitions = list.sorted {
                (rank($0.kind), -$0.count, $0.from, $0.to) < (rank($1.kind), -$1.count, $1.from, $1.to)
            }
        }
        plans = byPlan.values.sorted { $0.plan < $1.plan }
        self.others = others
    }
}
