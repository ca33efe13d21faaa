#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlantrackCore

/// Where `rollup --rev/--as-of`, `trend` and `report` keep their ``RollUpMemo`` between
/// runs: `.git/plantrack/rollup-memo.bin`.
///
/// Safe to delete at any time. A file from another plantrack version, truncated or
/// malformed is ignored as a whole, a record whose checksum fails is not used (see
/// ``RollUpMemo``), and the next write replaces them. Writes go to a temporary file in the
/// same folder that is renamed into place, so a reader never sees half a file. Failing to
/// read or write it never fails a command.
struct RollUpMemoStore {
    /// The file.
    let path: String
    let folder: String
    /// The program's version: a memo from another one is not trusted.
    static let tool = "plantrack \(PlantrackVersion.text)"

    init(gitFolder: String) {
        let base = gitFolder.hasSuffix("/") ? gitFolder : gitFolder + "/"
        folder = base + "plantrack"
        path = folder + "/rollup-memo.bin"
    }

    /// The stored memo; an empty one when there is no usable file.
    func load() -> RollUpMemo {
        guard let bytes = FileSystem.readBytes(path) else { return RollUpMemo() }
        return RollUpMemo(decoding: bytes, tool: Self.tool) ?? RollUpMemo()
    }

    /// Writes `memo` when it has entries the file lacks.
    func save(_ memo: RollUpMemo) {
        guard memo.hasNewEntries else { return }
        mkdir(folder, 0o755)
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var complete = true
        memo.encode(tool: Self.tool) { bytes in
            var offset = 0
            while complete && offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { complete = false }
                offset += max(n, 0)
            }
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard complete, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
