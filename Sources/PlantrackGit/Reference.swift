import CGit2

/// A reference (`git_reference`): a branch, tag, HEAD or other named pointer.
///
/// Holds its repository so the repository stays open while the reference is used.
public final class Reference {
    /// The `git_reference *`; freed only in `deinit`.
    let pointer: OpaquePointer
    /// The repository the reference belongs to.
    public let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_reference_free(pointer)
    }

    /// The full name, `refs/heads/main` or `HEAD` (`git_reference_name`).
    public var name: String {
        git_reference_name(pointer).map { String(cString: $0) } ?? ""
    }

    /// The object a direct reference points at; nil for a symbolic one (`git_reference_target`).
    public var target: ObjectID? {
        git_reference_target(pointer).map(ObjectID.init)
    }

    /// The reference a symbolic reference names (`refs/heads/main` for HEAD); nil for a
    /// direct one (`git_reference_symbolic_target`).
    public var symbolicTarget: String? {
        git_reference_symbolic_target(pointer).map { String(cString: $0) }
    }

    /// Follows symbolic references to a direct one (`git_reference_resolve`).
    public func resolved() throws -> Reference {
        var handle: OpaquePointer?
        try GitError.check(
            git_reference_resolve(&handle, pointer), "git_reference_resolve",
            context: "cannot resolve reference '\(name)'")
        return try Reference(pointer: unwrap(handle, "git_reference_resolve"), repository: repository)
    }

    /// The commit the reference leads to, through symbolic references and annotated tags
    /// (`git_reference_peel` to `GIT_OBJECT_COMMIT`).
    public func peelToCommit() throws -> Commit {
        var object: OpaquePointer?
        try GitError.check(
            git_reference_peel(&object, pointer, GIT_OBJECT_COMMIT), "git_reference_peel",
            context: "reference '\(name)' does not lead to a commit")
        return try Commit(pointer: unwrap(object, "git_reference_peel"), repository: repository)
    }
}

extension Repository {
    /// The reference with the full name `name` (`git_reference_lookup`); code
    /// ``GitError/Code/notFound`` when there is none.
    public func reference(named name: String) throws -> Reference {
        var handle: OpaquePointer?
        try GitError.check(
            git_reference_lookup(&handle, pointer, name), "git_reference_lookup",
            context: "no reference '\(name)'")
        return try Reference(pointer: unwrap(handle, "git_reference_lookup"), repository: self)
    }

    /// Creates or (with `force`) moves the direct reference `name` to `target`
    /// (`git_reference_create`); `logMessage` goes to the reflog.
    @discardableResult
    public func setReference(
        named name: String, to target: ObjectID, force: Bool = true, logMessage: String? = nil
    ) throws -> Reference {
        var handle: OpaquePointer?
        var oid = target.oid
        try GitError.check(
            git_reference_create(&handle, pointer, name, &oid, force ? 1 : 0, logMessage),
            "git_reference_create", context: "cannot set reference '\(name)'")
        return try Reference(pointer: unwrap(handle, "git_reference_create"), repository: self)
    }

    /// Creates the branch `refs/heads/<name>` at `commit` (`git_branch_create`).
    @discardableResult
    public func createBranch(named name: String, at commit: Commit, force: Bool = false) throws -> Reference {
        var handle: OpaquePointer?
        try GitError.check(
            git_branch_create(&handle, pointer, name, commit.pointer, force ? 1 : 0),
            "git_branch_create", context: "cannot create branch '\(name)'")
        return try Reference(pointer: unwrap(handle, "git_branch_create"), repository: self)
    }

    /// Points HEAD at the reference `name`, e.g. `refs/heads/main`, which may be unborn
    /// (`git_repository_set_head`). Does not touch the index or working tree.
    public func setHead(_ name: String) throws {
        try GitError.check(
            git_repository_set_head(pointer, name), "git_repository_set_head",
            context: "cannot point HEAD at '\(name)'")
    }
}
