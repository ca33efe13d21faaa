import Foundation
import PlantrackCore
import PlantrackGit
import Testing

@Suite struct SnapshotTests {
    static let planPath = "Plans/stockholm/2024/plan.md"

    @Test func indexAndOlderCommitGiveDifferentVersions() throws {
        let test = try TestRepository()
        try test.commit("version 1", [Self.planPath: TestFile("---\nversion: 1\n---\n")])
        try test.commit("version 2", [Self.planPath: TestFile("---\nversion: 2\n---\n")])
        let repository = test.repository
        // Stage version 3 without writing it to the working tree, as `update` will.
        let index = try repository.index()
        try index.read(tree: try repository.head().tree())
        try index.add(path: Self.planPath, bytes: Array("---\nversion: 3\n---\n".utf8))
        try index.write()
        #expect(!FileManager.default.fileExists(atPath: test.directory.appendingPathComponent(Self.planPath).path))

        let staged = try repository.indexSnapshot(readsSizes: true)
        #expect(staged.label == "index")
        let stagedEntries = try staged.entries(under: "Plans")
        #expect(stagedEntries.map(\.path) == [Self.planPath])
        #expect(try staged.contents(of: stagedEntries[0]).text == "---\nversion: 3\n---\n")
        #expect(stagedEntries[0].size == 19)

        let older = try repository.snapshot(revision: "HEAD~1", readsSizes: true)
        #expect(older.label == "HEAD~1 (\(try repository.resolveCommit("HEAD~1").shortID))")
        let olderEntries = try older.entries(under: "Plans")
        #expect(try older.contents(of: olderEntries[0]).text == "---\nversion: 1\n---\n")
        #expect(olderEntries[0].contentID != stagedEntries[0].contentID)
        #expect(olderEntries[0].size == 19)
        #expect(try repository.snapshot(revision: "HEAD~1").entries(under: "Plans")[0].size == nil)

        let head = try repository.snapshot(revision: "HEAD")
        let headEntry = SnapshotEntry(path: Self.planPath, kind: .file)
        #expect(try head.contents(of: headEntry).text == "---\nversion: 2\n---\n")

        // A fresh Index object sees what another writer saved.
        let other = try Repository.open(at: test.directory.path)
        let otherIndex = try other.index()
        try otherIndex.add(path: Self.planPath, bytes: Array("v4".utf8))
        try otherIndex.write()
        #expect(try repository.indexSnapshot().contents(of: headEntry).text == "v4")
    }

    @Test func symlinksAreReportedNotFollowed() throws {
        let test = try TestRepository()
        let commitID = try test.commit(
            "länkar",
            [
                "Plans/a/plan.md": TestFile("riktig"),
                "Plans/a/länk.md": TestFile("plan.md", mode: .symlink),
                "Plans/a/hemlig.md": TestFile("/etc/passwd", mode: .symlink),
            ])
        let snapshot = try test.repository.snapshot(revision: "main")
        let entries = try snapshot.entries(under: "Plans/a")
        #expect(entries.map(\.path) == ["Plans/a/hemlig.md", "Plans/a/länk.md", "Plans/a/plan.md"])
        #expect(entries[0].kind == .symlink(target: "/etc/passwd"))
        #expect(entries[1].kind == .symlink(target: "plan.md"))
        #expect(entries[2].kind == .file)
        let error = try #require(throws: SnapshotError.self) { try snapshot.contents(of: entries[0]) }
        #expect(error.path == "Plans/a/hemlig.md")
        #expect(error.message.contains("symbolic link"))
        // Without a content id the path is looked up in the tree: still not followed.
        let byPath = try #require(throws: SnapshotError.self) {
            try snapshot.contents(of: SnapshotEntry(path: "Plans/a/länk.md", kind: .file))
        }
        #expect(byPath.message.contains("symbolic link"))

