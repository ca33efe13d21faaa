import PlantrackCore

/// Why a sync could not start or finish for reasons of usage or environment (exit 2), or
/// refused to run over the working tree (exit 1).
public enum SyncError: Error, CustomStringConvertible {
    /// HEAD names no branch.
    case detachedHead
    /// No remote of that name is configured.
    case noRemote(String)
    /// The remote could not be reached or read; the URL without user information.
    case unreachable(remote: String, url: String, detail: String)
    /// Files are not committed as they are.
    case uncommitted([UncommittedPath])
    /// A sync stopped at a conflict waits for `--continue` or `--abort`.
    case stopped(SyncState)
    /// `--continue` or `--abort` without a stopped sync.
    case notStopped
    /// Conflict markers are still in the files being settled (`path:line`).
    case markersRemain([String])
    /// The state file cannot be read.
    case damagedState(String)
    /// Another plantrack command holds the write lock.
    case locked(String)
    /// libgit2 failed.
    case failed(String)

    /// Whether the error is a refusal (exit 1) rather than a usage or environment error (exit 2).
    public var isRefusal: Bool {
        switch self {
        case .uncommitted, .stopped, .markersRemain: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .detachedHead:
            "HEAD names no branch (it is detached); check out the branch to sync (git switch main)"
        case .noRemote(let name):
            "no remote '\(name)' is configured; name one with --remote, or add it with 'git remote add \(name) URL'"
        case .unreachable(let remote, let url, let detail):
            "cannot reach remote '\(remote)' (\(url)): \(detail). Nothing was changed locally"
        case .uncommitted(let paths):
            "sync needs every change committed, so nothing can be lost; these files are not: "
                + paths.map { "\($0.path) (\($0.state))" }.joined(separator: ", ")
                + ". Commit them (plantrack update commits its own edits) or put them aside, then sync again"
        case .stopped(let state):
            "a sync of \(WorkspaceSync.shortBranch(state.branch)) stopped at a conflict (\(state.conflictPaths.joined(separator: ", "))); "
                + "settle the marked fields and run 'plantrack sync --continue', or 'plantrack sync --abort' to return to "
                + "the state before it"
        case .notStopped:
            "no sync is stopped at a conflict, so there is nothing to continue or abort"
        case .markersRemain(let places):
            "conflict markers remain at \(places.joined(separator: ", ")); keep one value of each field, remove the "
                + "<<<<<<< ours, ======= and >>>>>>> theirs lines, then run 'plantrack sync --continue' again"
        case .damagedState(let detail):
            "the stopped sync's state cannot be read: \(detail)"
        case .locked(let detail): detail
        case .failed(let detail): detail
        }
    }
}

/// One conflicting field (or body, or file) met while replaying a local commit.
public struct SyncConflict: Hashable, Sendable {
    /// The file.
    public var path: String
    /// What conflicts, with the base's, our (local) and their (remote) values.
    public var conflict: MergeConflict
}

/// One round of fetch, integrate, validate and push.
public struct SyncAttempt: Hashable, Sendable {
    /// 1 for the first.
    public var number: Int
    /// The remote's tip this round integrated with; nil when the remote has no such branch.
    public var remoteTip: ObjectID?
    /// Local commits replayed on the remote's tip this round.
    public var replayed: Int
    /// Whether the local branch was only moved forward to the remote's tip.
    public var fastForward: Bool
    /// Whether this round's push was accepted.
    public var pushed: Bool
    /// Why the push was refused, in the remote's or libgit2's words; nil when it was not.
    public var refusal: String?
    /// Whether the refusal was someone else's push meanwhile, so the sync fetched and
    /// integrated again.
    public var retried: Bool
}

/// Why a sync pushed nothing although it integrated.
public enum SyncRefusal: Hashable, Sendable {
    /// The integrated tip does not validate: its error findings.
    case validation([Finding])
    /// The remote refused the push (its `pre-receive` hook): the reason and its messages.
    case remote(reason: String, messages: [String])
    /// The same approval tag names another commit on the remote.
    case tagClash([TagClash])
    /// Every attempt was overtaken by another push.
    case retriesExhausted(Int)

    /// One tag name that names two commits.
    public struct TagClash: Hashable, Sendable {
        /// The tag's name.
        public var name: String
        /// The remote's commit.
        public var remote: ObjectID
        /// Ours.
        public var local: ObjectID
    }
}

/// What a sync did.
public struct SyncOutcome: Sendable {
    /// How it ended.
    public enum Result: Hashable, Sendable {
        /// Nothing came in and nothing went out.
        case upToDate
        /// The remote and the local branch agree now.
        case synced
        /// A replay stopped at conflicts; nothing was pushed (see ``SyncOutcome/conflicts``).
        case conflict
        /// Integrated, but nothing was pushed.
        case refused(SyncRefusal)
    }

    /// How it ended.
    public var result: Result
    /// The branch, `main`.
    public var branch: String
    /// The remote's name.
    public var remote: String
    /// The remote's URL without user information.
    public var url: String
    /// Every round, in order.
    public var attempts: [SyncAttempt]
    /// What came in: the changes from the last commit the local branch shared with the
    /// remote to the remote's tip.
    public var incoming: [FileStat]
    /// The references the accepted push updated.
    public var pushed: [String]
    /// The approval tags re-pointed at replayed commits (name, old commit, new commit).
    public var retagged: [RetaggedApproval]
    /// The approval tags that came from the remote and were created locally.
    public var receivedTags: [String]
    /// The conflicts of a stopped replay.
    public var conflicts: [SyncConflict]
    /// The local commit whose replay stopped (its summary), for the report.
    public var stoppedAt: String?
    /// The local branch's tip after the sync.
    public var localTip: ObjectID?
    /// Where the time went, over every attempt.
    public var timings = SyncTimings()

    /// A tag moved from a replayed commit to its replacement.
    public struct RetaggedApproval: Hashable, Sendable {
        /// The tag's name.
        public var name: String
        /// The commit it named.
        public var old: ObjectID
        /// The commit it names now.
        public var new: ObjectID
    }
}

/// Seconds a sync spent in each phase, summed over its attempts: what a benchmark sets
/// beside `git pull --rebase && git push` (transfer and integration) and what git does not
/// do at all (validation).
public struct SyncTimings: Hashable, Sendable {
    /// Fetching and pushing: the transfers, with their negotiation.
    public var transfer: Double = 0
    /// Replaying local commits on the remote's tip, moving the branch and the working tree.
    public var integrate: Double = 0
    /// Validating the integrated tip.
    public var validate: Double = 0

    /// No time spent yet.
    public init() {}

    /// Seconds from `start` to now.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// What `sync --dry-run` found: the remote fetched into private references only.
public struct SyncPreview: Sendable {
    /// The branch, `main`.
    public var branch: String
    /// The remote's name.
    public var remote: String
    /// The remote's URL without user information.
    public var url: String
    /// Local commits the remote lacks.
    public var ahead: Int
    /// Remote commits the local branch lacks.
    public var behind: Int
    /// What a sync would bring in.
    public var incoming: [FileStat]
    /// The remote's tip; nil when it has no such branch.
    public var remoteTip: ObjectID?
}

/// What `sync --abort` restored.
public struct SyncAbortOutcome: Sendable {
    /// The branch, `main`.
    public var branch: String
    /// The tip it points at, as before the sync.
    public var tip: ObjectID
    /// The working-tree files written back.
    public var restored: [String]
}
