import JSONSchema

/// Next year's plan made from the latest one (`plantrack revise`). The new year starts with
/// nothing achieved; what continues is carried over with its description, not its results.
///
/// - The plan is copied with `year` and the period moved to the new year, `version` + 1,
///   `status: draft`, no `adopted`, and `revises` naming the previous plan; the old year in
///   the title becomes the new one.
/// - Goals are copied (long-term and short-term; the same id is the same goal) with
///   `assessment: not-assessed`, written even where the old goal had none. Indicators keep
///   their series (baseline, target, measurements); a target dated before the new period is
///   named in ``targetsBeforePeriod`` (and `validate` reports it, `dates.target-before-period`).
/// - Which activities are carried over (``ActivityChoices``): ongoing ones (`priority:
///   ongoing`) unless cancelled, and every other one neither done nor cancelled; `--carry`
///   and `--leave` override that per activity.
/// - A carried activity starts afresh: `status` becomes `in-progress` when it was
///   `in-progress` or `delayed` (the work is under way) and `planned` otherwise; `progress`
///   and `spent_sek` become 0 where present; `completed`, `cancelled_reason` and `followups`
///   are removed; every task's `done: true` becomes `done: false`. Title, area, priority,
///   goals, owner, partners, funding stream, budget, task titles and body are kept, and
///   `carried_from` names the old item (whose file keeps its history).
/// - A carried activity's dates move into the new year: a `start` before the new period
///   becomes the period's first day; a `due` before the new period moves to the same day
///   and month of the new year (29 February becomes 28 February), or to the period's last
///   day if that would come before `start`.
///
/// Every other byte of every copied file is kept.
public struct PlanRevision: Sendable {
    /// Which activities to carry over besides, or instead of, the default.
    public struct ActivityChoices: Sendable, Hashable {
        /// Activity ids to carry over whatever their priority and status (`--carry`).
        public var carry: [String]
        /// Activity ids to leave in the old year whatever their priority and status (`--leave`).
        public var leave: [String]

        /// Creates the choices; ids may be written `id` or `county/year/id` (of the old plan).
        public init(carry: [String] = [], leave: [String] = []) {
            self.carry = carry
            self.leave = leave
        }
    }

    /// Why an activity was carried over.
    public enum CarryReason: Hashable, Sendable, CustomStringConvertible {
        /// `priority: ongoing` and not cancelled.
        case ongoing
        /// Neither done nor cancelled; the old status.
        case open(String)
        /// Named by `--carry`.
        case chosen

        public var description: String {
            switch self {
            case .ongoing: return "ongoing"
            case .open(let status): return "open, \(status)"
            case .chosen: return "--carry"
            }
        }
    }

    /// Why an activity stayed in the old year.
    public enum LeaveReason: Hashable, Sendable, CustomStringConvertible {
        /// Done (with its `completed` date when it has one).
        case done(completed: String?)
        /// Cancelled.
        case cancelled
        /// Named by `--leave`; the old status.
        case chosen(String)

        public var description: String {
            switch self {
            case .done(let completed?): return "done \(completed)"
            case .done(nil): return "done"
            case .cancelled: return "cancelled"
            case .chosen(let status): return "--leave, \(status)"
            }
        }
    }

    /// An activity carried over: why, and what was reset or moved (`status done → planned`,
    /// `due 2021-06-30 → 2022-06-30`).
    public struct CarriedActivity: Hashable, Sendable {
        public var id: String
        public var reason: CarryReason
        /// The fields reset for the new year, in the file's field order.
        public var resets: [String]
        /// The dates moved into the new year.
        public var dates: [String]
    }

    /// An activity left in the old year, and why.
    public struct LeftActivity: Hashable, Sendable {
        public var id: String
        public var reason: LeaveReason
    }

    /// The plan revised and the plan made.
    public var from: ItemReference
    public var to: ItemReference
    /// The new plan's version.
    public var version: Int
    /// The new files by path.
    public var files: [String: [UInt8]]
    /// Goal ids copied.
    public var goals: [String]
    /// Goals whose assessment was reset to `not-assessed`, with the old assessment.
    public var assessmentsReset: [(id: String, was: String)]
    /// Indicator targets dated before the new period (`goal/indicator` and the date): the
    /// coordinator sets a target for the new year.
    public var targetsBeforePeriod: [(indicator: String, date: String)]
    /// Activities carried over.
    public var carried: [CarriedActivity]
    /// Activities left in the old year.
    public var leftBehind: [LeftActivity]

