import CGit2
import PlantrackCore

/// The workspace as one commit recorded it: a ``Snapshot`` read from the commit's tree and
/// blobs, never from the working tree.
public struct CommitSnapshot: Snapshot {
    /// The commit being read; it keeps the repository open.
    public let commit: Commit
    /// `HEAD~2 (1a2b3c4)`: the revision as the user wrote it, with the commit's short id.
    public let label: String
    /// Whether ``entries(under:)`` fills in sizes (`git_odb_read_header` per blob: no
    /// content is inflated, but each is one object-database lookup, which makes listing a
    /// 43,000-file workspace about ten times slower: 0.26 s instead of 0.03 s).
    public let readsSizes: Bool

    /// Reads `commit`, naming it `label` in messages (the commit's short id by default).
    public init(commit: Commit, label: String? = nil, readsSizes: Bool = false) {
        self.commit = commit
        self.label = label ?? commit.shortID
        self.readsSizes = readsSizes
    }

    /// Every entry below `directory` in the commit's tree, sorted by path in byte order.
    /// Symbolic links are reported with their target (the blob's text), never followed;
    /// submodules and unknown modes are `.other`.
    public func entries(under directory: String) throws -> [SnapshotEntry] {
        let tree = try commit.tree()
        let files = try tree.files(under: directory)
        let database = readsSizes ? try commit.repository.objectDatabase() : nil
        return try files.map { file in
            try snapshotEntry(path: file.path, id: file.id, mode: file.mode, repository: commit.repository, database: database)
        }
    }

    /// One level of `directory` in the commit's tree: its files and its subfolders with
    /// their tree ids. Reads that tree by `id` when given, else finds it from the root.
    public func folder(_ directory: String, id: String?) throws -> SnapshotFolder? {
        let folder = normalizedFolder(directory)
        let found: Tree?
        if let id, let objectID = ObjectID(hex: id) {
            found = try wrapping(folder) { try commit.repository.tree(objectID) }
        } else {
            found = try wrapping(folder) { try commit.tree().subtree(atPath: folder) }
        }
        guard let tree = found else { return SnapshotFolder(files: [], subfolders: []) }
        return try snapshotFolder(of: tree, at: folder, repository: commit.repository)
    }

    /// Reads blobs on any thread, with a repository handle per thread (``BlobPool``).
    public var concurrentReader: (any ContentReader)? { commit.repository.blobPool }

    /// The bytes of a regular file of this commit. Reads the blob by the entry's id when it
    /// has one, otherwise looks the path up in the commit's tree.
    public func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        let id: ObjectID
        if let contentID = entry.contentID, let known = ObjectID(hex: contentID) {
            guard entry.kind == .file else { throw notAFile(entry, in: label) }
            id = known
        } else {
            let tree = try wrapping(entry.path) { try commit.tree() }
            guard let found = try wrapping(entry.path, { try tree.entry(atPath: entry.path) }) else {
                throw SnapshotError(path: entry.path, message: "no such file in \(label)")
            }
            guard found.mode.isRegularFile else { throw notAFile(entry, mode: found.mode, in: label) }
            id = found.id
        }
        return try wrapping(entry.path) { try commit.repository.blobBytes(id, path: entry.path) }
    }
}

extension Repository {
    /// The workspace at `revision` (`HEAD`, `HEAD~2`, a branch, a tag, an id), labelled
    /// `HEAD~2 (1a2b3c4)`. Throws the same errors as ``resolveCommit(_:)``. Entries carry
    /// sizes only with `readsSizes`.
    public func snapshot(revision: String, readsSizes: Bool = false) throws -> CommitSnapshot {
        let commit = try resolveCommit(revision)
        let short = commit.shortID
        let label = commit.id.hex.hasPrefix(revision.lowercased()) ? short : "\(revision) (\(short))"
        return CommitSnapshot(commit: commit, label: label, readsSizes: readsSizes)
    }

    /// The workspace as staged in the index (`.git/index`), labelled `index`. Entries
    /// carry sizes only with `readsSizes`.
    public func indexSnapshot(readsSizes: Bool = false) throws -> IndexSnapshot {
        try IndexSnapshot(index: index(), readsSizes: readsSizes)
    }
}

/// Builds the snapshot entry for a tree or index entry. A link's target is its blob's text.
func snapshotEntry(
    path: String, id: ObjectID, mode: FileMode, repository: Repository, database: ObjectDatabase?
) throws -> SnapshotEntry {
    switch mode {
    case .file, .executable:
        let size = try database.map { database in try wrapping(path) { try database.header(of: id).size } }
        return SnapshotEntry(path: path, kind: .file, contentID: id.hex, size: size)
    case .symlink:
        let target = try wrapping(path) { try repository.blobBytes(id, path: path) }
        return SnapshotEntry(
            path: path, kind: .symlink(target: String(decoding: target, as: UTF8.self)), contentID: id.hex,
            size: target.count)
    case .submodule, .tree, .unknown:
        return SnapshotEntry(path: path, kind: .other, contentID: mode == .submodule ? nil : id.hex)
    }
}

/// One level of `tree`, the folder at `folder`: its files, and its subfolders with their ids.
func snapshotFolder(of tree: Tree, at folder: String, repository: Repository) throws -> SnapshotFolder {
    let prefix = folder.isEmpty ? "" : folder + "/"
    var files: [SnapshotEntry] = []
    var subfolders: [(path: String, id: String)] = []
    for entry in tree.entries {
        let path = prefix + entry.path
        if entry.mode == .tree {
            subfolders.append((path, entry.id.hex))
        } else {
            files.append(try snapshotEntry(path: path, id: entry.id, mode: entry.mode, repository: repository, database: nil))
        }
    }
    return SnapshotFolder(files: files, subfolders: subfolders)
}

/// Runs a git read, turning a ``GitError`` into the ``SnapshotError`` the protocol promises.
func wrapping<Result>(_ path: String, _ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let error as GitError {
        throw SnapshotError(path: path, message: error.description)
    }
}

/// The error for reading something that is not a regular file; `mode` when known,
/// otherwise the entry's own kind says what it is.
func notAFile(_ entry: SnapshotEntry, mode: FileMode? = nil, in label: String) -> SnapshotError {
    let what: String
    switch (mode, entry.kind) {
    case (.symlink?, _), (nil, .symlink):
        what = "is a symbolic link, which plantrack does not follow"
    case (.submodule?, _): what = "is a submodule, not a file"
    case (.tree?, _): what = "is a folder, not a file"
    default: what = "is not a regular file"
    }
    return SnapshotError(path: entry.path, message: "\(what) (in \(label))")
}
