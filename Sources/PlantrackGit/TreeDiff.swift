import CGit2

/// One file entry that differs between two trees.
public struct TreeChange: Hashable, Sendable {
    /// How the entry changed.
    public enum Kind: Hashable, Sendable {
        /// Only the new tree has the path.
        case added
        /// Only the old tree has the path.
        case deleted
        /// Both have the path with a different id or mode.
        case modified
    }

    /// How the entry changed.
    public var kind: Kind
    /// The path from the trees' root (`Plans/stockholm/2021/plan.md`).
    public var path: String
    /// The old blob id; nil when added.
    public var oldID: ObjectID?
    /// The new blob id; nil when deleted.
    public var newID: ObjectID?
    /// The old mode; nil when added.
    public var oldMode: FileMode?
    /// The new mode; nil when deleted.
    public var newMode: FileMode?

    /// Creates a change.
    public init(
        kind: Kind, path: String, oldID: ObjectID?, newID: ObjectID?, oldMode: FileMode?,
        newMode: FileMode?
    ) {
        self.kind = kind
        self.path = path
        self.oldID = oldID
        self.newID = newID
        self.oldMode = oldMode
        self.newMode = newMode
    }
}

/// What a tree comparison read, for tests and profiling.
public struct TreeComparisonStatistics: Hashable, Sendable {
    /// Trees looked up (`git_tree_lookup`) below the two starting trees.
    public var treesLoaded = 0
    /// Subtrees with equal ids on both sides, skipped without being read.
    public var subtreesSkipped = 0

    /// Creates zeroed statistics.
    public init() {}
}

extension Repository {
    /// The file entries (files, links, submodules) that differ between `old` and `new`
    /// below `folder`, sorted by path in byte order. A nil tree is empty (the parent of a
    /// root commit).
    ///
    /// Walks both trees in parallel and skips every subtree whose id is the same on both
    /// sides, so comparing two neighbouring commits of a large workspace reads only the few
    /// trees on the changed paths. Renames are reported as a deletion and an addition; an
    /// entry that turns from a file into a folder is a deletion plus additions. This is much
    /// cheaper than `git_diff_tree_to_tree`, which builds a full diff object.
    public func changes(from old: Tree?, to new: Tree?, under folder: String? = nil) throws -> [TreeChange] {
        var statistics = TreeComparisonStatistics()
        return try changes(from: old, to: new, under: folder, statistics: &statistics)
    }

    /// ``changes(from:to:under:)``, also counting what was read into `statistics`.
    public func changes(
        from old: Tree?, to new: Tree?, under folder: String? = nil,
        statistics: inout TreeComparisonStatistics
    ) throws -> [TreeChange] {
        let trimmed = normalizedFolder(folder ?? "")
        let oldStart = try old.flatMap { try folderTree($0, trimmed, &statistics) }
        let newStart = try new.flatMap { try folderTree($0, trimmed, &statistics) }
        if let oldStart, let newStart, oldStart.id == newStart.id {
            statistics.subtreesSkipped += 1
            return []
        }
        var walk = TreeComparison(repository: self, statistics: statistics)
        try walk.compare(oldStart, newStart, prefix: trimmed.isEmpty ? "" : trimmed + "/")
        statistics = walk.statistics
        // Parallel git-order walks already give byte order (see Tree.files(under:)); the sort
        // only guards against hand-made trees whose entries are out of order.
        if !isSortedByPath(walk.changes.map(\.path)) {
            walk.changes.sort { bytewisePrecedes($0.path, $1.path) }
        }
        return walk.changes
    }

    private func folderTree(_ root: Tree, _ folder: String, _ statistics: inout TreeComparisonStatistics) throws -> Tree? {
        if folder.isEmpty { return root }
        guard let entry = try root.entry(atPath: folder), entry.mode == .tree else { return nil }
        statistics.treesLoaded += 1
        return try tree(entry.id)
    }
}

/// The state of one pruned comparison.
private struct TreeComparison {
    let repository: Repository
    var statistics: TreeComparisonStatistics
    var changes: [TreeChange] = []

