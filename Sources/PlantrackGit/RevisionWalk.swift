import CGit2

/// A walk over commit history (`git_revwalk`).
///
/// Push starting commits, optionally hide others, choose an order, then call ``next()``
/// until it returns nil. Holds its repository so the repository stays open while walking.
public final class RevisionWalk {
    /// The order commits come out in (`git_sort_t` flags).
    public struct Order: OptionSet, Hashable, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Parents never before children (`GIT_SORT_TOPOLOGICAL`).
        public static let topological = Order(rawValue: GIT_SORT_TOPOLOGICAL.rawValue)
        /// By commit time, newest first (`GIT_SORT_TIME`).
        public static let time = Order(rawValue: GIT_SORT_TIME.rawValue)
        /// Reversed: oldest first (`GIT_SORT_REVERSE`).
        public static let reverse = Order(rawValue: GIT_SORT_REVERSE.rawValue)
    }

    /// The `git_revwalk *`; freed only in `deinit`.
    let pointer: OpaquePointer
    /// The repository being walked.
    public let repository: Repository
    /// The chosen order and mainline choice, re-applied after ``reset()``: libgit2's reset
    /// puts both back to their defaults.
    private var order: Order
    private var firstParentOnly = false

    /// Starts an empty walk (`git_revwalk_new`), ordered topologically and by time.
    public init(repository: Repository, order: Order = [.topological, .time]) throws {
        var handle: OpaquePointer?
        try GitError.check(git_revwalk_new(&handle, repository.pointer), "git_revwalk_new")
        self.pointer = try unwrap(handle, "git_revwalk_new")
        self.repository = repository
        self.order = order
        try sort(order)
    }

    deinit {
        git_revwalk_free(pointer)
    }

    /// Changes the order; resets the walk (`git_revwalk_sorting`).
    public func sort(_ order: Order) throws {
        try GitError.check(git_revwalk_sorting(pointer, order.rawValue), "git_revwalk_sorting")
        self.order = order
    }

    /// Follows only the first parent of each commit, as `git log --first-parent`
    /// (`git_revwalk_simplify_first_parent`).
    public func followFirstParentOnly() throws {
        try GitError.check(git_revwalk_simplify_first_parent(pointer), "git_revwalk_simplify_first_parent")
        firstParentOnly = true
    }

    /// Adds a commit to start from (`git_revwalk_push`).
    public func push(_ id: ObjectID) throws {
        var oid = id.oid
        try GitError.check(git_revwalk_push(pointer, &oid), "git_revwalk_push")
    }

    /// Starts from HEAD (`git_revwalk_push_head`).
    public func pushHead() throws {
        try GitError.check(git_revwalk_push_head(pointer), "git_revwalk_push_head")
    }

    /// Leaves out a commit and its ancestors (`git_revwalk_hide`).
    public func hide(_ id: ObjectID) throws {
        var oid = id.oid
        try GitError.check(git_revwalk_hide(pointer, &oid), "git_revwalk_hide")
    }

    /// The next commit id, or nil at the end (`git_revwalk_next`).
    public func next() throws -> ObjectID? {
        var oid = git_oid()
        let result = git_revwalk_next(&oid, pointer)
        if result == GIT_ITEROVER.rawValue {
            return nil
        }
        try GitError.check(result, "git_revwalk_next")
        return ObjectID(oid)
    }

    /// Every remaining commit id in walk order.
    public func remaining() throws -> [ObjectID] {
        var ids: [ObjectID] = []
        while let id = try next() {
            ids.append(id)
        }
        return ids
    }

    /// Empties the walk for reuse, keeping the order and the first-parent choice
    /// (`git_revwalk_reset`, which forgets both, then applies them again).
    public func reset() throws {
        try GitError.check(git_revwalk_reset(pointer), "git_revwalk_reset")
        try sort(order)
        if firstParentOnly {
            try followFirstParentOnly()
        }
    }
}

extension Repository {
    /// The ids of `start` and its ancestors, newest first in topological and time order;
    /// with `firstParentOnly`, the mainline only.
    public func history(from start: ObjectID, firstParentOnly: Bool = false) throws -> [ObjectID] {
        let walk = try RevisionWalk(repository: self)
        if firstParentOnly {
            try walk.followFirstParentOnly()
        }
        try walk.push(start)
        return try walk.remaining()
    }
}
