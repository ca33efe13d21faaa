import Foundation
import PlantrackGit

/// A git workspace in a temporary folder, written through libgit2 with a fixed author and
/// fixed dates, on branch `main`.
final class TestRepository {
    let folder: TemporaryFolder
    let repository: Repository
    private var clock: Int64 = 1_609_459_200  // 2021-01-01T00:00:00Z

    init() throws {
        folder = try TemporaryFolder()
        repository = try Repository.initialize(at: folder.path, initialBranch: "main")
    }

    var path: String { folder.path }
    var url: URL { folder.url }

    /// Writes a file in the working tree only.
    func write(_ relative: String, _ text: String) throws {
        try folder.write(relative, text)
    }

    /// Writes a file in the working tree and stages it.
    func stage(_ relative: String, _ text: String) throws {
        try folder.write(relative, text)
        let index = try repository.index()
        try index.add(path: relative, bytes: Array(text.utf8))
        try index.write()
    }

    /// Commits the index with a fixed author, one day after the previous commit, or at
    /// `time` (seconds since 1970 UTC) when given.
    @discardableResult
    func commit(_ message: String, time: Int64? = nil) throws -> ObjectID {
        clock = time ?? clock + 86_400
        let signature = Signature(name: "Test Samordnare", email: "samordnare@example.se", time: clock)
        let index = try repository.index()
        let tree = try index.writeTree()
        let parents = repository.isHeadUnborn ? [] : [try repository.head().id]
        return try repository.createCommit(tree: tree, parents: parents, author: signature, committer: signature,
                                           message: message, updating: "HEAD")
    }
}
