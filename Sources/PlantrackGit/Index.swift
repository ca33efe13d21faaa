import CGit2

/// One entry of the index (staging area).
public struct IndexEntry: Hashable, Sendable {
    /// The path from the repository root, `/`-separated.
    public var path: String
    /// The staged blob (or, for a submodule, commit) id.
    public var id: ObjectID
    /// What the entry is.
    public var mode: FileMode
    /// 0 for a normal entry; 1 (common ancestor), 2 (ours) or 3 (theirs) while a merge
    /// conflict on this path is unresolved (`git_index_entry_stage`).
    public var stage: Int
    /// The working-tree file's size when it was staged, as recorded in the index. It is the
    /// blob's size unless filters (line endings) changed the bytes.
    public var fileSize: Int

    /// Whether this entry is one side of an unresolved conflict.
    public var isConflicted: Bool { stage != 0 }

    /// Creates an entry.
    public init(path: String, id: ObjectID, mode: FileMode, stage: Int = 0, fileSize: Int = 0) {
        self.path = path
        self.id = id
        self.mode = mode
        self.stage = stage
        self.fileSize = fileSize
    }

    init(_ entry: UnsafePointer<git_index_entry>) {
        let value = entry.pointee
        self.init(
            path: value.path.map { String(cString: $0) } ?? "",
            id: ObjectID(value.id),
            mode: FileMode(rawValue: value.mode),
            stage: Int(git_index_entry_stage(entry)),
            fileSize: Int(value.file_size))
    }
}

/// The index (`git_index`): the repository's staging area, or a free-standing in-memory one.
///
/// Holds its repository so the repository stays open while the index is used. Changes stay
/// in memory until ``write()``.
public final class Index {
    /// The `git_index *` (a counted reference for the repository's index); released only in
    /// `deinit`.
    let pointer: OpaquePointer
    /// The repository whose objects the entries refer to.
    public let repository: Repository
    /// Whether this is the repository's own index (which `write()` saves to `.git/index`).
    public let isRepositoryIndex: Bool

    init(pointer: OpaquePointer, repository: Repository, isRepositoryIndex: Bool) {
        self.pointer = pointer
        self.repository = repository
        self.isRepositoryIndex = isRepositoryIndex
    }

    deinit {
        git_index_free(pointer)
    }

    /// An empty index that lives only in memory (`git_index_new`), for building trees from
    /// paths; it cannot be written to disk.
    public static func inMemory(for repository: Repository) throws -> Index {
        var handle: OpaquePointer?
        try GitError.check(git_index_new(&handle), "git_index_new")
        return try Index(pointer: unwrap(handle, "git_index_new"), repository: repository, isRepositoryIndex: false)
    }

    /// Reloads the index from disk if the file changed since it was read, or always with
    /// `force` (`git_index_read`). Unsaved changes are lost.
    public func read(force: Bool = false) throws {
        try GitError.check(git_index_read(pointer, force ? 1 : 0), "git_index_read")
    }

    /// How many entries there are, conflict stages counted separately (`git_index_entrycount`).
    public var count: Int { git_index_entrycount(pointer) }

    /// Whether any path has an unresolved conflict (`git_index_has_conflicts`).
    public var hasConflicts: Bool { git_index_has_conflicts(pointer) == 1 }

    /// Every entry below `folder` (all entries for `""`), sorted by path in byte order and
    /// then by stage (`git_index_find_prefix`, `git_index_get_byindex`).
    public func entries(under folder: String = "") -> [IndexEntry] {
        let trimmed = normalizedFolder(folder)
        let prefix = trimmed.isEmpty ? "" : trimmed + "/"
        var position = 0
        if !prefix.isEmpty {
            guard git_index_find_prefix(&position, pointer, prefix) == 0 else {
                // GIT_ENOTFOUND: nothing below the folder.
                git_error_clear()
                return []
            }
        }
        var found: [IndexEntry] = []
        let total = count
        while position < total, let raw = git_index_get_byindex(pointer, position) {
            let entry = IndexEntry(raw)
            guard entry.path.hasPrefix(prefix) else { break }
            found.append(entry)
            position += 1
        }
        return found
    }

    /// The stage-0 entry at `path`, or nil (`git_index_get_bypath`).
    public func entry(atPath path: String, stage: Int = 0) -> IndexEntry? {
        git_index_get_bypath(pointer, path, Int32(stage)).map(IndexEntry.init)
    }

