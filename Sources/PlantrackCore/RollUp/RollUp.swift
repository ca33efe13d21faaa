/// The status roll-up of a workspace at one date: per plan and in total.
///
/// Built from documents that passed validation; the documents left out are listed in
/// ``skipped`` with the reason, so a caller can say how many and why.
public struct RollUp: Sendable {
    /// A document left out of the roll-up.
    public struct Skipped: Hashable, Sendable {
        /// Why a document is left out, for a reader (reports say it in their language).
        public enum Cause: String, Hashable, Sendable, CaseIterable {
            /// It could not be read: a file, front-matter or YAML error, or a model that
            /// cannot be made of it.
            case unreadable
            /// It has errors (schema or rules; `plantrack validate` lists them).
            case errors
            /// Its plan document is left out, so it belongs to no plan that is counted.
            case planLeftOut = "plan-left-out"
        }

        /// The document's path.
        public var path: String
        /// Why it was left out, in English words (for stderr).
        public var reason: String
        /// Why it was left out.
        public var cause: Cause

        /// The plan (`county/year`) the document belongs to, from its place in the layout.
        public var plan: ItemReference? {
            guard case .document(_, let reference) = DocumentLayout.place(of: path) else { return nil }
            return reference?.plan
        }

        /// Creates an entry.
        public init(path: String, reason: String, cause: Cause) {
            self.path = path
            self.reason = reason
            self.cause = cause
        }
    }

    /// Whether figures leave out documents that were meant to be in them.
    public var isIncomplete: Bool { !skipped.isEmpty }

    /// Which plans to include.
    public struct Filter: Hashable, Sendable {
        /// Only plans of this year.
        public var year: Int?
        /// Only plans of these counties (all when empty).
        public var counties: [String]

        /// Creates a filter.
        public init(year: Int? = nil, counties: [String] = []) {
            self.year = year
            self.counties = counties
        }

        /// Whether a document at `path` belongs to a plan the filter keeps; false for
        /// paths that are no plan, goal or activity.
        public func includes(path: String) -> Bool {
            guard case .document(let kind, let reference) = DocumentLayout.place(of: path),
                  [.plan, .goal, .activity].contains(kind), let plan = reference?.plan
            else { return false }
            return includes(plan)
        }

        func includes(_ reference: ItemReference) -> Bool {
            if let year, reference.year != year { return false }
            return counties.isEmpty || counties.contains(reference.county)
        }
    }

    /// How figures can be grouped besides per plan.
    public enum Grouping: String, Hashable, Sendable, CaseIterable {
        case county, area, priority, stream
    }

    /// One group's figures.
    public struct Group: Hashable, Sendable {
        /// The county id, area id, priority or stream name.
        public var key: String
        public var figures: StatusFigures
    }

    /// A plan and its valid items.
    struct Entry: Sendable {
        var plan: Plan
        var goals: [Goal]
        var activities: [Activity]
        var status: PlanStatus
        /// The thresholds the light was judged with: the report's list of what is behind uses them too.
        var thresholds: TrafficLight.Thresholds
    }

    /// The date overdue activities are judged against.
    public var asOf: CalendarDate
    /// Every plan's status, sorted by county and year.
    public var plans: [PlanStatus] { parts.compactMap(\.status) }
    /// The sum over every plan of the roll-up. Plan years are never added up in what is
    /// shown: outputs use ``total(of:)`` per year, or the total of a roll-up narrowed to one
    /// year (``only(years:)``, or a ``Filter`` with a year).
    public var total: StatusFigures
    /// Documents left out, by path.
    public var skipped: [Skipped]
    /// The plans' parts, sorted by plan.
    var parts: [PlanPart]
    /// The plans with their models, for reports that list activities: only in a roll-up of
    /// documents (``init(documents:invalidPaths:asOf:filter:)``); ``IncrementalRollUp``
    /// keeps figures only.
    var entries: [Entry] { parts.compactMap(\.entry) }

    /// Rolls up `documents`, leaving out those in `invalidPaths` (documents with errors, see
    /// ``ValidationReport/invalidPaths``), those the model cannot read, and items whose plan
    /// is left out.
    /// `unreadablePaths` (a subset of `invalidPaths`) are those that could not be read, so
    /// that ``skipped`` can say so. The traffic-light thresholds are those of the settings
    /// document among `documents`.
    public init(documents: [Document], invalidPaths: Set<String>, unreadablePaths: Set<String> = [], asOf: CalendarDate,
                filter: Filter = Filter()) {
        let thresholds = TrafficLight.Thresholds(settings: documents.first { $0.kind == .workspace })
        // Only documents of included plans are decoded: `--county` need not read the rest.
        let items = documents.lazy
            .filter { document in
                !invalidPaths.contains(document.path) && (document.reference?.plan).map(filter.includes) == true
            }
            .compactMap(Item.init(document:))
        self.init(items: items, invalidPaths: invalidPaths, unreadablePaths: unreadablePaths, asOf: asOf, filter: filter,
                  thresholds: thresholds)
    }

