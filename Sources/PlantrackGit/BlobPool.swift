import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the blobs and trees of one repository from any thread: a commit's
/// ``Snapshot/concurrentReader``.
///
/// libgit2's objects, a `git_repository` included, must not be used by two threads at
/// once; several threads reading one repository each need a handle of their own. Every
/// read borrows a handle no other thread is using, opening one when all are busy (so at
/// most one per thread that reads at the same time), and gives it back for the next read.
public final class BlobPool: ContentReader, @unchecked Sendable {
    /// The repository's `.git` folder, which each handle opens.
    private let gitDirectory: String
    /// Whether each handle is opened from git's environment (a hook's quarantine), as the
    /// repository the pool serves was.
    private let fromEnvironment: Bool
    /// Handles no thread is using; guarded by `lock`.
    private var idle: [Repository] = []
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    init(gitDirectory: String, fromEnvironment: Bool = false) {
        self.gitDirectory = gitDirectory
        self.fromEnvironment = fromEnvironment
        lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// The bytes of a regular file, read by its blob id (every entry of a commit or the
    /// index has one).
    public func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        guard case .file = entry.kind else {
            throw SnapshotError(path: entry.path, message: "is not a regular file")
        }
        guard let hex = entry.contentID, let id = ObjectID(hex: hex) else {
            throw SnapshotError(path: entry.path, message: "has no blob id to read it by")
        }
        let repository = try wrapping(entry.path) { try borrow() }
        defer { giveBack(repository) }
        return try wrapping(entry.path) { try repository.blobBytes(id, path: entry.path) }
    }

    /// One level of the folder at `directory` whose tree id is `id`.
    public func folder(at directory: String, id: String) throws -> SnapshotFolder? {
        guard let objectID = ObjectID(hex: id) else {
            throw SnapshotError(path: directory, message: "has no tree id to read it by")
        }
        let repository = try wrapping(directory) { try borrow() }
        defer { giveBack(repository) }
        return try wrapping(directory) {
            try snapshotFolder(of: repository.tree(objectID), at: normalizedFolder(directory), repository: repository)
        }
    }

    private func borrow() throws -> Repository {
        pthread_mutex_lock(lock)
        let handle = idle.popLast()
        pthread_mutex_unlock(lock)
        if let handle { return handle }
        return try fromEnvironment ? Repository.openFromEnvironment() : Repository.open(at: gitDirectory)
    }

    private func giveBack(_ repository: Repository) {
        pthread_mutex_lock(lock)
        idle.append(repository)
        pthread_mutex_unlock(lock)
    }
}
