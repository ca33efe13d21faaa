/// A snapshot held in memory: files by path. Domain tests use it instead of git.
public struct MemorySnapshot: ConcurrentlyReadableSnapshot {
    public var label: String
    /// File contents by workspace-relative path.
    public var files: [String: [UInt8]]
    /// Symbolic links by path, with their target text.
    public var links: [String: String]

    /// Creates a snapshot from text files.
    public init(label: String = "memory", files: [String: String] = [:], links: [String: String] = [:]) {
        self.label = label
        self.files = files.mapValues { Array($0.utf8) }
        self.links = links
    }

    /// Creates a snapshot from raw bytes.
    public init(label: String = "memory", bytes: [String: [UInt8]]) {
        self.label = label
        self.files = bytes
        self.links = [:]
    }

    public func entries(under directory: String) throws -> [SnapshotEntry] {
        let prefix = directory + "/"
        let regular = files.filter { $0.key.hasPrefix(prefix) }.map {
            SnapshotEntry(path: $0.key, kind: .file, size: $0.value.count)
        }
        let symlinks = links.filter { $0.key.hasPrefix(prefix) }.map {
            SnapshotEntry(path: $0.key, kind: .symlink(target: $0.value))
        }
        return (regular + symlinks).sorted { $0.path.precedesInByteOrder($1.path) }
    }

    public func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        guard case .file = entry.kind, let bytes = files[entry.path] else {
            throw SnapshotError(path: entry.path, message: "is not a regular file")
        }
        return bytes
    }
}
