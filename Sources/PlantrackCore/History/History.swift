/// Who made a commit or a tag, and when.
public struct Author: Hashable, Sendable {
    /// The name, as `git config user.name` says it.
    public var name: String
    /// The e-mail address.
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// The author's offset from UTC in minutes (`+01:00` is 60).
    public var offsetMinutes: Int

    /// Creates an author.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

/// One recorded version of a workspace: a commit, as the domain needs it.
public struct HistoryCommit: Hashable, Sendable {
    /// The full id (40 hex digits for git).
    public var id: String
    /// The shortest unambiguous abbreviation, at least seven digits.
    public var shortID: String
    /// The day it was committed, in the committer's own UTC offset: the day a version is
    /// judged on (`--rev`), and the day `--as-of` and `trend` compare with.
    public var date: CalendarDate
    /// Who wrote the change and when.
    public var author: Author
    /// The whole message.
    public var message: String
    /// The parents' ids, first parent first (none for the first commit).
    public var parentIDs: [String]

    /// Creates a commit description.
    public init(
        id: String, shortID: String, date: CalendarDate, author: Author, message: String,
        parentIDs: [String]
    ) {
        self.id = id
        self.shortID = shortID
        self.date = date
        self.author = author
        self.message = message
        self.parentIDs = parentIDs
    }
}

/// A tag and the commit it names (an annotated tag peeled to its commit).
public struct HistoryTag: Hashable, Sendable {
    /// The tag's name without `refs/tags/`: `stockholm/2021/v4`.
    public var name: String
    /// The id of the commit it names.
    public var commitID: String

    /// Creates a tag description.
    public init(name: String, commitID: String) {
        self.name = name
        self.commitID = commitID
    }
}

/// What a working file is compared with its committed version: whether a command may
/// change it and commit the change.
public struct WorkingFileState: Hashable, Sendable {
    /// The file is exactly as HEAD has it (staged nothing, changed nothing).
    public var isUnchanged: Bool
    /// The file exists nowhere: not in HEAD, the index or the working tree.
    public var isAbsent: Bool
    /// The file is ignored (`.gitignore`).
    public var isIgnored: Bool
    /// A short phrase for messages: "has uncommitted changes", "is not committed yet (untracked)".
    public var summary: String

    /// Creates a state.
    public init(isUnchanged: Bool, isAbsent: Bool, isIgnored: Bool, summary: String) {
        self.isUnchanged = isUnchanged
        self.isAbsent = isAbsent
        self.isIgnored = isIgnored
        self.summary = summary
    }
}

/// Why a history could not do what was asked.
public enum HistoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No commit, branch or tag has this name; `tags` are every tag name (for suggestions).
    case unknownRevision(String, tags: [String])
    /// Nothing is committed yet, so `revision` (such as `HEAD`) names nothing.
    case noCommits(revision: String)
    /// No identity is configured to commit with.
    case noIdentity
    /// Another writer holds the repository; `detail` says which lock and how long was waited.
    case locked(detail: String)
    /// A tag of this name exists already.
    case tagExists(String)
    /// A stored object could not be read or is not what its id says (a corrupted object):
    /// `object` is its id, `path` the file it was read for, when known.
    case corrupted(object: String, path: String?, detail: String)
    /// Any other failure of the store, in its own words.
    case failed(String)

    public var description: String {
        switch self {
        case .unknownRevision(let name, _): "unknown revision '\(name)'"
        case .noCommits(let revision): "'\(revision)': nothing is committed yet"
        case .noIdentity: "no identity is configured to commit with"
        case .locked(let detail): detail
        case .tagExists(let name): "the tag \(name) already exists"
        case .corrupted(let object, let path, let detail):
            "\(path.map { "\($0): " } ?? "")object \(object) is corrupted: \(detail)"
        case .failed(let text): text
        }
    }
}

extension HistoryError {
    /// `error` when it is a corrupted object, else nil. Reading turns a file it cannot read
    /// into a finding and goes on; a corrupted object is no property of a document but a
    /// damaged repository, so readers let this one error through and the command fails.
    public static func corruption(in error: any Error) -> HistoryError? {
        guard let error = error as? HistoryError, case .corrupted = error else { return nil }
        return error
    }
}

