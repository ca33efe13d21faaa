import PlantrackCore

/// The workspace as staged in the index: a ``Snapshot`` read from `.git/index` and the
/// object database, never from the working tree.
///
/// A path with an unresolved merge conflict is reported once, as `.other` without a
/// content id, and cannot be read.
public struct IndexSnapshot: Snapshot {
    /// The index being read; it keeps the repository open.
    public let index: Index
    /// Always `index`.
    public var label: String { "index" }
    /// Whether ``entries(under:)`` fills in sizes (`git_odb_read_header` per blob; see
    /// ``CommitSnapshot/readsSizes`` for the cost).
    public let readsSizes: Bool

    /// Reads `index` as it is now in memory.
    public init(index: Index, readsSizes: Bool = false) {
        self.index = index
        self.readsSizes = readsSizes
    }

    /// Every staged entry below `directory`, sorted by path in byte order; conflicted paths
    /// once each, as `.other`.
    public func entries(under directory: String) throws -> [SnapshotEntry] {
        let database = readsSizes ? try index.repository.objectDatabase() : nil
        var result: [SnapshotEntry] = []
        for entry in index.entries(under: directory) {
            if entry.isConflicted {
                if result.last?.path != entry.path {
                    result.append(SnapshotEntry(path: entry.path, kind: .other))
                }
                continue
            }
            result.append(
                try snapshotEntry(
                    path: entry.path, id: entry.id, mode: entry.mode, repository: index.repository,
                    database: database))
        }
        return result
    }

    /// The staged bytes of a regular file.
    public func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        guard let staged = index.entry(atPath: entry.path) else {
            if index.entry(atPath: entry.path, stage: 2) != nil || index.entry(atPath: entry.path, stage: 1) != nil {
                throw SnapshotError(path: entry.path, message: "has an unresolved merge conflict in the index")
            }
            throw SnapshotError(path: entry.path, message: "is not in the index")
        }
        guard staged.mode.isRegularFile else {
            throw notAFile(entry, mode: staged.mode, in: label)
        }
        return try wrapping(entry.path) { try index.blob(for: staged).verifiedBytes(path: entry.path) }
    }
}
