import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `plantrack sync`: brings a workspace's branch and a remote's together through libgit2
/// (docs/sync.md).
///
/// Under the write lock the other writing commands take, it refuses to run over uncommitted
/// files, fetches the branch and the remote's tags (into `refs/plantrack/remote-tags/R/`,
/// so local tags are never overwritten), replays the local commits the remote lacks on the
/// remote's tip (field-level merges through ``SyncFileMerge``), re-points approval tags of
/// replayed commits, validates the result, and pushes; when another push came first it
/// fetches and integrates again, up to ``Options/attempts`` times. A replay that meets a
/// conflict stops with the local branch where it was and the state in
/// `.git/plantrack/sync/`, for ``continueStopped()`` or ``abort()``.
public final class WorkspaceSync {
    /// How a sync runs.
    public struct Options {
        /// The remote's name; nil: the branch's upstream (`branch.B.remote`), else `origin`.
        public var remote: String?
        /// What the transfers use: certificate authorities, the environment.
        public var settings: TransferSettings
        /// How many times to fetch, integrate and push before giving up.
        public var attempts: Int
        /// Seconds to wait for the write lock.
        public var waitSeconds: Double
        /// The day validation judges dates against.
        public var today: CalendarDate
        /// Where validation's memo is kept (`.git/plantrack/rollup-memo.bin`); nil: none.
        public var memo: (any RollUpMemoStorage)?
        /// Called as objects travel.
        public var onProgress: ((TransferProgress) -> Void)?

        /// Creates options.
        public init(
            remote: String?, settings: TransferSettings, attempts: Int = 5, waitSeconds: Double = 10,
            today: CalendarDate, memo: (any RollUpMemoStorage)?, onProgress: ((TransferProgress) -> Void)? = nil
        ) {
            self.remote = remote
            self.settings = settings
            self.attempts = attempts
            self.waitSeconds = waitSeconds
            self.today = today
            self.memo = memo
            self.onProgress = onProgress
        }
    }

    /// The workspace's repository.
    public let repository: Repository
    /// The working folder, without a trailing `/`.
    public let root: String
    /// How the sync runs.
    public let options: Options

    /// Syncs the repository whose working folder is `root`.
    public init(repository: Repository, root: String, options: Options) {
        self.repository = repository
        self.root = root
        self.options = options
    }

    /// The folders whose untracked files would be read as part of the workspace.
    static let watchedFolders = [DocumentLayout.plansFolder, DocumentLayout.schemasFolder]

    // MARK: Entry points

    /// Fetches, integrates, validates and pushes.
    public func run() throws -> SyncOutcome {
        try locked {
            if let state = try SyncState.load(in: repository) { throw SyncError.stopped(state) }
            let (branch, remote, url) = try target()
            try refuseUncommitted()
            var run = Run(branch: branch, remote: remote, url: url)
            run.originalTip = repository.commitID(ofReference: branch)
            run.savedIndex = readFile(repository.path + "index")
            return try attempts(from: 1, run: &run, pending: nil)
        }
    }

    /// Finishes a sync stopped at a conflict, once the markers are gone: commits the
    /// settled files as the replayed commit, replays the rest, validates and pushes.
    public func continueStopped() throws -> SyncOutcome {
        try locked {
            guard let state = try SyncState.load(in: repository) else { throw SyncError.notStopped }
            var remaining: [String] = []
            var settled: [String: [UInt8]?] = [:]
            for path in state.conflictPaths {
                let bytes = readWorkingFile(path)
                if let bytes { remaining += SyncFileMerge.remainingMarkers(in: bytes, path: path) }
                settled[path] = bytes
            }
            guard remaining.isEmpty else { throw SyncError.markersRemain(remaining) }
            let url = try sanitizedURL(of: state.remote)
            var run = Run(branch: state.branch, remote: state.remote, url: url)
            run.originalTip = state.originalTip
            run.savedIndex = readFile(SyncState.indexCopy(of: repository))
            let stopped = try repository.commit(state.replaying)
            let tree = try buildTree(from: state.mergedTree, replacing: settled)
            var tip = state.replayedTip
            var replaced = state.replaced
            if tree != (try repository.commit(tip).treeID) {
                tip = try replayCommit(stopped, tree: tree, onto: tip)
            }
            replaced.append((stopped.id, tip))
            let pending = Pending(
                remoteTip: state.remoteTip, replayedTip: tip, remaining: state.remaining, replaced: replaced,
                workingTree: tree, attempt: state.attempt)
            return try attempts(from: state.attempt, run: &run, pending: pending)
        }
    }