/// The versions of a workspace and the one way to add to them: what the domain needs of
/// git, and nothing more.
///
/// `PlantrackGit` implements it over libgit2 (`GitHistory`); ``MemoryHistory`` keeps
/// commits in memory for tests, the way swift-nio pairs its `Channel` protocol with
/// `EmbeddedChannel`. Trend, the item log, approval, revision and the validate-then-commit
/// write path are written against this protocol only, so they run on either.
///
/// Commits are named by their ids (strings); a snapshot of a commit reads its files
/// through ``Snapshot``. A history is used from one thread at a time (a snapshot's
/// ``Snapshot/concurrentReader`` may read from several).
public protocol History: AnyObject {
    // MARK: Reading

    /// HEAD's commit; nil while nothing is committed (an unborn branch).
    func head() throws -> HistoryCommit?

    /// The branch HEAD names, in full (`refs/heads/main`), whether or not it has commits;
    /// nil when HEAD names a commit rather than a branch (detached). In a shared (bare)
    /// repository this is its default branch, which `plantrack guard` protects.
    func headBranch() throws -> String?

    /// The commit `revision` names: an id or an abbreviation of one, a branch, a tag
    /// (peeled), `HEAD`, `HEAD~2`. Throws ``HistoryError/unknownRevision(_:tags:)`` or
    /// ``HistoryError/noCommits(revision:)``.
    func commit(named revision: String) throws -> HistoryCommit

    /// The commit with this full id.
    func commit(id: String) throws -> HistoryCommit

    /// `id` and its first parents back to the first commit, newest first (`git log
    /// --first-parent`).
    func mainline(from id: String) throws -> [HistoryCommit]

    /// `id` and every commit it was built on, newest first: parents never before their
    /// children, otherwise by commit time (`git log --topo-order`).
    func ancestry(from id: String) throws -> [HistoryCommit]

    /// Whether `ancestor` is `id` itself or a commit `id` was built on.
    func isAncestor(_ ancestor: String, of id: String) throws -> Bool

    /// The workspace as commit `id` recorded it, named `label` in messages (the short id
    /// when nil).
    func snapshot(at id: String, label: String?) throws -> any Snapshot

    /// The files below `folder` (`""`: every file of the commit) whose content differs
    /// between commit `old` (nil: no files) and commit `new`, sorted by path. The cost follows what changed, not the size
    /// of the workspace.
    func changes(from old: String?, to new: String, under folder: String) throws -> [SnapshotChange]

    /// The content id (git blob id) of the regular file at `path` in commit `id`; nil when
    /// the commit has no file there.
    func contentID(of path: String, at id: String) throws -> String?

    /// The bytes of the content with this id, checked against the id: a corrupted object is
    /// ``HistoryError/corrupted(object:path:detail:)`` naming `path`.
    func contents(ofContent id: String, path: String) throws -> [UInt8]

    /// The tags whose names match the fnmatch `pattern` (all when nil), in name order, each
    /// with the commit it names. Tags that name no commit are left out.
    func tags(matching pattern: String?) throws -> [HistoryTag]

    // MARK: The working tree and writing

    /// The working files: what the user edits, and what a write changes.
    func workingTree() -> any Snapshot

    /// How the working file at `path` stands against HEAD and the index.
    func state(ofWorkingFile path: String) throws -> WorkingFileState

    /// The identity to commit with (`user.name`, `user.email`), dated now; throws
    /// ``HistoryError/noIdentity`` when none is configured.
    func configuredAuthor() throws -> Author

    /// Runs `body` holding the repository's write lock, so that two plantrack commands
    /// never write at once; waits up to `seconds` for the lock, else throws
    /// ``HistoryError/locked(detail:)``. With `includingIndex` (a commit will follow) it
    /// also waits up to `seconds` while a git command holds the index.
    func withWriteLock<Result>(
        waiting seconds: Double, includingIndex: Bool, _ body: () throws -> Result
    ) throws -> Result

    /// Writes `files` (workspace-relative path → bytes) into the working tree, each
    /// atomically (a reader sees the old file or the new one), creating missing folders.
    func writeWorkingFiles(_ files: [String: [UInt8]]) throws

    /// Commits exactly these working files on HEAD (the first commit when nothing is
    /// committed yet), leaving every other staged or unstaged change as it is.
    func commitWorkingFiles(_ paths: [String], message: String, author: Author) throws -> HistoryCommit

    /// Creates the annotated tag `name` on commit `id`; throws
    /// ``HistoryError/tagExists(_:)`` when it exists.
    func createTag(named name: String, at id: String, tagger: Author, message: String) throws
}
