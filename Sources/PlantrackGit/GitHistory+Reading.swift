import PlantrackCore

/// The reading half of the seam, over ``Repository``. Every libgit2 failure leaves here as
/// a ``HistoryError`` (git's own words in ``HistoryError/failed(_:)``); snapshot errors stay
/// ``SnapshotError``s, as the ``Snapshot`` protocol promises.
extension GitHistory {
    public func head() throws -> HistoryCommit? {
        if repository.isHeadUnborn { return nil }
        return try translating { HistoryCommit(try repository.head()) }
    }

    public func headBranch() throws -> String? {
        try translating { try repository.headBranch() }
    }

    public func commit(named revision: String) throws -> HistoryCommit {
        do {
            return HistoryCommit(try repository.resolveCommit(revision))
        } catch let error as GitError {
            throw revisionError(error, revision: revision)
        }
    }

    public func commit(id: String) throws -> HistoryCommit {
        try translating { HistoryCommit(try gitCommit(id)) }
    }

    public func mainline(from id: String) throws -> [HistoryCommit] {
        try translating {
            try repository.history(from: try objectID(id), firstParentOnly: true).map { HistoryCommit(try repository.commit($0)) }
        }
    }

    public func ancestry(from id: String) throws -> [HistoryCommit] {
        try translating {
            try repository.history(from: try objectID(id)).map { HistoryCommit(try repository.commit($0)) }
        }
    }

    public func isAncestor(_ ancestor: String, of id: String) throws -> Bool {
        try translating { try repository.isAncestor(try objectID(ancestor), of: try objectID(id)) }
    }

    /// A ``CommitSnapshot``, so readers keep its pruned comparisons, folder ids and
    /// concurrent blob reader.
    public func snapshot(at id: String, label: String?) throws -> any Snapshot {
        try translating { CommitSnapshot(commit: try gitCommit(id), label: label) }
    }

    public func changes(from old: String?, to new: String, under folder: String) throws -> [SnapshotChange] {
        let (oldTree, newTree) = try translating {
            (try old.map { try gitCommit($0).tree() }, try gitCommit(new).tree())
        }
        let changes = try wrapping(folder) { try repository.changes(from: oldTree, to: newTree, under: folder) }
        return try snapshotChanges(changes, in: repository)
    }

    public func contentID(of path: String, at id: String) throws -> String? {
        try translating {
            guard let entry = try gitCommit(id).tree().entry(atPath: path), entry.mode.isRegularFile else { return nil }
            return entry.id.hex
        }
    }

    public func contents(ofContent id: String, path: String) throws -> [UInt8] {
        guard let objectID = ObjectID(hex: id) else {
            throw HistoryError.corrupted(object: id, path: path, detail: "not an object id")
        }
        let bytes: [UInt8]
        do {
            bytes = try repository.blob(objectID).bytes
        } catch let error as GitError {
            throw HistoryError.corrupted(object: id, path: path, detail: error.description)
        }
        // Read for one file at a time (not for whole workspaces), so the check costs little.
        guard GitBlobID.of(bytes) == objectID.hex else {
            throw HistoryError.corrupted(object: id, path: path, detail: "its bytes hash to \(GitBlobID.of(bytes))")
        }
        return bytes
    }

    public func tags(matching pattern: String?) throws -> [HistoryTag] {
        try translating {
            try repository.tagTargets(matching: pattern).map { HistoryTag(name: $0.name, commitID: $0.commit.hex) }
        }
    }

    // MARK: Helpers

    private func objectID(_ id: String) throws -> ObjectID {
        guard let objectID = ObjectID(hex: id) else { throw HistoryError.failed("no commit \(id)") }
        return objectID
    }

    private func gitCommit(_ id: String) throws -> Commit {
        try repository.commit(objectID(id))
    }

    /// An unknown revision names every tag (callers suggest the nearest); `HEAD…` before
    /// the first commit is ``HistoryError/noCommits(revision:)``; anything else is git's text.
    private func revisionError(_ error: GitError, revision: String) -> HistoryError {
        guard error.code == .notFound || error.code == .invalidSpec else { return .failed(error.description) }
        if revision.hasPrefix("HEAD") && repository.isHeadUnborn { return .noCommits(revision: revision) }
        return .unknownRevision(revision, tags: (try? repository.tagNames()) ?? [])
    }
}

/// Runs a libgit2 read, turning a ``GitError`` into ``HistoryError/failed(_:)``.
private func translating<Result>(_ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let error as GitError {
        throw HistoryError.failed(error.description)
    }
}

extension HistoryCommit {
    /// The seam's description of `commit`.
    init(_ commit: Commit) {
        self.init(
            id: commit.id.hex, shortID: commit.shortID, date: commit.date, author: commit.author,
            message: commit.message, parentIDs: commit.parentIDs.map(\.hex))
    }
}