    /// Returns the branch, the index and the working tree to where they were before the
    /// stopped sync, and forgets it.
    public func abort() throws -> SyncAbortOutcome {
        try locked {
            guard let state = try SyncState.load(in: repository) else { throw SyncError.notStopped }
            let original = try repository.commit(state.originalTip)
            let merged = try repository.tree(state.mergedTree)
            var paths = Set(try repository.changes(from: try original.tree(), to: merged).map(\.path))
            paths.formUnion(state.conflictPaths)
            let restored = try restore(paths.sorted(by: bytewisePrecedes), to: original.tree())
            try repository.setReference(
                named: state.branch, to: state.originalTip, logMessage: "plantrack sync --abort: back to \(original.shortID)")
            if let index = readFile(SyncState.indexCopy(of: repository)) {
                try AtomicFile.write(index, to: repository.path + "index")
            } else {
                try repository.restage(restored)
            }
            SyncState.remove(in: repository)
            return SyncAbortOutcome(branch: Self.shortBranch(state.branch), tip: state.originalTip, restored: restored)
        }
    }

    /// Fetches into private references only and compares: nothing else changes.
    public func preview() throws -> SyncPreview {
        let (branch, remote, url) = try target()
        let name = Self.shortBranch(branch)
        let privateBranch = "refs/plantrack/remotes/\(remote)/\(name)"
        // Through an anonymous remote of the same URL: a configured remote would also update
        // its remote-tracking branches (libgit2's opportunistic update), and a dry run must not.
        try fetch(
            remote: remote, url: url, refspecs: ["+\(branch):\(privateBranch)", Self.tagRefspec(remote)],
            anonymously: true)
        let local = repository.commitID(ofReference: branch)
        let remoteTip = repository.commitID(ofReference: privateBranch)
        var ahead = 0
        var behind = 0
        switch (local, remoteTip) {
        case (let local?, let remoteTip?): (ahead, behind) = try repository.aheadBehind(local: local, upstream: remoteTip)
        case (let local?, nil): ahead = try repository.history(from: local).count
        case (nil, let remoteTip?): behind = try repository.history(from: remoteTip).count
        case (nil, nil): break
        }
        return SyncPreview(
            branch: name, remote: remote, url: url, ahead: ahead, behind: behind,
            incoming: try incoming(local: local, remote: remoteTip), remoteTip: remoteTip)
    }

    // MARK: The rounds

    /// What one sync carries from round to round.
    struct Run {
        var branch: String
        var remote: String
        var url: String
        var originalTip: ObjectID?
        var attempts: [SyncAttempt] = []
        var retagged: [SyncOutcome.RetaggedApproval] = []
        var receivedTags: [String] = []
        var lastRemoteTip: ObjectID?
        /// `.git/index` as it was before the sync, for `--abort`.
        var savedIndex: [UInt8]?
        /// Where the time went, over every attempt.
        var timings = SyncTimings()
    }

    /// A replay finished by `--continue`, to take up in its round without fetching first.
    struct Pending {
        var remoteTip: ObjectID
        var replayedTip: ObjectID
        var remaining: [ObjectID]
        var replaced: [(old: ObjectID, new: ObjectID)]
        var workingTree: ObjectID
        var attempt: Int
    }