    /// Rolls up items already read from valid documents; `invalidPaths` are listed as skipped.
    init(items: some Sequence<Item>, invalidPaths: Set<String>, unreadablePaths: Set<String> = [], asOf: CalendarDate,
         filter: Filter, thresholds: TrafficLight.Thresholds = .standard) {
        var byPlan: [ItemReference: [Item]] = [:]
        for item in items where filter.includes(item.plan) { byPlan[item.plan, default: []].append(item) }
        let parts = byPlan.keys.sorted().compactMap { plan in
            byPlan[plan].map { Self.part(of: plan, items: $0, asOf: asOf, thresholds: thresholds) }
        }
        self.init(parts: parts, invalidPaths: invalidPaths, unreadablePaths: unreadablePaths, asOf: asOf, filter: filter)
    }

    /// Assembles a roll-up from its plans' parts, sorted by plan; of `invalidPaths`, the
    /// plans, goals and activities `filter` keeps are listed as skipped.
    init(parts: [PlanPart], invalidPaths: Set<String>, unreadablePaths: Set<String> = [], asOf: CalendarDate,
         filter: Filter = Filter()) {
        self.asOf = asOf
        var skipped: [Skipped] = []
        // Sorted with the rest at the end. A document of a plan outside the filter does not
        // make these figures incomplete.
        for path in invalidPaths where filter.includes(path: path) {
            skipped.append(unreadablePaths.contains(path)
                           ? Skipped(path: path, reason: "could not be read", cause: .unreadable)
                           : Skipped(path: path, reason: "has errors", cause: .errors))
        }
        self.parts = parts
        for part in parts { skipped += part.skipped }
        var total = StatusFigures()
        for part in parts { if let status = part.status { total.add(status.figures) } }
        self.total = total
        self.skipped = skipped.sorted { $0.path.precedesInByteOrder($1.path) }
    }

    /// A roll-up of some of these parts (the documents left out listed with them).
    private init(asOf: CalendarDate, parts: [PlanPart], skipped: [Skipped]) {
        self.asOf = asOf
        self.parts = parts
        self.skipped = skipped
        var total = StatusFigures()
        for part in parts { if let status = part.status { total.add(status.figures) } }
        self.total = total
    }

    // MARK: - Plan years

    /// Which plan years figures are shown for (see docs/rollup.md).
    public enum YearChoice: Hashable, Sendable {
        /// The current plan year (``currentYear``).
        case current
        /// This plan year.
        case year(Int)
        /// Every plan year present, each with its own total.
        case all
    }

    /// The plan years of the roll-up, ascending: those of its plans and of the documents left
    /// out (a year whose plan document has errors is still a year whose figures are asked for).
    public var years: [Int] {
        var years = Set(plans.map(\.year))
        for item in skipped { if let year = DocumentLayout.plan(containing: item.path)?.year { years.insert(year) } }
        return years.sorted()
    }

    /// The plan year shown by default: the latest plan year that has begun on the judgement
    /// day (the as-of date's year when present, else the latest before it) — a draft of next
    /// year's plan does not take over the figures before its year starts; when every year lies
    /// ahead, the earliest. nil without plans.
    public var currentYear: Int? {
        let years = self.years
        return years.last { $0 <= asOf.year } ?? years.first
    }

    /// The plan years `choice` names, ascending (`.year` names its year even without plans).
    public func years(for choice: YearChoice) -> [Int] {
        switch choice {
        case .current: return currentYear.map { [$0] } ?? []
        case .year(let year): return [year]
        case .all: return years
        }
    }

    /// The sum over the plans of `year`.
    public func total(of year: Int) -> StatusFigures {
        var total = StatusFigures()
        for status in plans where status.year == year { total.add(status.figures) }
        return total
    }

    /// The roll-up of the plans of `years` only, with the documents left out of them.
    public func only(years: Set<Int>) -> RollUp {
        func inYears(_ path: String) -> Bool {
            DocumentLayout.plan(containing: path)?.year.map(years.contains) ?? true
        }
        let kept = parts.filter { part in
            if let status = part.status { return years.contains(status.year) }
            return part.skipped.contains { inYears($0.path) }
        }
        return RollUp(asOf: asOf, parts: kept, skipped: skipped.filter { inYears($0.path) })
    }

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
    static func part(of plan: ItemReference, items: [Item], asOf: CalendarDate, withGroups: Bool = true,
                     thresholds: TrafficLight.Thresholds = .standard) -> PlanPart {
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
        let entry = Entry(plan: model, goals: goals, activities: activities,
                          status: PlanStatus(plan: model, goals: goals, activities: activities, asOf: asOf,
                                             thresholds: thresholds),
                          thresholds: thresholds)
        return PlanPart(status: entry.status, groups: withGroups ? groups(of: entry, thresholds: thresholds) : [:],
                        skipped: skipped, entry: entry)
    }

