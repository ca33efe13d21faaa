#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlantrackCore

/// The persistent cache of parsed documents under `.git/plantrack/`, keyed by blob id.
///
/// Safe to delete at any time. A file that is corrupt, truncated or from another cache
/// version is ignored as a whole (see ``DocumentCacheCoding``) and replaced on the next
/// write; writes go to a temporary file in the same folder that is renamed into place, so
/// a reader never sees half a file. Failing to read or write it never fails a command.
struct ParsedDocumentStore {
    /// `.git/plantrack/parsed-v<version>.cache`.
    let path: String
    let folder: String

    init(gitFolder: String) {
        let base = gitFolder.hasSuffix("/") ? gitFolder : gitFolder + "/"
        folder = base + "plantrack"
        path = folder + "/parsed-v\(DocumentCacheCoding.version).cache"
    }

    /// The cached documents; empty when there is no usable cache.
    func load() -> [String: Document] {
        guard let bytes = FileSystem.readBytes(path) else { return [:] }
        return DocumentCacheCoding.decode(bytes) ?? [:]
    }

    /// Adds `documents` to the cache file (nothing happens when there are none).
    func add(_ documents: [String: Document], to existing: [String: Document]) {
        guard !documents.isEmpty else { return }
        let merged = existing.merging(documents) { old, _ in old }
        mkdir(folder, 0o755)
        let temporary = "\(path).\(getpid()).tmp"
        let bytes = DocumentCacheCoding.encode(merged)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard offset == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
