#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The working tree: files as they are on disk below a workspace root.
///
/// Symbolic links are listed as links and never followed, so a link cannot pull in a file
/// from outside the workspace. Hidden files and folders (names starting with `.`, such as
/// editor swap files) are skipped.
public struct DirectorySnapshot: ConcurrentlyReadableSnapshot {
    /// The workspace root on disk (the folder that holds `Plans/`).
    public let root: String
    public let label = "working tree"

    /// Creates a snapshot of the folder `root`.
    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public func entries(under directory: String) throws -> [SnapshotEntry] {
        var result: [SnapshotEntry] = []
        var status = stat()
        let top = "\(root)/\(directory)"
        guard lstat(top, &status) == 0 else {
            if errno == ENOENT { return [] }
            throw SnapshotError(path: directory, message: "cannot be read: \(Self.errorText())")
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw SnapshotError(path: directory, message: "is not a folder")
        }
        // The county folders are walked on all cores: each subtree is listed on its own and
        // the lists are joined in the top folder's order, which keeps the byte order.
        switch children(of: directory) {
        case .failure(let reason):
            result.append(SnapshotEntry(path: directory, kind: .unreadable(reason: reason.text)))
        case .success(let top):
            result = ParallelMap.map(top) { child in
                var subtree: [SnapshotEntry] = []
                visit(child, in: directory, into: &subtree)
                return subtree
            }.flatMap { $0 }
        }
        // The walk lists each folder in the order that makes every path sort by bytes; only
        // a folder that could not be opened can stand out of place, and then the whole
        // list is sorted (a full sort of tens of thousands of paths showed in profiles).
        if !zip(result, result.dropFirst()).allSatisfy({ !$1.path.precedesInByteOrder($0.path) }) {
            result.sort { $0.path.precedesInByteOrder($1.path) }
        }
        return result
    }

    /// An entry of a folder, with its type and size, or why they could not be read.
    private struct Child: Sendable {
        /// What the entry sorts by: every path below a folder `name` starts with `name/`, so
        /// sorting folders by that key and other entries by their name puts the whole walk
        /// in byte order of paths.
        var key: String
        var name: String
        var mode: mode_t
        var size: Int
        /// Why the entry's status could not be read; nil when it was.
        var failure: String?
    }

    private struct Failure: Error {
        var text: String
    }

    /// The entries of a folder in walking order, each looked up relative to the open folder
    /// (cheaper than the kernel walking the whole path again).
    private func children(of relative: String) -> Result<[Child], Failure> {
        guard let dir = opendir("\(root)/\(relative)") else {
            return .failure(Failure(text: "folder cannot be read: \(Self.errorText())"))
        }
        defer { closedir(dir) }
        let folder = dirfd(dir)
        var children: [Child] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var status = stat()
            if fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 {
                let mode = status.st_mode & S_IFMT
                children.append(
                    Child(
                        key: mode == S_IFDIR ? name + "/" : name, name: name, mode: mode,
                        size: Int(status.st_size)))
            } else {
                children.append(Child(key: name, name: name, mode: 0, size: 0, failure: Self.errorText()))
            }
        }
        children.sort { $0.key.precedesInByteOrder($1.key) }
        return .success(children)
    }

    private func walk(relative: String, into result: inout [SnapshotEntry]) {
        switch children(of: relative) {
        case .failure(let reason):
            result.append(SnapshotEntry(path: relative, kind: .unreadable(reason: reason.text)))
        case .success(let children):
            for child in children { visit(child, in: relative, into: &result) }
        }
    }

    private func visit(_ child: Child, in relative: String, into result: inout [SnapshotEntry]) {
        let path = "\(relative)/\(child.name)"
        if let failure = child.failure {
            result.append(SnapshotEntry(path: path, kind: .unreadable(reason: "cannot be read: \(failure)")))
            return
        }
        switch child.mode {
        case S_IFDIR:
            walk(relative: path, into: &result)
        case S_IFREG:
            result.append(SnapshotEntry(path: path, kind: .file, size: child.size))
        case S_IFLNK:
            result.append(SnapshotEntry(path: path, kind: .symlink(target: linkTarget(path))))
        default:
            result.append(SnapshotEntry(path: path, kind: .other))
        }
    }

    private func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("\(root)/\(path)", &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func contents(of entry: SnapshotEntry) throws -> [UInt8] {
        guard case .file = entry.kind else {
            throw SnapshotError(path: entry.path, message: "is not a regular file")
        }
        // O_NOFOLLOW: the file may have been replaced by a link since it was listed.
        let fd = open("\(root)/\(entry.path)", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            throw SnapshotError(path: entry.path, message: "cannot be read: \(Self.errorText())")
        }
        defer { close(fd) }
        // Read straight into uninitialised arrays: the listing's size is usually the whole
        // file, and a zero-filled 64 KiB buffer per file showed in profiles of `validate`.
        var bytes: [UInt8] = []
        var chunkSize = (entry.size ?? 4095) + 1
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
                var n: Int
                repeat { n = read(fd, buffer.baseAddress, buffer.count) } while n < 0 && errno == EINTR
                failed = n < 0
                count = max(n, 0)
            }
            if failed { throw SnapshotError(path: entry.path, message: "cannot be read: \(Self.errorText())") }
            if chunk.isEmpty { break }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            // The listing's size came back in one read with room to spare: the whole file
            // (a file that grew since fills the buffer and is read on; one that shrank
            // comes back shorter and gets the read that sees its end). Saves a read per file.
            if bytes.count == entry.size, chunk.count < chunkSize { break }
            chunkSize = 65536
        }
        return bytes
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