    /// One plan's figures by area, priority and funding stream, each judged on the plan's
    /// judgement date. Areas and priorities have no funding of their own, and priorities and streams no goals.
    private static func groups(of entry: Entry, thresholds: TrafficLight.Thresholds) -> [Grouping: [Group]] {
        let date = entry.status.judgedOn
        let period = entry.plan.period
        var result: [Grouping: [Group]] = [:]
        result[.area] = Set(entry.activities.map(\.area)).union(entry.goals.map(\.area)).sorted().map { key in
            Group(key: key, figures: StatusFigures(activities: entry.activities.filter { $0.area == key },
                                                   goals: entry.goals.filter { $0.area == key }, funding: [], asOf: date,
                                                   period: period, thresholds: thresholds))
        }
        result[.priority] = Set(entry.activities.map(\.priority.rawValue)).sorted().map { key in
            Group(key: key, figures: StatusFigures(activities: entry.activities.filter { $0.priority.rawValue == key },
                                                   goals: [], funding: [], asOf: date, period: period, thresholds: thresholds))
        }
        let streams = Set(entry.activities.map { $0.fundingStream ?? "" }).union(entry.plan.funding.map(\.stream))
        result[.stream] = streams.sorted().map { key in
            Group(key: key.isEmpty ? "(none)" : key,
                  figures: StatusFigures(activities: entry.activities.filter { ($0.fundingStream ?? "") == key },
                                         goals: [], funding: entry.plan.funding.filter { $0.stream == key }, asOf: date,
                                         period: period, thresholds: thresholds))
        }
        return result
    }

    /// A plan, goal or activity document as the roll-up reads it: its typed model, or why
    /// the model cannot be read from it.
    final class Item: Sendable {
        enum Content: Sendable {
            case plan(Plan), goal(Goal), activity(Activity)
            case unusable(String)
        }

        let path: String
        /// The plan the item belongs to (`county/year`).
        let plan: ItemReference
        let content: Content
        /// The goal's or activity's id, which orders them in a plan; empty for the rest.
        let id: String

        init(path: String, plan: ItemReference, content: Content) {
            self.path = path
            self.plan = plan
            self.content = content
            switch content {
            case .goal(let goal): id = goal.id
            case .activity(let activity): id = activity.id
            case .plan, .unusable: id = ""
            }
        }

        /// The item with only what figures read (status, dates, money, area, priority,
        /// funding, goals and their indicators): what ``IncrementalRollUp`` keeps of every
        /// document of a workspace, so its memory follows the figures. Texts for people
        /// (titles, bodies, tasks, follow-ups, objectives, steering group) are emptied.
        var forFigures: Item {
            switch content {
            case .plan(var plan):
                plan.title = ""; plan.body = ""; plan.objectives = []; plan.steeringGroup = []
                return Item(path: path, plan: self.plan, content: .plan(plan))
            case .goal(var goal):
                goal.title = ""; goal.body = ""
                return Item(path: path, plan: plan, content: .goal(goal))
            case .activity(var activity):
                activity.title = ""; activity.body = ""; activity.tasks = []; activity.followups = []
                activity.partners = []; activity.owner = nil; activity.cancelledReason = nil
                return Item(path: path, plan: plan, content: .activity(activity))
            case .unusable:
                return self
            }
        }

        /// The item a document holds; nil for counties, settings and documents without a place.
        convenience init?(document: Document) {
            guard let reference = document.reference, let plan = reference.plan else { return nil }
            let content: Content
            do {
                switch document.kind {
                case .plan: content = .plan(try Plan(document: document))
                case .goal: content = .goal(try Goal(document: document))
                case .activity: content = .activity(try Activity(document: document))
                case .county, .workspace: return nil
                }
            } catch {
                content = .unusable(error.message)
            }
            self.init(path: document.path, plan: plan, content: content)
        }
    }

    /// The figures grouped by county, area, priority or funding stream, sorted by key.
    ///
    /// Areas and priorities have no funding of their own, and priorities no goals; each
    /// plan's items are judged on the plan's judgement date.
    public func groups(by grouping: Grouping) -> [Group] {
        var table: [String: StatusFigures] = [:]
        for part in parts {
            guard let status = part.status else { continue }
            if grouping == .county {
                table[status.county, default: StatusFigures()].add(status.figures)
                continue
            }
            for group in part.groups[grouping] ?? [] {
                table[group.key, default: StatusFigures()].add(group.figures)
            }
        }
        return table.keys.sorted().compactMap { key in table[key].map { Group(key: key, figures: $0) } }
    }
}
