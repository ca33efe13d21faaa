/// One file in a ``Snapshot`` of a workspace.
public struct SnapshotEntry: Hashable, Sendable {
    /// What the entry is. Only regular files are read as documents.
    public enum Kind: Hashable, Sendable {
        /// A regular file (executable or not).
        case file
        /// A symbolic link; plantrack never follows links. `target` is the link text.
        case symlink(target: String)
        /// Anything else: a submodule, a socket, a device.
        case other
        /// Something that could not be looked at (a folder without read permission);
        /// `reason` says why. Listing goes on past it.
        case unreadable(reason: String)
    }

    /// Path relative to the workspace root, `/`-separated: `Plans/stockholm/2021/plan.md`.
    public var path: String
    /// What the entry is.
    public var kind: Kind
    /// The git blob id (40 hex digits) when the snapshot knows it: always for the index and
    /// for commits, never for the working tree. Equal ids mean equal bytes.
    public var contentID: String?
    /// Size in bytes when known without reading the file.
    public var size: Int?

    /// Creates an entry.
    public init(path: String, kind: Kind, contentID: String? = nil, size: Int? = nil) {
        self.path = path
        self.kind = kind
        self.contentID = contentID
        self.size = size
    }
}

/// A read-only view of a workspace's files at one moment: the working tree, the index
/// (staging area), or one commit.
///
/// The domain reads documents only through this protocol, so it never depends on git:
/// `PlantrackGit` implements it for the index and for commits, ``DirectorySnapshot`` for
/// the working tree, and ``MemorySnapshot`` for tests.
public protocol Snapshot {
    /// How to name this snapshot in messages: `working tree`, `index`, `HEAD (1a2b3c4)`.
    var label: String { get }

    /// Every entry below `directory` (a workspace-relative folder such as `Plans`),
    /// recursively, sorted by path (byte order). An empty array when the folder is missing.
    func entries(under directory: String) throws -> [SnapshotEntry]

    /// The bytes of a regular-file entry returned by ``entries(under:)``.
    ///
    /// Implementations never follow symbolic links and throw a ``SnapshotError`` that names
    /// the path when the entry cannot be read.
    func contents(of entry: SnapshotEntry) throws -> [UInt8]

    /// The files below `directory` whose content differs between this snapshot and `other`
    /// (added, removed or modified), sorted by path.
    ///
    /// The default implementation lists both sides and compares blob ids where both are
    /// known, and bytes otherwise. Git snapshots override it to skip equal subtrees, so the
    /// cost follows what changed rather than the size of the workspace.
    func changes(to other: some Snapshot, under directory: String) throws -> [SnapshotChange]

    /// The files directly in `directory` and its subfolders, each subfolder with an id that
    /// names everything below it (a git tree id: equal ids mean equal files); nil when the
    /// snapshot has no such ids (the working tree), and then callers list every file with
    /// ``entries(under:)``. A missing folder has no files and no subfolders.
    ///
    /// This lets a reader that remembers work by folder content (``IncrementalRollUp``)
    /// skip the files of folders it has seen, without listing them. `id`, when given, is the
    /// folder's id from an earlier listing of this snapshot, so the folder is read directly
    /// instead of being looked up from the root.
    func folder(_ directory: String, id: String?) throws -> SnapshotFolder?

    /// Something that reads this snapshot's files from several threads at once, so that
    /// reading overlaps parsing on every core; nil when files must be read on the calling
    /// thread. The working tree reads itself; a commit hands out a reader with one
    /// repository handle per thread (libgit2's objects are not shared between threads).
    var concurrentReader: (any ContentReader)? { get }
}

/// Reads the bytes of a snapshot's files, and the folders of a snapshot that names them by
/// content, from any thread.
public protocol ContentReader: Sendable {
    /// The bytes of a regular-file entry of the snapshot the reader belongs to; throws a
    /// ``SnapshotError`` that names the path when it cannot be read.
    func contents(of entry: SnapshotEntry) throws -> [UInt8]

    /// One level of the folder at `directory` whose id (from ``Snapshot/folder(_:id:)``) is
    /// `id`; nil when the reader cannot list folders by id.
    func folder(at directory: String, id: String) throws -> SnapshotFolder?
}

extension ContentReader {
    /// Lists no folders: see ``ContentReader/folder(at:id:)``.
    public func folder(at directory: String, id: String) throws -> SnapshotFolder? { nil }

