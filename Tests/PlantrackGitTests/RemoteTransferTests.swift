import Foundation
import PlantrackGit
import Testing

@Suite struct RemoteTransferTests {
    private func session() -> TransferSession {
        TransferSession(settings: TransferSettings(environment: ProcessInfo.processInfo.environment))
    }

    @Test func pushThenFetchThroughALocalPath() throws {
        let remote = try TestRepository(bare: true)
        let local = try TestRepository()
        let first = try local.commit("Första", ["Plans/stockholm/county.md": TestFile("å")])
        var progress: [TransferProgress] = []
        let pushing = TransferSession(settings: TransferSettings(environment: [:])) { progress.append($0) }
        try local.repository.push(
            remote: remote.directory.path, refspecs: ["refs/heads/main:refs/heads/main"], session: pushing)
        #expect(pushing.pushedReferences == [PushedReference(name: "refs/heads/main", refusal: nil)])
        #expect(try remote.repository.resolveCommit("main").id == first)
        #expect(progress.contains { $0.direction == .push })

        let other = try TestRepository()
        let received = try other.repository.fetch(
            remote: remote.directory.path, refspecs: ["+refs/heads/main:refs/remotes/origin/main"],
            session: session())
        #expect(received > 0)
        #expect(try other.repository.resolveCommit("refs/remotes/origin/main").id == first)
    }

    @Test func aPushThatIsNotAFastForwardIsRefusedAsAServerWould() throws {
        let remote = try TestRepository(bare: true)
        let one = try TestRepository()
        let first = try one.commit("Första", ["a.md": TestFile("1")])
        try one.repository.push(remote: remote.directory.path, refspecs: ["refs/heads/main:refs/heads/main"], session: session())
        let two = try TestRepository()
        try two.commit("Annan", ["b.md": TestFile("2")])
        // A local path: the objects arrive, the reference is compared and refused.
        let local = session()
        try two.repository.push(remote: remote.directory.path, refspecs: ["refs/heads/main:refs/heads/main"], session: local)
        #expect(local.pushedReferences == [PushedReference(name: "refs/heads/main", refusal: "non-fast-forward")])
        #expect(try remote.repository.resolveCommit("main").id == first)
        // The same through file://, and a tag that exists is not moved.
        try one.repository.setReference(named: "refs/tags/stockholm/2026/v1", to: first)
        try one.repository.push(
            remote: "file://" + remote.directory.path, refspecs: ["refs/tags/stockholm/2026/v1:refs/tags/stockholm/2026/v1"],
            session: session())
        let moved = session()
        let other = try two.repository.resolveCommit("HEAD").id
        try two.repository.setReference(named: "refs/tags/stockholm/2026/v1", to: other)
        try two.repository.push(
            remote: "file://" + remote.directory.path,
            refspecs: ["refs/heads/main:refs/heads/utkast", "refs/tags/stockholm/2026/v1:refs/tags/stockholm/2026/v1"],
            session: moved)
        #expect(
            moved.pushedReferences == [
                PushedReference(name: "refs/heads/utkast", refusal: nil),
                PushedReference(name: "refs/tags/stockholm/2026/v1", refusal: "already exists"),
            ])
        #expect(try remote.repository.resolveCommit("refs/tags/stockholm/2026/v1").id == first)
        #expect(try remote.repository.resolveCommit("utkast").id == other)
        // No staging reference is left behind.
        let staged = try remote.repository.referenceNames(startingWith: "refs/plantrack/")
        #expect(staged.isEmpty, "\(staged)")
    }

    @Test func aMissingRemoteNamesIt() throws {
        let local = try TestRepository()
        #expect(try local.repository.remoteURL("origin") == nil)
        let error = try #require(throws: GitError.self) {
            try local.repository.fetch(remote: "/nowhere/at/all", refspecs: [], session: session())
        }
        #expect(error.description.contains("/nowhere/at/all"))
    }
}
