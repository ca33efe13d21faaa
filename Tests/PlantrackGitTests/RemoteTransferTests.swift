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

    @Test func aPushThatIsNotAFastForwardIsRefused() throws {
        let remote = try TestRepository(bare: true)
        let one = try TestRepository()
        try one.commit("Första", ["a.md": TestFile("1")])
        try one.repository.push(remote: remote.directory.path, refspecs: ["refs/heads/main:refs/heads/main"], session: session())
        let two = try TestRepository()
        try two.commit("Annan", ["b.md": TestFile("2")])
        let error = try #require(throws: GitError.self) {
            try two.repository.push(
                remote: remote.directory.path, refspecs: ["refs/heads/main:refs/heads/main"], session: session())
        }
        #expect(error.code == .modified)
        #expect(error.description.contains(remote.directory.path))
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
