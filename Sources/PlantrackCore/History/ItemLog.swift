/// An item's history: every commit that changed its file, newest first, followed back
/// through the years by `carried_from` (an activity or goal), `revises` (a plan), or the
/// same id in the year before (docs/format.md). Versions that an approved plan version
/// holds carry that version's tags (`stockholm/2021/v4`).
public struct ItemLog: Hashable, Sendable {
    /// One commit's change to one item's file.
    public struct Entry: Hashable, Sendable {
        /// Whether the commit added, removed or changed the file.
        public enum Change: String, Hashable, Sendable {
            case added, removed, modified
        }

        /// The item whose file changed: the one asked for, or one of earlier years.
        public var item: ItemReference
        /// The item's file, workspace-relative.
        public var path: String
        /// The commit.
        public var commit: HistoryCommit
        /// What the commit did to the file.
        public var change: Change
        /// The front-matter fields the commit changed (against its first parent).
        public var fields: [FieldChange]
        /// The tags of the item's plan (`county/year/vN`) whose version of the file is this one.
        public var tags: [String]

        /// Creates an entry.
        public init(
            item: ItemReference, path: String, commit: HistoryCommit, change: Change, fields: [FieldChange],
            tags: [String] = []
        ) {
            self.item = item
            self.path = path
            self.commit = commit
            self.change = change
            self.fields = fields
            self.tags = tags
        }
    }

    /// Why an item's log could not be read.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The item is in neither the working tree, HEAD nor its history; `existing` are the
        /// items of the working tree, for suggestions.
        case notFound(ItemReference, existing: [ItemReference])
        /// The history of the item's file could not be read.
        case history(path: String, detail: String)
        /// A version of the item's file could not be read.
        case content(path: String, id: String, detail: String)
        /// The tags of the item's plan could not be read.
        case tags(ItemReference, detail: String)

        public var description: String {
            switch self {
            case .notFound(let item, _): "no \(item) in the working tree, HEAD or its history"
            case .history(let path, let detail): "cannot read the history of \(path): \(detail)"
            case .content(let path, let id, let detail): "cannot read \(path) at blob \(id): \(detail)"
            case .tags(let item, let detail): "cannot read the tags of \(item): \(detail)"
            }
        }
    }

    /// The item asked for.
    public var item: ItemReference
    /// Newest first: the item's own commits, then those of the item it was carried from, and so on.
    public var entries: [Entry]

    /// Creates a log.
    public init(item: ItemReference, entries: [Entry]) {
        self.item = item
        self.entries = entries
    }

    /// Reads the log of `item` from HEAD back (each commit compared with its first parent).
    /// An item not committed yet is found in the working tree, with no entries.
    public static func read(_ item: ItemReference, in history: any History) throws -> ItemLog {
        var reader = FileHistories(history: history)
        var entries: [Entry] = []
        var visited: Set<ItemReference> = []
        var next: ItemReference? = item
        var isFirst = true
        while let reference = next, visited.insert(reference).inserted {
            next = nil
            guard let path = try reader.path(of: reference, orInWorkingTree: true) else {
                if isFirst {
                    let existing = (try? ItemSuggestions.references(in: history.workingTree())) ?? []
                    throw Failure.notFound(reference, existing: existing)
                }
                break
            }
            isFirst = false
            let revisions = try reader.revisions(of: path)
            var newest: YAMLMapping?
            let firstOfItem = entries.count
            for revision in revisions {
                let old = try reader.frontMatter(revision.oldContent, path: path, reference: reference)
                let new = try reader.frontMatter(revision.newContent, path: path, reference: reference)
                if newest == nil { newest = new ?? old }
                let change: Entry.Change =
                    revision.oldContent == nil ? .added : revision.newContent == nil ? .removed : .modified
                entries.append(
                    Entry(
                        item: reference, path: path, commit: revision.commit, change: change,
                        fields: FieldDiff.compare(old ?? YAMLMapping(), new ?? YAMLMapping())))
            }
            try reader.markTags(
                of: reference, path: path, revisions: revisions,
                entries: &entries[firstOfItem...])
            if newest == nil, let bytes = try? history.workingTree().contents(of: SnapshotEntry(path: path, kind: .file)) {
                newest = FileHistories.frontMatter(bytes, path: path, reference: reference)
            }
            // Items come from carried_from, plans from the plan they revise.
            next = (newest?["carried_from"] ?? newest?["revises"])?.string.flatMap(ItemReference.init)
            if next == nil, let earliest = revisions.last, earliest.oldContent == nil, reference.id != nil,
                let year = reference.year
            {
                // The same id in the year before is the same item (docs/format.md).
                let previous = ItemReference(county: reference.county, year: year - 1, id: reference.id)
                if try reader.path(of: previous, orInWorkingTree: false) != nil { next = previous }
            }
        }
        return ItemLog(item: item, entries: entries)
    }
}