    private func attempts(from first: Int, run: inout Run, pending: Pending?) throws -> SyncOutcome {
        var pending = pending
        let trackingRef = "refs/remotes/\(run.remote)/\(Self.shortBranch(run.branch))"
        for number in first..<(first + max(1, options.attempts)) {
            var attempt = SyncAttempt(
                number: number, remoteTip: nil, replayed: 0, fastForward: false, pushed: false, refusal: nil, retried: false)
            let localTip = repository.commitID(ofReference: run.branch)
            let integration: Integration
            if let resumed = pending {
                pending = nil
                attempt.remoteTip = resumed.remoteTip
                let replay = try replay(
                    resumed.remaining, onto: resumed.replayedTip, replaced: resumed.replaced, run: run,
                    remoteTip: resumed.remoteTip, attempt: number, workingTree: resumed.workingTree)
                switch replay {
                case .stopped(let outcome): return finish(outcome, run: run)
                case .done(let tip, let replaced):
                    // The stopped replay is finished: from here on the sync is an ordinary one.
                    SyncState.remove(in: repository)
                    attempt.replayed = replaced.count
                    integration = Integration(newTip: tip, replaced: replaced, workingTree: resumed.workingTree)
                }
            } else {
                var started = ContinuousClock.now
                try fetch(
                    remote: run.remote, url: run.url,
                    refspecs: ["+\(run.branch):\(trackingRef)", Self.tagRefspec(run.remote)])
                run.timings.transfer += SyncTimings.seconds(since: started)
                attempt.remoteTip = repository.commitID(ofReference: trackingRef)
                started = ContinuousClock.now
                let integrated = try integrate(local: localTip, remote: attempt.remoteTip, run: run, attempt: number)
                run.timings.integrate += SyncTimings.seconds(since: started)
                switch integrated {
                case .stopped(let outcome):
                    var outcome = outcome
                    outcome.attempts = run.attempts + [attempt]
                    outcome.incoming = try incoming(local: run.originalTip, remote: attempt.remoteTip)
                    return finish(outcome, run: run)
                case .integrated(let result, let fastForward):
                    attempt.replayed = result.replaced.count
                    attempt.fastForward = fastForward
                    integration = result
                }
            }
            run.lastRemoteTip = attempt.remoteTip
            // The branch takes the integrated history before anything is pushed, as
            // `git pull --rebase` would: a refusal below leaves it integrated, nothing lost.
            if let newTip = integration.newTip, newTip != localTip {
                try moveBranch(
                    run.branch, from: localTip, to: newTip,
                    workingTreeFrom: integration.workingTree ?? (try localTip.map { try repository.commit($0).treeID }))
                run.retagged += try repointTags(integration.replaced)
            }
            if run.attempts.isEmpty && pending == nil { run.receivedTags = try receiveTags(remote: run.remote) }
            let newTip = integration.newTip
            let tagsToPush = try approvalTagsToPush(remote: run.remote)
            if !tagsToPush.clashes.isEmpty {
                run.attempts.append(attempt)
                return try outcome(.refused(.tagClash(tagsToPush.clashes)), run: run)
            }
            let branchAhead = newTip != nil && newTip != attempt.remoteTip
            if !branchAhead && tagsToPush.names.isEmpty {
                run.attempts.append(attempt)
                let cameIn = run.originalTip != repository.commitID(ofReference: run.branch) || !run.receivedTags.isEmpty
                return try outcome(cameIn ? .synced : .upToDate, run: run)
            }
            if branchAhead, let newTip {
                let started = ContinuousClock.now
                let findings = try validationErrors(at: newTip)
                run.timings.validate += SyncTimings.seconds(since: started)
                if !findings.isEmpty {
                    run.attempts.append(attempt)
                    return try outcome(.refused(.validation(findings)), run: run)
                }
            }
            var refspecs: [String] = []
            if branchAhead { refspecs.append("\(run.branch):\(run.branch)") }
            refspecs += tagsToPush.names.map { "refs/tags/\($0):refs/tags/\($0)" }
            let session = TransferSession(settings: options.settings, onProgress: options.onProgress)
            var refusal: String?
            do {
                let started = ContinuousClock.now
                defer { run.timings.transfer += SyncTimings.seconds(since: started) }
                try repository.push(remote: run.remote, refspecs: refspecs, session: session)
                refusal =
                    session.pushedReferences.compactMap { reference in
                        reference.refusal.map { "\(reference.name): \($0)" }
                    }.first
            } catch let error as GitError where error.code == .modified {
                refusal = "\(run.branch): not a fast-forward of the remote's tip (someone pushed meanwhile)"
            } catch {
                throw SyncError.unreachable(
                    remote: run.remote, url: run.url, detail: Self.scrub("\(error)", url: try rawURL(of: run.remote)))
            }
            if let refusal {
                attempt.refusal = refusal
                if Self.isOvertaken(refusal) && !session.remoteMessages.contains(where: { $0.contains("plantrack guard") }) {
                    attempt.retried = true
                    run.attempts.append(attempt)
                    Self.backOff(after: number - first + 1)
                    continue
                }
                run.attempts.append(attempt)
                return try outcome(.refused(.remote(reason: refusal, messages: session.remoteMessages)), run: run)
            }
            attempt.pushed = true
            run.attempts.append(attempt)
            if let newTip, branchAhead {
                try repository.setReference(named: trackingRef, to: newTip, logMessage: "plantrack sync: pushed")
            }
            for name in tagsToPush.names {
                if let target = (try? repository.reference(named: "refs/tags/" + name))?.target {
                    try repository.setReference(named: "refs/plantrack/remote-tags/\(run.remote)/\(name)", to: target)
                }
            }
            var result = try outcome(.synced, run: run)
            result.pushed = refspecs.map { String($0[$0.index(after: $0.lastIndex(of: ":") ?? $0.startIndex)...]) }
            return result
        }
        return try outcome(.refused(.retriesExhausted(options.attempts)), run: run)
    }

