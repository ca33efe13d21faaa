import CGit2
import PlantrackCore

extension CommitSnapshot {
    /// The files below `directory` that differ between this commit and `other`.
    ///
    /// Against another commit of the same repository this is the pruned tree comparison
    /// (``Repository/changes(from:to:under:)``): equal subtrees are skipped unread, so the
    /// cost follows what changed. Against anything else (the index, the working tree) it
    /// falls back to the protocol's listing comparison; against the working tree a file is
    /// compared by hashing it as a blob (`git_odb_hash`), so the commit's blobs are never read.
    public func changes(to other: some Snapshot, under directory: String) throws -> [SnapshotChange] {
        if let workingTree = other as? DirectorySnapshot {
            return try changes(toWorkingTree: workingTree, under: directory)
        }
        guard let other = other as? CommitSnapshot, other.commit.repository === commit.repository else {
            return try ListingComparison(self).changes(to: other, under: directory)
        }
        let repository = commit.repository
        let changes = try wrapping(directory) {
            try repository.changes(from: commit.tree(), to: other.commit.tree(), under: directory)
        }
        return try snapshotChanges(changes, in: repository)
    }
}

/// Tree changes as snapshot changes, each side an entry with its blob id (a link's with its
/// target): what ``CommitSnapshot/changes(to:under:)`` and ``GitHistory`` report.
func snapshotChanges(_ changes: [TreeChange], in repository: Repository) throws -> [SnapshotChange] {
    try changes.map { change in
        let old = try change.oldID.map { id in
            try snapshotEntry(path: change.path, id: id, mode: change.oldMode ?? .file, repository: repository, database: nil)
        }
        let new = try change.newID.map { id in
            try snapshotEntry(path: change.path, id: id, mode: change.newMode ?? .file, repository: repository, database: nil)
        }
        let kind: SnapshotChange.Kind
        switch change.kind {
        case .added: kind = .added
        case .deleted: kind = .removed
        case .modified: kind = .modified
        }
        return SnapshotChange(path: change.path, kind: kind, old: old, new: new)
    }
}

extension CommitSnapshot {
    /// Lists both sides and merges them by path; files present on both sides are equal when
    /// the working file hashes to the commit's blob id.
    private func changes(toWorkingTree other: DirectorySnapshot, under directory: String) throws -> [SnapshotChange] {
        try SnapshotChange.merge(entries(under: directory), other.entries(under: directory)) { committed, working in
            try sameContent(committed, working, in: other)
        }
    }

    private func sameContent(_ committed: SnapshotEntry, _ working: SnapshotEntry, in other: DirectorySnapshot) throws -> Bool {
        switch (committed.kind, working.kind) {
        case (.file, .file):
            guard let id = committed.contentID else { return try contents(of: committed) == other.contents(of: working) }
            let bytes = try other.contents(of: working)
            var oid = git_oid()
            let result = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
            guard result == 0 else { return try contents(of: committed) == bytes }
            return ObjectID(oid).hex == id
        default:
            return committed.kind == working.kind
        }
    }
}

/// A commit seen only through the protocol's requirements, so that the protocol's default
/// listing comparison can be used where the pruned walk does not apply.
private struct ListingComparison: Snapshot {
    let base: CommitSnapshot
    init(_ base: CommitSnapshot) { self.base = base }
    var label: String { base.label }
    func entries(under directory: String) throws -> [SnapshotEntry] { try base.entries(under: directory) }
    func contents(of entry: SnapshotEntry) throws -> [UInt8] { try base.contents(of: entry) }
}
