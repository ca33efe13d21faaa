/// The status roll-up of a workspace at one date: per plan and in total.
///
/// Built from documents that passed validation; the documents left out are listed in
/// ``skipped`` with the reason, so a caller can say how many and why.
public struct RollUp: Sendable {
    /// A document left out of the roll-up.
    public struct Skipped: Hashable, Sendable {
        /// The document's path.
        public var path: String
        /// Why it was left out.
        public var reason: String
    }

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
    }

    /// The date overdue activities are judged against.
    public var asOf: CalendarDate
    /// Every plan's status, sorted by county and year.
    public var plans: [PlanStatus] { entries.map(\.status) }
    /// The sum over all plans.
    public var total: StatusFigures
    /// Documents left out, by path.
    public var skipped: [Skipped]
    var entries: [Entry]

    /// Rolls up `documents`, leaving out those in `invalidPaths` (documents with errors, see
    /// ``ValidationReport/invalidPaths``), those the model cannot read, and items whose plan
    /// is left out.
    public init(documents: [Document], invalidPaths: Set<String>, asOf: CalendarDate, filter: Filter = Filter()) {
        // Only documents of included plans are decoded: `--county` need not read the rest.
        let items = documents.lazy
            .filter { document in
                !invalidPaths.contains(document.path) && (document.reference?.plan).map(filter.includes) == true
            }
            .compactMap(Item.init(document:))
        self.init(items: items, invalidPaths: invalidPaths, asOf: asOf, filter: filter)
    }

    /// Rolls up items already read from valid documents; `invalidPaths` are listed as skipped.
    init(items: some Sequence<Item>, invalidPaths: Set<String>, asOf: CalendarDate, filter: Filter) {
        var byPlan: [ItemReference: [Item]] = [:]
        for item in items where filter.includes(item.plan) { byPlan[item.plan, default: []].append(item) }
        let parts = byPlan.keys.sorted().compactMap { plan in byPlan[plan].map { Self.part(of: plan, items: $0, asOf: asOf) } }
        self.init(parts: parts, invalidPaths: invalidPaths, asOf: asOf)
    }

    /// Assembles a roll-up from its plans' parts, sorted by plan.
    init(parts: [PlanPart], invalidPaths: Set<String>, asOf: CalendarDate) {
        self.asOf = asOf
        var skipped: [Skipped] = []
        for path in invalidPaths {
            // Sorted with the rest at the end.
            if case .document(let kind, _) = DocumentLayout.place(of: path), [.plan, .goal, .activity].contains(kind) {
                skipped.append(Skipped(path: path, reason: "has errors"))
            }
        }
        entries = parts.compactMap(\.entry)
        for part in parts { skipped += part.skipped }
        var total = StatusFigures()
        for entry in entries { total.add(entry.status.figures) }
        self.total = total
        self.skipped = skipped.sorted { $0.path.precedesInByteOrder($1.path) }
    }

    /// One plan's share of a roll-up: its entry (nil when the plan document is left out)
    /// and the plan's documents that are left out for what they say.
    struct PlanPart: Sendable {
        var entry: Entry?
        var skipped: [Skipped]
    }

    /// Rolls up one plan from the items of its valid documents.
    static func part(of plan: ItemReference, items: [Item], asOf: CalendarDate) -> PlanPart {
        var model: Plan?
        var goals: [Goal] = []
        var activities: [Activity] = []
        var members: [String] = []
        var skipped: [Skipped] = []
        for item in items {
            switch item.content {
            case .plan(let plan):
                model = plan
            case .goal(let goal):
                goals.append(goal)
                members.append(item.path)
            case .activity(let activity):
                activities.append(activity)
                members.append(item.path)
            case .unusable(let reason):
                skipped.append(Skipped(path: item.path, reason: reason))
            }
        }
        guard let model else {
            skipped += members.map { Skipped(path: $0, reason: "its plan \(plan) is left out") }
            return PlanPart(entry: nil, skipped: skipped)
        }
        let g = sortedByID(goals, id: \.id)
        let a = sortedByID(activities, id: \.id)
        let entry = Entry(plan: model, goals: g, activities: a, status: PlanStatus(plan: model, goals: g, activities: a, asOf: asOf))
        return PlanPart(entry: entry, skipped: skipped)
    }

    /// Sorts large values by id, moving each value once (sorting them in place moves them
    /// many times, which showed in profiles of `trend`).
    private static func sortedByID<T>(_ items: [T], id: (T) -> String) -> [T] {
        let ids = items.map(id)
        return ids.indices.sorted { ids[$0] < ids[$1] }.map { items[$0] }
    }

    /// A plan, goal or activity document as the roll-up reads it: its typed model, or why
    /// the model cannot be read from it.
    struct Item: Sendable {
        enum Content: Sendable {
            case plan(Plan), goal(Goal), activity(Activity)
            case unusable(String)
        }

        var path: String
        /// The plan the item belongs to (`county/year`).
        var plan: ItemReference
        var content: Content

        /// The item a document holds; nil for counties, settings and documents without a place.
        init?(document: Document) {
            guard let reference = document.reference, let plan = reference.plan else { return nil }
            path = document.path
            self.plan = plan
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
        }
    }

    /// The figures grouped by county, area, priority or funding stream, sorted by key.
    ///
    /// Areas and priorities have no funding of their own, and priorities no goals; each
    /// plan's items are judged on the plan's judgement date.
    public func groups(by grouping: Grouping) -> [Group] {
        var table: [String: StatusFigures] = [:]
        func add(_ key: String, _ figures: StatusFigures) {
            table[key, default: StatusFigures()].add(figures)
        }
        for entry in entries {
            let date = entry.status.judgedOn
            switch grouping {
            case .county:
                add(entry.plan.county, entry.status.figures)
            case .area:
                let keys = Set(entry.activities.map(\.area)).union(entry.goals.map(\.area))
                for key in keys {
                    add(key, StatusFigures(activities: entry.activities.filter { $0.area == key },
                                           goals: entry.goals.filter { $0.area == key }, funding: [], asOf: date))
                }
            case .priority:
                for key in Set(entry.activities.map(\.priority.rawValue)) {
                    add(key, StatusFigures(activities: entry.activities.filter { $0.priority.rawValue == key },
                                           goals: [], funding: [], asOf: date))
                }
            case .stream:
                let keys = Set(entry.activities.map { $0.fundingStream ?? "" }).union(entry.plan.funding.map(\.stream))
                for key in keys {
                    add(key.isEmpty ? "(none)" : key,
                        StatusFigures(activities: entry.activities.filter { ($0.fundingStream ?? "") == key },
                                      goals: [], funding: entry.plan.funding.filter { $0.stream == key }, asOf: date))
                }
            }
        }
        return table.keys.sorted().compactMap { key in table[key].map { Group(key: key, figures: $0) } }
    }
}
