import CGit2

/// One entry of a tree: a file, link, submodule or folder, with its path.
public struct TreeEntry: Hashable, Sendable {
    /// The path from the root of the tree that was searched, `/`-separated
    /// (`Plans/stockholm/2021/plan.md`); for ``Tree/entries`` just the name.
    public var path: String
    /// The blob, tree or (for a submodule) commit id.
    public var id: ObjectID
    /// What the entry is.
    public var mode: FileMode

    /// Creates an entry.
    public init(path: String, id: ObjectID, mode: FileMode) {
        self.path = path
        self.id = id
        self.mode = mode
    }

    /// The last path component.
    public var name: String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// A tree (`git_tree`): one folder of a commit, read-only.
///
/// Holds its repository so the repository stays open while the tree is used.
public final class Tree {
    /// The `git_tree *`; freed only in `deinit`.
    let pointer: OpaquePointer
    /// The repository the tree was read from.
    public let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_tree_free(pointer)
    }

    /// The tree's id (`git_tree_id`).
    public var id: ObjectID { ObjectID(git_tree_id(pointer)) }

    /// How many entries the tree has directly (`git_tree_entrycount`).
    public var count: Int { git_tree_entrycount(pointer) }

    /// The direct entries in git's tree order; each entry's path is its name
    /// (`git_tree_entry_byindex`).
    public var entries: [TreeEntry] {
        (0..<count).compactMap { index in
            git_tree_entry_byindex(pointer, index).map { TreeEntry(borrowed: $0, prefix: "") }
        }
    }

    /// The entry at `path` below this tree, or nil when there is none
    /// (`git_tree_entry_bypath`). `path` is `/`-separated; an empty path has no entry.
    public func entry(atPath path: String) throws -> TreeEntry? {
        let trimmed = normalizedFolder(path)
        guard !trimmed.isEmpty else { return nil }
        var found: OpaquePointer?
        let result = git_tree_entry_bypath(&found, pointer, trimmed)
        if result == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(result, "git_tree_entry_bypath", context: "cannot look up '\(trimmed)'")
        let entry = try unwrap(found, "git_tree_entry_bypath")
        // Unlike entries borrowed from a tree, an entry from _bypath is ours to free.
        defer { git_tree_entry_free(entry) }
        var copied = TreeEntry(borrowed: entry, prefix: "")
        copied.path = trimmed
        return copied
    }

    /// The folder at `path` below this tree; `self` for an empty path, nil when the path is
    /// missing or is not a folder.
    public func subtree(atPath path: String) throws -> Tree? {
        let trimmed = normalizedFolder(path)
        if trimmed.isEmpty { return self }
        guard let entry = try entry(atPath: trimmed), entry.mode == .tree else { return nil }
        return try repository.tree(entry.id)
    }

    /// Every non-folder entry below `folder` (files, links, submodules), recursively, with
    /// paths from this tree's root, sorted by path in byte order. Empty when `folder` is
    /// missing. Reads only trees, never blobs.
    public func files(under folder: String = "") throws -> [TreeEntry] {
        let trimmed = normalizedFolder(folder)
        guard let start = try subtree(atPath: trimmed) else { return [] }
        var collected: [TreeEntry] = []
        try start.collectFiles(prefix: trimmed.isEmpty ? "" : trimmed + "/", into: &collected)
        // git's tree order (a folder sorts as if its name ended in "/") is byte order of the
        // full paths, so a well-formed tree needs no sorting; a hand-made tree might.
        if !isSortedByPath(collected.map(\.path)) {
            collected.sort { bytewisePrecedes($0.path, $1.path) }
        }
        return collected
    }

    private func collectFiles(prefix: String, into collected: inout [TreeEntry]) throws {
        for index in 0..<count {
            guard let raw = git_tree_entry_byindex(pointer, index) else { continue }
            let entry = TreeEntry(borrowed: raw, prefix: prefix)
            if entry.mode == .tree {
                try repository.tree(entry.id).collectFiles(prefix: entry.path + "/", into: &collected)
            } else {
                collected.append(entry)
            }
        }
    }
}

extension TreeEntry {
    /// Copies an entry libgit2 owns (borrowed from a tree, or about to be freed).
    init(borrowed entry: OpaquePointer, prefix: String) {
        let name = git_tree_entry_name(entry).map { String(cString: $0) } ?? ""
        self.init(
            path: prefix + name,
            id: ObjectID(git_tree_entry_id(entry)),
            mode: FileMode(rawValue: git_tree_entry_filemode_raw(entry).rawValue))
    }
}

/// `Plans/`, `/Plans`, `./Plans` and `Plans` all name the folder `Plans`; `""`, `.` and `/`
/// name the root.
func normalizedFolder(_ path: String) -> String {
    var parts = path.split(separator: "/", omittingEmptySubsequences: true)
    if parts.first == "." { parts.removeFirst() }
    return parts.joined(separator: "/")
}

/// Byte order of UTF-8 paths, the order snapshots promise (`String`'s own `<` compares
/// Unicode scalars' canonical forms instead).
func bytewisePrecedes(_ left: String, _ right: String) -> Bool {
    left.precedesInByteOrder(right)
}

func isSortedByPath(_ paths: [String]) -> Bool {
    zip(paths, paths.dropFirst()).allSatisfy { bytewisePrecedes($0, $1) }
}