    /// One entry borrowed from a live `git_tree`: the name bytes stay valid while the tree
    /// that owns them is alive, which the caller guarantees by holding both `Tree`s.
    struct Borrowed {
        let name: UnsafeRawBufferPointer
        let id: ObjectID
        let mode: FileMode

        var isTree: Bool { mode == .tree }

        func path(_ prefix: String) -> String {
            prefix + String(decoding: name, as: UTF8.self)
        }
    }

    static func borrowedEntries(_ tree: Tree?) -> [Borrowed] {
        guard let tree else { return [] }
        return (0..<tree.count).compactMap { index in
            guard let entry = git_tree_entry_byindex(tree.pointer, index),
                let name = git_tree_entry_name(entry)
            else { return nil }
            return Borrowed(
                name: UnsafeRawBufferPointer(start: name, count: cStringLength(name)),
                id: ObjectID(git_tree_entry_id(entry)),
                mode: FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue))
        }
    }

    /// git's tree order: names compared bytewise as if a folder's name ended in `/`.
    static func order(_ left: Borrowed, _ right: Borrowed) -> Int {
        let common = min(left.name.count, right.name.count)
        for index in 0..<common where left.name[index] != right.name[index] {
            return left.name[index] < right.name[index] ? -1 : 1
        }
        // Past the common part a name that ended counts as "/" when it is a folder and as
        // NUL otherwise (names hold neither byte), exactly as git sorts tree entries.
        let leftNext = left.name.count > common ? left.name[common] : (left.isTree ? 0x2f : 0)
        let rightNext = right.name.count > common ? right.name[common] : (right.isTree ? 0x2f : 0)
        return leftNext == rightNext ? 0 : (leftNext < rightNext ? -1 : 1)
    }

    mutating func compare(_ old: Tree?, _ new: Tree?, prefix: String) throws {
        // Both Tree objects live until this call returns, keeping the borrowed names valid.
        let oldEntries = Self.borrowedEntries(old)
        let newEntries = Self.borrowedEntries(new)
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldEntries.count || newIndex < newEntries.count {
            let ordering: Int
            if oldIndex == oldEntries.count {
                ordering = 1
            } else if newIndex == newEntries.count {
                ordering = -1
            } else {
                ordering = Self.order(oldEntries[oldIndex], newEntries[newIndex])
            }
            if ordering < 0 {
                try removed(oldEntries[oldIndex], prefix: prefix)
                oldIndex += 1
            } else if ordering > 0 {
                try added(newEntries[newIndex], prefix: prefix)
                newIndex += 1
            } else {
                try both(oldEntries[oldIndex], newEntries[newIndex], prefix: prefix)
                oldIndex += 1
                newIndex += 1
            }
        }
        withExtendedLifetime((old, new)) {}
    }

    private mutating func load(_ id: ObjectID) throws -> Tree {
        statistics.treesLoaded += 1
        return try repository.tree(id)
    }

    private mutating func removed(_ entry: Borrowed, prefix: String) throws {
        if entry.isTree {
            try compare(load(entry.id), nil, prefix: entry.path(prefix) + "/")
        } else {
            changes.append(
                TreeChange(
                    kind: .deleted, path: entry.path(prefix), oldID: entry.id, newID: nil,
                    oldMode: entry.mode, newMode: nil))
        }
    }

    private mutating func added(_ entry: Borrowed, prefix: String) throws {
        if entry.isTree {
            try compare(nil, load(entry.id), prefix: entry.path(prefix) + "/")
        } else {
            changes.append(
                TreeChange(
                    kind: .added, path: entry.path(prefix), oldID: nil, newID: entry.id,
                    oldMode: nil, newMode: entry.mode))
        }
    }

    /// Same sort key on both sides, so either both are folders or neither is.
    private mutating func both(_ old: Borrowed, _ new: Borrowed, prefix: String) throws {
        if old.id == new.id && old.mode == new.mode {
            if old.isTree { statistics.subtreesSkipped += 1 }
            return
        }
        if old.isTree {
            try compare(load(old.id), load(new.id), prefix: old.path(prefix) + "/")
        } else {
            changes.append(
                TreeChange(
                    kind: .modified, path: old.path(prefix), oldID: old.id, newID: new.id,
                    oldMode: old.mode, newMode: new.mode))
        }
    }
}
