import PlantrackCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `rollup --rev/--as-of`, `trend` and `report` keep their ``RollUpMemo`` between
/// runs: `.git/plantrack/rollup-memo.bin`.
///
/// Safe to delete at any time. A file from a build of other sources, truncated or
/// malformed is ignored as a whole, a record whose checksum fails is not used (see
/// ``RollUpMemo``), and the next write replaces them. Writes go to a temporary file in the
/// same folder that is renamed into place, so a reader never sees half a file. Failing to
/// read or write it never fails a command.
struct RollUpMemoStore {
    /// The file.
    let path: String
    let folder: String

    init(gitFolder: String) {
        let base = gitFolder.hasSuffix("/") ? gitFolder : gitFolder + "/"
        folder = base + "plantrack"
        path = folder + "/rollup-memo.bin"
    }

    /// The stored memo; an empty one when there is no usable file.
    func load() -> RollUpMemo {
        guard let bytes = FileSystem.readBytes(path) else { return RollUpMemo() }
        return RollUpMemo(decoding: bytes) ?? RollUpMemo()
    }

    /// Writes `memo` when it has entries the file lacks, atomically and in pieces (a large
    /// memo is never held twice).
    func save(_ memo: RollUpMemo) {
        guard memo.hasNewEntries else { return }
        mkdir(folder, 0o755)
        try? AtomicFile.write(to: path) { write in memo.encode(write: write) }
    }
}
