import Foundation
import PlantrackGit

/// Makes libgit2 read no global, XDG or system git configuration in this test process, once.
/// Every test that opens or creates a repository touches this first.
let configurationIsolated: Bool = {
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
struct TestFile {
    var bytes: [UInt8]
    var mode: FileMode = .file

    init(_ text: String, mode: FileMode = .file) {
        bytes = Array(text.utf8)
        self.mode = mode
    }
}

/// A repository in a fresh temporary folder, on branch `main`, with history built through
/// the PlantrackGit layer: fixed author, fixed dates one hour apart, no user configuration.
final class TestRepository {
    static let author = Signature(
        name: "Test Författare", email: "test@example.se", time: 1_704_067_200, offsetMinutes: 60)

    let directory: URL
    let repository: Repository
    private(set) var files: [String: TestFile] = [:]
    private(set) var commits: [ObjectID] = []

    init(bare: Bool = false) throws {
        guard configurationIsolated else { throw TestSetupError("could not isolate git configuration") }
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("plantrack-git-test-\(UUID().uuidString)")
        repository = try Repository.initialize(at: directory.path, initialBranch: "main", bare: bare)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Commits the current files plus `changes` (nil removes a path) on top of HEAD, moving
    /// HEAD (and so `main`). Dates are fixed: one hour after the previous commit.
    @discardableResult
    func commit(_ message: String, _ changes: [String: TestFile?], parents extraParents: [ObjectID] = [])
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
    func writeTree(_ files: [String: TestFile]) throws -> ObjectID {
        let index = try Index.inMemory(for: repository)
        for path in files.keys.sorted() {
            guard let file = files[path] else { continue }
            let blob = try repository.createBlob(file.bytes)
            try index.add(path: path, id: blob, mode: file.mode, fileSize: file.bytes.count)
        }
        return try index.writeTree()
    }

    /// A commit on a side line (not moving HEAD), child of `parent`.
    func sideCommit(_ message: String, parent: ObjectID, _ changes: [String: TestFile?]) throws -> ObjectID {
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

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
