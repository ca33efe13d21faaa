/// How many items link to a goal in one version of a workspace: activities through
/// `goals:`, short-term goals through `serves:`. `diff` shows it for a goal that changed
/// ("affects 3 activities and 1 goal"): those items were planned for the goal as it was.
public struct LinkingItems: Hashable, Sendable {
    /// Activities that name the goal in `goals:`.
    public var activities: Int
    /// Goals that name the goal in `serves:`.
    public var goals: Int

    /// Creates the counts.
    public init(activities: Int = 0, goals: Int = 0) {
        self.activities = activities
        self.goals = goals
    }

    /// Whether nothing links to the goal.
    public var isEmpty: Bool { activities + goals == 0 }

    /// Per goal (`county/year/id`), the items of the plans `plans` (`county/year`) in
    /// `snapshot` that link to it. Links are read as the suspect-link rule and `review`
    /// read them (``SuspectLinks``): the entries of `goals:` and `serves:`, resolved in the
    /// linking item's own plan. A document that cannot be read links to nothing; `validate`
    /// reports it.
    public static func counts(
        in snapshot: some Snapshot, plans: Set<ItemReference>, reader: DocumentReader = DocumentReader()
    ) throws -> [ItemReference: LinkingItems] {
        var files: [DiffFile] = []
        for plan in plans.sorted() {
            let entries: [SnapshotEntry]
            do {
                entries = try snapshot.entries(under: DocumentLayout.folder(of: plan))
            } catch {
                if HistoryError.corruption(in: error) != nil { throw error }
                continue
            }
            for entry in entries {
                guard case .file = entry.kind, case .document(let kind, _) = DocumentLayout.place(of: entry.path),
                    kind == .activity || kind == .goal
                else { continue }
                do {
                    files.append(DiffFile(path: entry.path, bytes: try snapshot.contents(of: entry)))
                } catch {
                    if HistoryError.corruption(in: error) != nil { throw error }
                }
            }
        }
        // Parsing is per document: on all cores.
        let kept = ParallelMap.map(files) { file -> SuspectLinks.Kept? in
            guard case .document(let kind, let reference) = DocumentLayout.place(of: file.path),
                case .success(let document) = reader.read(file.bytes, path: file.path, kind: kind, reference: reference)
            else { return nil }
            return SuspectLinks.Kept(document)
        }
        var counts: [ItemReference: LinkingItems] = [:]
        for item in kept.compactMap({ $0 }) {
            guard let plan = item.reference?.plan else { continue }
            // A goal named twice in one list is one link.
            for goal in Set(item.links.map(\.goal)) {
                let reference = ItemReference(county: plan.county, year: plan.year ?? 0, id: goal)
                if item.kind == .activity { counts[reference, default: LinkingItems()].activities += 1 }
                if item.kind == .goal { counts[reference, default: LinkingItems()].goals += 1 }
            }
        }
        return counts
    }
}

extension DiffResult {
    /// Sets ``ItemChange/affects`` of every goal that changed (modified or moved, not added
    /// or removed): the items that link to it in `new`, the newer side. Reads the plans of
    /// those goals only.
    public mutating func countLinkingItems(in new: some Snapshot, reader: DocumentReader = DocumentReader()) throws {
        let changed = changes.indices.filter { i in
            changes[i].kind == .goal && (changes[i].change == .modified || changes[i].change == .moved)
                && ItemReference(changes[i].item)?.id != nil
        }
        guard !changed.isEmpty else { return }
        let plans = Set(changed.compactMap { ItemReference(changes[$0].item)?.plan })
        let counts = try LinkingItems.counts(in: new, plans: plans, reader: reader)
        for i in changed {
            guard let goal = ItemReference(changes[i].item) else { continue }
            changes[i].affects = counts[goal] ?? LinkingItems()
        }
    }
}
