import CGit2

/// The kind of a git object (`git_object_t`).
public enum ObjectKind: Hashable, Sendable {
    case commit, tree, blob, tag
    /// Any other value libgit2 reports.
    case other(Int32)

    init(_ type: git_object_t) {
        switch type {
        case GIT_OBJECT_COMMIT: self = .commit
        case GIT_OBJECT_TREE: self = .tree
        case GIT_OBJECT_BLOB: self = .blob
        case GIT_OBJECT_TAG: self = .tag
        default: self = .other(type.rawValue)
        }
    }
}

/// A repository's object database (`git_odb`), for questions that need no parsed object.
///
/// Holds its repository, which owns the database's backends.
public final class ObjectDatabase {
    /// The `git_odb *` (a counted reference); released only in `deinit`.
    let pointer: OpaquePointer
    /// The repository whose database this is.
    public let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_odb_free(pointer)
    }

    /// The size and kind of object `id` without inflating its content where the storage
    /// allows (`git_odb_read_header`): a loose object's header, a packed object's size field.
    public func header(of id: ObjectID) throws -> (size: Int, kind: ObjectKind) {
        var size = 0
        var type = GIT_OBJECT_INVALID
        var oid = id.oid
        try GitError.check(
            git_odb_read_header(&size, &type, pointer, &oid), "git_odb_read_header",
            context: "no object \(id.hex)")
        return (size, ObjectKind(type))
    }

    /// Whether the object exists (`git_odb_exists`).
    public func contains(_ id: ObjectID) -> Bool {
        var oid = id.oid
        return git_odb_exists(pointer, &oid) == 1
    }

    /// Rescans the storage for packs written behind libgit2's back (`git_odb_refresh`).
    public func refresh() throws {
        try GitError.check(git_odb_refresh(pointer), "git_odb_refresh")
    }
}

extension Repository {
    /// The repository's object database (`git_repository_odb`).
    public func objectDatabase() throws -> ObjectDatabase {
        var handle: OpaquePointer?
        try GitError.check(git_repository_odb(&handle, pointer), "git_repository_odb")
        return try ObjectDatabase(pointer: unwrap(handle, "git_repository_odb"), repository: self)
    }
}
