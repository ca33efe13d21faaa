import Foundation
import PlantrackCore
import PlantrackGit
import Testing

@Suite struct RepositoryTests {
    @Test func initializeOpenAndDiscover() throws {
        let test = try TestRepository()
        try test.commit("Första", ["Plans/stockholm/county.md": TestFile("a")])
        let workdir = try #require(test.repository.workdir)
        #expect(workdir.hasSuffix("/"))
        #expect(test.repository.path.hasSuffix(".git/"))
        #expect(!test.repository.isBare)

        let nested = test.directory.appendingPathComponent("Plans/stockholm/2024")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let discovered = try Repository.discover(from: nested.path)
        #expect(discovered.path == test.repository.path)
        #expect(try discovered.head().id == test.commits[0])

        let opened = try Repository.open(at: test.directory.path)
        #expect(try opened.head().id == test.commits[0])
    }

    @Test func bareRepositoryHasNoWorkdir() throws {
        let test = try TestRepository(bare: true)
        #expect(test.repository.isBare)
        #expect(test.repository.workdir == nil)
    }

    @Test func openingAMissingRepositoryNamesTheFunction() throws {
        #expect(configurationIsolated)
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-repo-\(UUID().uuidString)")
        let error = try #require(throws: GitError.self) { try Repository.open(at: missing.path) }
        #expect(error.function == "git_repository_open_ext")
        #expect(error.code == .notFound)
        #expect(!error.message.isEmpty)
        #expect(error.description.contains("git_repository_open_ext"))
        #expect(error.description.contains(missing.path))

        let notFound = try #require(throws: GitError.self) { try Repository.discover(from: "/") }
        #expect(notFound.function == "git_repository_discover")
    }

    @Test func unbornHeadGivesAClearError() throws {
        let test = try TestRepository()
        #expect(test.repository.isHeadUnborn)
        let error = try #require(throws: GitError.self) { try test.repository.head() }
        #expect(error.code == .unbornBranch)
        #expect(error.description.contains("branch 'main' is unborn"))
        #expect(error.function == "git_repository_head")

        let revision = try #require(throws: GitError.self) { try test.repository.resolveCommit("HEAD") }
        #expect(revision.code == .notFound)
        #expect(revision.description.contains("HEAD has no commits yet"))
    }

    @Test func defaultSignatureWithoutConfigurationIsAClearError() throws {
        let test = try TestRepository()
        let error = try #require(throws: GitError.self) { try Author.default(in: test.repository) }
        #expect(error.code == .notFound)
        #expect(error.function == "git_signature_default")
        #expect(error.description.contains("no git identity is configured"))
    }

    @Test func commitMetadata() throws {
        let test = try TestRepository()
        let first = try test.commit("Första versionen\n\nMed brödtext.\n", ["a.md": TestFile("1")])
        let second = try test.commit("Andra", ["a.md": TestFile("2")])
        let commit = try test.repository.commit(second)
        #expect(commit.id == second)
        #expect(commit.id.hex.count == 40)
        #expect(commit.shortID.count >= 7)
        #expect(commit.id.hex.hasPrefix(commit.shortID))
        #expect(commit.parentIDs == [first])
        #expect(try commit.parents().map(\.id) == [first])
        #expect(commit.author == Author(name: "Test Författare", email: "test@example.se", time: 1_704_070_800, offsetMinutes: 60))
        #expect(commit.committer == commit.author)
        #expect(commit.time == 1_704_070_800)
        #expect(commit.timeOffsetMinutes == 60)

        let root = try test.repository.commit(first)
        #expect(root.parentIDs.isEmpty)
        #expect(root.message == "Första versionen\n\nMed brödtext.\n")
        #expect(root.summary == "Första versionen")
        #expect(try root.tree().id == root.treeID)
    }

    @Test func objectIDsParseAndCompare() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        #expect(id.abbreviated == "0123456")
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(ObjectID(hex: String(hex.dropLast())) == nil)
        #expect(ObjectID(hex: String(repeating: "0", count: 40))?.isZero == true)
        #expect(!id.isZero)
    }
}
