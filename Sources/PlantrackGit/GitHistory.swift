import PlantrackCore

/// A workspace's ``History`` in a git repository, through libgit2: the one implementation
/// of the seam the commands use (``MemoryHistory`` is the other, for tests).
public final class GitHistory: History {
    /// The repository.
    public let repository: Repository
    /// The working folder, without a trailing `/`.
    public let root: String

    /// Uses `repository`, whose working folder is `root`.
    public init(repository: Repository, root: String) {
        self.repository = repository
        self.root = root
    }
}