    /// Waits a random 50–250 ms times the number of attempts overtaken so far before the
    /// next: two syncs that keep overtaking each other in step fall out of step.
    static func backOff(after attempts: Int) {
        let milliseconds = Int.random(in: 50...250) * attempts
        usleep(useconds_t(milliseconds * 1000))
    }

    /// Whether a refusal means someone else pushed first (the push can be integrated and
    /// tried again), in git's and libgit2's words.
    static func isOvertaken(_ refusal: String) -> Bool {
        let words = refusal.lowercased()
        return [
            "fast-forward", "fast forward", "fetch first", "stale info", "cannot lock ref", "failed to update ref",
            "failed to lock", "reference already exists", "is at ", "modified",
        ]
        .contains { words.contains($0) }
    }

    private func outcome(_ result: SyncOutcome.Result, run: Run) throws -> SyncOutcome {
        SyncOutcome(
            result: result, branch: Self.shortBranch(run.branch), remote: run.remote, url: run.url,
            attempts: run.attempts, incoming: try incoming(local: run.originalTip, remote: run.lastRemoteTip), pushed: [],
            retagged: run.retagged, receivedTags: run.receivedTags, conflicts: [], stoppedAt: nil,
            localTip: repository.commitID(ofReference: run.branch), timings: run.timings)
    }

    private func finish(_ outcome: SyncOutcome, run: Run) -> SyncOutcome {
        var outcome = outcome
        outcome.branch = Self.shortBranch(run.branch)
        outcome.remote = run.remote
        outcome.url = run.url
        if outcome.attempts.isEmpty { outcome.attempts = run.attempts }
        outcome.localTip = repository.commitID(ofReference: run.branch)
        outcome.timings = run.timings
        return outcome
    }

    // MARK: Integrating

    struct Integration {
        var newTip: ObjectID?
        var replaced: [(old: ObjectID, new: ObjectID)]
        /// The tree the working tree holds when it is not the old tip's (after `--continue`).
        var workingTree: ObjectID?
    }

    enum IntegrationResult {
        case integrated(Integration, fastForward: Bool)
        case stopped(SyncOutcome)
    }

    enum ReplayResult {
        case done(ObjectID, [(old: ObjectID, new: ObjectID)])
        case stopped(SyncOutcome)
    }

    private func integrate(local: ObjectID?, remote: ObjectID?, run: Run, attempt: Int) throws -> IntegrationResult {
        guard let remote else { return .integrated(Integration(newTip: local, replaced: []), fastForward: false) }
        guard let local else { return .integrated(Integration(newTip: remote, replaced: []), fastForward: true) }
        if try repository.isAncestor(remote, of: local) {
            return .integrated(Integration(newTip: local, replaced: []), fastForward: false)
        }
        if try repository.isAncestor(local, of: remote) {
            return .integrated(Integration(newTip: remote, replaced: []), fastForward: true)
        }
        let walk = try RevisionWalk(repository: repository, order: [.topological, .reverse])
        try walk.push(local)
        try walk.hide(remote)
        let commits = try walk.remaining()
        switch try replay(
            commits, onto: remote, replaced: [], run: run, remoteTip: remote, attempt: attempt,
            workingTree: try repository.commit(local).treeID)
        {
        case .stopped(let outcome): return .stopped(outcome)
        case .done(let tip, let replaced):
            return .integrated(Integration(newTip: tip, replaced: replaced), fastForward: false)
        }
    }