/// Reads files' histories from one walk of HEAD's ancestry.
private struct FileHistories {
    /// One commit that changed a file against its first parent.
    struct Revision {
        var commit: HistoryCommit
        var oldContent: String?
        var newContent: String?
    }

    let history: any History
    /// HEAD's commit (nil before the first commit), or why it could not be read.
    let head: Result<HistoryCommit?, any Error>
    /// HEAD and every commit it was built on, newest first; read on first use.
    private var ancestry: [HistoryCommit]?
    /// Each path's revisions, read once.
    private var revisionsByPath: [String: [Revision]] = [:]

    init(history: any History) {
        self.history = history
        head = Result { try history.head() }
    }

    /// Where the item's file is: in HEAD, in its history (a removed item) or, when asked,
    /// in the working tree.
    mutating func path(of reference: ItemReference, orInWorkingTree: Bool) throws -> String? {
        let kinds: [DocumentKind] = reference.year == nil ? [.county] : reference.id == nil ? [.plan] : [.activity, .goal]
        let paths = kinds.map { DocumentLayout.path(of: $0, reference) }
        if case .success(let head?) = head {
            for path in paths where ((try? history.contentID(of: path, at: head.id)) ?? nil) != nil { return path }
        }
        for path in paths where !((try? revisions(of: path)) ?? []).isEmpty { return path }
        if orInWorkingTree {
            let workingTree = history.workingTree()
            for path in paths where (try? workingTree.contents(of: SnapshotEntry(path: path, kind: .file))) != nil {
                return path
            }
        }
        return nil
    }

    /// The commits reachable from HEAD that changed `path` against their first parent,
    /// newest first (topological and time order).
    mutating func revisions(of path: String) throws -> [Revision] {
        if let known = revisionsByPath[path] { return known }
        var revisions: [Revision] = []
        do {
            if ancestry == nil { ancestry = try head.get().map { try history.ancestry(from: $0.id) } ?? [] }
            // A commit's first parent is usually the next one walked: read each commit's
            // version of the file once.
            var contentByCommit: [String: String?] = [:]
            func content(at id: String) throws -> String? {
                if let known = contentByCommit[id] { return known }
                let found = try history.contentID(of: path, at: id)
                contentByCommit[id] = found
                return found
            }
            for commit in ancestry ?? [] {
                let new = try content(at: commit.id)
                let old = try commit.parentIDs.first.map(content(at:)) ?? nil
                guard old != new else { continue }
                revisions.append(Revision(commit: commit, oldContent: old, newContent: new))
            }
        } catch {
            throw ItemLog.Failure.history(path: path, detail: "\(error)")
        }
        revisionsByPath[path] = revisions
        return revisions
    }

    /// Gives each tag of the item's plan (`county/year/*`; of a county: `county/*`) to the
    /// entry whose version of the file the tagged commit holds: the newest entry that wrote
    /// that content and that the tagged commit is built on. A tag whose commit does not hold
    /// the file marks nothing.
    func markTags(
        of reference: ItemReference, path: String, revisions: [Revision], entries: inout ArraySlice<ItemLog.Entry>
    ) throws {
        guard !entries.isEmpty else { return }
        let pattern = reference.year.map { "\(reference.county)/\($0)/*" } ?? "\(reference.county)/*"
        do {
            for tag in try history.tags(matching: pattern) {
                guard let content = try history.contentID(of: path, at: tag.commitID) else { continue }
                for (i, revision) in zip(entries.indices, revisions) where revision.newContent == content {
                    guard try history.isAncestor(revision.commit.id, of: tag.commitID) else { continue }
                    entries[i].tags.append(tag.name)
                    break
                }
            }
        } catch {
            throw ItemLog.Failure.tags(reference, detail: "\(error)")
        }
    }

    /// The front matter of one version of the file: nil when there is no such version, empty
    /// when it cannot be read as a document.
    func frontMatter(_ content: String?, path: String, reference: ItemReference) throws -> YAMLMapping? {
        guard let content else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try history.contents(ofContent: content, path: path)
        } catch {
            // A corrupted object says its path and id itself.
            if let corrupted = HistoryError.corruption(in: error) { throw corrupted }
            throw ItemLog.Failure.content(path: path, id: content, detail: "\(error)")
        }
        return Self.frontMatter(bytes, path: path, reference: reference) ?? YAMLMapping()
    }

    static func frontMatter(_ bytes: [UInt8], path: String, reference: ItemReference) -> YAMLMapping? {
        guard case .document(let kind, _) = DocumentLayout.place(of: path) else { return nil }
        return try? DocumentReader().read(bytes, path: path, kind: kind, reference: reference).get().frontMatter
    }
}
