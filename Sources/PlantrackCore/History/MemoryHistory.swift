/// A ``History`` kept in memory, for tests: commits, tags, working files and an identity,
/// with the same meaning as a git repository's, and no libgit2.
///
/// Ids are git's: a file's content id is its git blob id, so equal bytes have equal ids.
public final class MemoryHistory: History {
    /// One stored commit: its description and every file it holds.
    struct StoredCommit {
        var commit: HistoryCommit
        var files: [String: [UInt8]]
    }

    /// Every commit, by id.
    var commits: [String: StoredCommit] = [:]
    /// HEAD's commit id; nil while nothing is committed.
    var headID: String?
    /// The branch HEAD names (``headBranch()``); nil: HEAD is detached.
    public var headBranchName: String? = "refs/heads/main"
    /// Annotated tags: name → (commit id, tagger, message).
    var tagRecords: [String: (commitID: String, tagger: Author, message: String)] = [:]
    /// The working files: what ``workingTree()`` reads and writes change.
    public var workingFiles: [String: [UInt8]]
    /// The identity ``configuredAuthor()`` returns; nil: none configured.
    public var identity: Author?
    /// Whether a ``withWriteLock(waiting:includingIndex:_:)`` body is running.
    var isWriteLocked = false

    /// A history with no commits whose working tree holds `files`.
    public init(workingFiles: [String: [UInt8]] = [:], identity: Author? = nil) {
        self.workingFiles = workingFiles
        self.identity = identity
    }
}

extension MemoryHistory {
    /// Records a commit on HEAD holding exactly `files`, with HEAD as its parent, and moves
    /// HEAD to it: the one way commits are made here, by ``commitWorkingFiles(_:message:author:)``
    /// and by tests that build a history directly. The id is the SHA-1 of what the commit
    /// holds, so equal histories have equal ids.
    ///
    /// Tests build side lines and merges with `parents` (first parent first; HEAD when nil)
    /// and `movingHead: false` (a commit on another line, HEAD stays).
    @discardableResult
    public func record(
        files: [String: [UInt8]], message: String, author: Author, parents: [String]? = nil,
        movingHead: Bool = true
    ) -> HistoryCommit {
        let parents = parents ?? headID.map { [$0] } ?? []
        var description = parents.map { "parent \($0)\n" }.joined()
        for path in files.keys.sorted() {
            description += "\(path) \(GitBlobID.of(files[path] ?? []))\n"
        }
        description += "author \(author.name) <\(author.email)> \(author.time) \(author.offsetMinutes)\n\n\(message)"
        let id = GitBlobID.of(Array(description.utf8))
        let commit = HistoryCommit(
            id: id, shortID: String(id.prefix(7)),
            date: CalendarDate(secondsSinceEpoch: author.time, offsetMinutes: author.offsetMinutes),
            author: author, message: message, parentIDs: parents)
        commits[id] = StoredCommit(commit: commit, files: files)
        if movingHead { headID = id }
        return commit
    }
}