    /// `--carry` or `--leave` named an activity the plan does not have, or named one twice.
    public struct ChoiceError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Makes the revision of `from` (a plan of `workspace`, whose bytes `snapshot` gives)
    /// for `year`, carrying the activities `choices` and the defaults say.
    public static func make(
        from plan: ItemReference, to year: Int, workspace: Workspace, snapshot: some Snapshot,
        choices: ActivityChoices = ActivityChoices()
    ) throws -> PlanRevision {
        guard let oldYear = plan.year else { throw FrontMatterEditError("\(plan) is not a plan") }
        guard year > oldYear else {
            throw FrontMatterEditError("the new year \(year) must come after the plan's year \(oldYear)")
        }
        let target = ItemReference(county: plan.county, year: year)
        guard let planDocument = workspace.documents.first(where: { $0.kind == .plan && $0.reference == plan }) else {
            throw FrontMatterEditError("no plan \(plan) in the \(workspace.label)")
        }
        let items = workspace.documents
            .filter { $0.reference?.plan == plan && ($0.kind == .goal || $0.kind == .activity) }
            .sorted { $0.path.precedesInByteOrder($1.path) }
        let (carry, leave) = try resolve(choices, plan: plan, items: items)

        func bytes(_ path: String) throws -> [UInt8] {
            do {
                return try snapshot.contents(of: SnapshotEntry(path: path, kind: .file))
            } catch {
                throw FrontMatterEditError("\(path): \(error)")
            }
        }
        func withPath(_ path: String, _ body: () throws(FrontMatterEditError) -> Void) throws {
            do {
                try body()
            } catch {
                throw FrontMatterEditError("\(path): \(error.message)", at: error.location)
            }
        }
        let shift = year - oldYear
        var files: [String: [UInt8]] = [:]

        // The plan.
        var editor = try FrontMatterEditor(try bytes(planDocument.path))
        let oldVersion = planDocument.frontMatter["version"]?.integer ?? 0
        // The largest whole number cannot be raised by one (it would trap).
        guard oldVersion < Int.max else {
            let place = planDocument.frontMatter.entry("version").map { "\($0.value.location):" } ?? ""
            throw FrontMatterEditError(
                "\(planDocument.path):\(place) version \(oldVersion) cannot be raised by one; "
                    + "write the plan's version as a small whole number (the count of its versions)")
        }
        let version = oldVersion + 1
        let order = FieldOrder.topLevel(.plan)
        try withPath(planDocument.path) { () throws(FrontMatterEditError) in
            try editor.set(["year"], to: .integer(year), order: order)
            if let title = planDocument.frontMatter["title"]?.string, title.contains(String(oldYear)) {
                try editor.set(["title"], to: .string(title.replacingYear(oldYear, with: year)), order: order)
            }
            try editor.set(["version"], to: .integer(version), order: order)
            try editor.set(["status"], to: .string("draft"), order: order)
            try editor.remove(["adopted"])
            let period = planDocument.frontMatter["period"]?.mapping
            let start =
                period?["start"]?.string.flatMap(CalendarDate.init)?.movedBy(years: shift)
                ?? CalendarDate(year: year, month: 1, day: 1)
            let end =
                period?["end"]?.string.flatMap(CalendarDate.init)?.movedBy(years: shift)
                ?? CalendarDate(year: year, month: 12, day: 31)
            if let start { try editor.set(["period", "start"], to: .string(start.description), order: order) }
            if let end { try editor.set(["period", "end"], to: .string(end.description), order: order) }
            try editor.set(["revises"], to: .string(plan.description), order: order)
        }
        files[DocumentLayout.path(of: .plan, target)] = editor.bytes
        let periodStart = CalendarDate(year: year, month: 1, day: 1)
        let newPeriod = (editor.frontMatter["period"]?.mapping?["start"]?.string).flatMap(CalendarDate.init) ?? periodStart
        let newPeriodEnd =
            (editor.frontMatter["period"]?.mapping?["end"]?.string).flatMap(CalendarDate.init)
            ?? CalendarDate(year: year, month: 12, day: 31)

        var revision = PlanRevision(
            from: plan, to: target, version: version, files: [:], goals: [],
            assessmentsReset: [], targetsBeforePeriod: [], carried: [], leftBehind: [])
        for document in items {
            guard let id = document.reference?.id else { continue }
            let newPath = DocumentLayout.path(of: document.kind, ItemReference(county: plan.county, year: year, id: id))
            if document.kind == .goal {
                var goal = try FrontMatterEditor(try bytes(document.path))
                let was = document.frontMatter["assessment"]?.string
                try withPath(document.path) { () throws(FrontMatterEditError) in
                    if was != "not-assessed" {
                        try goal.set(["assessment"], to: .string("not-assessed"), order: FieldOrder.topLevel(.goal))
                    }
                }
                if let was, was != "not-assessed" { revision.assessmentsReset.append((id, was)) }
                for indicator in document.frontMatter["indicators"]?.sequence ?? [] {
                    guard let fields = indicator.mapping,
                        let date = fields["target"]?.mapping?["date"]?.string.flatMap(CalendarDate.init),
                        let newPeriod, date < newPeriod
                    else { continue }
                    revision.targetsBeforePeriod.append(("\(id)/\(fields["id"]?.string ?? "?")", date.description))
                }
                files[newPath] = goal.bytes
                revision.goals.append(id)
                continue
            }
            let status = document.frontMatter["status"]?.string ?? "planned"
            let ongoing = document.frontMatter["priority"]?.string == Activity.Priority.ongoing.rawValue
            let reason: CarryReason
            if carry.contains(id) {
                reason = .chosen
            } else if leave.contains(id) {
                revision.leftBehind.append(LeftActivity(id: id, reason: .chosen(status)))
                continue
            } else if status == "cancelled" {
                revision.leftBehind.append(LeftActivity(id: id, reason: .cancelled))
                continue
            } else if ongoing {
                reason = .ongoing
            } else if status == "done" {
                let completed = document.frontMatter["completed"]?.string
                revision.leftBehind.append(LeftActivity(id: id, reason: .done(completed: completed)))
                continue
            } else {
                reason = .open(status)
            }
            var activity = try FrontMatterEditor(try bytes(document.path))
            var resets: [String] = []
            var dates: [String] = []
            try withPath(document.path) { () throws(FrontMatterEditError) in
                resets = try startAfresh(&activity, document.frontMatter)
                let activityOrder = FieldOrder.topLevel(.activity)
                var start = document.frontMatter["start"]?.string.flatMap(CalendarDate.init)
                if let old = start, let newPeriod, old < newPeriod {
                    start = newPeriod
                    try activity.set(["start"], to: .string(newPeriod.description), order: activityOrder)
                    dates.append("start \(old) → \(newPeriod)")
                }
                if let old = document.frontMatter["due"]?.string.flatMap(CalendarDate.init), let newPeriod, old < newPeriod {
                    var due = CalendarDate.clamped(year: year, month: old.month, day: old.day)
                    if let start, due < start, let newPeriodEnd { due = newPeriodEnd }
                    try activity.set(["due"], to: .string(due.description), order: activityOrder)
                    dates.append("due \(old) → \(due)")
                }
                try activity.set(["carried_from"], to: .string("\(plan.county)/\(oldYear)/\(id)"), order: activityOrder)
            }
            files[newPath] = activity.bytes
            revision.carried.append(CarriedActivity(id: id, reason: reason, resets: resets, dates: dates))
        }
        revision.files = files
        return revision
    }

