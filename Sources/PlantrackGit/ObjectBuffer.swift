import CGit2

/// Holds every object written to a repository in memory until ``writePack(reachableFrom:)``
/// writes them as one pack file (libgit2's mempack backend, `git_mempack_new`).
///
/// Meant for programs that create tens of thousands of objects at once (the workspace
/// generator): one pack instead of one loose file per object, with delta compression.
/// Reads see the buffered objects too. Objects not reachable from the given commits are
/// dropped when the pack is written.
public final class ObjectBuffer {
    /// The database the backend was added to; the database owns the backend and frees it
    /// when the database itself is freed, so this class never frees the backend.
    private let database: ObjectDatabase
    /// The `git_odb_backend *`, valid while `database` lives.
    private let backend: UnsafeMutablePointer<git_odb_backend>

    /// Adds an in-memory backend with the highest priority to the repository's object
    /// database (`git_mempack_new`, `git_odb_add_backend`).
    public init(repository: Repository) throws {
        database = try repository.objectDatabase()
        var created: UnsafeMutablePointer<git_odb_backend>?
        try GitError.check(git_mempack_new(&created), "git_mempack_new")
        guard let created else {
            throw GitError(code: .other(-1), message: "returned success but no backend", function: "git_mempack_new")
        }
        let result = git_odb_add_backend(database.pointer, created, 999)
        if result < 0 {
            // Not yet owned by the database: release it ourselves, through its own free.
            let error = GitError.last(returnCode: result, function: "git_odb_add_backend")
            created.pointee.free?(created)
            throw error
        }
        backend = created
    }

    /// The repository the objects belong to.
    public var repository: Repository { database.repository }

    /// Writes every object reachable from `tips` into a pack with its index in
    /// `.git/objects/pack` (`git_packbuilder_insert_walk`, `git_packbuilder_write`, using
    /// all cores for delta search), makes the database see it (`git_odb_refresh`) and then
    /// empties the memory (`git_mempack_reset`). Returns how many objects were written.
    @discardableResult
    public func writePack(reachableFrom tips: [ObjectID]) throws -> Int {
        let builder = try PackBuilder(repository: repository)
        let walk = try RevisionWalk(repository: repository, order: [])
        for tip in tips {
            try walk.push(tip)
        }
        try builder.insert(walk)
        let written = builder.objectCount
        try builder.write()
        // The pack must be visible before the memory is dropped, or reads in between fail.
        try database.refresh()
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

    var objectCount: Int { git_packbuilder_object_count(pointer) }

    /// Writes the pack and its index into the repository's `objects/pack`
    /// (`git_packbuilder_write` with a NULL path).
    func write() throws {
        try GitError.check(git_packbuilder_write(pointer, nil, 0, nil, nil), "git_packbuilder_write")
    }
}