    /// Every entry below the folder at `directory` whose id is `id`, level by level, in no
    /// particular order; nil when the reader cannot list folders by id.
    public func files(under directory: String, id: String) throws -> [SnapshotEntry]? {
        guard let level = try folder(at: directory, id: id) else { return nil }
        var result = level.files
        for sub in level.subfolders {
            guard let below = try files(under: sub.path, id: sub.id) else { return nil }
            result += below
        }
        return result
    }
}

/// One level of a folder in a ``Snapshot``: see ``Snapshot/folder(_:id:)``.
public struct SnapshotFolder: Sendable {
    /// The files (and links, submodules) directly in the folder, with full paths.
    public var files: [SnapshotEntry]
    /// The subfolders: full path and id.
    public var subfolders: [(path: String, id: String)]

    /// Creates a folder level.
    public init(files: [SnapshotEntry], subfolders: [(path: String, id: String)]) {
        self.files = files
        self.subfolders = subfolders
    }
}

/// A snapshot whose files may be read from several threads at once (the working tree and
/// files in memory, not libgit2's objects): it is its own ``Snapshot/concurrentReader``.
public protocol ConcurrentlyReadableSnapshot: Snapshot, ContentReader {}

extension ConcurrentlyReadableSnapshot {
    public var concurrentReader: (any ContentReader)? { self }
}

/// One file that differs between two snapshots.
public struct SnapshotChange: Hashable, Sendable {
    /// Whether the file appeared, disappeared or changed.
    public enum Kind: String, Hashable, Sendable {
        case added, removed, modified
    }

    /// The workspace-relative path.
    public var path: String
    public var kind: Kind
    /// The entry on the old side (nil when added).
    public var old: SnapshotEntry?
    /// The entry on the new side (nil when removed).
    public var new: SnapshotEntry?

    /// Creates a change.
    public init(path: String, kind: Kind, old: SnapshotEntry?, new: SnapshotEntry?) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
    }
}

extension SnapshotChange {
    /// The changes between two entry lists sorted by path (byte order): entries only in
    /// `before` are removed, only in `after` added, and entries on both sides modified
    /// unless `sameContent` says otherwise.
    public static func merge(
        _ before: [SnapshotEntry], _ after: [SnapshotEntry],
        sameContent: (SnapshotEntry, SnapshotEntry) throws -> Bool
    ) rethrows -> [SnapshotChange] {
        func precedes(_ x: String, _ y: String) -> Bool { x.precedesInByteOrder(y) }
        var result: [SnapshotChange] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if j == after.count || (i < before.count && precedes(before[i].path, after[j].path)) {
                result.append(SnapshotChange(path: before[i].path, kind: .removed, old: before[i], new: nil))
                i += 1
            } else if i == before.count || precedes(after[j].path, before[i].path) {
                result.append(SnapshotChange(path: after[j].path, kind: .added, old: nil, new: after[j]))
                j += 1
            } else {
                if try !sameContent(before[i], after[j]) {
                    result.append(SnapshotChange(path: before[i].path, kind: .modified, old: before[i], new: after[j]))
                }
                i += 1
                j += 1
            }
        }
        return result
    }
}

extension Snapshot {
    /// Read on the calling thread only: see ``Snapshot/concurrentReader``.
    public var concurrentReader: (any ContentReader)? { nil }

    /// No folder ids: see ``Snapshot/folder(_:id:)``.
    public func folder(_ directory: String, id: String?) throws -> SnapshotFolder? { nil }

    /// One level of `directory`, looked up from the root (see ``Snapshot/folder(_:id:)``).
    public func folder(_ directory: String) throws -> SnapshotFolder? { try folder(directory, id: nil) }

    public func changes(to other: some Snapshot, under directory: String) throws -> [SnapshotChange] {
        try SnapshotChange.merge(entries(under: directory), other.entries(under: directory)) { a, b in
            try sameContent(a, b, in: other)
        }
    }

    private func sameContent(_ a: SnapshotEntry, _ b: SnapshotEntry, in other: some Snapshot) throws -> Bool {
        if a.kind != b.kind { return false }
        if let x = a.contentID, let y = b.contentID { return x == y }
        guard case .file = a.kind else { return true }
        if let x = a.size, let y = b.size, x != y { return false }
        return try contents(of: a) == other.contents(of: b)
    }
}

/// Why a snapshot could not list or read a file.
public struct SnapshotError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The workspace-relative path the error is about (may be a folder).
    public var path: String
    /// A plain sentence saying what went wrong.
    public var message: String

    /// Creates an error about `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