    /// Replays `commits` (oldest first) on `onto`; stops at the first conflict, saving the
    /// state and writing the merged files into the working tree.
    private func replay(
        _ commits: [ObjectID], onto: ObjectID, replaced: [(old: ObjectID, new: ObjectID)], run: Run,
        remoteTip: ObjectID, attempt: Int, workingTree: ObjectID?
    ) throws -> ReplayResult {
        var tip = onto
        var replaced = replaced
        for (position, id) in commits.enumerated() {
            let commit = try repository.commit(id)
            let base = try commit.parents().first.map { try $0.tree() }
            let merge = try mergeTrees(base: base, ours: try commit.tree(), theirs: try repository.commit(tip).tree())
            if merge.conflicts.isEmpty {
                if merge.tree != (try repository.commit(tip).treeID) {
                    tip = try replayCommit(commit, tree: merge.tree, onto: tip)
                }
                replaced.append((id, tip))
                continue
            }
            guard let original = run.originalTip else { throw SyncError.failed("nothing to replay from") }
            let state = SyncState(
                branch: run.branch, remote: run.remote, originalTip: original, remoteTip: remoteTip, replayedTip: tip,
                replaying: id, remaining: Array(commits[(position + 1)...]), replaced: replaced, mergedTree: merge.tree,
                conflictPaths: Array(Set(merge.conflicts.map(\.path))).sorted(by: bytewisePrecedes), attempt: attempt)
            let shown = try workingTree.map { try repository.tree($0) } ?? repository.commit(original).tree()
            try writeWorkingTree(from: shown, to: try repository.tree(merge.tree))
            try state.save(in: repository)
            if let index = run.savedIndex { try AtomicFile.write(index, to: SyncState.indexCopy(of: repository)) }
            return .stopped(
                SyncOutcome(
                    result: .conflict, branch: "", remote: "", url: "", attempts: [], incoming: [], pushed: [],
                    retagged: [], receivedTags: [], conflicts: merge.conflicts, stoppedAt: "\(commit.shortID) \(commit.summary)",
                    localTip: nil, timings: run.timings))
        }
        return .done(tip, replaced)
    }

    /// A commit of `tree` on `parent` with `commit`'s author, author date and message; the
    /// committer is the local identity, now.
    private func replayCommit(_ commit: Commit, tree: ObjectID, onto parent: ObjectID) throws -> ObjectID {
        let committer: Author
        do {
            committer = try Author.default(in: repository)
        } catch {
            throw SyncError.failed("\(error)")
        }
        return try repository.createCommit(
            tree: tree, parents: [parent], author: commit.author, committer: committer, message: commit.message)
    }

    /// The tree of `theirs` with our changes since `base` applied; both-changed files merged
    /// by ``SyncFileMerge``.
    func mergeTrees(base: Tree?, ours: Tree, theirs: Tree) throws -> (tree: ObjectID, conflicts: [SyncConflict]) {
        let ourChanges = try repository.changes(from: base, to: ours)
        var theirChanges: [String: TreeChange] = [:]
        for change in try repository.changes(from: base, to: theirs) { theirChanges[change.path] = change }
        let index = try Index.inMemory(for: repository)
        try index.read(tree: theirs)
        var conflicts: [SyncConflict] = []
        for change in ourChanges {
            guard let their = theirChanges[change.path] else {
                if let id = change.newID {
                    try index.add(path: change.path, id: id, mode: change.newMode ?? .file)
                } else if index.entry(atPath: change.path) != nil {
                    try index.remove(path: change.path)
                }
                continue
            }
            if their.newID == change.newID { continue }
            let merged = SyncFileMerge.merge(
                path: change.path, base: try change.oldID.map { try repository.blobBytes($0) },
                ours: try change.newID.map { try repository.blobBytes($0) },
                theirs: try their.newID.map { try repository.blobBytes($0) })
            conflicts += merged.conflicts.map { SyncConflict(path: change.path, conflict: $0) }
            if let bytes = merged.bytes {
                try index.add(
                    path: change.path, id: try repository.createBlob(bytes), mode: change.newMode ?? their.newMode ?? .file)
            } else if index.entry(atPath: change.path) != nil {
                try index.remove(path: change.path)
            }
        }
        return (try index.writeTree(), conflicts)
    }

