import Foundation
import PlantrackCore
import PlantrackGit

/// Makes libgit2 read no global, XDG or system git configuration in this test process, once.
/// Every test that opens or creates a repository touches this first; ``TestRepository``
/// does.
public let configurationIsolated: Bool = {
    // One shared folder for every run (so runs leave nothing behind), used only while empty.
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-git-tests-empty-config").path
    do {
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        guard try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty else { return false }
        try Libgit2.isolateConfiguration(searchPath: empty)
        return true
    } catch {
        return false
    }
}()

/// A file to commit: its bytes and mode (a symlink's bytes are its target).
public struct TestFile: Sendable {
    public var bytes: [UInt8]
    public var mode: FileMode = .file

    public init(_ text: String, mode: FileMode = .file) {
        bytes = Array(text.utf8)
        self.mode = mode
    }
}

/// A git repository in a fresh temporary folder, on branch `main`, written through
/// PlantrackGit with fixed authors and dates and no user configuration.
///
/// History is built in one of two ways, which a test does not mix:
/// - **through the working tree**, as a user does: ``write(_:_:)``, ``stage(_:_:)`` and
///   ``commit(_:time:)`` (the index on HEAD; dates a day apart from 2021-01-01);
/// - **from trees**: ``commit(_:_:parents:)`` commits ``files`` plus changes on top of the
///   previous such commit (dates an hour apart from 2024-01-01, by ``author``), and
///   ``sideCommit(_:parent:_:)`` makes a commit off the line from those files.
public final class TestRepository {
    /// The author and committer of commits made from trees; its time is the first one's.
    public static let author = Author(
        name: "Test Författare", email: "test@example.se", time: 1_704_067_200, offsetMinutes: 60)
    /// The author and committer of commits made through the working tree.
    public static let workingTreeAuthor = Author(
        name: "Test Samordnare", email: "samordnare@example.se", time: 1_609_459_200)

    /// The folder holding the repository (its working tree unless bare).
    public let folder: TemporaryFolder
    public let repository: Repository
    /// The files of the last commit made from trees.
    public private(set) var files: [String: TestFile] = [:]
    /// The commits made from trees, oldest first.
    public private(set) var commits: [ObjectID] = []
    /// The time of the last commit made through the working tree (seconds since 1970 UTC).
    private var clock: Int64 = TestRepository.workingTreeAuthor.time

    /// Creates an empty repository (bare when asked) in a new temporary folder.
    public init(bare: Bool = false) throws {
        guard configurationIsolated else { throw TestSetupError("could not isolate git configuration") }
        folder = try TemporaryFolder()
        repository = try Repository.initialize(at: folder.path, initialBranch: "main", bare: bare)
    }

    public var path: String { folder.path }
    public var url: URL { folder.url }
    public var directory: URL { folder.url }

    // MARK: Through the working tree

    /// Writes a file in the working tree only.
    public func write(_ relative: String, _ text: String) throws {
        try folder.write(relative, text)
    }

    /// Writes a file in the working tree and stages it.
    public func stage(_ relative: String, _ text: String) throws {
        try folder.write(relative, text)
        let index = try repository.index()
        try index.add(path: relative, bytes: Array(text.utf8))
        try index.write()
    }

    /// Commits the index with a fixed author, one day after the previous commit, or at
    /// `time` (seconds since 1970 UTC) when given.
    @discardableResult
    public func commit(_ message: String, time: Int64? = nil) throws -> ObjectID {
        clock = time ?? clock + 86_400
        var signature = Self.workingTreeAuthor
        signature.time = clock
        let index = try repository.index()
        let tree = try index.writeTree()
        let parents = repository.isHeadUnborn ? [] : [try repository.head().id]
        return try repository.createCommit(
            tree: tree, parents: parents, author: signature, committer: signature, message: message,
            updating: "HEAD")
    }

    // MARK: From trees

    /// Commits the current files plus `changes` (nil removes a path) on top of the previous
    /// commit made from trees, moving HEAD (and so `main`). Dates are fixed: one hour after
    /// the previous commit.
    @discardableResult
    public func commit(_ message: String, _ changes: [String: TestFile?], parents extraParents: [ObjectID] = [])
        throws -> ObjectID
    {
        for (path, file) in changes {
            files[path] = file
        }
        let tree = try writeTree(files)
        var signature = Self.author
        signature.time += Int64(commits.count) * 3600
        let parents = (commits.last.map { [$0] } ?? []) + extraParents
        let id = try repository.createCommit(
            tree: tree, parents: parents, author: signature, committer: signature, message: message,
            updating: "HEAD")
        commits.append(id)
        return id
    }

    /// Writes `files` as a tree through an in-memory index.
    public func writeTree(_ files: [String: TestFile]) throws -> ObjectID {
        let index = try Index.inMemory(for: repository)
        for path in files.keys.sorted() {
            guard let file = files[path] else { continue }
            let blob = try repository.createBlob(file.bytes)
            try index.add(path: path, id: blob, mode: file.mode, fileSize: file.bytes.count)
        }
        return try index.writeTree()
    }

    /// A commit on a side line (not moving HEAD), child of `parent`: the current files plus
    /// `changes`, half an hour after the last commit made from trees.
    public func sideCommit(_ message: String, parent: ObjectID, _ changes: [String: TestFile?]) throws -> ObjectID {
        var sideFiles = files
        for (path, file) in changes {
            sideFiles[path] = file
        }
        var signature = Self.author
        signature.time += Int64(commits.count) * 3600 + 1800
        return try repository.createCommit(
            tree: try writeTree(sideFiles), parents: [parent], author: signature, committer: signature,
            message: message)
    }
}
