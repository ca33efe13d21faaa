import CGit2

/// A git repository opened through libgit2 (`git_repository`).
///
/// Owns its handle and frees it once, in `deinit`. Every object read from it (commits,
/// trees, blobs, the index) holds a strong reference to the repository, so the repository
/// outlives them whatever order callers drop them in.
///
/// Not `Sendable`: libgit2 objects of one repository must not be used from two threads at
/// once. Open one repository per task or thread.
public final class Repository {
    /// The `git_repository *`; freed only in `deinit`.
    let pointer: OpaquePointer

    /// Whether the handle was opened from git's environment variables
    /// (``openFromEnvironment()``), so that the handles of its ``blobPool`` are too.
    public let isOpenedFromEnvironment: Bool

    private init(pointer: OpaquePointer, fromEnvironment: Bool = false) {
        self.pointer = pointer
        self.isOpenedFromEnvironment = fromEnvironment
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository whose working tree or `.git` folder is exactly `path`; does not
    /// search parent folders (`git_repository_open_ext` with `GIT_REPOSITORY_OPEN_NO_SEARCH`).
    public static func open(at path: String) throws -> Repository {
        try Libgit2.ensureInitialized()
        var handle: OpaquePointer?
        try GitError.check(
            git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
            "git_repository_open_ext", context: "cannot open a git repository at '\(path)'")
        return try Repository(pointer: unwrap(handle, "git_repository_open_ext"))
    }

    /// Opens the repository git's environment names, as a hook git runs must
    /// (`git_repository_open_ext` with `GIT_REPOSITORY_OPEN_FROM_ENV`): `GIT_DIR` (else the
    /// current folder and its parents), and the object folders `GIT_OBJECT_DIRECTORY` and
    /// `GIT_ALTERNATE_OBJECT_DIRECTORIES`. In a `pre-receive` hook git points these at its
    /// quarantine, where the pushed objects wait until the hook accepts them; a repository
    /// opened by path would not see them.
    public static func openFromEnvironment() throws -> Repository {
        try Libgit2.ensureInitialized()
        var handle: OpaquePointer?
        try GitError.check(
            git_repository_open_ext(&handle, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil),
            "git_repository_open_ext", context: "cannot open the git repository that GIT_DIR or the current folder names")
        return try Repository(pointer: unwrap(handle, "git_repository_open_ext"), fromEnvironment: true)
    }

    /// Finds the repository that contains `path`, looking in `path` and then its parent
    /// folders (`git_repository_discover`), and opens it (`git_repository_open`).
    ///
    /// Discovery stops at a file-system boundary, as `git` does by default.
    public static func discover(from path: String) throws -> Repository {
        try Libgit2.ensureInitialized()
        var found = git_buf()
        defer { git_buf_dispose(&found) }
        try GitError.check(
            git_repository_discover(&found, path, 0, nil), "git_repository_discover",
            context: "no git repository at or above '\(path)'")
        var handle: OpaquePointer?
        try GitError.check(git_repository_open(&handle, found.ptr), "git_repository_open")
        return try Repository(pointer: unwrap(handle, "git_repository_open"))
    }

    /// Creates a repository at `path` (making missing folders) whose HEAD names the unborn
    /// branch `initialBranch` (`git_repository_init_ext`). Re-initialising an existing
    /// repository is harmless, as with `git init`.
    public static func initialize(
        at path: String, initialBranch: String = "main", bare: Bool = false
    ) throws -> Repository {
        try Libgit2.ensureInitialized()
        var options = git_repository_init_options()
        try GitError.check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        if bare {
            options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue
        }
        var handle: OpaquePointer?
        // initial_head is only borrowed for the duration of the call.
        try initialBranch.withCString { branch in
            options.initial_head = branch
            try GitError.check(
                git_repository_init_ext(&handle, path, &options), "git_repository_init_ext",
                context: "cannot create a git repository at '\(path)'")
        }
        return try Repository(pointer: unwrap(handle, "git_repository_init_ext"))
    }

    /// The working tree folder with a trailing `/`, or nil for a bare repository
    /// (`git_repository_workdir`).
    public var workdir: String? {
        git_repository_workdir(pointer).map { String(cString: $0) }
    }

    /// The `.git` folder (or the bare repository's folder) with a trailing `/`
    /// (`git_repository_path`).
    public var path: String {
        git_repository_path(pointer).map { String(cString: $0) } ?? ""
    }

    /// Whether the repository has no working tree (`git_repository_is_bare`).
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// Reads this repository's blobs from several threads at once (see ``BlobPool``);
    /// made on first use, and shared by every snapshot of the repository.
    public private(set) lazy var blobPool = BlobPool(gitDirectory: path, fromEnvironment: isOpenedFromEnvironment)

    /// Whether HEAD names a branch that has no commits yet (`git_repository_head_unborn`).
    public var isHeadUnborn: Bool { git_repository_head_unborn(pointer) == 1 }

    /// The commit HEAD points at (`git_repository_head`, peeled to a commit).
    ///
    /// Throws a ``GitError`` with code ``GitError/Code/unbornBranch`` when the repository has
    /// no commits yet.
    public func head() throws -> Commit {
        var reference: OpaquePointer?
        let result = git_repository_head(&reference, pointer)
        if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue {
            throw GitError.last(
                returnCode: result, function: "git_repository_head",
                context: "HEAD has no commits yet (branch '\(unbornBranchName())' is unborn)")
        }
        try GitError.check(result, "git_repository_head")
        let head = try Reference(pointer: unwrap(reference, "git_repository_head"), repository: self)
        return try head.peelToCommit()
    }

    /// The full name of the branch HEAD names (`refs/heads/main`), born or unborn; nil when
    /// HEAD is detached (`git_reference_lookup` of `HEAD`, `git_reference_symbolic_target`).
    public func headBranch() throws -> String? {
        var reference: OpaquePointer?
        try GitError.check(git_reference_lookup(&reference, pointer, "HEAD"), "git_reference_lookup", context: "cannot read HEAD")
        let head = try Reference(pointer: unwrap(reference, "git_reference_lookup"), repository: self)
        return head.symbolicTarget
    }

    /// The branch name HEAD points at while it is unborn (`main`), for messages.
    private func unbornBranchName() -> String {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, pointer, "HEAD") == 0, let reference else {
            git_error_clear()
            return "HEAD"
        }
        defer { git_reference_free(reference) }
        guard let target = git_reference_symbolic_target(reference) else { return "HEAD" }
        let name = String(cString: target)
        let prefix = "refs/heads/"
        return name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
    }

