import Foundation
import PlantrackCore
import PlantrackGit
import Testing

@Suite struct WorkingTreeCommitTests {
    private func write(_ test: TestRepository, _ path: String, _ text: String) throws {
        let url = test.directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func statusOfPaths() throws {
        let test = try TestRepository()
        try test.commit("Första", ["Plans/a.md": TestFile("a\n"), "Plans/b.md": TestFile("b\n")])
        // The commit was built in memory: check the working files out by writing them.
        try write(test, "Plans/a.md", "a\n")
        try write(test, "Plans/b.md", "b\n")
        let index = try test.repository.index()
        try index.read(tree: try test.repository.head().tree())
        try index.write()
        #expect(try test.repository.status(ofPath: "Plans/a.md").isUnchanged)
        try write(test, "Plans/a.md", "ändrad\n")
        let modified = try test.repository.status(ofPath: "Plans/a.md")
        #expect(modified.hasUnstagedChanges && !modified.hasStagedChanges)
        #expect(modified.summary == "has uncommitted changes")
        #expect(try test.repository.status(ofPath: "Plans/nope.md").isAbsent)
        try write(test, "Plans/new.md", "ny\n")
        #expect(try test.repository.status(ofPath: "Plans/new.md").isUntracked)
    }

    @Test func commitsOnlyTheGivenFiles() throws {
        let test = try TestRepository()
        try test.commit("Första", ["Plans/a.md": TestFile("a\n"), "Plans/b.md": TestFile("b\n")])
        try write(test, "Plans/a.md", "a2\n")
        try write(test, "Plans/b.md", "b2 (not to be committed)\n")
        try write(test, "Plans/c.md", "c\n")
        let signature = Author(name: "Åsa Öberg", email: "asa@example.se", time: 1_700_000_000, offsetMinutes: 60)
        let id = try test.repository.commitWorkingFiles(
            ["Plans/a.md", "Plans/c.md"], message: "update a, add c\n",
            signature: signature)
        let commit = try test.repository.head()
        #expect(commit.id == id)
        #expect(commit.parentIDs == [test.commits[0]])
        #expect(commit.author == signature)
        let tree = try commit.tree()
        let aEntry = try #require(try tree.entry(atPath: "Plans/a.md"))
        #expect(try test.repository.blobBytes(aEntry.id).text == "a2\n")
        let bEntry = try #require(try tree.entry(atPath: "Plans/b.md"))
        #expect(try test.repository.blobBytes(bEntry.id).text == "b\n")
        let cEntry = try #require(try tree.entry(atPath: "Plans/c.md"))
        #expect(try test.repository.blobBytes(cEntry.id).text == "c\n")
        #expect(try test.repository.status(ofPath: "Plans/a.md").isUnchanged)
        #expect(try test.repository.status(ofPath: "Plans/c.md").isUnchanged)
        // A path missing on disk is removed from the commit.
        try FileManager.default.removeItem(at: test.directory.appendingPathComponent("Plans/c.md"))
        try test.repository.commitWorkingFiles(["Plans/c.md"], message: "remove c\n", signature: signature)
        #expect(try test.repository.head().tree().entry(atPath: "Plans/c.md") == nil)
        // The file's history, as the History seam reads it: removed, then added before.
        let history = GitHistory(repository: test.repository, root: test.directory.path)
        let commits = try history.ancestry(from: history.commit(named: "HEAD").id)
        let changesOfC = try commits.map { commit in
            try history.changes(from: commit.parentIDs.first, to: commit.id, under: "Plans").filter { $0.path == "Plans/c.md" }
        }
        #expect(changesOfC.map { $0.map(\.kind) } == [[.removed], [.added], []])
        #expect(commits[1].message == "update a, add c\n")
    }

    @Test func firstCommitOnAnUnbornBranch() throws {
        let test = try TestRepository()
        try write(test, "Plans/a.md", "a\n")
        let signature = Author(name: "A", email: "a@example.se", time: 1_700_000_000)
        try test.repository.commitWorkingFiles(["Plans/a.md"], message: "init\n", signature: signature)
        #expect(try test.repository.head().parentIDs.isEmpty)
        #expect(try test.repository.status(ofPath: "Plans/a.md").isUnchanged)
    }

    @Test func configurationIdentityAndIndexLock() throws {
        let test = try TestRepository()
        #expect(throws: GitError.self) { try Author.default(in: test.repository) }
        try test.repository.setConfiguration("user.name", to: "Åsa Öberg")
        try test.repository.setConfiguration("user.email", to: "asa@example.se")
        let identity = try Author.default(in: test.repository)
        #expect(identity.name == "Åsa Öberg" && identity.email == "asa@example.se")
        #expect(!test.repository.isIndexLocked)
        try Data().write(to: URL(fileURLWithPath: test.repository.path + "index.lock"))
        #expect(test.repository.isIndexLocked)
    }

    @Test func writeLockIsExclusiveAndBounded() throws {
        let test = try TestRepository()
        let first = try RepositoryWriteLock(test.repository, timeout: 0)
        let start = RepositoryWriteLock.now()
        let error = try #require(throws: GitError.self) { try RepositoryWriteLock(test.repository, timeout: 0.2) }
        #expect(error.code == .locked)
        #expect(RepositoryWriteLock.now() - start >= 0.2)
        first.release()
        let second = try RepositoryWriteLock(test.repository, timeout: 0)
        second.release()
        // The file stays behind but holds nothing: only a live holder blocks.
        #expect(FileManager.default.fileExists(atPath: test.repository.path + "plantrack-write.lock"))
        do {
            let scoped = try RepositoryWriteLock(test.repository, timeout: 0)
            _ = scoped
        }
        let afterScope = try RepositoryWriteLock(test.repository, timeout: 0)
        afterScope.release()
    }
}