    /// Resets what a carried activity achieved in the old year (status, progress, money,
    /// completion, tasks, follow-ups); returns what changed, in field order.
    private static func startAfresh(
        _ activity: inout FrontMatterEditor, _ old: YAMLMapping
    ) throws(FrontMatterEditError) -> [String] {
        let order = FieldOrder.topLevel(.activity)
        var resets: [String] = []
        if let status = old["status"]?.string {
            // Work under way at the year's end goes on; anything else is still to be done
            // in the new year (a done ongoing activity's new year has not begun).
            let fresh = status == "in-progress" || status == "delayed" ? "in-progress" : "planned"
            if fresh != status {
                try activity.set(["status"], to: .string(fresh), order: order)
                resets.append("status \(status) → \(fresh)")
            }
        }
        if old["completed"] != nil {
            try activity.remove(["completed"])
            resets.append("completed removed")
        }
        if old["cancelled_reason"] != nil {
            try activity.remove(["cancelled_reason"])
            resets.append("cancelled_reason removed")
        }
        for field in ["progress", "spent_sek"] {
            // Progress is a number: `37.5` must start the new year at 0 as much as `40`.
            guard let node = old[field], let value = node.number, value != 0 else { continue }
            try activity.set([field], to: .integer(0), order: order)
            resets.append("\(field) \(node.integer.map(String.init) ?? String(value)) → 0")
        }
        var undone = 0
        for (index, task) in (old["tasks"]?.sequence ?? []).enumerated() where task.mapping?["done"]?.bool == true {
            try activity.set(["tasks", String(index), "done"], to: .bool(false))
            undone += 1
        }
        if undone > 0 { resets.append("\(undone) \(undone == 1 ? "task" : "tasks") not done") }
        if let followups = old["followups"] {
            try activity.remove(["followups"])
            let count = followups.sequence?.count ?? 0
            resets.append("\(count) \(count == 1 ? "follow-up" : "follow-ups") removed")
        }
        return resets
    }