    /// The blob an entry stages (`git_blob_lookup`).
    public func blob(for entry: IndexEntry) throws -> Blob {
        try repository.blob(entry.id)
    }

    /// Stores `bytes` as a blob and stages it at `path`, replacing what was staged there
    /// (`git_index_add_from_buffer`). Only for the repository's own index.
    public func add(path: String, bytes: [UInt8], mode: FileMode = .file) throws {
        var entry = git_index_entry()
        entry.mode = mode.rawValue
        try path.withCString { cPath in
            // The index copies the path; it only has to live through the call.
            entry.path = cPath
            try bytes.withUnsafeBytes { buffer in
                _ = try GitError.check(
                    git_index_add_from_buffer(pointer, &entry, buffer.baseAddress, buffer.count),
                    "git_index_add_from_buffer", context: "cannot stage '\(path)'")
            }
        }
    }

    /// Stages an existing object at `path` (`git_index_add`).
    public func add(path: String, id: ObjectID, mode: FileMode = .file, fileSize: Int = 0) throws {
        var entry = git_index_entry()
        entry.mode = mode.rawValue
        entry.id = id.oid
        entry.file_size = UInt32(truncatingIfNeeded: fileSize)
        try path.withCString { cPath in
            entry.path = cPath
            _ = try GitError.check(git_index_add(pointer, &entry), "git_index_add", context: "cannot stage '\(path)'")
        }
    }

    /// Replaces every entry with the files of `tree` (`git_index_read_tree`), as a starting
    /// point for building the next commit's tree.
    public func read(tree: Tree) throws {
        try GitError.check(git_index_read_tree(pointer, tree.pointer), "git_index_read_tree")
    }

    /// Records an unresolved conflict at `path` with the given sides, any of which may be
    /// missing (`git_index_conflict_add`); removes the stage-0 entry.
    public func addConflict(
        path: String, ancestor: ObjectID?, ours: ObjectID?, theirs: ObjectID?, mode: FileMode = .file
    ) throws {
        // Each side is a git_index_entry whose path points at the same borrowed C string;
        // libgit2 copies everything before returning.
        try path.withCString { cPath in
            func side(_ id: ObjectID?) -> git_index_entry? {
                guard let id else { return nil }
                var entry = git_index_entry()
                entry.mode = mode.rawValue
                entry.id = id.oid
                entry.path = cPath
                return entry
            }
            try withOptionalPointer(side(ancestor)) { ancestorPointer in
                try withOptionalPointer(side(ours)) { oursPointer in
                    try withOptionalPointer(side(theirs)) { theirsPointer in
                        _ = try GitError.check(
                            git_index_conflict_add(pointer, ancestorPointer, oursPointer, theirsPointer),
                            "git_index_conflict_add", context: "cannot record a conflict at '\(path)'")
                    }
                }
            }
        }
    }

    /// Unstages `path` (`git_index_remove`, stage 0).
    public func remove(path: String) throws {
        try GitError.check(git_index_remove(pointer, path, 0), "git_index_remove", context: "cannot unstage '\(path)'")
    }

    /// Saves the repository's index to `.git/index` atomically (`git_index_write`).
    public func write() throws {
        try GitError.check(git_index_write(pointer), "git_index_write")
    }

    /// Writes the staged entries as trees and returns the root tree's id
    /// (`git_index_write_tree_to`); ``GitError/Code/conflict`` while conflicts remain.
    public func writeTree() throws -> ObjectID {
        var written = git_oid()
        try GitError.check(
            git_index_write_tree_to(&written, pointer, repository.pointer), "git_index_write_tree_to",
            context: "cannot write the index as a tree")
        return ObjectID(written)
    }
}

extension Repository {
    /// The repository's index as last saved in `.git/index` (`git_repository_index`, then
    /// `git_index_read` so a copy read earlier picks up changes made by other programs).
    public func index() throws -> Index {
        var handle: OpaquePointer?
        try GitError.check(git_repository_index(&handle, pointer), "git_repository_index")
        let index = try Index(pointer: unwrap(handle, "git_repository_index"), repository: self, isRepositoryIndex: true)
        try index.read(force: false)
        return index
    }
}

/// Lends a pointer to an optional value's storage, or NULL when it is nil.
private func withOptionalPointer<Value, Result>(
    _ value: Value?, _ body: (UnsafePointer<Value>?) throws -> Result
) rethrows -> Result {
    guard let value else { return try body(nil) }
    return try withUnsafePointer(to: value) { try body($0) }
}
