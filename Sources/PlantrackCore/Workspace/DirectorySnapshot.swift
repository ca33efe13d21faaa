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
        walk(relative: directory, into: &result)
        result.sort { $0.path.precedesInByteOrder($1.path) }
        return result
    }

    private func walk(relative: String, into result: inout [SnapshotEntry]) {
        guard let dir = opendir("\(root)/\(relative)") else {
            result.append(SnapshotEntry(path: relative, kind: .unreadable(reason: "folder cannot be read: \(Self.errorText())")))
            return
        }
        defer { closedir(dir) }
        var children: [String] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            children.append(name)
        }
        for name in children {
            let path = "\(relative)/\(name)"
            var status = stat()
            guard lstat("\(root)/\(path)", &status) == 0 else {
                result.append(SnapshotEntry(path: path, kind: .unreadable(reason: "cannot be read: \(Self.errorText())")))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                walk(relative: path, into: &result)
            case S_IFREG:
                result.append(SnapshotEntry(path: path, kind: .file, size: Int(status.st_size)))
            case S_IFLNK:
                result.append(SnapshotEntry(path: path, kind: .symlink(target: linkTarget(path))))
            default:
                result.append(SnapshotEntry(path: path, kind: .other))
            }
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
            chunkSize = 65536
        }
        return bytes
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