        // The same through the index.
        let index = try test.repository.index()
        try index.read(tree: try test.repository.commit(commitID).tree())
        try index.write()
        let staged = try test.repository.indexSnapshot()
        let stagedEntries = try staged.entries(under: "Plans")
        #expect(stagedEntries[1].kind == .symlink(target: "plan.md"))
        #expect(throws: SnapshotError.self) { try staged.contents(of: stagedEntries[1]) }
    }

    @Test func submodulesAreOtherAndMissingFilesAreErrors() throws {
        let test = try TestRepository()
        let first = try test.commit("första", ["Plans/a/plan.md": TestFile("p")])
        // A gitlink pointing at a commit of this repository stands in for a submodule.
        try test.commit("undermodul", ["Plans/a/vendor": nil])
        let index = try Index.inMemory(for: test.repository)
        try index.read(tree: try test.repository.head().tree())
        try index.add(path: "Plans/a/vendor", id: first, mode: .submodule)
        let tree = try index.writeTree()
        let withSubmodule = try test.repository.createCommit(
            tree: tree, parents: [test.commits[1]], author: TestRepository.author,
            committer: TestRepository.author, message: "undermodul", updating: "HEAD")
        let snapshot = CommitSnapshot(commit: try test.repository.commit(withSubmodule), label: "HEAD")
        let entries = try snapshot.entries(under: "Plans")
        #expect(entries.map(\.path) == ["Plans/a/plan.md", "Plans/a/vendor"])
        #expect(entries[1].kind == .other)
        #expect(throws: SnapshotError.self) { try snapshot.contents(of: entries[1]) }

        let missing = try #require(throws: SnapshotError.self) {
            try snapshot.contents(of: SnapshotEntry(path: "Plans/a/saknas.md", kind: .file))
        }
        #expect(missing.message == "no such file in HEAD")
        #expect(try snapshot.entries(under: "Saknas").isEmpty)
    }

    @Test func conflictsInTheIndexAreNoted() throws {
        let test = try TestRepository()
        try test.commit("bas", ["Plans/a/plan.md": TestFile("bas"), "Plans/a/b.md": TestFile("b")])
        let repository = test.repository
        let ours = try repository.createBlob(Array("vår".utf8))
        let theirs = try repository.createBlob(Array("deras".utf8))
        let index = try repository.index()
        try index.read(tree: try repository.head().tree())
        try index.addConflict(path: "Plans/a/plan.md", ancestor: nil, ours: ours, theirs: theirs)
        #expect(index.hasConflicts)
        let entries = index.entries(under: "Plans")
        #expect(entries.map(\.stage) == [0, 2, 3])
        #expect(entries.filter(\.isConflicted).map(\.path) == ["Plans/a/plan.md", "Plans/a/plan.md"])
        try index.write()

        let snapshot = try repository.indexSnapshot()
        let listed = try snapshot.entries(under: "Plans")
        #expect(listed.map(\.path) == ["Plans/a/b.md", "Plans/a/plan.md"])
        #expect(listed[1].kind == .other)
        let error = try #require(throws: SnapshotError.self) { try snapshot.contents(of: listed[1]) }
        #expect(error.message.contains("conflict"))
        let treeError = try #require(throws: GitError.self) { try index.writeTree() }
        #expect(treeError.function == "git_index_write_tree_to")
    }

    @Test func repeatedUseFreesEverything() throws {
        let test = try TestRepository()
        for round in 0..<20 {
            try test.commit("runda \(round)", ["Plans/e\(round % 4)/plan.md": TestFile("runda \(round)")])
        }
        let path = test.directory.path
        for _ in 0..<100 {
            let repository = try Repository.open(at: path)
            let snapshot = try repository.snapshot(revision: "HEAD~3")
            for entry in try snapshot.entries(under: "Plans") {
                _ = try snapshot.contents(of: entry)
            }
            let head = try repository.head()
            let parent = try #require(try head.parents().first)
            _ = try repository.changes(from: parent.tree(), to: head.tree(), under: "Plans")
            _ = try repository.history(from: head.id)
            _ = try repository.indexSnapshot().entries(under: "Plans")
            _ = try? repository.resolveCommit("nope")
        }
        // Objects outliving the repository variable keep it open.
        let commit = try Repository.open(at: path).head()
        #expect(try commit.tree().files(under: "Plans").count == 4)
    }
}