    /// Resolves a revision such as `HEAD`, `HEAD~1`, `main`, `v2024`, `1a2b3c4` or
    /// `main@{2}` to a commit (`git_revparse_single`, then `git_object_peel` so an annotated
    /// tag gives the commit it tags).
    ///
    /// A revision that names nothing throws ``GitError`` with code ``GitError/Code/notFound``
    /// and the context `unknown revision 'nope'`; one that names a tree or blob throws
    /// ``GitError/Code/peel`` (`revision 'x' is not a commit`).
    public func resolveCommit(_ spec: String) throws -> Commit {
        var object: OpaquePointer?
        let result = git_revparse_single(&object, pointer, spec)
        if result < 0 {
            let code = GitError.Code(returnCode: result)
            let context: String
            switch code {
            case .notFound where isHeadUnborn && spec.hasPrefix("HEAD"):
                context = "unknown revision '\(spec)': HEAD has no commits yet"
            case .notFound: context = "unknown revision '\(spec)'"
            case .ambiguous: context = "ambiguous revision '\(spec)'"
            case .invalidSpec: context = "invalid revision '\(spec)'"
            default: context = "cannot resolve revision '\(spec)'"
            }
            throw GitError.last(returnCode: result, function: "git_revparse_single", context: context)
        }
        let resolved = try unwrap(object, "git_revparse_single")
        // The revparse result is ours to free whatever it is; the peeled object is a new
        // handle (a new reference even when it is the same commit).
        defer { git_object_free(resolved) }
        var peeled: OpaquePointer?
        let peelResult = git_object_peel(&peeled, resolved, GIT_OBJECT_COMMIT)
        if peelResult < 0 {
            throw GitError.last(
                returnCode: peelResult, function: "git_object_peel",
                context: "revision '\(spec)' is not a commit")
        }
        return try Commit(pointer: unwrap(peeled, "git_object_peel"), repository: self)
    }

    /// The commit with id `id` (`git_commit_lookup`).
    public func commit(_ id: ObjectID) throws -> Commit {
        var handle: OpaquePointer?
        var oid = id.oid
        try GitError.check(
            git_commit_lookup(&handle, pointer, &oid), "git_commit_lookup",
            context: "no commit \(id.hex)")
        return try Commit(pointer: unwrap(handle, "git_commit_lookup"), repository: self)
    }

    /// The tree with id `id` (`git_tree_lookup`).
    public func tree(_ id: ObjectID) throws -> Tree {
        var handle: OpaquePointer?
        var oid = id.oid
        try GitError.check(
            git_tree_lookup(&handle, pointer, &oid), "git_tree_lookup", context: "no tree \(id.hex)")
        return try Tree(pointer: unwrap(handle, "git_tree_lookup"), repository: self)
    }

    /// The blob with id `id` (`git_blob_lookup`).
    public func blob(_ id: ObjectID) throws -> Blob {
        var handle: OpaquePointer?
        var oid = id.oid
        try GitError.check(
            git_blob_lookup(&handle, pointer, &oid), "git_blob_lookup", context: "no blob \(id.hex)")
        return try Blob(pointer: unwrap(handle, "git_blob_lookup"), repository: self)
    }
}

/// Turns the out-parameter of a libgit2 call that reported success into a non-optional
/// handle; a NULL there would be a libgit2 bug, reported as an error rather than a crash.
func unwrap(_ handle: OpaquePointer?, _ function: String) throws -> OpaquePointer {
    guard let handle else {
        throw GitError(code: .other(-1), message: "returned success but no object", function: function)
    }
    return handle
}
