/// One link whose review stamp no longer matches the goal it names (`links.suspect`).
public struct SuspectLink: Hashable, Sendable {
    /// The linking item (an activity, or a goal through `serves`).
    public var item: ItemReference
    /// `activity` or `goal`.
    public var kind: DocumentKind
    /// The linking item's title.
    public var title: String?
    /// The linking document's path.
    public var path: String
    /// Where the link's entry stands (`- g2` under `goals:` or `serves:`).
    public var location: SourceLocation
    /// The stamp the link carries.
    public var stamp: LinkStamp
}

/// A goal that changed in meaning since links to it were reviewed, with those links.
public struct SuspectGoal: Hashable, Sendable {
    /// The changed goal.
    public var goal: ItemReference
    /// Its title now.
    public var title: String?
    /// Its path.
    public var path: String
    /// Its fingerprint now.
    public var fingerprint: String
    /// The links whose stamp differs, by path and line.
    public var links: [SuspectLink]
    /// What changed in the fields that count since the version the oldest stamp names
    /// (``FieldDiff`` paths, as `diff` shows them); nil when no version with that
    /// fingerprint was found (no history at hand, or a stamp no version of the goal had).
    public var changes: [FieldChange]?
    /// Whether the body changed (when `body` counts and the version was found).
    public var bodyChanged = false
    /// The last commit at which the goal still read as the stamp says, when found.
    public var reviewedVersion: HistoryCommit?
}

/// The suspect links of one version of a workspace (`plantrack review`, docs/review.md).
public struct SuspectLinks: Sendable {
    /// What filters the links: a county, or a plan `county/year`.
    public struct Filter: Hashable, Sendable {
        public var county: String?
        public var plan: ItemReference?
        /// Creates a filter; nil keeps everything.
        public init(county: String? = nil, plan: ItemReference? = nil) {
            self.county = county
            self.plan = plan
        }

        func keeps(_ reference: ItemReference) -> Bool {
            if let county, reference.county != county { return false }
            if let plan, reference.plan != plan { return false }
            return true
        }
    }

    /// The id of the rule that reports suspect links.
    public static let ruleID = "links.suspect"

    /// The version's label (`working tree`, `HEAD~2 (1a2b3c4)`).
    public var label: String
    /// The changed goals, by reference.
    public var goals: [SuspectGoal]
    /// Links that carry a stamp, in the filtered plans.
    public var stampedLinks: Int
    /// Links without a stamp (not judged).
    public var unstampedLinks: Int
    /// Documents that could not be read (their links are not judged).
    public var findings: [Finding]
    /// The fields that count.
    public var meaning: GoalMeaning

    /// Every suspect link.
    public var links: [SuspectLink] { goals.flatMap(\.links) }

    /// Per plan (`county/year`), the number of `links.suspect` findings among `findings`
    /// (a validation's): what `rollup` and the status report count, whatever the rule's
    /// severity; none when the rule is switched off.
    public static func countsByPlan(findings: [Finding]) -> [ItemReference: Int] {
        var counts: [ItemReference: Int] = [:]
        for finding in findings where finding.rule == ruleID {
            guard case .document(_, let reference) = DocumentLayout.place(of: finding.path), let plan = reference?.plan
            else { continue }
            counts[plan, default: 0] += 1
        }
        return counts
    }

    /// Reads `snapshot` and finds its suspect links, history-free (as `links.suspect` does).
    public static func find(in snapshot: some Snapshot, filter: Filter = Filter()) throws -> SuspectLinks {
        let read = try Workspace.read(from: snapshot) { document -> Kept in Kept(document) }
        var meaning = GoalMeaning()
        var goals: [ItemReference: Kept] = [:]
        var linking: [Kept] = []
        for kept in read.kept {
            if let settings = kept.settings { meaning = GoalMeaning(settings: settings) }
            guard let reference = kept.reference else { continue }
            if kept.kind == .goal, goals[reference] == nil { goals[reference] = kept }
            if !kept.links.isEmpty { linking.append(kept) }
        }
        var result = collect(linking, goals: { goals[$0] }, meaning: meaning, filter: filter)
        result.label = read.label
        result.findings = read.findings
        return result
    }

    /// The suspect links that `findings` of `links.suspect` name, reading only their
    /// documents and the goals they link to: `validate` adds what changed to its findings
    /// without reading the workspace twice.
    public static func find(naming findings: [Finding], in snapshot: some Snapshot) -> SuspectLinks {
        let reader = DocumentReader()
        func read(_ path: String) -> Document? {
            guard case .document(let kind, let reference) = DocumentLayout.place(of: path),
                let bytes = try? snapshot.contents(of: SnapshotEntry(path: path, kind: .file))
            else { return nil }
            guard case .success(let document) = reader.read(bytes, path: path, kind: kind, reference: reference) else {
                return nil
            }
            return document
        }
        let settings = read(DocumentLayout.settingsPath)
        var linking: [Kept] = []
        var goals: [ItemReference: Kept] = [:]
        for path in Set(findings.filter { $0.rule == ruleID }.map(\.path)).sorted() {
            guard let document = read(path), let plan = document.reference?.plan else { continue }
            let kept = Kept(document)
            linking.append(kept)
            for link in kept.links {
                let reference = ItemReference(county: plan.county, year: plan.year ?? 0, id: link.goal)
                guard goals[reference] == nil else { continue }
                if let goal = read(DocumentLayout.path(of: .goal, reference)) { goals[reference] = Kept(goal) }
            }
        }
        var result = collect(linking, goals: { goals[$0] }, meaning: GoalMeaning(settings: settings), filter: Filter())
        result.label = snapshot.label
        return result
    }

