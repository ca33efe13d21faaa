import CGit2

/// An in-memory, editable folder that is written as a tree object
/// (`git_treebuilder`). Holds its repository, whose object database receives the tree.
public final class TreeBuilder {
    /// The `git_treebuilder *`; freed only in `deinit`.
    let pointer: OpaquePointer
    /// The repository trees are written to.
    public let repository: Repository

    /// Starts empty, or with the entries of `base` (`git_treebuilder_new`).
    public init(repository: Repository, base: Tree? = nil) throws {
        var handle: OpaquePointer?
        try GitError.check(
            git_treebuilder_new(&handle, repository.pointer, base?.pointer), "git_treebuilder_new")
        self.pointer = try unwrap(handle, "git_treebuilder_new")
        self.repository = repository
        withExtendedLifetime(base) {}
    }

    deinit {
        git_treebuilder_free(pointer)
    }

    /// How many entries the folder has (`git_treebuilder_entrycount`).
    public var count: Int { git_treebuilder_entrycount(pointer) }

    /// Adds or replaces the entry `name` (one path component) (`git_treebuilder_insert`).
    /// libgit2 rejects names with `/`, `.`, `..` or `.git`, and (unless switched off with
    /// ``Libgit2/setStrictObjectCreation(_:)``) ids of objects that do not exist.
    public func insert(name: String, id: ObjectID, mode: FileMode) throws {
        var oid = id.oid
        try GitError.check(
            git_treebuilder_insert(nil, pointer, name, &oid, git_filemode_t(rawValue: mode.rawValue)),
            "git_treebuilder_insert", context: "cannot add '\(name)' to a tree")
    }

    /// Removes the entry `name` (`git_treebuilder_remove`); ``GitError/Code/notFound``
    /// when it is missing.
    public func remove(name: String) throws {
        try GitError.check(
            git_treebuilder_remove(pointer, name), "git_treebuilder_remove",
            context: "no entry '\(name)' to remove")
    }

    /// Removes every entry (`git_treebuilder_clear`).
    public func clear() throws {
        try GitError.check(git_treebuilder_clear(pointer), "git_treebuilder_clear")
    }

    /// Writes the folder as a tree object and returns its id (`git_treebuilder_write`).
    /// The builder stays usable; writing an unchanged folder again writes nothing new.
    public func write() throws -> ObjectID {
        var written = git_oid()
        try GitError.check(git_treebuilder_write(&written, pointer), "git_treebuilder_write")
        return ObjectID(written)
    }
}
