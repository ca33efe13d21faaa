#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file could not be written; the description is what messages show after the path.
public struct AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `cannot write: No space left on device`.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Writing a file so that a reader sees the old file or the new one, never half of one: the
/// working files a command changes, and the roll-up memo.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically (see ``write(to:mode:_:)``), creating missing
    /// folders and keeping an existing file's permissions.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try makeFolders(forFile: path)
        try write(to: path) { write in write(bytes) }
    }

    /// Writes a file atomically: `produce` hands its bytes to `write` (in as many pieces as
    /// it likes) into a temporary file beside the target, which is synced and renamed into
    /// place. `mode` sets the permissions; nil keeps an existing file's (0644 for a new one).
    public static func write(
        to path: String, mode: UInt32? = nil, _ produce: (_ write: ([UInt8]) -> Void) -> Void
    ) throws {
        var permissions: mode_t = 0o644
        var status = stat()
        if let mode {
            permissions = mode_t(mode)
        } else if stat(path, &status) == 0 {
            permissions = status.st_mode & 0o7777
        }
        let temporary = path + ".plantrack-\(getpid()).tmp"
        guard let file = fopen(temporary, "wb") else {
            throw AtomicFileError("cannot write: \(String(cString: strerror(errno)))")
        }
        var complete = true
        produce { bytes in
            if complete && !bytes.isEmpty && fwrite(bytes, 1, bytes.count, file) != bytes.count { complete = false }
        }
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard complete, flushed, chmod(temporary, permissions) == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError("cannot write: \(reason)")
        }
    }

    /// Creates the folders above `path` that are missing.
    public static func makeFolders(forFile path: String) throws {
        var folder = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (i, part) in parts.enumerated() {
            folder += (i == 0 ? "" : "/") + part
            if folder.isEmpty || isDirectory(folder) { continue }
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw AtomicFileError("cannot create folder \(folder): \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