    /// The suspect links among `linking` documents' links.
    private static func collect(
        _ linking: [Kept], goals: (ItemReference) -> Kept?, meaning: GoalMeaning, filter: Filter
    ) -> SuspectLinks {
        var result = SuspectLinks(label: "", goals: [], stampedLinks: 0, unstampedLinks: 0, findings: [], meaning: meaning)
        var fingerprints: [ItemReference: String] = [:]
        var suspects: [ItemReference: SuspectGoal] = [:]
        for item in linking {
            guard let reference = item.reference, let plan = reference.plan, filter.keeps(reference) else { continue }
            for link in item.links {
                guard let stamp = item.stamps[link.goal], let stamped = stamp.fingerprint else {
                    result.unstampedLinks += 1
                    continue
                }
                result.stampedLinks += 1
                let goalReference = ItemReference(county: plan.county, year: plan.year ?? 0, id: link.goal)
                guard let goal = goals(goalReference), let texts = goal.meaning else { continue }
                let now = fingerprints[goalReference] ?? meaning.fingerprint(of: texts)
                fingerprints[goalReference] = now
                guard now != stamped else { continue }
                suspects[
                    goalReference,
                    default: SuspectGoal(goal: goalReference, title: goal.title, path: goal.path, fingerprint: now, links: [])
                ]
                .links.append(
                    SuspectLink(
                        item: reference, kind: item.kind, title: item.title, path: item.path, location: link.location,
                        stamp: stamp))
            }
        }
        result.goals = suspects.values.sorted { $0.goal < $1.goal }.map { goal in
            var goal = goal
            goal.links.sort { ($0.path, $0.location) < ($1.path, $1.location) }
            return goal
        }
        return result
    }

    /// Adds to each changed goal what changed since its stamps, from `history`: walking the
    /// first-parent history back from `commit` (HEAD for the working tree), the newest
    /// version of the goal whose fingerprint is a stamp's. Across plan years the goal of the
    /// year before with the same id (or the one `carried_from` names) is the same goal.
    /// Goals whose stamped version is not found keep ``SuspectGoal/changes`` nil.
    public mutating func explain(from commit: String?, in history: any History, current snapshot: some Snapshot) throws {
        guard let start = try commit ?? history.head()?.id else { return }
        let mainline = try history.mainline(from: start)
        let reader = DocumentReader()
        for i in goals.indices {
            let goal = goals[i]
            let wanted = Set(goal.links.compactMap(\.stamp.fingerprint))
            guard let currentBytes = try? snapshot.contents(of: SnapshotEntry(path: goal.path, kind: .file)),
                case .success(let current) = reader.read(
                    currentBytes, path: goal.path, kind: .goal, reference: goal.goal)
            else { continue }
            var path = goal.path
            var reference = goal.goal
            var lastID: String?
            var previous: HistoryCommit?
            for commit in mainline {
                var id = try history.contentID(of: path, at: commit.id)
                if id == nil, let year = reference.year, let goalID = reference.id {
                    // Before the plan year's folder existed: the same goal the year before.
                    let older = ItemReference(county: reference.county, year: year - 1, id: goalID)
                    let olderPath = DocumentLayout.path(of: .goal, older)
                    if let olderID = try history.contentID(of: olderPath, at: commit.id) {
                        path = olderPath
                        reference = older
                        id = olderID
                    }
                }
                guard let id else { break }
                defer { previous = commit }
                if id == lastID { continue }
                lastID = id
                let bytes = try history.contents(ofContent: id, path: path)
                guard case .success(let old) = reader.read(bytes, path: path, kind: .goal, reference: reference) else {
                    continue
                }
                guard wanted.contains(meaning.fingerprint(of: old)) else { continue }
                goals[i].changes = FieldDiff.compare(old.frontMatter, current.frontMatter).filter {
                    meaning.counts($0.field)
                }
                goals[i].bodyChanged =
                    meaning.fields.contains("body")
                    && GoalMeaningTexts.canonicalBody(old.body) != GoalMeaningTexts.canonicalBody(current.body)
                goals[i].reviewedVersion = commit
                break
            }
            _ = previous
        }
    }

    /// A short text of what changed in `goal`: `target 80 → 90 %`-like field changes, or
    /// nil when not known.
    public static func summary(of goal: SuspectGoal) -> String? {
        guard let changes = goal.changes else { return nil }
        var parts = changes.map { change -> String in
            "\(change.field) \(CommitMessage.show(change.old)) → \(CommitMessage.show(change.new))"
        }
        if goal.bodyChanged { parts.append("the text") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// What is kept of each document while reading.
    struct Kept: Sendable {
        var kind: DocumentKind
        var reference: ItemReference?
        var path: String
        var title: String?
        var links: [(goal: String, location: SourceLocation)] = []
        var stamps: [String: LinkStamp] = [:]
        var meaning: GoalMeaningTexts?
        var settings: Document?

        init(_ document: Document) {
            kind = document.kind
            reference = document.reference
            path = document.path
            title = document.frontMatter["title"]?.string
            let field: String? =
                switch document.kind {
                case .activity: "goals"
                case .goal: "serves"
                default: nil
                }
            if let field {
                for node in document.frontMatter[field]?.sequence ?? [] {
                    if let goal = node.string { links.append((goal, node.location)) }
                }
                stamps = LinkStamp.stamps(in: document.frontMatter)
            }
            if document.kind == .goal { meaning = GoalMeaningTexts(document) }
            if document.kind == .workspace { settings = document }
        }
    }
}