    /// `tree` with the given files replaced (nil: removed).
    private func buildTree(from tree: ObjectID, replacing files: [String: [UInt8]?]) throws -> ObjectID {
        let index = try Index.inMemory(for: repository)
        try index.read(tree: try repository.tree(tree))
        for (path, bytes) in files {
            if let bytes {
                try index.add(path: path, id: try repository.createBlob(bytes), mode: .file)
            } else if index.entry(atPath: path) != nil {
                try index.remove(path: path)
            }
        }
        return try index.writeTree()
    }

    // MARK: The branch, the working tree, tags

    /// Moves the branch, writes the files that differ between the working tree's tree and
    /// the new tip's (each atomically), and stages what changed since the old tip.
    private func moveBranch(_ branch: String, from old: ObjectID?, to new: ObjectID, workingTreeFrom shown: ObjectID?) throws {
        let newCommit = try repository.commit(new)
        try repository.setReference(
            named: branch, to: new, logMessage: "plantrack sync: \(old.map { $0.abbreviated } ?? "(none)") -> \(newCommit.shortID)")
        let newTree = try newCommit.tree()
        try writeWorkingTree(from: try shown.map { try repository.tree($0) }, to: newTree)
        let oldTree = try old.map { try repository.commit($0).tree() }
        try repository.restage(try repository.changes(from: oldTree, to: newTree).map(\.path))
    }

    /// Writes into the working tree the files that differ between `old` and `new`: changed
    /// and added files atomically, deleted ones removed (and folders left empty).
    private func writeWorkingTree(from old: Tree?, to new: Tree) throws {
        for change in try repository.changes(from: old, to: new) {
            let path = root + "/" + change.path
            if let id = change.newID {
                try AtomicFile.write(try repository.blobBytes(id), to: path)
            } else {
                unlink(path)
                removeEmptyFolders(above: change.path)
            }
        }
    }

    /// Writes `paths` back as `tree` has them (removing those it lacks); returns them.
    private func restore(_ paths: [String], to tree: Tree) throws -> [String] {
        for path in paths {
            if let entry = try tree.entry(atPath: path) {
                try AtomicFile.write(try repository.blobBytes(entry.id), to: root + "/" + path)
            } else {
                unlink(root + "/" + path)
                removeEmptyFolders(above: path)
            }
        }
        return paths
    }

