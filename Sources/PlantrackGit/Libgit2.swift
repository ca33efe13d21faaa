import CGit2

/// Process-wide libgit2 state: lazy initialisation and global options.
///
/// libgit2 is initialised once, on first use, and never shut down: shutting down while
/// another thread still holds a repository would free global state under it.
public enum Libgit2 {
    /// The result of the one `git_libgit2_init` call (the init count, or a negative error).
    ///
    /// A global `let` is initialised lazily and exactly once, thread-safely (swift_once).
    private static let initialization: Int32 = {
        let result = git_libgit2_init()
        guard result >= 0 else { return result }
        // libgit2 re-hashes every object it reads (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION),
        // trees too large for its cache at every lookup: off, reading a commit's 43,000 blobs
        // and its trees costs a fifth less. The bytes that become figures are still checked:
        // every blob read is hashed against its id as it is read (``Repository/blobBytes(_:)``).
        return plantrack_git_set_strict_hash_verification(0)
    }()

    /// Makes sure `git_libgit2_init` has run; every entry point that can be the first call
    /// into libgit2 (opening, discovering, initialising a repository, setting options) calls it.
    static func ensureInitialized() throws {
        try GitError.check(initialization, "git_libgit2_init")
    }

    /// Makes libgit2 read no global, XDG, system or ProgramData configuration: the search
    /// paths are set to `directory` (which should be empty) for every one of those levels.
    ///
    /// Wraps `git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path)`. Process-wide; meant for
    /// tests and the generator, which must not depend on the user's `~/.gitconfig`. Takes
    /// effect for repositories opened afterwards.
    public static func isolateConfiguration(searchPath directory: String) throws {
        try ensureInitialized()
        let levels = [
            GIT_CONFIG_LEVEL_PROGRAMDATA, GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG,
            GIT_CONFIG_LEVEL_GLOBAL,
        ]
        for level in levels {
            try GitError.check(
                plantrack_git_set_search_path(level.rawValue, directory),
                "git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH)")
        }
    }

    /// Turns libgit2's check that every object a new tree or commit refers to exists on or
    /// off (`GIT_OPT_ENABLE_STRICT_OBJECT_CREATION`, on by default). Process-wide.
    ///
    /// Switching it off saves one object-database lookup per tree entry; do it only when
    /// every referenced object was written by the same program.
    public static func setStrictObjectCreation(_ enabled: Bool) throws {
        try ensureInitialized()
        try GitError.check(
            plantrack_git_set_strict_object_creation(enabled ? 1 : 0),
            "git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION)")
    }

    /// libgit2's version, e.g. `1.5.1` (`git_libgit2_version`).
    public static var version: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
