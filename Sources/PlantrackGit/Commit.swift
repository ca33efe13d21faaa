import CGit2
import PlantrackCore

/// A commit (`git_commit`), read-only.
///
/// Holds its repository so the repository stays open while the commit is used.
public final class Commit {
    /// The `git_commit *`; freed only in `deinit`.
    let pointer: OpaquePointer
    /// The repository the commit was read from.
    public let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_commit_free(pointer)
    }

    /// The commit's id (`git_commit_id`).
    public var id: ObjectID { ObjectID(git_commit_id(pointer)) }

    /// The shortest unambiguous abbreviation of the id, at least seven digits
    /// (`git_object_short_id`); the first seven digits if libgit2 cannot compute one.
    public var shortID: String {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_object_short_id(&buffer, pointer) == 0, let text = buffer.ptr else {
            git_error_clear()
            return id.abbreviated
        }
        return String(cString: text)
    }

    /// The id of the commit's root tree (`git_commit_tree_id`).
    public var treeID: ObjectID { ObjectID(git_commit_tree_id(pointer)) }

    /// The commit's root tree (`git_commit_tree`).
    public func tree() throws -> Tree {
        var handle: OpaquePointer?
        try GitError.check(git_commit_tree(&handle, pointer), "git_commit_tree")
        return try Tree(pointer: unwrap(handle, "git_commit_tree"), repository: repository)
    }

    /// The parents' ids, first parent first (`git_commit_parentcount`, `git_commit_parent_id`).
    public var parentIDs: [ObjectID] {
        let count = git_commit_parentcount(pointer)
        return (0..<count).compactMap { index in
            git_commit_parent_id(pointer, index).map(ObjectID.init)
        }
    }

    /// The parent commits, first parent first (`git_commit_parent`).
    public func parents() throws -> [Commit] {
        try (0..<git_commit_parentcount(pointer)).map { index in
            var handle: OpaquePointer?
            try GitError.check(git_commit_parent(&handle, pointer, index), "git_commit_parent")
            return try Commit(pointer: unwrap(handle, "git_commit_parent"), repository: repository)
        }
    }

    /// The author (`git_commit_author`).
    public var author: Author {
        git_commit_author(pointer).map(Author.init)
            ?? Author(name: "", email: "", time: time, offsetMinutes: Int(timeOffsetMinutes))
    }

    /// The committer (`git_commit_committer`).
    public var committer: Author {
        git_commit_committer(pointer).map(Author.init)
            ?? Author(name: "", email: "", time: time, offsetMinutes: Int(timeOffsetMinutes))
    }

    /// The committer time in seconds since the epoch (`git_commit_time`).
    public var time: Int64 { git_commit_time(pointer) }

    /// The committer's time zone offset in minutes (`git_commit_time_offset`).
    public var timeOffsetMinutes: Int32 { git_commit_time_offset(pointer) }

    /// The full message, decoded leniently (`git_commit_message`).
    public var message: String {
        git_commit_message(pointer).map { String(cString: $0) } ?? ""
    }

    /// The first paragraph of the message on one line (`git_commit_summary`).
    public var summary: String {
        guard let text = git_commit_summary(pointer) else {
            git_error_clear()
            return ""
        }
        return String(cString: text)
    }
}

extension Repository {
    /// Creates a commit of `tree` with `parents` (`git_commit_create`) and returns its id.
    ///
    /// When `reference` is given (`HEAD`, `refs/heads/main`) it is moved to the new commit;
    /// libgit2 then requires the reference's current target to be the first parent, which
    /// guards against a concurrent writer. The message is stored as given (no cleanup).
    @discardableResult
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], author: Author, committer: Author,
        message: String, updating reference: String? = nil
    ) throws -> ObjectID {
        let treeObject = try self.tree(tree)
        let parentObjects = try parents.map { try commit($0) }
        return try author.withGitSignature { authorSignature in
            try committer.withGitSignature { committerSignature in
                // A nil encoding means UTF-8 and writes no `encoding` header, as git does.
                // git_commit_create reads the parents through a `const git_commit *[]`; the
                // Commit objects above keep every pointer alive until the call returns.
                var parentPointers: [OpaquePointer?] = parentObjects.map { $0.pointer }
                var created = git_oid()
                _ = try parentPointers.withUnsafeMutableBufferPointer { buffer in
                    try GitError.check(
                        git_commit_create(
                            &created, pointer, reference, authorSignature, committerSignature,
                            nil, message, treeObject.pointer, buffer.count, buffer.baseAddress),
                        "git_commit_create")
                }
                withExtendedLifetime(parentObjects) {}
                return ObjectID(created)
            }
        }
    }
}
