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

        /// The counties the filter names that have no folder under `Plans/` in `snapshot`, in
        /// the order named, and the counties that do: a mistyped county would otherwise give
        /// empty figures that look like a county without plans.
        public func unknownCounties(in snapshot: any Snapshot) throws -> (unknown: [String], existing: [ItemReference]) {
            guard !counties.isEmpty else { return ([], []) }
            // A commit names its folders; the working tree is listed (only with --county).
            let folders: [String]
            if let plans = try snapshot.folder(DocumentLayout.plansFolder, id: nil) {
                folders = plans.subfolders.map(\.path)
            } else {
                // Only paths inside a county folder (not Plans/workspace.yaml).
                folders = try snapshot.entries(under: DocumentLayout.plansFolder).map(\.path)
                    .filter { $0.split(separator: "/").count >= 3 }
            }
            var known: Set<String> = []
            var existing: [ItemReference] = []
            for path in folders {
                let parts = path.split(separator: "/")
                guard parts.count >= 2 else { continue }
                let county = String(parts[1])
                if known.insert(county).inserted { existing.append(ItemReference(county: county)) }
            }
            return (counties.filter { !known.contains($0) }, existing)
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
    public init(
        documents: [Document], invalidPaths: Set<String>, unreadablePaths: Set<String> = [], asOf: CalendarDate,
        filter: Filter = Filter()
    ) {
        let thresholds = TrafficLight.Thresholds(settings: documents.first { $0.kind == .workspace })
        // Only documents of included plans are decoded: `--county` need not read the rest.
        let items = documents.lazy
            .filter { document in
                !invalidPaths.contains(document.path) && (document.reference?.plan).map(filter.includes) == true
            }
            .compactMap(Item.init(document:))
        self.init(
            items: items, invalidPaths: invalidPaths, unreadablePaths: unreadablePaths, asOf: asOf, filter: filter,
            thresholds: thresholds)
    }

    /// Rolls up items already read from valid documents; `invalidPaths` are listed as skipped.
    init(
        items: some Sequence<Item>, invalidPaths: Set<String>, unreadablePaths: Set<String> = [], asOf: CalendarDate,
        filter: Filter, thresholds: TrafficLight.Thresholds = .standard
    ) {
        var byPlan: [ItemReference: [Item]] = [:]
        for item in items where filter.includes(item.plan) { byPlan[item.plan, default: []].append(item) }
        let parts = byPlan.keys.sorted().compactMap { plan in
            byPlan[plan].map { Self.part(of: plan, items: $0, asOf: asOf, thresholds: thresholds) }
        }
        self.init(parts: parts, invalidPaths: invalidPaths, unreadablePaths: unreadablePaths, asOf: asOf, filter: filter)
    }

    /// Assembles a roll-up from its plans' parts, sorted by plan; of `invalidPaths`, the
    /// plans, goals and activities `filter` keeps are listed as skipped.
    init(
        parts: [PlanPart], invalidPaths: Set<String>, unreadablePaths: Set<String> = [], asOf: CalendarDate,
        filter: Filter = Filter()
    ) {
        self.asOf = asOf
        var skipped: [Skipped] = []
        // Sorted with the rest at the end. A document of a plan outside the filter does not
        // make these figures incomplete.
        for path in invalidPaths where filter.includes(path: path) {
            skipped.append(
                unreadablePaths.contains(path)
                    ? Skipped(path: path, reason: "could not be read", cause: .unreadable)
                    : Skipped(path: path, reason: "has errors", cause: .errors))
        }
        self.parts = parts
        for part in parts { skipped += part.skipped }
        self.skipped = skipped.sorted { $0.path.precedesInByteOrder($1.path) }
    }

    /// A roll-up of some of these parts (the documents left out listed with them).
    init(asOf: CalendarDate, parts: [PlanPart], skipped: [Skipped]) {
        self.asOf = asOf
        self.parts = parts
        self.skipped = skipped
    }

    /// Sets each plan's count of suspect links (``StatusFigures/suspectLinks``) to `counts`
    /// (per plan `county/year`; zero for a plan not named).
    mutating func setSuspectLinks(_ counts: [ItemReference: Int]) {
        for i in parts.indices {
            guard let plan = parts[i].status?.reference else { continue }
            let count = counts[plan] ?? 0
            parts[i].status?.figures.suspectLinks = count
            parts[i].entry?.status.figures.suspectLinks = count
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
