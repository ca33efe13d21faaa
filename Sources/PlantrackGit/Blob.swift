import CGit2

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

    /// The bytes of the blob `id` (`git_blob_lookup`, `git_blob_rawcontent`).
    public func blobBytes(_ id: ObjectID) throws -> [UInt8] {
        try blob(id).bytes
    }
}
