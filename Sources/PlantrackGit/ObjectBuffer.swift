import CGit2

/// Holds every object written to a new repository in memory until
/// ``writePack(reachableFrom:including:)`` writes them as one pack file (libgit2's mempack
/// backend, `git_mempack_new`).
///
/// Meant for programs that create tens of thousands of objects at once (the workspace
/// generator): one pack instead of one loose file per object, with delta compression.
/// While the buffer is active the repository's object database is an in-memory one holding
/// only the mempack backend; with the usual on-disk backends beside it, libgit2 rescans
/// `objects/pack` on every write of an object it has not seen (to "freshen" it), one
/// directory read per object. Objects not reachable from the given commits or listed are
/// dropped when the pack is written.
public final class ObjectBuffer {
    /// The repository whose object database is swapped while buffering.
    public let repository: Repository
    /// The repository's own database, put back by `writePack` (or `deinit`).
    private let original: ObjectDatabase
    /// The in-memory database in use while buffering; it owns the backend.
    private let memory: ObjectDatabase
    /// The `git_odb_backend *`, valid while `memory` lives.
    private let backend: UnsafeMutablePointer<git_odb_backend>
    private var restored = false

    /// Points `repository`, which must have no commits yet, at an in-memory object database
    /// (`git_odb_new`, `git_mempack_new`, `git_odb_add_backend`, `git_repository_set_odb`).
    public init(repository: Repository) throws {
        guard repository.isHeadUnborn else {
            throw GitError(
                code: .invalid, message: "the repository already has commits",
                function: "git_repository_set_odb", context: "an object buffer is only for a new repository")
        }
        self.repository = repository
        original = try repository.objectDatabase()
        var database: OpaquePointer?
        try GitError.check(git_odb_new(&database), "git_odb_new")
        memory = try ObjectDatabase(pointer: unwrap(database, "git_odb_new"), repository: repository)
        var created: UnsafeMutablePointer<git_odb_backend>?
        try GitError.check(git_mempack_new(&created), "git_mempack_new")
        guard let created else {
            throw GitError(code: .other(-1), message: "returned success but no backend", function: "git_mempack_new")
        }
        let result = git_odb_add_backend(memory.pointer, created, 999)
        if result < 0 {
            // Not yet owned by the database: release it ourselves, through its own free.
            let error = GitError.last(returnCode: result, function: "git_odb_add_backend")
            created.pointee.free?(created)
            throw error
        }
        backend = created
        // The repository takes its own reference to the in-memory database.
        try GitError.check(git_repository_set_odb(repository.pointer, memory.pointer), "git_repository_set_odb")
    }

    deinit {
        // Dropped without writing: the buffered objects are lost, but the repository must
        // not be left reading from a database that is about to go away.
        if !restored {
            git_repository_set_odb(repository.pointer, original.pointer)
        }
    }

    /// Writes every object reachable from the commits `tips`, plus the objects `others`
    /// (annotated tags, which a commit walk does not reach), into a pack with its index in
    /// `.git/objects/pack` (`git_packbuilder_insert_walk`, `git_packbuilder_insert`,
    /// `git_packbuilder_write`, using all cores for delta search), then gives the repository
    /// its on-disk database back (`git_repository_set_odb`, `git_odb_refresh`). Returns how
    /// many objects were written. The buffer cannot be used again.
    @discardableResult
    public func writePack(reachableFrom tips: [ObjectID], including others: [ObjectID] = []) throws -> Int {
        guard !restored else {
            throw GitError(code: .invalid, message: "the buffer was already written", function: "git_packbuilder_write")
        }
        let builder = try PackBuilder(repository: repository)
        let walk = try RevisionWalk(repository: repository, order: [])
        for tip in tips {
            try walk.push(tip)
        }
        try builder.insert(walk)
        for object in others {
            try builder.insert(object)
        }
        let written = builder.objectCount
        try builder.write()
        try GitError.check(git_repository_set_odb(repository.pointer, original.pointer), "git_repository_set_odb")
        restored = true
        // The on-disk database may have listed objects/pack before the pack existed.
        try original.refresh()
        try GitError.check(git_mempack_reset(backend), "git_mempack_reset")
        return written
    }
}

/// Builds a pack file (`git_packbuilder`).
final class PackBuilder {
    /// The `git_packbuilder *`; freed only in `deinit`.
    let pointer: OpaquePointer
    let repository: Repository

    init(repository: Repository) throws {
        var handle: OpaquePointer?
        try GitError.check(git_packbuilder_new(&handle, repository.pointer), "git_packbuilder_new")
        pointer = try unwrap(handle, "git_packbuilder_new")
        self.repository = repository
        // 0 asks libgit2 to use one delta-search thread per core.
        git_packbuilder_set_threads(pointer, 0)
    }

    deinit {
        git_packbuilder_free(pointer)
    }

    /// Adds every commit of the walk with its trees and blobs (`git_packbuilder_insert_walk`).
    func insert(_ walk: RevisionWalk) throws {
        try GitError.check(git_packbuilder_insert_walk(pointer, walk.pointer), "git_packbuilder_insert_walk")
    }

    /// Adds one object (`git_packbuilder_insert`).
    func insert(_ id: ObjectID) throws {
        var oid = id.oid
        try GitError.check(git_packbuilder_insert(pointer, &oid, nil), "git_packbuilder_insert")
    }

    var objectCount: Int { git_packbuilder_object_count(pointer) }

    /// Writes the pack and its index into the repository's `objects/pack`
    /// (`git_packbuilder_write` with a NULL path).
    func write() throws {
        try GitError.check(git_packbuilder_write(pointer, nil, 0, nil, nil), "git_packbuilder_write")
    }
}
