import CGit2
import PlantrackCore

/// A blob (`git_blob`): the bytes of one file version, read-only.
///
/// Holds its repository so the repository stays open while the blob is used.
public final class Blob {
    /// The `git_blob *`; freed only in `deinit`.
    let pointer: OpaquePointer
    /// The repository the blob was read from.
    public let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_blob_free(pointer)
    }

    /// The blob's id (`git_blob_id`).
    public var id: ObjectID { ObjectID(git_blob_id(pointer)) }

    /// The size in bytes (`git_blob_rawsize`).
    public var size: Int { Int(git_blob_rawsize(pointer)) }

    /// A copy of the raw bytes (`git_blob_rawcontent`, `git_blob_rawsize`); no filters
    /// (line endings, smudge) are applied.
    public var bytes: [UInt8] {
        let count = size
        guard count > 0, let content = git_blob_rawcontent(pointer) else { return [] }
        // rawcontent points into the blob's own buffer, valid while `self` lives.
        return withExtendedLifetime(self) {
            Array(UnsafeRawBufferPointer(start: content, count: count))
        }
    }

    /// Whether git's heuristic considers the content binary (`git_blob_is_binary`).
    public var isBinary: Bool { git_blob_is_binary(pointer) == 1 }
}

extension Repository {
    /// Stores `bytes` as a blob and returns its id (`git_blob_create_from_buffer`). Storing
    /// bytes that already exist writes nothing.
    public func createBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var created = git_oid()
        try bytes.withUnsafeBytes { buffer in
            _ = try GitError.check(
                git_blob_create_from_buffer(&created, pointer, buffer.baseAddress, buffer.count),
                "git_blob_create_from_buffer")
        }
        return ObjectID(created)
    }

    /// The bytes of the blob `id` (`git_blob_lookup`, `git_blob_rawcontent`), checked as they
    /// are read: they must hash to `id` (`git_odb_hash`). An object corrupted on disk
    /// (recompressed with other bytes, which zlib's own checksum cannot notice) throws
    /// ``HistoryError/corrupted(object:path:detail:)`` naming `path`, the file it was read
    /// for, rather than hand anyone bytes that are not the ones recorded.
    public func blobBytes(_ id: ObjectID, path: String? = nil) throws -> [UInt8] {
        try blob(id).verifiedBytes(path: path)
    }
}

extension Blob {
    /// A copy of the raw bytes after checking that they hash to the blob's id; see
    /// ``Repository/blobBytes(_:path:)``.
    func verifiedBytes(path: String?) throws -> [UInt8] {
        var hashed = git_oid()
        try GitError.check(git_odb_hash(&hashed, git_blob_rawcontent(pointer), size, GIT_OBJECT_BLOB), "git_odb_hash")
        let read = ObjectID(hashed)
        guard read == id else {
            throw HistoryError.corrupted(
                object: id.hex, path: path,
                detail: "its bytes hash to \(read.hex); the repository is damaged ('git fsck' lists such objects)")
        }
        return bytes
    }
}