    private func removeEmptyFolders(above path: String) {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            if rmdir(root + "/" + parts.joined(separator: "/")) != 0 { return }
            parts = parts.dropLast()
        }
    }

    private func readWorkingFile(_ path: String) -> [UInt8]? { readFile(root + "/" + path) }

    private func readFile(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Re-points every approval tag that names a replaced commit at its replacement, with
    /// the same tagger and message when it is annotated.
    private func repointTags(_ replaced: [(old: ObjectID, new: ObjectID)]) throws -> [SyncOutcome.RetaggedApproval] {
        guard !replaced.isEmpty else { return [] }
        var replacement: [ObjectID: ObjectID] = [:]
        for pair in replaced where pair.old != pair.new { replacement[pair.old] = pair.new }
        var moved: [SyncOutcome.RetaggedApproval] = []
        for (name, commit) in try repository.tagTargets() where PushGuard.approvalTag(name) != nil {
            guard let new = replacement[commit] else { continue }
            let target = try repository.commit(new)
            if let annotation = repository.annotation(ofTag: name) {
                try repository.createTag(
                    named: name, target: target, tagger: annotation.tagger, message: annotation.message, force: true)
            } else {
                try repository.createLightweightTag(named: name, target: target, force: true)
            }
            moved.append(SyncOutcome.RetaggedApproval(name: name, old: commit, new: new))
        }
        return moved
    }

    /// Creates the remote's approval tags that do not exist locally; returns their names.
    private func receiveTags(remote: String) throws -> [String] {
        let prefix = "refs/plantrack/remote-tags/\(remote)/"
        var created: [String] = []
        for reference in try repository.referenceNames(startingWith: prefix) {
            let name = String(reference.dropFirst(prefix.count))
            guard PushGuard.approvalTag(name) != nil, repository.commitID(ofReference: "refs/tags/" + name) == nil,
                let target = (try? repository.reference(named: reference))?.target
            else { continue }
            try repository.setReference(named: "refs/tags/" + name, to: target, force: false)
            created.append(name)
        }
        return created
    }

    /// The local approval tags the remote lacks, and those it has at another commit.
    private func approvalTagsToPush(remote: String) throws -> (names: [String], clashes: [SyncRefusal.TagClash]) {
        var names: [String] = []
        var clashes: [SyncRefusal.TagClash] = []
        for (name, commit) in try repository.tagTargets() where PushGuard.approvalTag(name) != nil {
            guard let theirs = repository.commitID(ofReference: "refs/plantrack/remote-tags/\(remote)/\(name)") else {
                names.append(name)
                continue
            }
            if theirs != commit { clashes.append(SyncRefusal.TagClash(name: name, remote: theirs, local: commit)) }
        }
        return (names, clashes)
    }

    // MARK: Validating

    /// The errors of the workspace at `tip`, judged through the roll-up memo: plans whose
    /// folders did not change are not read again. Only when the memo's verdict names
    /// documents with errors is the version validated whole for the findings to show.
    func validationErrors(at tip: ObjectID) throws -> [Finding] {
        let history = GitHistory(repository: repository, root: root)
        let commit = try repository.commit(tip)
        let snapshot = try history.snapshot(at: tip.hex, label: commit.shortID)
        let (schemas, problems) = try DocumentSchemas.load(from: snapshot)
        guard let schemas else { return problems.filter { $0.severity == .error } }
        var state = IncrementalRollUp(memo: options.memo?.load() ?? RollUpMemo())
        try state.start(from: snapshot)
        state.use(schemas)
        let rollUp = try state.rollUp(asOf: options.today, withGroups: false)
        options.memo?.save(state.memo)
        guard rollUp.isIncomplete else { return problems.filter { $0.severity == .error } }
        return IncompleteFigures.findings(leaving: rollUp.skipped, outOf: snapshot, asOf: options.today)
    }

    // MARK: The remote

    /// The branch, the remote's name and its printable URL.
    private func target() throws -> (branch: String, remote: String, url: String) {
        guard let branch = try repository.headBranch(), branch.hasPrefix("refs/heads/") else { throw SyncError.detachedHead }
        let upstream = try repository.configurationValue("branch.\(Self.shortBranch(branch)).remote")
        let remote = options.remote ?? upstream ?? "origin"
        return (branch, remote, try sanitizedURL(of: remote))
    }

    private func rawURL(of remote: String) throws -> String {
        guard let url = try repository.remoteURL(remote) else { throw SyncError.noRemote(remote) }
        return url
    }

    private func sanitizedURL(of remote: String) throws -> String {
        RemoteLocation(try rawURL(of: remote)).redacted
    }

    private func fetch(remote: String, url: String, refspecs: [String], anonymously: Bool = false) throws {
        let session = TransferSession(settings: options.settings, onProgress: options.onProgress)
        do {
            try repository.fetch(remote: anonymously ? try rawURL(of: remote) : remote, refspecs: refspecs, session: session)
        } catch {
            throw SyncError.unreachable(remote: remote, url: url, detail: Self.scrub("\(error)", url: try rawURL(of: remote)))
        }
    }

    /// `error` with the raw URL (which may hold a password) replaced by the printable one.
    static func scrub(_ text: String, url: String) -> String {
        let clean = RemoteLocation(url).redacted
        return clean == url ? text : text.replacingOccurrences(of: url, with: clean)
    }

    static func tagRefspec(_ remote: String) -> String { "+refs/tags/*:refs/plantrack/remote-tags/\(remote)/*" }

    /// `main` for `refs/heads/main`.
    public static func shortBranch(_ branch: String) -> String {
        branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
    }

    /// What came in: the diff --stat from the last commit shared with the remote to its tip.
    private func incoming(local: ObjectID?, remote: ObjectID?) throws -> [FileStat] {
        guard let remote else { return [] }
        let base = try local.flatMap { try repository.mergeBase($0, remote) }
        if base == remote { return [] }
        return try repository.diffStat(
            from: try base.map { try repository.commit($0).tree() }, to: try repository.commit(remote).tree())
    }

    private func refuseUncommitted() throws {
        let paths = try repository.uncommittedPaths(untrackedUnder: Self.watchedFolders)
        if !paths.isEmpty { throw SyncError.uncommitted(paths) }
    }

    private func locked<Result>(_ body: () throws -> Result) throws -> Result {
        let lock: RepositoryWriteLock
        do {
            lock = try RepositoryWriteLock(repository, timeout: options.waitSeconds)
        } catch {
            throw SyncError.locked("\(error)")
        }
        defer { lock.release() }
        return try body()
    }
}
