/// Work to reach a plan's goals (aktivitet).
public struct Activity: Hashable, Sendable {
    /// Prioritized activities are new, large efforts this year; ongoing ones are carried
    /// mostly by others over a longer time (löpande).
    public enum Priority: String, Hashable, Sendable, CaseIterable {
        case prioritized
        case ongoing
    }

    /// Where the activity stands.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case planned
        case inProgress = "in-progress"
        case done
        case delayed
        case cancelled

        /// Done and cancelled activities are closed: no longer expected to move.
        public var isClosed: Bool { self == .done || self == .cancelled }
    }

    /// A step of the activity (the bullet points of the plan).
    public struct Task: Hashable, Sendable {
        public var title: String
        public var done: Bool
    }

    /// A dated follow-up note.
    public struct Followup: Hashable, Sendable {
        public var date: CalendarDate
        public var note: String
        public var by: String?
    }

    /// `county/year/id`.
    public var reference: ItemReference
    public var title: String
    public var area: String
    public var priority: Priority
    /// Ids of the goals the activity contributes to.
    public var goals: [String]
    public var status: Status
    public var owner: String?
    public var partners: [String]
    /// The principal responsible for the activity (`principal:`), if named.
    public var principal: Principal?
    /// The groups the activity is for (`target_groups:`); values not in the list are left out.
    public var targetGroups: [TargetGroup]
    public var start: CalendarDate?
    public var due: CalendarDate?
    /// When it was done; present exactly when status is done.
    public var completed: CalendarDate?
    /// Why it was cancelled; present exactly when status is cancelled.
    public var cancelledReason: String?
    /// 0–100.
    public var progress: Double?
    public var fundingStream: String?
    public var budgetSEK: Int?
    public var spentSEK: Int?
    public var tasks: [Task]
    public var followups: [Followup]
    public var carriedFrom: ItemReference?
    /// Whether spending over budget was approved (`x-overspend-approved: true`).
    public var overspendApproved: Bool
    /// What of the activity is made up for illustration (`x-illustrative`), if anything.
    public var illustrative: Illustrative?
    public var body: String

    /// The activity's id.
    public var id: String { reference.id ?? "" }

    /// Reads an activity document.
    public init(document: Document) throws(ModelError) {
        let f = Fields(document.frontMatter, path: document.path)
        let id = try f.required("id")
        let plan = document.reference ?? ItemReference(county: "", year: 0)
        reference = ItemReference(county: plan.county, year: plan.year, id: id)
        title = try f.required("title")
        area = try f.required("area")
        priority = try f.requiredEnum("priority")
        goals = f.strings("goals")
        status = try f.requiredEnum("status")
        owner = f.string("owner")
        partners = f.strings("partners")
        principal = f.string("principal").flatMap(Principal.init)
        targetGroups = f.strings("target_groups").compactMap(TargetGroup.init(rawValue:))
        start = f.date("start")
        due = f.date("due")
        completed = f.date("completed")
        cancelledReason = f.string("cancelled_reason")
        progress = f.number("progress")
        fundingStream = f.string("funding_stream")
        budgetSEK = f.int("budget_sek")
        spentSEK = f.int("spent_sek")
        tasks = f.records("tasks").compactMap { t in
            t.string("title").map { Task(title: $0, done: t.bool("done") ?? false) }
        }
        followups = f.records("followups").compactMap { r in
            guard let date = r.date("date"), let note = r.string("note") else { return nil }
            return Followup(date: date, note: note, by: r.string("by"))
        }
        carriedFrom = f.reference("carried_from")
        overspendApproved = f.bool("x-overspend-approved") ?? false
        illustrative = f.illustrative
        body = document.body
    }

    /// Whether the activity is overdue on `date`: due before it and neither done nor cancelled.
    public func isOverdue(on date: CalendarDate) -> Bool {
        guard let due, !status.isClosed else { return false }
        return due < date
    }
}