    /// Checks the ids of `choices` against the plan's activities: each must be an activity
    /// of the plan and named once.
    private static func resolve(
        _ choices: ActivityChoices, plan: ItemReference, items: [Document]
    ) throws(ChoiceError) -> (carry: Set<String>, leave: Set<String>) {
        let activities = items.filter { $0.kind == .activity }.compactMap { $0.reference?.id }
        let goals = Set(items.filter { $0.kind == .goal }.compactMap { $0.reference?.id })
        let prefix = "\(plan)/"
        func ids(_ written: [String]) -> [String] {
            written.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        }
        let carry = ids(choices.carry)
        let leave = ids(choices.leave)
        if let both = carry.first(where: leave.contains) {
            throw ChoiceError(message: "\(both) is named by both --carry and --leave; name it once")
        }
        var problems: [String] = []
        for (option, id) in carry.map({ ("--carry", $0) }) + leave.map({ ("--leave", $0) })
        where !activities.contains(id) {
            if goals.contains(id) {
                problems.append("\(option) \(id): \(plan)/\(id) is a goal (goals are always copied)")
            } else {
                let near = nearest(to: id, among: activities).map { "\(plan)/\($0)" }
                problems.append(
                    "\(option) \(id): \(plan) has no activity \(id)"
                        + (near.isEmpty ? "" : "; nearest: \(near.joined(separator: ", "))"))
            }
        }
        guard problems.isEmpty else { throw ChoiceError(message: problems.joined(separator: "\n")) }
        return (Set(carry), Set(leave))
    }

    /// The three candidates nearest to `text` by edit distance (ties in id order).
    private static func nearest(to text: String, among candidates: [String]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let limit = max(scalars.count, candidates.map(\.unicodeScalars.count).max() ?? 0)
        return candidates.sorted()
            .map { (id: $0, distance: Suggestions.distance(scalars, Array($0.unicodeScalars), limit: limit)) }
            .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
            .prefix(3).map(\.id)
    }
}

extension CalendarDate {
    /// The same day and month `years` later (29 February becomes 28 February).
    func movedBy(years: Int) -> CalendarDate? {
        CalendarDate.clamped(year: year + years, month: month, day: day)
    }

    /// The day in `year`, with a day past the month's end moved back to its last day.
    static func clamped(year: Int, month: Int, day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: min(day, days(inMonth: month, year: year)))
            ?? CalendarDate(daysSinceEpoch: 0)
    }
}

extension String {
    fileprivate func replacingYear(_ old: Int, with new: Int) -> String {
        split(separator: Substring(String(old)), omittingEmptySubsequences: false).joined(separator: String(new))
    }
}
