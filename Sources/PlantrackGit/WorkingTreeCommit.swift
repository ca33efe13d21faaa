import CGit2
import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How one path of the working tree stands against HEAD and the index (`git_status_file`).
public struct PathStatus: Hashable, Sendable {
    /// The `git_status_t` flags; 0 means the file is exactly as committed.
    public var flags: UInt32
    /// Whether the path exists anywhere (HEAD, index or working tree).
    public var exists: Bool

    /// Whether the file is as committed: no staged and no unstaged changes.
    public var isUnchanged: Bool { exists && flags == GIT_STATUS_CURRENT.rawValue }

    /// Whether the path is nowhere: not committed, not staged, not on disk.
    public var isAbsent: Bool { !exists }

    /// Whether the file has changes staged in the index.
    public var hasStagedChanges: Bool {
        flags
            & (GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue
                | GIT_STATUS_INDEX_RENAMED.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue) != 0
    }

    /// Whether the working-tree file differs from the index (or is untracked).
    public var hasUnstagedChanges: Bool {
        flags
            & (GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue
                | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue) != 0
    }

    /// Whether the path has an unresolved merge conflict.
    public var isConflicted: Bool { flags & GIT_STATUS_CONFLICTED.rawValue != 0 }

    /// Whether the file is new in the working tree and was never added.
    public var isUntracked: Bool { flags & GIT_STATUS_WT_NEW.rawValue != 0 }
    /// Whether git ignores the file (`.gitignore`): never committed, so never in a commit.
    public var isIgnored: Bool { flags & GIT_STATUS_IGNORED.rawValue != 0 }

    /// A short phrase for messages: "has uncommitted changes", "has staged changes".
    public var summary: String {
        if isConflicted { return "has an unresolved merge conflict" }
        if isUntracked { return "is not committed yet (untracked)" }
        switch (hasStagedChanges, hasUnstagedChanges) {
        case (true, true): return "has staged and unstaged changes"
        case (true, false): return "has staged changes not yet committed"
        case (false, true): return "has uncommitted changes"
        default: return isAbsent ? "does not exist" : "is as committed"
        }
    }
}

extension Repository {
    /// The status of `path` (relative to the working tree root) against HEAD and the index
    /// (`git_status_file`). A path that exists nowhere gives ``PathStatus/isAbsent``.
    public func status(ofPath path: String) throws -> PathStatus {
        var flags: UInt32 = 0
        let result = git_status_file(&flags, pointer, path)
        if result == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return PathStatus(flags: 0, exists: false)
        }
        try GitError.check(result, "git_status_file", context: "cannot read the status of '\(path)'")
        return PathStatus(flags: flags, exists: true)
    }

    /// Sets a value in the repository's own configuration (`.git/config`), such as
    /// `user.name` (`git_repository_config`, `git_config_set_string`).
    public func setConfiguration(_ name: String, to value: String) throws {
        var config: OpaquePointer?
        try GitError.check(git_repository_config(&config, pointer), "git_repository_config")
        let handle = try unwrap(config, "git_repository_config")
        defer { git_config_free(handle) }
        // The repository's config object writes to the most specific level: .git/config.
        var local: OpaquePointer?
        try GitError.check(git_config_open_level(&local, handle, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        let localHandle = try unwrap(local, "git_config_open_level")
        defer { git_config_free(localHandle) }
        try GitError.check(
            git_config_set_string(localHandle, name, value), "git_config_set_string",
            context: "cannot set \(name)")
    }

    /// Whether another program holds the index lock (`.git/index.lock` exists), as `git`
    /// does while it stages or commits.
    public var isIndexLocked: Bool {
        var status = stat()
        return lstat(path + "index.lock", &status) == 0
    }

    /// Commits the working-tree files at `paths` (workspace-relative) on top of HEAD, and
    /// only them: the new tree is HEAD's tree with these files as they are on disk (a path
    /// missing on disk is removed), whatever else is staged. HEAD's branch moves to the new
    /// commit; the index entries of `paths` are updated to match, so they show as committed.
    ///
    /// Blobs go through `git_blob_create_from_workdir` (the repository's filters apply, as
    /// with `git add`); the commit through `git_commit_create`, which refuses when HEAD moved
    /// meanwhile. Returns the new commit's id.
    @discardableResult
    public func commitWorkingFiles(_ paths: [String], message: String, signature: Author) throws -> ObjectID {
        guard let workdir else {
            throw GitError(code: .bareRepository, message: "a bare repository has no working files", function: "commitWorkingFiles")
        }
        let parent: Commit? = isHeadUnborn ? nil : try head()
        let staging = try Index.inMemory(for: self)
        if let parent { try staging.read(tree: parent.tree()) }
        var present: [String] = []
        for path in paths {
            var status = stat()
            if lstat(workdir + path, &status) == 0 {
                var blob = git_oid()
                try GitError.check(
                    git_blob_create_from_workdir(&blob, pointer, path), "git_blob_create_from_workdir",
                    context: "cannot store '\(path)'")
                try staging.add(path: path, id: ObjectID(blob), mode: .file, fileSize: Int(status.st_size))
                present.append(path)
            } else if staging.entry(atPath: path) != nil {
                try staging.remove(path: path)
            }
        }
        let tree = try staging.writeTree()
        let id = try createCommit(
            tree: tree, parents: parent.map { [$0.id] } ?? [], author: signature,
            committer: signature, message: message, updating: "HEAD")
        // The repository's index now agrees with the commit for these paths. Another program
        // may hold index.lock for a moment: retry briefly rather than leave the index behind.
        let deadline = RepositoryWriteLock.now() + 2
        while true {
            do {
                let index = try self.index()
                for path in paths {
                    if present.contains(path) {
                        try GitError.check(
                            git_index_add_bypath(index.pointer, path), "git_index_add_bypath",
                            context: "cannot stage '\(path)'")
                    } else if index.entry(atPath: path) != nil {
                        try index.remove(path: path)
                    }
                }
                try index.write()
                return id
            } catch let error as GitError where error.code == .locked && RepositoryWriteLock.now() < deadline {
                usleep(20_000)
            }
        }
    }
}

/// A lock that serialises plantrack's own writes to one repository: an exclusive `flock` on
/// the file `.git/plantrack-write.lock`.
///
/// Two `plantrack update` runs at once take turns: the second waits (polling) until the
/// first has written, committed and released. The kernel releases the lock when its process
/// ends, however it ends, so a crashed run leaves no stale lock behind (the empty file stays;
/// it is never removed, which would let two processes lock two different files).
public final class RepositoryWriteLock {
    private var descriptor: Int32 = -1

    /// Waits up to `timeout` seconds for the lock of `repository`; throws ``GitError`` with
    /// code ``GitError/Code/locked`` when it stays taken.
    public init(_ repository: Repository, timeout: Double) throws {
        let path = repository.path + "plantrack-write.lock"
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw GitError(
                code: .other(-1), message: "cannot open \(path): \(String(cString: strerror(errno)))",
                function: "open")
        }
        let deadline = Self.now() + max(0, timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw GitError(code: .other(-1), message: "cannot lock \(path): \(reason)", function: "flock")
            }
            if Self.now() >= deadline {
                close(fd)
                throw GitError(
                    code: .locked, message: "another plantrack command is writing to this repository (\(path))",
                    function: "RepositoryWriteLock")
            }
            usleep(20_000)
        }
        descriptor = fd
    }

    /// Gives the lock up (also done when the lock is released from memory).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }

    /// Seconds on a monotonic clock, for deadlines.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
